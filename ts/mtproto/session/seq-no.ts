/**
 * seq_no and content-related messages
 * (https://core.telegram.org/mtproto/description#message-sequence-number-msg-seqno):
 * seq_no is twice the number of content-related messages sent before this
 * one in the session, plus one if this message is content-related itself.
 * A content-related message requires an explicit acknowledgment; containers,
 * acknowledgments and the other service messages about messages do not.
 */

/** Messages that are not content-related (no acknowledgment; even seq_no). */
const NOT_CONTENT_RELATED: ReadonlySet<string> = new Set([
  'msg_container',
  'msgs_ack',
  'msgs_state_req',
  'msgs_state_info',
  'msgs_all_info',
  'msg_resend_req',
  'msg_resend_ans_req',
  'msg_detailed_info',
  'msg_new_detailed_info',
  'bad_msg_notification',
  'bad_server_salt',
  'http_wait',
  'future_salts',
  'pong',
]);

/**
 * Whether a message whose body is the TL object `name` is content-related.
 * RPC queries (including ping, get_future_salts, destroy_session) and their
 * results are; the service messages about messages are not.
 */
export function isContentRelated(name: string): boolean {
  return !NOT_CONTENT_RELATED.has(name);
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
