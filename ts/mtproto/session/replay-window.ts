/**
 * The receiver's memory of recent msg_ids
 * (https://core.telegram.org/mtproto/security_guidelines#checking-msg-id):
 * "the identifiers of the last N messages received from the other side must
 * be stored, and if a message comes in with a msg_id lower than all or equal
 * to any of the stored values, that message is to be ignored. Otherwise, the
 * new message msg_id is added to the set, and, if the number of stored msg_id
 * values is greater than N, the oldest (i.e. the lowest) is discarded."
 */

/** Per-id facts kept for msgs_state_info answers. */
export interface SeenMessage {
  /** It was content-related (odd seq_no), so it needs an acknowledgment. */
  contentRelated: boolean;
}

/** Why an id was refused. */
export type ReplayVerdict = 'duplicate' | 'too_old';

/** A bounded, sorted set of received msg_ids. */
export class ReplayWindow {
  private readonly ids: bigint[] = [];
  private readonly info = new Map<bigint, SeenMessage>();

  /** @param size  N of the rule above (default 1000). */
  constructor(readonly size = 1000) {}

  /** Number of stored ids. */
  get length(): number {
    return this.ids.length;
  }

  /** The lowest stored id (undefined when empty). */
  get min(): bigint | undefined {
    return this.ids[0];
  }

  /** The highest stored id (undefined when empty). */
  get max(): bigint | undefined {
    return this.ids[this.ids.length - 1];
  }

  /** The rule's verdict for `id`, without storing it: undefined when acceptable. */
  check(id: bigint): ReplayVerdict | undefined {
    if (this.info.has(id)) return 'duplicate';
    if (this.ids.length >= this.size && id < this.ids[0]!) return 'too_old';
    return undefined;
  }

  /** Stores `id` (after a successful `check`), dropping the lowest beyond `size`. */
  add(id: bigint, seen: SeenMessage): void {
    if (this.info.has(id)) return;
    // Binary search for the insertion point; ids mostly arrive in order, so this is usually the end.
    let lo = 0;
    let hi = this.ids.length;
    if (hi > 0 && id > this.ids[hi - 1]!) lo = hi;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ids[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    this.ids.splice(lo, 0, id);
    this.info.set(id, seen);
    if (this.ids.length > this.size) this.info.delete(this.ids.shift()!);
  }

  /** What is known about a stored id. */
  get(id: bigint): SeenMessage | undefined {
    return this.info.get(id);
  }

  /** Forgets everything (new session). */
  clear(): void {
    this.ids.length = 0;
    this.info.clear();
  }
}
