/**
 * The pts sequences (https://core.telegram.org/api/updates#event-sequences):
 * one per account (private chats and basic groups: new, edited, deleted
 * and read messages, pins) and one per channel — and the qts sequence of an
 * account (bot updates), kept the same way with a count of 1 per event. Each event takes
 * `pts_count` steps; the log keeps the events so `updates.getDifference` and
 * `updates.getChannelDifference` can replay what a client missed. Old
 * entries are dropped past `limit`; a client behind that gets `...TooLong`.
 */
import type { Update } from '../../../tl/generated/types.js';

/** One logged event: the update as its account (or every channel member) sees it. */
export interface PtsEntry {
  /** pts after the event. */
  readonly pts: number;
  readonly ptsCount: number;
  readonly date: number;
  readonly update: Update;
}

/** One pts sequence and its recent events. */
export class PtsLog {
  private readonly entries: PtsEntry[] = [];
  /** pts of the oldest state the log can still replay from. */
  private floor: number;

  constructor(
    /** Current pts (the state after the latest event). */
    public pts: number,
    private readonly limit: number,
  ) {
    this.floor = pts;
  }

  /** Advances by `count` and logs the update `make(pts, count)` builds; returns it. */
  push<U extends Update>(count: number, date: number, make: (pts: number, ptsCount: number) => U): U {
    this.pts += count;
    const update = make(this.pts, count);
    this.entries.push({ pts: this.pts, ptsCount: count, date, update });
    if (this.entries.length > this.limit) {
      const dropped = this.entries.splice(0, this.entries.length - this.limit);
      this.floor = dropped[dropped.length - 1]!.pts;
    }
    return update;
  }

  /** Every event the log still keeps, oldest first. */
  kept(): readonly PtsEntry[] {
    return this.entries;
  }

  /** Events after state `pts` (oldest first), or undefined when the log no longer reaches back that far. */
  since(pts: number): PtsEntry[] | undefined {
    if (pts < this.floor) return undefined;
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]!.pts <= pts) lo = mid + 1;
      else hi = mid;
    }
    return this.entries.slice(lo);
  }
}
