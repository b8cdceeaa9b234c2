/**
 * One event sequence of the box (account pts, account qts, or a channel's
 * pts) and the updates it holds back while a gap is open.
 */
import type { Chat, Update, User } from '../tl/generated/types.js';

/** An update waiting for its turn, with the users and chats that came with it. `update` null: only a position (e.g. `messages.affectedMessages`). */
export interface Held {
  update: Update | null;
  users: User[];
  chats: Chat[];
  pts: number;
  count: number;
}

/**
 * A possible gap: updates that arrived ahead of the local pts. If the missing
 * ones arrive before `deadline` the gap closes by itself; otherwise the
 * difference is fetched (https://core.telegram.org/api/updates#recovering-gaps).
 */
export interface PossibleGap {
  deadline: number;
  items: Held[];
}

/** Difference progress of an entry. */
export const DIFF_IDLE = 0;
/** A difference is needed and not yet asked for (maybe waiting for `retryAt`). */
export const DIFF_WANTED = 1;
/** A difference request is out. */
export const DIFF_IN_FLIGHT = 2;

/** One pts (or qts) sequence. */
export interface SequenceEntry {
  /** Local pts; -1 = not known yet (the next update sets it). */
  pts: number;
  /** When to fetch the difference if no update arrives (ms). */
  deadline: number;
  gap: PossibleGap | null;
}

/** A channel's sequence, with its own difference state, retries and held updates. */
export interface ChannelEntry extends SequenceEntry {
  diff: number;
  /** Id of the request in flight (answers to older ids are ignored). */
  requestId: number;
  /** Failed difference requests in a row. */
  failures: number;
  /** Not before this time (ms) may the next request be made. */
  retryAt: number;
  /** Live updates held while the difference is being fetched. */
  held: Held[] | null;
}

/** A fresh channel entry at `pts`. */
export function newChannelEntry(pts: number, deadline: number): ChannelEntry {
  return { pts, deadline, gap: null, diff: DIFF_IDLE, requestId: 0, failures: 0, retryAt: 0, held: null };
}

const byStart = (a: Held, b: Held) => a.pts - a.count - (b.pts - b.count);

/**
 * Applies every held update that now fits after `entry.pts`, in pts order,
 * passing each to `deliver`; drops the ones that became duplicates and keeps
 * the rest. Returns true when the gap is closed (nothing left).
 */
export function drainGap(entry: SequenceEntry, gap: PossibleGap, deliver: (held: Held) => void): boolean {
  const items = gap.items;
  if (items.length > 1) items.sort(byStart);
  let kept = 0;
  for (let i = 0; i < items.length; i++) {
    const h = items[i]!;
    const expected = entry.pts + h.count;
    if (expected === h.pts) {
      entry.pts = h.pts;
      deliver(h);
    } else if (expected < h.pts) {
      items[kept++] = h;
    }
    // expected > h.pts: already applied (a duplicate), dropped.
  }
  items.length = kept;
  return kept === 0;
}
