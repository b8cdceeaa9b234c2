/**
 * ts/updates: the message box — the sans-IO state machine that keeps
 * Telegram's update sequences whole (pts/qts/seq gaps, differences,
 * deadlines, catch-up) and tells the client which update state is safe to
 * store (at-least-once delivery). See message-box.ts.
 */
export { CommitLog, type StateDelta } from './commit-log.js';
export {
  BOT_CHANNEL_DIFFERENCE_LIMIT,
  DIFFERENCE_RETRY_INITIAL_MS,
  DIFFERENCE_RETRY_MAX_MS,
  MAX_CONCURRENT_CHANNEL_DIFFERENCES,
  MAX_HELD_UPDATES,
  NO_UPDATES_TIMEOUT_MS,
  POSSIBLE_GAP_TIMEOUT_MS,
  USER_CHANNEL_DIFFERENCE_LIMIT,
} from './constants.js';
export { MessageBox } from './message-box.js';
export { ENTRY_CHANNEL, ENTRY_COMMON, ENTRY_NONE, ENTRY_SECONDARY, newPtsInfo, type PtsInfo, readPtsInfo } from './pts-info.js';
export { classifyChannelFailure, type FailureAction, retryDelay } from './request-errors.js';
export type { BoxEvent, BoxOutput, BoxRequest, CommitPoint, MessageBoxOptions, PeerLookup, StoredUpdates } from './types.js';
