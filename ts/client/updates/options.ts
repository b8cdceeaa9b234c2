/** Options of the client's updates (`new TelegramClient({ updates: { ... } })`). */

/**
 * When the stored update state moves past an update:
 * - `at-least-once` (default): after every handler of the update settled
 *   (resolved or threw). A crash or `close()` while a handler runs replays
 *   that update on the next start — and any later update whose handler had
 *   finished but sat behind it (commits go in order): handlers must
 *   tolerate seeing an update twice.
 * - `at-most-once`: before the handlers run. A crash mid-handler loses that
 *   update; nothing is seen twice.
 */
export type UpdateDelivery = 'at-least-once' | 'at-most-once';

/** Options of the updates runner. */
export interface UpdatesOptions {
  /**
   * With a stored update state: fetch everything missed while offline
   * (account and channel differences) before delivering new updates
   * (default true). Off: start from now.
   */
  catchUp?: boolean;
  /** See {@link UpdateDelivery} (default `at-least-once`). */
  delivery?: UpdateDelivery;
  /** Possible-gap wait before asking for the difference, ms (default 500, https://core.telegram.org/api/updates#recovering-gaps). */
  possibleGapTimeoutMs?: number;
  /** No update for this long → ask for the difference, ms (default 15 minutes). */
  noUpdatesTimeoutMs?: number;
  /** Timeout of each difference request, ms (default: the connection's request timeout). */
  requestTimeoutMs?: number;
  /** Most peers kept in the in-memory peer cache of the runner (default 20 000). */
  peerCacheLimit?: number;
  /**
   * Album grouping: new messages sharing a `grouped_id` are handed out as one
   * `Album` update instead of one `newMessage` each. A group waits this long
   * (ms) after its first part for the rest; it goes out earlier at 10 parts
   * or when another message of the same chat arrives. 0 turns grouping off
   * (every part is a `newMessage`). Default 250.
   */
  albumWindowMs?: number;
}
