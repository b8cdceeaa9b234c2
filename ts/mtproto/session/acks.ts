/**
 * Acknowledgments a session owes the server
 * (https://core.telegram.org/mtproto/service_messages_about_messages#acknowledgment-of-receipt):
 * piggybacked on the next flush, or sent alone once `ackThreshold` wait or the
 * oldest is `ackDelayMs` old. At most 8192 msg_ids go in one msgs_ack.
 */
import { encode } from '../../tl/codec/index.js';
import type { SessionOptions } from './options.js';
import type { Outgoing } from './outbox.js';

/** Most msg_ids in one msgs_ack / msgs_state_info / msg_resend_req. */
export const MAX_IDS_PER_SERVICE = 8192;

/** The msg_ids of received content-related messages not acknowledged yet. */
export class AckQueue {
  private ids: bigint[] = [];
  private firstAt = 0;

  constructor(private readonly options: Pick<SessionOptions, 'ackThreshold' | 'ackDelayMs'>) {}

  get size(): number {
    return this.ids.length;
  }

  has(msgId: bigint): boolean {
    return this.ids.includes(msgId);
  }

  /** Owes an acknowledgment for `msgId`, received at `now`. */
  add(msgId: bigint, now: number): void {
    if (this.ids.length === 0) this.firstAt = now;
    this.ids.push(msgId);
  }

  /**
   * Owes an acknowledgment for `msgId` (at `now`) unless it is owed already.
   * An empty queue starts its age at `now`: the time of an earlier, already
   * flushed ack must not make this one due at once.
   */
  addOnce(msgId: bigint, now: number): void {
    if (this.ids.includes(msgId)) return;
    this.add(msgId, now);
  }

  /** True when a stand-alone msgs_ack should go out now. */
  due(now: number): boolean {
    if (this.ids.length === 0) return false;
    return this.ids.length >= (this.options.ackThreshold ?? 16) || now - this.firstAt >= (this.options.ackDelayMs ?? 30_000);
  }

  /** When the waiting acknowledgments become due by age, or undefined when none wait. */
  deadline(): number | undefined {
    return this.ids.length > 0 ? this.firstAt + (this.options.ackDelayMs ?? 30_000) : undefined;
  }

  /** Takes every waiting acknowledgment as msgs_ack messages (8192 msg_ids each). */
  take(): Outgoing[] {
    const acks = this.ids;
    this.ids = [];
    const messages: Outgoing[] = [];
    for (let i = 0; i < acks.length; i += MAX_IDS_PER_SERVICE) {
      const msgIds = acks.slice(i, i + MAX_IDS_PER_SERVICE);
      messages.push({ body: encode({ _: 'msgs_ack', msg_ids: msgIds }), contentRelated: false, name: 'msgs_ack', resends: 0 });
    }
    return messages;
  }

  /** Forgets them all (new session). */
  clear(): void {
    this.ids = [];
  }
}
