/**
 * The offset rules of `messages.getHistory` and `messages.search`
 * (https://core.telegram.org/api/offsets): messages newest first; the page
 * starts at the first message older than `offset_id` (or than
 * `offset_date`), moved by `add_offset` (negative: towards newer messages),
 * and holds `limit` messages; `max_id` / `min_id` bound the ids.
 */
import { badRequest } from '../rpc-errors.js';
import type { StoredMessage } from '../store/mailbox.js';

/** The paging fields both methods share. */
export interface SliceParams {
  readonly offset_id: number;
  readonly offset_date: number;
  readonly add_offset: number;
  readonly limit: number;
  readonly max_id: number;
  readonly min_id: number;
}

/** Most messages one page returns (Telegram's cap). */
export const PAGE_MAX = 100;

/** One page: the messages (newest first), the total count and where the page starts. */
export interface Slice {
  readonly page: StoredMessage[];
  readonly count: number;
  readonly offsetIdOffset: number;
  /** True when `page` is everything there is (answer `messages.messages`). */
  readonly complete: boolean;
}

/** Cuts a page out of `all` (ascending ids). Throws 400 LIMIT_INVALID for a negative limit. */
export function sliceHistory(all: readonly StoredMessage[], p: SliceParams): Slice {
  if (p.limit < 0) throw badRequest('LIMIT_INVALID');
  const limit = p.limit === 0 ? 20 : Math.min(p.limit, PAGE_MAX);
  // Newest first, within (min_id, max_id).
  const desc = all.filter((m) => (p.max_id <= 0 || m.id < p.max_id) && (p.min_id <= 0 || m.id > p.min_id)).reverse();
  let start = 0;
  if (p.offset_id > 0) {
    start = desc.findIndex((m) => m.id < p.offset_id);
    if (start < 0) start = desc.length;
  } else if (p.offset_date > 0) {
    start = desc.findIndex((m) => m.date < p.offset_date);
    if (start < 0) start = desc.length;
  }
  start += p.add_offset;
  let end = start + limit;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  const page = desc.slice(start, end);
  return { page, count: all.length, offsetIdOffset: start, complete: page.length === all.length };
}
