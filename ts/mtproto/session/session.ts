/**
 * The client side of an encrypted MTProto session as a sans-IO state machine
 * (https://core.telegram.org/mtproto/description,
 * https://core.telegram.org/mtproto/service_messages,
 * https://core.telegram.org/mtproto/service_messages_about_messages,
 * https://core.telegram.org/mtproto/security_guidelines).
 *
 * The session never touches a socket or a timer. Its owner moves bytes and
 * time:
 *
 * ```ts
 * const session = new MtprotoSession({ crypto, authKey, serverSalt, timeOffset, initConnection: { api_id, ... } });
 * const { promise } = session.send({ _: 'help.getConfig' });
 * for (const packet of session.flush(Date.now())) transport.write(packet);
 * transport.onPacket = (p) => {
 *   for (const ev of session.receive(p, Date.now())) handle(ev);        // updates, new session, dropped messages...
 *   for (const out of session.flush(Date.now())) transport.write(out);   // acks, re-sends, answers to the server
 * };
 * setTimer(session.nextDeadline(Date.now()), () => { handleAll(session.tick(Date.now())); writeAll(session.flush(Date.now())); });
 * const config = await promise;                                          // settled by receive()
 * ```
 *
 * What it does for its owner:
 * - msg_id (monotonic, synced with the server's clock, divisible by 4) and
 *   seq_no for every message, assigned when the message is flushed;
 * - packs queued messages into msg_container (≤ 1020 messages, ≤ 1 MiB) and
 *   unpacks incoming ones; gzips large queries when it pays;
 * - acknowledges content-related messages (piggybacked on the next flush,
 *   or alone after `ackThreshold` messages / `ackDelayMs`);
 * - rpc_result → settles the request's promise (typed result or `RpcError`);
 * - bad_server_salt → new salt and re-send; bad_msg_notification 16/17 → time
 *   re-sync and re-send, 32/33 → seq_no repair, others → re-send;
 *   new_session_created → new salt, event, re-send what the server lost;
 * - answers msgs_state_req / msg_resend_req; pings with ping_delay_disconnect;
 * - checks every incoming packet (auth_key_id, msg_key, lengths, padding,
 *   session_id, msg_id parity, time window, replays) and drops a bad one with
 *   a `security_error` event instead of throwing.
 */

import type { AuthKeyHandle, CryptoProvider, RandomSource } from '../../crypto/provider.js';
import { RpcError, SecurityError, TlError } from '../../errors.js';
import { redact } from '../../redact.js';
import { DecodeBudget, decode, decodeResult, encode, type DecodeLimits } from '../../tl/codec/index.js';
import type { AnyRequest, AnyTlObject, mt, ResultOf } from '../../tl/generated/types.js';
import { MtprotoError } from '../errors.js';
import { isServerMsgId, MsgIdGenerator, msgIdTimeSkew } from '../msg-id.js';
import {
  CONTAINER_HEADER,
  CONTAINER_ITEM_OVERHEAD,
  decodeContainer,
  encodeContainer,
  MAX_CONTAINER_BYTES,
  MAX_CONTAINER_MESSAGES,
} from './container.js';
import { openEnvelope, sealEnvelope, type EnvelopeHeader } from './envelope.js';
import type { SessionEvent } from './events.js';
import { DEFAULT_GZIP_THRESHOLD, maybeGzip } from './gzip.js';
import { ID, peekId } from './ids.js';
import { LAYER, wrapWithInitConnection, type InitConnectionFields } from './init-connection.js';
import { ReplayWindow } from './replay-window.js';
import { readRpcResult } from './rpc-result.js';
import { isContentRelated, SeqNo } from './seq-no.js';

/** Ping settings (https://core.telegram.org/mtproto/service_messages#deferred-connection-closure-ping). */
export interface PingOptions {
  /** Milliseconds between pings (default 60 000). */
  intervalMs?: number;
  /** disconnect_delay sent with each ping_delay_disconnect, seconds (default 75). */
  disconnectDelay?: number;
  /** No pong within this many ms → `ping_timeout` event (default 15 000). */
  timeoutMs?: number;
}

/** Options of {@link MtprotoSession}. */
export interface SessionOptions {
  /** The crypto engine; its `random` also pads every message. */
  crypto: CryptoProvider;
  /** The 256-byte auth key (or one already loaded into the engine). */
  authKey: Uint8Array | AuthKeyHandle;
  /** The current server salt (default 0: the server answers bad_server_salt with the right one). */
  serverSalt?: bigint;
  /** Server time − local time, seconds (from the handshake or a stored session). */
  timeOffset?: number;
  /** session_id (default: 8 random bytes). */
  sessionId?: bigint;
  /** Randomness for session_id and ping_id (default `crypto.random`). */
  random?: RandomSource;
  /**
   * initConnection fields. When set, the first API query of the session
   * (and the first after `onConnectionLost` / `resetSession`) goes as
   * `invokeWithLayer(layer, initConnection({...fields, query}))`.
   */
  initConnection?: InitConnectionFields;
  /** Layer for invokeWithLayer (default: the generated schema's LAYER). */
  layer?: number;
  /** Queries at least this long are sent gzip_packed when that is smaller (default 512; `false` never). */
  gzipThreshold?: number | false;
  /** Send a stand-alone msgs_ack once this many acknowledgments wait (default 16). */
  ackThreshold?: number;
  /** ... or once the oldest waiting acknowledgment is this old, ms (default 30 000). */
  ackDelayMs?: number;
  /** Keep-alive pings; `false` turns them off (default on). */
  ping?: PingOptions | false;
  /** How many received msg_ids are remembered against replays (default 1000). */
  replayWindowSize?: number;
  /** Apply the ±300 s / 30 s msg_id time window to incoming messages (default true). */
  checkMsgIdTime?: boolean;
  /** Messages per msg_container (default 1020). */
  maxContainerMessages?: number;
  /** Body bytes per msg_container (default 1 MiB). */
  maxContainerBytes?: number;
  /** Extra 16-byte padding blocks per message, 0..60, for length hiding (default none). */
  extraPadding?: () => number;
  /** How often one message may be re-sent after bad_msg_notification before its request fails (default 5). */
  maxResends?: number;
  /**
   * What one received packet may cost to decode, all its messages, gzip_packed
   * payloads and results together (defaults: 32 MiB inflated, 1 000 000
   * objects and vector elements, depth 64 — ample for the largest real
   * answers: a 100-message history page is ~5 000 objects, a big
   * updates.getDifference slice ~50 000, a 512 KiB upload.file 2). A message
   * past the budget is reported as `decode_error` (a result: its request
   * fails with `TlError`). See ts/tl/codec/budget.ts.
   */
  decodeLimits?: DecodeLimits;
}

/** A request in flight, as `send` returns it. */
export interface RequestHandle<T> {
  /** Local id, stable across re-sends (for `cancel`). */
  readonly id: number;
  /** Settles exactly once: the result, an `RpcError`, a `TlError` (undecodable result) or an `MtprotoError`. */
  readonly promise: Promise<T>;
  /** The msg_id of the latest transmission (undefined until flushed). */
  readonly msgId: bigint | undefined;
}

/** Options of one `send`. */
export interface SendOptions {
  /** Allow gzip_packed for this query (default true). */
  gzip?: boolean;
  /**
   * Rebuilds the query for the msg_id it is about to be sent with, on every
   * (re-)send — for auth.bindTempAuthKey, whose encrypted part must carry
   * that msg_id (see bind-temp-auth-key.ts). Such a query is never wrapped
   * in initConnection nor gzipped, and must keep its serialized length.
   */
  build?: (msgId: bigint) => AnyRequest;
  /**
   * Send this query first and hold every other query until it is answered
   * (service messages still flow). For auth.bindTempAuthKey, which must
   * complete before the temporary key is used for anything else
   * (https://core.telegram.org/api/pfs).
   */
  barrier?: boolean;
}

/** What {@link MtprotoSession.pendingForResend} lists. */
export interface PendingRequestInfo {
  id: number;
  method: string;
  msgId: bigint | undefined;
}

/** An outgoing message, queued or sent. */
interface Outgoing {
  body: Uint8Array;
  contentRelated: boolean;
  /** TL name of the body (for decisions and debugging). */
  name: string;
  request?: Pending;
  msgId?: bigint;
  seqNo?: number;
  sentAt?: number;
  resends: number;
  /** For internal pings: their ping_id. */
  pingId?: bigint;
  /**
   * Re-send under the msg_id (and seq_no) of the lost transmission, so a
   * server that already executed it recognises the duplicate and answers from
   * its cache instead of executing it twice.
   */
  keepMsgId?: boolean;
}

/** A lost message older than this (ms) goes out with a new msg_id: the old one would fail the server's 300 s window. */
const KEEP_MSG_ID_MAX_AGE = 240_000;

/** An RPC query waiting for its answer. */
interface Pending {
  id: number;
  /** The query as given (results are decoded against it). */
  request: AnyRequest;
  method: string;
  out: Outgoing;
  /** An API query (may carry initConnection), not an MTProto service function. */
  api: boolean;
  gzip: boolean;
  initWrapped: boolean;
  /** The body has had its final encoding (wrapper, gzip). */
  prepared: boolean;
  acked: boolean;
  settled: boolean;
  build: ((msgId: bigint) => AnyRequest) | undefined;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** MTProto service functions: never wrapped in invokeWithLayer. */
const MT_FUNCTIONS: ReadonlySet<string> = new Set([
  'req_pq',
  'req_pq_multi',
  'req_DH_params',
  'set_client_DH_params',
  'rpc_drop_answer',
  'get_future_salts',
  'ping',
  'ping_delay_disconnect',
  'destroy_session',
  'destroy_auth_key',
]);

/** Most msg_ids in one msgs_ack / msgs_state_info / msg_resend_req. */
const MAX_IDS_PER_SERVICE = 8192;
/** Sent service messages are forgotten after this long (ms): a bad_msg about them cannot come later. */
const SENT_SERVICE_TTL = 10 * 60 * 1000;
/** Consecutive seq_no errors (32/33) before the session is started over. */
const MAX_SEQ_REPAIRS = 3;

interface ReceiveContext {
  now: number;
  events: SessionEvent[];
  /** The decode budget of the packet being received, shared by all its messages. */
  budget: DecodeBudget;
  /** The outer msg_id failed the time window: only time-insensitive service messages are processed. */
  restricted: boolean;
  skipped: boolean;
}

const noop = () => {};

/**
 * The client session state machine. See the module comment for the flow.
 * It holds the auth key: it prints as `MtprotoSession [redacted]` under
 * `console.log`, `util.inspect` and `JSON.stringify`.
 */
export class MtprotoSession {
  private key: AuthKeyHandle;
  private ownsKey: boolean;
  private readonly random: RandomSource;
  private readonly ids: MsgIdGenerator;
  private readonly seq = new SeqNo();
  private readonly window: ReplayWindow;
  private sessionIdValue: bigint;
  private salt: bigint;
  private futureSalts: mt.future_salt[] = [];

  private queue: Outgoing[] = [];
  /** Sent messages that may still be refused or re-sent, by msg_id. */
  private readonly sent = new Map<bigint, Outgoing>();
  /** Containers sent, by msg_id: the msg_ids inside, and when. */
  private readonly containers = new Map<bigint, { members: bigint[]; sentAt: number }>();
  private readonly requests = new Map<number, Pending>();
  private nextRequestId = 1;

  private pendingAcks: bigint[] = [];
  private firstAckAt = 0;
  private needInit: boolean;
  private seqRepairs = 0;

  private nextPingAt: number | undefined;
  private pingSentAt: number | undefined;
  private closed = false;
  /** A query every other query waits for (SendOptions.barrier). */
  private barrier: Pending | undefined;

  constructor(private readonly options: SessionOptions) {
    if (options.authKey instanceof Uint8Array) {
      this.key = options.crypto.loadAuthKey(options.authKey);
      this.ownsKey = true;
    } else {
      this.key = options.authKey;
      this.ownsKey = false;
    }
    this.random = options.random ?? options.crypto.random;
    this.ids = new MsgIdGenerator(options.timeOffset ?? 0);
    this.window = new ReplayWindow(options.replayWindowSize ?? 1000);
    this.sessionIdValue = options.sessionId ?? this.randomLong();
    this.salt = options.serverSalt ?? 0n;
    this.needInit = options.initConnection !== undefined;
    redact(this, 'MtprotoSession');
  }

  // ------------------------------------------------------------------ state

  /** This session's session_id. */
  get sessionId(): bigint {
    return this.sessionIdValue;
  }

  /** The server salt put on outgoing messages. */
  get serverSalt(): bigint {
    return this.salt;
  }
  set serverSalt(salt: bigint) {
    this.salt = salt;
  }

  /** Server time − local time, seconds. */
  get timeOffset(): number {
    return this.ids.timeOffset;
  }
  set timeOffset(offset: number) {
    this.ids.timeOffset = offset;
  }

  /** auth_key_id of the session's key (8 wire bytes). */
  get authKeyId(): Uint8Array {
    return this.key.id;
  }

  /** True when `flush` has something to write now. */
  hasOutgoing(now: number): boolean {
    return this.queue.length > 0 || this.acksDue(now);
  }

  // ------------------------------------------------------------------ sending

  /**
   * Queues an RPC query. It is written by the next `flush`; its promise is
   * settled by the `receive` that brings the answer.
   *
   * @throws TlError at once when the query cannot be serialized.
   */
  send<R extends AnyRequest>(request: R, options: SendOptions = {}): RequestHandle<ResultOf<R>> {
    if (this.closed) throw new MtprotoError('closed', 'the session is closed');
    const method = request._;
    const out: Outgoing = { body: encode(request), contentRelated: true, name: method, resends: 0 };
    let resolve!: (v: unknown) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<ResultOf<R>>((res, rej) => {
      resolve = res as (v: unknown) => void;
      reject = rej;
    });
    // A caller that drops the promise must not crash the process on a rejection.
    promise.catch(noop);
    const pending: Pending = {
      id: this.nextRequestId++,
      request,
      method,
      out,
      api: !MT_FUNCTIONS.has(method) && !options.build,
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
    this.requests.set(pending.id, pending);
    if (options.barrier) {
      this.barrier = pending;
      this.queue.unshift(out);
    } else this.queue.push(out);
    return {
      id: pending.id,
      promise,
      get msgId() {
        return out.msgId;
      },
    };
  }

  /**
   * Gives up on a request: it is rejected with `MtprotoError('cancelled')`.
   * A request already sent is also dropped on the server with rpc_drop_answer
   * (https://core.telegram.org/mtproto/service_messages#cancellation-of-an-rpc-query).
   * Returns false when the request is unknown or already settled.
   */
  cancel(id: number): boolean {
    const p = this.requests.get(id);
    if (!p || p.settled) return false;
    const queued = this.queue.indexOf(p.out);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
    } else if (p.out.msgId !== undefined) {
      this.sent.delete(p.out.msgId);
      this.queueService({ _: 'rpc_drop_answer', req_msg_id: p.out.msgId } as AnyRequest, true);
    }
    if (p.initWrapped) this.needInit = this.options.initConnection !== undefined;
    this.settle(p, new MtprotoError('cancelled', `${p.method} was cancelled`));
    return true;
  }

  /** Asks the server for `num` (1..64) future salts; the session switches to them as they come into force. */
  requestFutureSalts(num = 64): void {
    this.queueService({ _: 'get_future_salts', num } as AnyRequest, true);
  }

  /**
   * Writes everything queued: acknowledgments, service messages and
   * queries, packed into containers where there is more than one message,
   * each encrypted for the wire (`auth_key_id ‖ msg_key ‖ encrypted_data`).
   * msg_ids and seq_nos are assigned here, in order.
   */
  flush(now: number): Uint8Array[] {
    if (this.pendingAcks.length > 0 && (this.queue.length > 0 || this.acksDue(now))) {
      const acks = this.pendingAcks;
      this.pendingAcks = [];
      const ackMessages: Outgoing[] = [];
      for (let i = 0; i < acks.length; i += MAX_IDS_PER_SERVICE) {
        const msgIds = acks.slice(i, i + MAX_IDS_PER_SERVICE);
        ackMessages.push({ body: encode({ _: 'msgs_ack', msg_ids: msgIds }), contentRelated: false, name: 'msgs_ack', resends: 0 });
      }
      this.queue.unshift(...ackMessages);
    }
    const packets: Uint8Array[] = [];
    if (this.queue.length === 0) return packets;

    const maxMessages = this.options.maxContainerMessages ?? MAX_CONTAINER_MESSAGES;
    const maxBytes = this.options.maxContainerBytes ?? MAX_CONTAINER_BYTES;
    let items: Outgoing[];
    if (this.barrier && !this.barrier.settled) {
      // Only the barrier query and service messages go out until it is answered.
      const barrier = this.barrier;
      items = this.queue.filter((m) => !m.request || m.request === barrier);
      this.queue = this.queue.filter((m) => m.request && m.request !== barrier);
      if (items.length === 0) return packets;
    } else {
      this.barrier = undefined;
      items = this.queue.splice(0);
    }
    let batch: Outgoing[] = [];
    let bytes = CONTAINER_HEADER;
    for (const item of items) {
      this.prepare(item);
      const size = CONTAINER_ITEM_OVERHEAD + item.body.length;
      if (batch.length > 0 && (batch.length >= maxMessages || bytes + size > maxBytes)) {
        packets.push(this.emit(batch, now));
        batch = [];
        bytes = CONTAINER_HEADER;
      }
      batch.push(item);
      bytes += size;
    }
    if (batch.length > 0) packets.push(this.emit(batch, now));
    return packets;
  }

  /**
   * Final encoding of a query just before it is numbered: the initConnection
   * wrapper when this is the first API query since it was needed, then gzip.
   * Done once; a re-sent query keeps its bytes unless it now has to carry
   * initConnection (after a lost connection).
   */
  private prepare(item: Outgoing): void {
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

  /** Numbers a batch, wraps it in a container when needed, and seals it. */
  private emit(batch: Outgoing[], now: number): Uint8Array {
    for (const m of batch) {
      const keep =
        m.keepMsgId === true &&
        m.msgId !== undefined &&
        m.seqNo !== undefined &&
        m.sentAt !== undefined &&
        now - m.sentAt < KEEP_MSG_ID_MAX_AGE &&
        m.request?.build === undefined;
      m.keepMsgId = false;
      if (keep) {
        // Same msg_id and seq_no as the transmission that was lost (see onConnectionLost).
        this.sent.set(m.msgId!, m);
        continue;
      }
      const msgId = this.ids.next(now);
      m.msgId = msgId;
      m.seqNo = this.seq.next(m.contentRelated);
      if (m.request?.build) m.body = encode(m.request.build(msgId));
      m.sentAt = now;
      this.sent.set(msgId, m);
      if (m.pingId !== undefined) this.pingSentAt = now;
    }
    let header: EnvelopeHeader;
    let body: Uint8Array;
    if (batch.length === 1) {
      const m = batch[0]!;
      header = { salt: this.salt, sessionId: this.sessionIdValue, msgId: m.msgId!, seqNo: m.seqNo! };
      body = m.body;
    } else {
      const containerId = this.ids.next(now);
      const seqNo = this.seq.next(false);
      body = encodeContainer(batch.map((m) => ({ msgId: m.msgId!, seqNo: m.seqNo!, body: m.body })));
      header = { salt: this.salt, sessionId: this.sessionIdValue, msgId: containerId, seqNo };
      this.containers.set(containerId, { members: batch.map((m) => m.msgId!), sentAt: now });
    }
    const extra = this.options.extraPadding?.() ?? 0;
    return sealEnvelope(this.key, header, body, 0, extra);
  }

  /** Queues a service message; `rpc` ones (ping, get_future_salts, rpc_drop_answer) are content-related queries. */
  private queueService(obj: AnyTlObject | AnyRequest, rpc: boolean, extra: Partial<Outgoing> = {}): void {
    const name = obj._;
    this.queue.push({ body: encode(obj), contentRelated: rpc || isContentRelated(name), name, resends: 0, ...extra });
  }

  // ------------------------------------------------------------------ receiving

  /**
   * Feeds one packet from the transport (`auth_key_id ‖ msg_key ‖
   * encrypted_data`). Never throws for bad input: a packet that fails a
   * check is dropped and reported as a `security_error` event.
   */
  receive(packet: Uint8Array, now: number): SessionEvent[] {
    const ctx: ReceiveContext = { now, events: [], budget: new DecodeBudget(this.options.decodeLimits), restricted: false, skipped: false };
    let msg;
    try {
      msg = openEnvelope(this.key, packet, 8, { from: 'server', sessionId: this.sessionIdValue });
    } catch (e) {
      if (e instanceof SecurityError) return [{ type: 'security_error', error: e }];
      throw e;
    }
    const verdict = this.window.check(msg.msgId);
    if (verdict !== undefined) {
      const what = verdict === 'duplicate' ? 'was already received' : 'is older than every remembered msg_id';
      return [{ type: 'security_error', error: new SecurityError('msg_id_replay', `msg_id ${msg.msgId} ${what}`) }];
    }
    this.window.add(msg.msgId, { contentRelated: (msg.seqNo & 1) === 1 });
    this.handleTimed(msg.msgId, msg.seqNo, msg.body, ctx, false);
    return ctx.events;
  }

  /**
   * A message (outer, or a container item) after its replay check: one whose
   * msg_id is outside the time window of the synchronized clock gets only the
   * time-insensitive service messages processed (bad_msg_notification and
   * bad_server_salt carry the server's time, which is how the clock gets
   * fixed), and is reported (https://core.telegram.org/mtproto/security_guidelines#checking-msg-id).
   */
  private handleTimed(msgId: bigint, seqNo: number, body: Uint8Array, ctx: ReceiveContext, inContainer: boolean): void {
    const skew = this.options.checkMsgIdTime === false ? undefined : msgIdTimeSkew(msgId, this.ids.serverTime(ctx.now));
    const restricted = ctx.restricted;
    ctx.restricted = restricted || skew !== undefined;
    ctx.skipped = false;
    this.handleMessage(msgId, seqNo, body, ctx, inContainer);
    if (ctx.skipped && skew !== undefined) {
      const where = skew === 'past' ? 'more than 300 s in the past' : 'more than 30 s in the future';
      ctx.events.push({
        type: 'security_error',
        error: new SecurityError('msg_id_time', `msg_id ${msgId} is ${where} of the synchronized time`),
      });
    }
    ctx.restricted = restricted;
    ctx.skipped = false;
  }

  private handleMessage(msgId: bigint, seqNo: number, body: Uint8Array, ctx: ReceiveContext, inContainer: boolean): void {
    const id = peekId(body);
    if (id === ID.msgContainer && !inContainer) {
      let items;
      try {
        items = decodeContainer(body);
      } catch (e) {
        if (e instanceof SecurityError) ctx.events.push({ type: 'security_error', error: e });
        else throw e;
        return;
      }
      // "All messages in a container must have msg_id lower than that of the
      // container itself" (https://core.telegram.org/mtproto/service_messages#simple-container):
      // a container breaking it is dropped whole.
      for (const m of items) {
        if (m.msgId >= msgId) {
          ctx.events.push({
            type: 'security_error',
            error: new SecurityError('container', `msg_id ${m.msgId} inside the container is not lower than the container's ${msgId}`),
          });
          return;
        }
      }
      // Each item gets the checks of an outer message: parity, replay (a duplicate,
      // or lower than every remembered msg_id), and the time window.
      for (const m of items) {
        if (!isServerMsgId(m.msgId)) {
          ctx.events.push({
            type: 'security_error',
            error: new SecurityError('msg_id_parity', `msg_id ${m.msgId} in a container is even`),
          });
          continue;
        }
        const verdict = this.window.check(m.msgId);
        if (verdict !== undefined) {
          const what = verdict === 'duplicate' ? 'was already received' : 'is older than every remembered msg_id';
          ctx.events.push({ type: 'security_error', error: new SecurityError('msg_id_replay', `msg_id ${m.msgId} ${what}`) });
          continue;
        }
        this.window.add(m.msgId, { contentRelated: (m.seqNo & 1) === 1 });
        this.handleTimed(m.msgId, m.seqNo, m.body, ctx, true);
      }
      return;
    }
    if (ctx.restricted && id !== ID.badMsgNotification && id !== ID.badServerSalt) {
      ctx.skipped = true;
      return;
    }
    if ((seqNo & 1) === 1) this.queueAck(msgId, ctx.now);
    if (id === ID.rpcResult) {
      this.onRpcResult(body, msgId, ctx);
      return;
    }
    let obj: AnyTlObject;
    try {
      obj = decode(body, { budget: ctx.budget });
    } catch (e) {
      if (e instanceof TlError) ctx.events.push({ type: 'decode_error', error: e, msgId });
      else throw e;
      return;
    }
    this.dispatch(obj, msgId, ctx);
  }

  private dispatch(obj: AnyTlObject, msgId: bigint, ctx: ReceiveContext): void {
    switch (obj._) {
      case 'pong':
        this.onPong(obj, ctx);
        return;
      case 'bad_server_salt':
        this.onBadServerSalt(obj, ctx);
        return;
      case 'bad_msg_notification':
        this.onBadMsgNotification(obj, msgId, ctx);
        return;
      case 'new_session_created':
        this.onNewSession(obj, ctx);
        return;
      case 'msgs_ack':
        this.onAck(obj);
        return;
      case 'future_salts':
        this.onFutureSalts(obj, ctx);
        return;
      case 'msgs_state_req':
        this.queueService({ _: 'msgs_state_info', req_msg_id: msgId, info: this.stateInfo(obj.msg_ids) }, false);
        return;
      case 'msg_resend_req':
      case 'msg_resend_ans_req':
        this.onResendReq(obj.msg_ids, msgId);
        return;
      case 'msg_detailed_info':
      case 'msg_new_detailed_info':
        this.onDetailedInfo(obj);
        return;
      case 'destroy_session_ok':
      case 'destroy_session_none':
        this.onDestroySession(obj);
        return;
      case 'destroy_auth_key_ok':
      case 'destroy_auth_key_none':
      case 'destroy_auth_key_fail':
        this.onDestroyAuthKey(obj);
        return;
      case 'msgs_state_info':
      case 'msgs_all_info':
      case 'http_wait':
      case 'msg_copy':
      case 'rpc_answer_unknown':
      case 'rpc_answer_dropped':
      case 'rpc_answer_dropped_running':
        return; // informational, or answers to rpc_drop_answer outside rpc_result
      default:
        ctx.events.push({ type: 'update', update: obj, msgId });
    }
  }

  /** rpc_result (https://core.telegram.org/mtproto/service_messages#rpc-result). */
  private onRpcResult(body: Uint8Array, msgId: bigint, ctx: ReceiveContext): void {
    let parts;
    try {
      parts = readRpcResult(body, ctx.budget);
    } catch (e) {
      if (e instanceof TlError) ctx.events.push({ type: 'decode_error', error: e, msgId });
      else throw e;
      return;
    }
    const out = this.sent.get(parts.reqMsgId);
    if (!out) return; // not ours, cancelled, or answered already
    this.sent.delete(parts.reqMsgId);
    const p = out.request;
    if (out.pingId !== undefined && !parts.error) {
      this.onPingAnswered(out, ctx);
    }
    if (!p) return;
    if (parts.error) {
      if (p.initWrapped && !this.requestsInitDone(parts.error.message)) this.needInit = this.options.initConnection !== undefined;
      this.settle(p, new RpcError(parts.error.code, parts.error.message, p.method));
      return;
    }
    let value: unknown;
    try {
      value = decodeResult(p.request, parts.result, { budget: ctx.budget });
    } catch (e) {
      if (e instanceof TlError) {
        this.settle(p, e);
        return;
      }
      throw e;
    }
    this.settle(p, undefined, value);
  }

  /** Errors after which initConnection still has to be sent. */
  private requestsInitDone(message: string): boolean {
    return !message.startsWith('CONNECTION_') && !message.includes('LAYER');
  }

  private settle(p: Pending, error: Error | undefined, value?: unknown): void {
    if (p.settled) return;
    p.settled = true;
    if (this.barrier === p) this.barrier = undefined;
    this.requests.delete(p.id);
    if (error) p.reject(error);
    else p.resolve(value);
  }

  /** bad_server_salt: take the new salt, re-send what it refused. */
  private onBadServerSalt(obj: mt.bad_server_salt, ctx: ReceiveContext): void {
    const targets = this.lookupSent(obj.bad_msg_id);
    // Only a notification about a message we actually sent may change anything.
    if (!targets) return;
    this.setSalt(obj.new_server_salt, ctx);
    this.futureSalts = [];
    this.requeue(targets);
  }

  /**
   * bad_msg_notification (https://core.telegram.org/mtproto/service_messages_about_messages#notice-of-ignored-error-message).
   * `notificationMsgId` is the server's msg_id of the notification: its time part resyncs our clock for 16/17.
   */
  private onBadMsgNotification(obj: mt.bad_msg_notification, notificationMsgId: bigint, ctx: ReceiveContext): void {
    const targets = this.lookupSent(obj.bad_msg_id);
    if (!targets) return;
    switch (obj.error_code) {
      case 16: // msg_id too low
      case 17: {
        // msg_id too high
        const before = this.ids.timeOffset;
        this.ids.syncWith(notificationMsgId, ctx.now);
        ctx.events.push({ type: 'time_synced', timeOffset: this.ids.timeOffset });
        if (this.ids.timeOffset < before && this.ids.lastId > this.ids.peek(ctx.now)) {
          // The clock moved back: msg_ids must still grow within a session, so
          // the only way to send correct ones now is a new session.
          this.resetSessionInternal('the clock was corrected backwards (bad_msg_notification 17)', ctx.events);
          return; // resetSession re-sends every pending request
        }
        break;
      }
      case 32: // seq_no too low: the server saw higher numbers; jump ahead
      case 33: // seq_no too high: step back
        if (++this.seqRepairs > MAX_SEQ_REPAIRS) {
          this.seqRepairs = 0;
          this.resetSessionInternal(`seq_no could not be repaired (bad_msg_notification ${obj.error_code})`, ctx.events);
          return; // resetSession re-sends every pending request
        }
        this.seq.shift(obj.error_code === 32 ? 64 : -16);
        break;
      default:
        // 18, 19, 20, 34, 35, 48, 64: re-send with a new msg_id (and container) below.
        break;
    }
    this.requeue(targets);
  }

  /** new_session_created: new salt; queries sent before first_msg_id were lost with the old session. */
  private onNewSession(obj: mt.new_session_created, ctx: ReceiveContext): void {
    this.setSalt(obj.server_salt, ctx);
    ctx.events.push({ type: 'new_session', firstMsgId: obj.first_msg_id, uniqueId: obj.unique_id, serverSalt: obj.server_salt });
    const lost: Outgoing[] = [];
    for (const [id, out] of this.sent) {
      if (id < obj.first_msg_id && out.request && !out.request.settled) lost.push(out);
    }
    if (lost.length) this.requeue(lost);
  }

  private onAck(obj: mt.msgs_ack): void {
    for (const id of obj.msg_ids) {
      const out = this.sent.get(id);
      if (!out) continue;
      if (out.request) out.request.acked = true;
      else if (out.pingId === undefined) this.sent.delete(id);
    }
  }

  private onFutureSalts(obj: mt.future_salts, ctx: ReceiveContext): void {
    this.futureSalts = [...obj.salts].sort((a, b) => a.valid_since - b.valid_since);
    ctx.events.push({ type: 'future_salts', salts: obj.salts });
    const out = this.sent.get(obj.req_msg_id);
    if (out) {
      this.sent.delete(obj.req_msg_id);
      if (out.request) this.settle(out.request, undefined, obj);
    }
    this.rotateSalt(ctx.now, ctx.events);
  }

  /** pong outside rpc_result: answers the ping whose msg_id it names. */
  private onPong(obj: mt.pong, ctx: ReceiveContext): void {
    const out = this.sent.get(obj.msg_id);
    if (!out) {
      ctx.events.push({ type: 'pong', pingId: obj.ping_id, rttMs: undefined });
      return;
    }
    this.sent.delete(obj.msg_id);
    if (out.pingId !== undefined) this.onPingAnswered(out, ctx);
    else ctx.events.push({ type: 'pong', pingId: obj.ping_id, rttMs: out.sentAt === undefined ? undefined : ctx.now - out.sentAt });
    if (out.request) this.settle(out.request, undefined, obj);
  }

  private onPingAnswered(out: Outgoing, ctx: ReceiveContext): void {
    this.pingSentAt = undefined;
    ctx.events.push({ type: 'pong', pingId: out.pingId!, rttMs: out.sentAt === undefined ? undefined : ctx.now - out.sentAt });
  }

  /**
   * msg_resend_req: re-send the named messages with new msg_ids; when one of
   * them is unknown, answer msgs_state_info for all of them
   * (https://core.telegram.org/mtproto/service_messages_about_messages#explicit-request-to-re-send-messages).
   */
  private onResendReq(ids: bigint[], reqMsgId: bigint): void {
    const found: Outgoing[] = [];
    const info = new Uint8Array(ids.length);
    let missing = false;
    ids.forEach((id, i) => {
      const out = this.sent.get(id);
      if (out) {
        found.push(out);
        info[i] = 4;
      } else {
        info[i] = 1;
        missing = true;
      }
    });
    if (found.length) this.requeue(found);
    if (missing) this.queueService({ _: 'msgs_state_info', req_msg_id: reqMsgId, info }, false);
  }

  /**
   * msg_detailed_info / msg_new_detailed_info: the server has an answer we
   * may have missed. Acknowledge it when it arrived, ask for it otherwise.
   */
  private onDetailedInfo(obj: mt.msg_detailed_info | mt.msg_new_detailed_info): void {
    if (obj._ === 'msg_detailed_info') {
      const out = this.sent.get(obj.msg_id);
      if (out?.request) out.request.acked = true;
    }
    if (this.window.get(obj.answer_msg_id) !== undefined) {
      if (!this.pendingAcks.includes(obj.answer_msg_id)) this.pendingAcks.push(obj.answer_msg_id);
    } else {
      this.queueService({ _: 'msg_resend_req', msg_ids: [obj.answer_msg_id] }, false);
    }
  }

  /** destroy_session_* outside rpc_result: settles the destroy_session query for that session_id. */
  /** destroy_auth_key answers come bare, not in rpc_result: settle the oldest pending destroy_auth_key. */
  private onDestroyAuthKey(obj: AnyTlObject): void {
    for (const [id, out] of this.sent) {
      const p = out.request;
      if (p && p.method === 'destroy_auth_key' && !p.settled) {
        this.sent.delete(id);
        this.settle(p, undefined, obj);
        return;
      }
    }
  }

  private onDestroySession(obj: mt.destroy_session_ok | mt.destroy_session_none): void {
    for (const [id, out] of this.sent) {
      const p = out.request;
      if (p && p.method === 'destroy_session' && (p.request as mt.destroy_session).session_id === obj.session_id) {
        this.sent.delete(id);
        this.settle(p, undefined, obj);
        return;
      }
    }
  }

  /**
   * msgs_state_info bytes for msgs_state_req
   * (https://core.telegram.org/mtproto/service_messages_about_messages#informational-message-regarding-status-of-messages).
   */
  private stateInfo(ids: bigint[]): Uint8Array {
    const info = new Uint8Array(Math.min(ids.length, MAX_IDS_PER_SERVICE));
    for (let i = 0; i < info.length; i++) {
      const id = ids[i]!;
      const seen = this.window.get(id);
      if (seen) {
        // 4 = received; +16 = does not need an ack; +8 = ack already sent.
        info[i] = 4 | (seen.contentRelated ? (this.pendingAcks.includes(id) ? 0 : 8) : 16);
      } else if (this.window.min === undefined || id < this.window.min) {
        info[i] = 1;
      } else if (id > this.window.max!) {
        info[i] = 3;
      } else {
        info[i] = 2;
      }
    }
    return info;
  }

  /** The sent messages a notification's bad_msg_id names (a container names all it carried). */
  private lookupSent(id: bigint): Outgoing[] | undefined {
    const container = this.containers.get(id);
    if (container) {
      this.containers.delete(id);
      const members = container.members.map((m) => this.sent.get(m)).filter((m): m is Outgoing => m !== undefined);
      return members;
    }
    const out = this.sent.get(id);
    return out ? [out] : undefined;
  }

  /** Puts sent messages back at the head of the queue, to go out with new msg_ids. */
  private requeue(messages: Outgoing[]): void {
    const again: Outgoing[] = [];
    for (const m of messages) {
      if (m.msgId !== undefined) this.sent.delete(m.msgId);
      if (m.request?.settled) continue;
      if (++m.resends > (this.options.maxResends ?? 5)) {
        if (m.request) this.settle(m.request, new MtprotoError('resend_limit', `${m.request.method} was refused ${m.resends - 1} times`));
        continue;
      }
      if (m.request) m.request.acked = false;
      again.push(m);
    }
    this.queue.unshift(...again);
  }

  private setSalt(salt: bigint, ctx: { events: SessionEvent[] }): void {
    if (salt === this.salt) return;
    this.salt = salt;
    ctx.events.push({ type: 'salt_changed', salt });
  }

  /** Switches to the future salt valid at the server's current time, if the current one is not. */
  private rotateSalt(now: number, events: SessionEvent[]): void {
    if (this.futureSalts.length === 0) return;
    const t = this.ids.serverTime(now);
    this.futureSalts = this.futureSalts.filter((s) => s.valid_until > t);
    const valid = this.futureSalts.find((s) => s.valid_since <= t && t < s.valid_until);
    if (valid) this.setSalt(valid.salt, { events });
  }

  private queueAck(msgId: bigint, now: number): void {
    if (this.pendingAcks.length === 0) this.firstAckAt = now;
    this.pendingAcks.push(msgId);
  }

  private acksDue(now: number): boolean {
    if (this.pendingAcks.length === 0) return false;
    return this.pendingAcks.length >= (this.options.ackThreshold ?? 16) || now - this.firstAckAt >= (this.options.ackDelayMs ?? 30_000);
  }

  // ------------------------------------------------------------------ time

  /**
   * Timers, driven by the owner: queues a stand-alone ping when one is due,
   * reports a missing pong, moves to a future salt, forgets old service
   * messages. Call `flush` afterwards.
   */
  tick(now: number): SessionEvent[] {
    const events: SessionEvent[] = [];
    const ping = this.options.ping === false ? undefined : (this.options.ping ?? {});
    if (ping) {
      const interval = ping.intervalMs ?? 60_000;
      if (this.pingSentAt !== undefined && now - this.pingSentAt >= (ping.timeoutMs ?? 15_000)) {
        this.pingSentAt = undefined;
        events.push({ type: 'ping_timeout' });
      }
      if (this.nextPingAt === undefined) this.nextPingAt = now + interval;
      else if (now >= this.nextPingAt) {
        this.queuePing(ping.disconnectDelay ?? 75);
        this.nextPingAt = now + interval;
      }
    }
    this.rotateSalt(now, events);
    for (const [id, out] of this.sent) {
      if (!out.request && out.sentAt !== undefined && now - out.sentAt > SENT_SERVICE_TTL) this.sent.delete(id);
    }
    for (const [id, c] of this.containers) if (now - c.sentAt > SENT_SERVICE_TTL) this.containers.delete(id);
    return events;
  }

  /** When `tick` should run next (ms, same clock as `now`), or undefined when nothing is scheduled. */
  nextDeadline(now: number): number | undefined {
    const times: number[] = [];
    const ping = this.options.ping === false ? undefined : (this.options.ping ?? {});
    if (ping) {
      times.push(this.nextPingAt ?? now);
      if (this.pingSentAt !== undefined) times.push(this.pingSentAt + (ping.timeoutMs ?? 15_000));
    }
    if (this.pendingAcks.length > 0) times.push(this.firstAckAt + (this.options.ackDelayMs ?? 30_000));
    return times.length ? Math.min(...times) : undefined;
  }

  /** Queues a ping_delay_disconnect now (the owner's keep-alive; `tick` does it on schedule). */
  queuePing(disconnectDelay = 75): bigint {
    const pingId = this.randomLong();
    this.queueService({ _: 'ping_delay_disconnect', ping_id: pingId, disconnect_delay: disconnectDelay } as AnyRequest, true, { pingId });
    return pingId;
  }

  // ------------------------------------------------------------------ connection and session lifecycle

  /**
   * Requests sent but neither answered nor acknowledged by the server: after
   * a lost connection these may never have arrived.
   */
  pendingForResend(): PendingRequestInfo[] {
    const out: PendingRequestInfo[] = [];
    for (const m of this.sent.values()) {
      const p = m.request;
      if (p && !p.settled && !p.acked) out.push({ id: p.id, method: p.method, msgId: m.msgId });
    }
    return out;
  }

  /**
   * The transport was lost. Every unanswered request is queued again under
   * its previous msg_id and seq_no (a new one only if the old msg_id is older
   * than 240 s), so the server can tell a re-send from a new query and answer
   * it from its cache. The next API query carries initConnection again.
   */
  onConnectionLost(): void {
    // Every unanswered request goes out again, acknowledged or not: an
    // acknowledged one may have been answered on the dead connection. They keep
    // their msg_ids: the server may have executed them already (only the answer
    // was lost), and it recognises a msg_id it has seen, so nothing runs twice.
    const unacked: Outgoing[] = [];
    for (const m of this.sent.values()) if (m.request && !m.request.settled) unacked.push(m);
    // Service messages of the dead connection (acks, pings, state answers) are not re-sent.
    for (const [id, m] of this.sent) if (!m.request) this.sent.delete(id);
    for (const m of unacked) {
      m.request!.acked = false;
      if (m.msgId !== undefined) this.sent.delete(m.msgId);
      m.keepMsgId = true;
    }
    this.queue.unshift(...unacked.filter((m) => !m.request!.settled));
    this.containers.clear();
    this.pingSentAt = undefined;
    if (this.options.initConnection) this.needInit = true;
  }

  /**
   * Starts a new session: new session_id, seq_no from 0, empty replay
   * window. Every pending request is queued again. (The server keeps the
   * old session until it expires; destroy it with
   * `send({ _: 'destroy_session', session_id: old })` if wanted.)
   */
  resetSession(reason = 'reset by the owner'): SessionEvent[] {
    const events: SessionEvent[] = [];
    this.resetSessionInternal(reason, events);
    return events;
  }

  /**
   * Switches to another auth key (a new temporary key under PFS): a new
   * session starts (new session_id, salt 0 until the server names one) and
   * every unanswered query is queued again for the new key.
   */
  rekey(authKey: Uint8Array | AuthKeyHandle): SessionEvent[] {
    if (this.ownsKey) this.key.dispose();
    if (authKey instanceof Uint8Array) {
      this.key = this.options.crypto.loadAuthKey(authKey);
      this.ownsKey = true;
    } else {
      this.key = authKey;
      this.ownsKey = false;
    }
    this.salt = 0n;
    const events: SessionEvent[] = [];
    this.resetSessionInternal('new auth key', events);
    return events;
  }

  private resetSessionInternal(reason: string, events: SessionEvent[]): void {
    const pending: Outgoing[] = [];
    for (const m of this.sent.values()) if (m.request && !m.request.settled) pending.push(m);
    this.sent.clear();
    this.containers.clear();
    this.queue.unshift(...pending);
    for (const m of pending) if (m.request) m.request.acked = false;
    this.sessionIdValue = this.randomLong();
    this.ids.reset(); // msg_ids need only grow within one session
    this.seq.reset();
    this.window.clear();
    this.pendingAcks = [];
    this.pingSentAt = undefined;
    if (this.options.initConnection) this.needInit = true;
    events.push({ type: 'session_reset', sessionId: this.sessionIdValue, reason });
  }

  /**
   * Ends the session: every pending request is rejected with
   * `MtprotoError('closed')`, and the loaded key is freed when the session loaded it.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const p of [...this.requests.values()]) this.settle(p, new MtprotoError('closed', `${p.method}: the session was closed`));
    this.queue.length = 0;
    this.sent.clear();
    if (this.ownsKey) this.key.dispose();
  }

  private randomLong(): bigint {
    const b = new Uint8Array(8);
    this.random(b);
    return new DataView(b.buffer).getBigInt64(0, true);
  }
}
