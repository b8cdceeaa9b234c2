/**
 * The numbers of the update rules (https://core.telegram.org/api/updates).
 * Each one can be overridden per box through `MessageBoxOptions`.
 */

/**
 * How long a *possible* gap waits for the missing update before it becomes a
 * real gap: "it may be useful to wait up to 0.5 seconds in this situation and
 * abort the sync in case a new update arrives, that fills the gap"
 * (https://core.telegram.org/api/updates#recovering-gaps).
 */
export const POSSIBLE_GAP_TIMEOUT_MS = 500;

/**
 * After this long without any update for an entry the box asks for its
 * difference by itself: the spec recommends 15 minutes for the account-wide
 * state (https://core.telegram.org/api/updates#recovering-gaps); channels use
 * the same default unless a channel difference named its own `timeout`.
 */
export const NO_UPDATES_TIMEOUT_MS = 15 * 60 * 1000;

/**
 * `limit` of `updates.getChannelDifference`: "ordinary (non-bot) users are
 * supposed to pass 10-100", bots up to 100 000
 * (https://core.telegram.org/method/updates.getChannelDifference).
 */
export const USER_CHANNEL_DIFFERENCE_LIMIT = 100;
/** `limit` of `updates.getChannelDifference` for bot accounts. */
export const BOT_CHANNEL_DIFFERENCE_LIMIT = 100_000;

/** First retry delay after a failed difference request, ms (doubles per failure). */
export const DIFFERENCE_RETRY_INITIAL_MS = 1000;
/** Largest retry delay after failed difference requests, ms. */
export const DIFFERENCE_RETRY_MAX_MS = 5 * 60 * 1000;

/**
 * Most updates held back per entry while its gap or difference is pending.
 * Past it, held updates that carry pts are dropped (the difference fetches
 * them again) so a flood cannot grow memory without bound.
 */
export const MAX_HELD_UPDATES = 10_000;

/** Channel differences in flight at once (each channel has at most one). */
export const MAX_CONCURRENT_CHANNEL_DIFFERENCES = 4;
