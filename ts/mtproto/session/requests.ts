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

/** An RPC query waiting for its answer. */
export interface Pending {
  id: number;
  /** The query as given (results are decoded against it). */
  request: AnyRequest;
  method: string;
  /** Its message: queued, sent, or re-queued. */
  out: Outgoing;
  /** An API query (may carry initConnection), not an MTProto service function. */
  api: boolean;
  gzip: boolean;
  initWrapped: boolean;
  /** The body has had its final encoding (wrapper, gzip). */
  prepared: boolean;
  /** The server acknowledged the message (msgs_ack or msg_detailed_info). */
  acked: boolean;
  settled: boolean;
  build: ((msgId: bigint) => AnyRequest) | undefined;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
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
      initWrapped: false,
      prepared: false,
      acked: false,
      settled: false,
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
    if (this.barrierQuery && !this.barrierQuery.settled) return this.barrierQuery;
    this.barrierQuery = undefined;
    return undefined;
  }

  /** Settles a request once: rejects with `error`, or resolves with `value`. */
  settle(p: Pending, error: Error | undefined, value?: unknown): void {
    if (p.settled) return;
    p.settled = true;
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
    if (!p || p.settled) return;
    const wrap = this.needInit && p.api && !p.initWrapped && this.options.initConnection !== undefined;
    if (p.prepared && !wrap) return;
    if (wrap) {
      p.initWrapped = true;
      this.needInit = false;
    }
    let body = p.initWrapped
      ? encode(wrapWithInitConnection(p.request, this.options.initConnection!, this.options.layer ?? LAYER))
      : p.prepared
        ? encode(p.request)
        : item.body;
    const threshold = this.options.gzipThreshold ?? DEFAULT_GZIP_THRESHOLD;
    if (p.gzip && threshold !== false) body = maybeGzip(body, threshold, p.method);
    item.body = body;
    p.prepared = true;
  }
}
