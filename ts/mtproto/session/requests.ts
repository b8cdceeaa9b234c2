/**
 * Request bookkeeping of a session: the table of RPC queries waiting for an
 * answer, their promises, the barrier query, and the final encoding of a
 * query (initConnection wrapper, gzip). The protocol state (msg_ids, seq_no,
 * salts, sealing) knows nothing of these; it numbers and seals whatever the
 * outbox hands it (grammers keeps the same split: `Mtp` vs the sender's
 * request table).
 */
import { encode } from '../../tl/codec/index.js';
import type { AnyRequest, ResultOf } from '../../tl/generated/types.js';
import { DEFAULT_GZIP_THRESHOLD, maybeGzip } from './gzip.js';
import { LAYER, wrapWithInitConnection } from './init-connection.js';
import type { SendOptions, SessionOptions } from './options.js';
import type { Outgoing } from './outbox.js';
import { mtprotoFunctions } from './schema-facts.js';

/**
 * Where a request stands with the server
 * (https://core.telegram.org/mtproto/service_messages_about_messages):
 *
 * ```
 * queued ──flush──▶ sent ──msgs_ack / msg_detailed_info──▶ acked
 *   ▲                 │                                      │
 *   └── refused, asked for again, connection lost, new session ┘
 * any ──answer, error, cancel, close──▶ settled (final)
 * ```
 */
export type PendingState = 'queued' | 'sent' | 'acked' | 'settled';

/**
 * How far the body has been encoded: `raw` (the query as given, still to be
 * finished), `final` (gzipped where it pays), `init-wrapped` (final, inside
 * invokeWithLayer(initConnection(...))).
 */
export type PendingBody = 'raw' | 'final' | 'init-wrapped';

/** An RPC query waiting for its answer. */
export interface Pending {
  readonly id: number;
  /** The query as given (results are decoded against it). */
  readonly request: AnyRequest;
  readonly method: string;
  /** Its message: queued, sent, or re-queued. */
  readonly out: Outgoing;
  /** An API query (may carry initConnection), not an MTProto service function. */
  readonly api: boolean;
  /** Its body may be gzipped. */
  readonly gzip: boolean;
  /** Rebuilds the body for each msg_id (auth.bindTempAuthKey). */
  readonly build: ((msgId: bigint) => AnyRequest) | undefined;
  state: PendingState;
  body: PendingBody;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

/** The request is still waiting for its answer. */
export function isOpen(p: Pending): boolean {
  return p.state !== 'settled';
}

/** It went out (again): the server has not acknowledged this transmission yet. */
export function markSent(p: Pending): void {
  if (p.state !== 'settled') p.state = 'sent';
}

/** The server acknowledged it (msgs_ack, msg_detailed_info): it arrived, the answer may take a while. */
export function markAcked(p: Pending): void {
  if (p.state === 'sent') p.state = 'acked';
}

/** It is queued to go out again (refused, asked for, lost with the connection or the session). */
export function markQueued(p: Pending): void {
  if (p.state !== 'settled') p.state = 'queued';
}

const noop = () => {};

/** The pending requests of one session, by local id. */
export class RequestTable {
  private readonly byId = new Map<number, Pending>();
  private nextId = 1;
  /** A query every other query waits for (SendOptions.barrier). */
  private barrierQuery: Pending | undefined;
  /** The next API query must carry initConnection. */
  needInit: boolean;

  constructor(private readonly options: SessionOptions) {
    this.needInit = options.initConnection !== undefined;
  }

  /** Registers a query whose message is `out` and returns its promise. */
  create<R extends AnyRequest>(request: R, options: SendOptions, out: Outgoing): { pending: Pending; promise: Promise<ResultOf<R>> } {
    let resolve!: (v: unknown) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<ResultOf<R>>((res, rej) => {
      resolve = res as (v: unknown) => void;
      reject = rej;
    });
    // A caller that drops the promise must not crash the process on a rejection.
    promise.catch(noop);
    const method = request._;
    const pending: Pending = {
      id: this.nextId++,
      request,
      method,
      out,
      api: !mtprotoFunctions().has(method) && !options.build,
      gzip: (options.gzip ?? true) && !options.build,
      build: options.build,
      state: 'queued',
      body: 'raw',
      resolve,
      reject,
    };
    out.request = pending;
    this.byId.set(pending.id, pending);
    if (options.barrier) this.barrierQuery = pending;
    return { pending, promise };
  }

  get(id: number): Pending | undefined {
    return this.byId.get(id);
  }

  /** Every request not settled yet. */
  all(): Pending[] {
    return [...this.byId.values()];
  }

  /** The barrier query while it is unanswered (forgotten once it settles). */
  activeBarrier(): Pending | undefined {
    if (this.barrierQuery && isOpen(this.barrierQuery)) return this.barrierQuery;
    this.barrierQuery = undefined;
    return undefined;
  }

  /** Settles a request once: rejects with `error`, or resolves with `value`. */
  settle(p: Pending, error: Error | undefined, value?: unknown): void {
    if (!isOpen(p)) return;
    p.state = 'settled';
    if (this.barrierQuery === p) this.barrierQuery = undefined;
    this.byId.delete(p.id);
    if (error) p.reject(error);
    else p.resolve(value);
  }

  /** The query that carried initConnection failed or was dropped: the next API query carries it again. */
  initLost(): void {
    this.needInit = this.options.initConnection !== undefined;
  }

  /** A new connection or session: the next API query carries initConnection (when configured). */
  initAgain(): void {
    if (this.options.initConnection) this.needInit = true;
  }

  /**
   * Final encoding of a query just before it is numbered: the initConnection
   * wrapper when this is the first API query since it was needed, then gzip.
   * Done once; a re-sent query keeps its bytes unless it now has to carry
   * initConnection (after a lost connection).
   */
  prepare(item: Outgoing): void {
    const p = item.request;
    if (!p || !isOpen(p)) return;
    const wrap = this.needInit && p.api && p.body !== 'init-wrapped' && this.options.initConnection !== undefined;
    if (p.body !== 'raw' && !wrap) return;
    if (wrap) {
      p.body = 'init-wrapped';
      this.needInit = false;
    }
    let body =
      p.body === 'init-wrapped'
        ? encode(wrapWithInitConnection(p.request, this.options.initConnection!, this.options.layer ?? LAYER))
        : item.body;
    const threshold = this.options.gzipThreshold ?? DEFAULT_GZIP_THRESHOLD;
    if (p.gzip && threshold !== false) body = maybeGzip(body, threshold, p.method);
    item.body = body;
    if (p.body === 'raw') p.body = 'final';
  }
}
