/**
 * Whose state is it? A key strategy turns an update's chat and sender into
 * the storage key of its FSM state: one per user, per chat, or per user in a
 * chat (the default, what aiogram and grammY do) — or your own.
 */

/** The ids a key strategy reads (the dispatcher extracts them from each update). */
export interface StateKeyParts {
  chatId?: bigint;
  userId?: bigint;
  /** Forum topic / message thread, for strategies that keep one state per topic. */
  threadId?: number;
}

/** Returns the key, or undefined when the update has no owner under this strategy (then it has no state). */
export type KeyStrategy = (parts: StateKeyParts) => string | undefined;

/** One state per user, across every chat. */
export const perUser: KeyStrategy = (p) => (p.userId === undefined ? undefined : `u${p.userId}`);

/** One state per chat, shared by everyone in it. */
export const perChat: KeyStrategy = (p) => (p.chatId === undefined ? undefined : `c${p.chatId}`);

/** One state per user in each chat (the default). In a private chat this is per user. */
export const perUserInChat: KeyStrategy = (p) =>
  p.chatId === undefined || p.userId === undefined ? undefined : `c${p.chatId}:u${p.userId}`;

/** One state per user in each forum topic of each chat. */
export const perUserInThread: KeyStrategy = (p) =>
  p.chatId === undefined || p.userId === undefined ? undefined : `c${p.chatId}:t${p.threadId ?? 0}:u${p.userId}`;
