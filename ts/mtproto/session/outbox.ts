/**
 * The messages of a session on their way out: the queue for the next flush,
 * the sent messages that the server may still refuse or ask for again (by
 * msg_id), and the containers they went in. It links messages to requests
 * (`Outgoing.request`) and puts refused or lost messages back in the queue
 * (https://core.telegram.org/mtproto/service_messages_about_messages).
 */
import { MtprotoError } from '../errors.js';
import { encode } from '../../tl/codec/index.js';
import type { AnyRequest, AnyTlObject } from '../../tl/generated/types.js';
import type { PendingRequestInfo } from './options.js';
import { isOpen, markQueued, type Pending, type RequestTable } from './requests.js';
import { isContentRelated } from './seq-no.js';

/** An outgoing message, queued or sent. */
export interface Outgoing {
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

/** Sent service messages are forgotten after this long (ms): a bad_msg about them cannot come later. */
const SENT_SERVICE_TTL = 10 * 60 * 1000;
/**
 * At most this many sent service messages (acks, pings, ...) are kept for a
 * possible bad_msg_notification: the TTL alone let a busy session (an ack per
 * 16 updates at 10 000 updates/s) keep ~100 MB of acks (found by the soak test).
 */
const SENT_SERVICE_MAX = 1024;

/** The outgoing side of one session. */
export class Outbox {
  /** Messages for the next flush, in order. */
  queue: Outgoing[] = [];
  /** Sent messages that may still be refused or re-sent, by msg_id. */
  readonly sent = new Map<bigint, Outgoing>();
  /** Containers sent, by msg_id: the msg_ids inside, and when. */
  readonly containers = new Map<bigint, { members: bigint[]; sentAt: number }>();

  /** msg_ids of the sent service messages in `sent`, oldest first (for SENT_SERVICE_MAX). */
  private serviceIds: bigint[] = [];

  constructor(
    private readonly requests: RequestTable,
    private readonly maxResends: () => number,
  ) {}

  /** Queues a service message; `rpc` ones (ping, get_future_salts, rpc_drop_answer) are content-related queries. */
  queueService(obj: AnyTlObject | AnyRequest, rpc: boolean, extra: Partial<Outgoing> = {}): void {
    const name = obj._;
    this.queue.push({ body: encode(obj), contentRelated: rpc || isContentRelated(name), name, resends: 0, ...extra });
  }

  /**
   * Takes the messages the next flush may send: everything, or, while a
   * barrier query is unanswered, only it and the service messages (the rest
   * stays queued).
   */
  take(barrier: Pending | undefined): Outgoing[] {
    if (!barrier) return this.queue.splice(0);
    const items = this.queue.filter((m) => !m.request || m.request === barrier);
    this.queue = this.queue.filter((m) => m.request && m.request !== barrier);
    return items;
  }

  /** Records a message as sent under its msg_id; the oldest service messages past SENT_SERVICE_MAX are forgotten. */
  recordSent(m: Outgoing): void {
    this.sent.set(m.msgId!, m);
    if (m.request) return;
    this.serviceIds.push(m.msgId!);
    if (this.serviceIds.length > SENT_SERVICE_MAX * 2) {
      const drop = this.serviceIds.splice(0, this.serviceIds.length - SENT_SERVICE_MAX);
      for (const id of drop) if (!this.sent.get(id)?.request) this.sent.delete(id);
    }
  }

  /** The sent messages a notification's bad_msg_id names (a container names all it carried). */
  lookup(id: bigint): Outgoing[] | undefined {
    const container = this.containers.get(id);
    if (container) {
      this.containers.delete(id);
      return container.members.map((m) => this.sent.get(m)).filter((m): m is Outgoing => m !== undefined);
    }
    const out = this.sent.get(id);
    return out ? [out] : undefined;
  }

  /**
   * Puts sent messages back at the head of the queue, to go out with new
   * msg_ids; a message refused more than `maxResends` times fails its request
   * with `MtprotoError('resend_limit')`.
   */
  requeue(messages: Outgoing[]): void {
    const again: Outgoing[] = [];
    for (const m of messages) {
      if (m.msgId !== undefined) this.sent.delete(m.msgId);
      if (m.request && !isOpen(m.request)) continue;
      if (++m.resends > this.maxResends()) {
        if (m.request)
          this.requests.settle(m.request, new MtprotoError('resend_limit', `${m.request.method} was refused ${m.resends - 1} times`));
        continue;
      }
      if (m.request) markQueued(m.request);
      again.push(m);
    }
    this.queue.unshift(...again);
  }

  /** Forgets sent service messages and containers older than the time a notification about them could come. */
  forgetOld(now: number): void {
    for (const [id, out] of this.sent) {
      if (!out.request && out.sentAt !== undefined && now - out.sentAt > SENT_SERVICE_TTL) this.sent.delete(id);
    }
    for (const [id, c] of this.containers) if (now - c.sentAt > SENT_SERVICE_TTL) this.containers.delete(id);
  }

  /** Requests sent but neither answered nor acknowledged by the server. */
  unanswered(): PendingRequestInfo[] {
    const out: PendingRequestInfo[] = [];
    for (const m of this.sent.values()) {
      const p = m.request;
      if (p?.state === 'sent') out.push({ id: p.id, method: p.method, msgId: m.msgId });
    }
    return out;
  }

  /**
   * The connection was lost: every unanswered request goes out again,
   * acknowledged or not (an acknowledged one may have been answered on the
   * dead connection), under its old msg_id: the server may have executed it
   * already (only the answer was lost), and it recognises a msg_id it has
   * seen, so nothing runs twice. Service messages of the dead connection
   * (acks, pings, state answers) are not re-sent.
   */
  connectionLost(): void {
    const unacked: Outgoing[] = [];
    for (const m of this.sent.values()) if (m.request && isOpen(m.request)) unacked.push(m);
    for (const [id, m] of this.sent) if (!m.request) this.sent.delete(id);
    for (const m of unacked) {
      markQueued(m.request!);
      if (m.msgId !== undefined) this.sent.delete(m.msgId);
      m.keepMsgId = true;
    }
    this.queue.unshift(...unacked);
    this.containers.clear();
  }

  /** A new session: every sent, unanswered request is queued again (new msg_ids); the rest is forgotten. */
  sessionReset(): void {
    const pending: Outgoing[] = [];
    for (const m of this.sent.values()) if (m.request && isOpen(m.request)) pending.push(m);
    this.sent.clear();
    this.serviceIds = [];
    this.containers.clear();
    this.queue.unshift(...pending);
    for (const m of pending) if (m.request) markQueued(m.request);
  }

  /** Drops everything (the session is closed). */
  clear(): void {
    this.queue.length = 0;
    this.sent.clear();
    this.serviceIds = [];
  }
}
