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
 *
 * It is a facade over parts with one job each: protocol.ts (key, session_id,
 * msg_id/seq_no, replay window; numbering, sealing, opening and checking),
 * salts.ts, acks.ts and pinger.ts (protocol state), requests.ts and outbox.ts
 * (request bookkeeping: the pending table, re-sends, cancel, the barrier), and
 * service-handlers.ts (what each incoming message does to them).
 */

import type { AuthKeyHandle } from '../../crypto/provider.js';
import { redact } from '../../redact.js';
import { DecodeBudget, encode } from '../../tl/codec/index.js';
import type { AnyRequest, ResultOf } from '../../tl/generated/types.js';
import { MtprotoError } from '../errors.js';
import { AckQueue } from './acks.js';
import { CONTAINER_HEADER, CONTAINER_ITEM_OVERHEAD, MAX_CONTAINER_BYTES, MAX_CONTAINER_MESSAGES } from './container.js';
import type { SessionEvent } from './events.js';
import type { PendingRequestInfo, RequestHandle, SendOptions, SessionOptions } from './options.js';
import { encodeHttpWait, HTTP_WAIT_ITEM_BYTES } from './http-wait.js';
import { Outbox, type Outgoing } from './outbox.js';
import { Pinger } from './pinger.js';
import { SessionProtocol } from './protocol.js';
import { isOpen, markSent, RequestTable } from './requests.js';
import { ServerSalts } from './salts.js';
import { handleIncoming, type SessionParts } from './service-handlers.js';

export type { PendingRequestInfo, PingOptions, RequestHandle, SendOptions, SessionOptions } from './options.js';

/**
 * The client session state machine. See the module comment for the flow.
 * It holds the auth key: it prints as `MtprotoSession [redacted]` under
 * `console.log`, `util.inspect` and `JSON.stringify`.
 */
export class MtprotoSession {
  private readonly parts: SessionParts;
  private readonly protocol: SessionProtocol;
  private readonly salts: ServerSalts;
  private readonly acks: AckQueue;
  private readonly outbox: Outbox;
  private readonly requests: RequestTable;
  private readonly pinger: Pinger;
  private closed = false;
  /** The `http_wait` body every packet carries (HTTP transport only). */
  private readonly httpWait: Uint8Array | undefined;

  constructor(private readonly options: SessionOptions) {
    const random = options.random ?? options.crypto.random;
    this.randomLong = () => {
      const b = new Uint8Array(8);
      random(b);
      return new DataView(b.buffer).getBigInt64(0, true);
    };
    this.protocol = new SessionProtocol({
      crypto: options.crypto,
      authKey: options.authKey,
      sessionId: options.sessionId ?? this.randomLong(),
      timeOffset: options.timeOffset ?? 0,
      replayWindowSize: options.replayWindowSize ?? 1000,
      checkMsgIdTime: options.checkMsgIdTime !== false,
    });
    this.salts = new ServerSalts(options.serverSalt ?? 0n);
    this.acks = new AckQueue(options);
    this.requests = new RequestTable(options);
    this.outbox = new Outbox(this.requests, () => options.maxResends ?? 5);
    this.pinger = new Pinger(options.ping);
    if (options.httpWait) this.httpWait = encodeHttpWait(options.httpWait === true ? {} : options.httpWait);
    this.parts = {
      protocol: this.protocol,
      salts: this.salts,
      acks: this.acks,
      outbox: this.outbox,
      requests: this.requests,
      pinger: this.pinger,
      seqRepairs: 0,
      resetSession: (reason, events) => this.resetSessionInternal(reason, events),
    };
    redact(this, 'MtprotoSession');
  }

  /** 8 bytes from the session's random source, as a signed long (session_id, ping_id). */
  private readonly randomLong: () => bigint;

  // ------------------------------------------------------------------ state

  /** This session's session_id. */
  get sessionId(): bigint {
    return this.protocol.sessionId;
  }

  /** The server salt put on outgoing messages. */
  get serverSalt(): bigint {
    return this.salts.current;
  }
  set serverSalt(salt: bigint) {
    this.salts.current = salt;
  }

  /** Server time − local time, seconds. */
  get timeOffset(): number {
    return this.protocol.ids.timeOffset;
  }
  set timeOffset(offset: number) {
    this.protocol.ids.timeOffset = offset;
  }

  /** auth_key_id of the session's key (8 wire bytes). */
  get authKeyId(): Uint8Array {
    return this.protocol.key.id;
  }

  /** True when `flush` has something to write now. */
  hasOutgoing(now: number): boolean {
    return this.outbox.queue.length > 0 || this.acks.due(now);
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
    const out: Outgoing = { body: encode(request), contentRelated: true, name: request._, resends: 0 };
    const { pending, promise } = this.requests.create(request, options, out);
    if (options.barrier) this.outbox.queue.unshift(out);
    else this.outbox.queue.push(out);
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
    if (!p || !isOpen(p)) return false;
    const queued = this.outbox.queue.indexOf(p.out);
    if (queued >= 0) {
      this.outbox.queue.splice(queued, 1);
    } else if (p.out.msgId !== undefined) {
      this.outbox.sent.delete(p.out.msgId);
      this.outbox.queueService({ _: 'rpc_drop_answer', req_msg_id: p.out.msgId } as AnyRequest, true);
    }
    if (p.body === 'init-wrapped') this.requests.initLost();
    this.requests.settle(p, new MtprotoError('cancelled', `${p.method} was cancelled`));
    return true;
  }

  /**
   * The owner's HTTP transport has no request open, so nothing can bring the
   * server's messages: the next `flush` writes a packet even when nothing
   * else is queued — an `http_wait` (with any acknowledgments due), which
   * the server holds until it has something to send or `max_wait` passes
   * (https://core.telegram.org/mtproto/transports#http).
   */
  poll(): void {
    if (this.closed) return;
    if (this.outbox.queue.some((m) => m.name === 'http_wait')) return;
    this.outbox.queue.push({ body: this.httpWait ?? encodeHttpWait(), contentRelated: false, name: 'http_wait', resends: 0 });
  }

  /** Asks the server for `num` (1..64) future salts; the session switches to them as they come into force. */
  requestFutureSalts(num = 64): void {
    this.outbox.queueService({ _: 'get_future_salts', num } as AnyRequest, true);
  }

  /**
   * Writes everything queued: acknowledgments, service messages and
   * queries, packed into containers where there is more than one message,
   * each encrypted for the wire (`auth_key_id ‖ msg_key ‖ encrypted_data`).
   * msg_ids and seq_nos are assigned here, in order.
   */
  flush(now: number): Uint8Array[] {
    if (this.acks.size > 0 && (this.outbox.queue.length > 0 || this.acks.due(now))) this.outbox.queue.unshift(...this.acks.take());
    const packets: Uint8Array[] = [];
    if (this.outbox.queue.length === 0) return packets;

    // Room for the http_wait each packet gets on HTTP (see emit).
    const wait = this.httpWait ? 1 : 0;
    const maxMessages = (this.options.maxContainerMessages ?? MAX_CONTAINER_MESSAGES) - wait;
    const maxBytes = (this.options.maxContainerBytes ?? MAX_CONTAINER_BYTES) - wait * HTTP_WAIT_ITEM_BYTES;
    // Only the barrier query and service messages go out until it is answered.
    const items = this.outbox.take(this.requests.activeBarrier());
    let batch: Outgoing[] = [];
    let bytes = CONTAINER_HEADER;
    for (const item of items) {
      this.requests.prepare(item);
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

  /** Numbers a batch, records it as sent, and seals it (in a container when there is more than one message). */
  private emit(batch: Outgoing[], now: number): Uint8Array {
    if (this.httpWait && !batch.some((m) => m.name === 'http_wait')) {
      batch.push({ body: this.httpWait, contentRelated: false, name: 'http_wait', resends: 0 });
    }
    for (const m of batch) {
      const build = m.request?.build;
      if (!this.protocol.number(m, now, build !== undefined)) {
        // Same msg_id and seq_no as the transmission that was lost (see onConnectionLost).
        this.outbox.recordSent(m);
        if (m.request) markSent(m.request);
        continue;
      }
      if (build) m.body = encode(build(m.msgId!));
      m.sentAt = now;
      this.outbox.recordSent(m);
      if (m.request) markSent(m.request);
      if (m.pingId !== undefined) this.pinger.sent(now);
    }
    const extra = this.options.extraPadding?.() ?? 0;
    const { packet, containerId } = this.protocol.seal(batch, this.salts.current, now, extra);
    if (containerId !== undefined) this.outbox.containers.set(containerId, { members: batch.map((m) => m.msgId!), sentAt: now });
    return packet;
  }

  // ------------------------------------------------------------------ receiving

  /**
   * Feeds one packet from the transport (`auth_key_id ‖ msg_key ‖
   * encrypted_data`). Never throws for bad input: a packet that fails a
   * check is dropped and reported as a `security_error` event.
   */
  receive(packet: Uint8Array, now: number): SessionEvent[] {
    const ctx = { now, events: [] as SessionEvent[], budget: new DecodeBudget(this.options.decodeLimits) };
    this.protocol.open(packet, now, ctx.events, (m) => handleIncoming(this.parts, m, ctx));
    return ctx.events;
  }

  // ------------------------------------------------------------------ time

  /**
   * Timers, driven by the owner: queues a stand-alone ping when one is due,
   * reports a missing pong, moves to a future salt, forgets old service
   * messages. Call `flush` afterwards.
   */
  tick(now: number): SessionEvent[] {
    const events: SessionEvent[] = [];
    const ping = this.pinger.tick(now);
    if (ping.timedOut) events.push({ type: 'ping_timeout' });
    if (ping.send !== undefined) this.queuePing(ping.send);
    this.salts.rotate(this.protocol.ids.serverTime(now), events);
    this.outbox.forgetOld(now);
    return events;
  }

  /** When `tick` should run next (ms, same clock as `now`), or undefined when nothing is scheduled. */
  nextDeadline(now: number): number | undefined {
    const times: number[] = [];
    this.pinger.deadlines(now, times);
    const acks = this.acks.deadline();
    if (acks !== undefined) times.push(acks);
    return times.length ? Math.min(...times) : undefined;
  }

  /** Queues a ping_delay_disconnect now (the owner's keep-alive; `tick` does it on schedule). */
  queuePing(disconnectDelay = 75): bigint {
    const pingId = this.randomLong();
    this.outbox.queueService({ _: 'ping_delay_disconnect', ping_id: pingId, disconnect_delay: disconnectDelay } as AnyRequest, true, {
      pingId,
    });
    return pingId;
  }

  // ------------------------------------------------------------------ connection and session lifecycle

  /**
   * Requests sent but neither answered nor acknowledged by the server: after
   * a lost connection these may never have arrived.
   */
  pendingForResend(): PendingRequestInfo[] {
    return this.outbox.unanswered();
  }

  /**
   * The transport was lost. Every unanswered request is queued again under
   * its previous msg_id and seq_no (a new one only if the old msg_id is older
   * than 240 s), so the server can tell a re-send from a new query and answer
   * it from its cache. The next API query carries initConnection again.
   */
  onConnectionLost(): void {
    this.outbox.connectionLost();
    this.pinger.settled();
    this.requests.initAgain();
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
    this.protocol.setKey(authKey);
    this.salts.current = 0n;
    const events: SessionEvent[] = [];
    this.resetSessionInternal('new auth key', events);
    return events;
  }

  private resetSessionInternal(reason: string, events: SessionEvent[]): void {
    this.outbox.sessionReset();
    this.protocol.reset(this.randomLong());
    this.acks.clear();
    this.pinger.settled();
    this.requests.initAgain();
    events.push({ type: 'session_reset', sessionId: this.protocol.sessionId, reason });
  }

  /**
   * Ends the session: every pending request is rejected with
   * `MtprotoError('closed')`, and the loaded key is freed when the session loaded it.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const p of this.requests.all()) this.requests.settle(p, new MtprotoError('closed', `${p.method}: the session was closed`));
    this.outbox.clear();
    this.protocol.dispose();
  }
}
