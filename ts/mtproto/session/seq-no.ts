/**
 * seq_no and content-related messages
 * (https://core.telegram.org/mtproto/description#message-sequence-number-msg-seqno):
 * seq_no is twice the number of content-related messages sent before this
 * one in the session, plus one if this message is content-related itself.
 * A content-related message requires an explicit acknowledgment; containers,
 * acknowledgments and the other service messages about messages do not
 * (the set is read from the schema: see schema-facts.ts).
 */
import { notContentRelated } from './schema-facts.js';

/**
 * Whether a message whose body is the TL object `name` is content-related.
 * RPC queries (including ping, get_future_salts, destroy_session) and their
 * results are; the service messages about messages are not.
 */
export function isContentRelated(name: string): boolean {
  return !notContentRelated().has(name);
}

/** The seq_no counter of one side of a session. */
export class SeqNo {
  /** Content-related messages numbered so far. */
  private count = 0;

  /** seq_no for the next message. */
  next(contentRelated: boolean): number {
    if (!contentRelated) return this.count * 2;
    return this.count++ * 2 + 1;
  }

  /** How many content-related messages have been numbered. */
  get contentCount(): number {
    return this.count;
  }

  /**
   * Moves the counter after bad_msg_notification 32/33 (seq_no too low /
   * too high): `delta` content-related messages forward or back, never below 0.
   */
  shift(delta: number): void {
    this.count = Math.max(0, this.count + delta);
  }

  /** Starts over (new session). */
  reset(): void {
    this.count = 0;
  }
}
