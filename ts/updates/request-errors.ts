/**
 * What a failed difference request means for the box
 * (https://core.telegram.org/method/updates.getChannelDifference#possible-errors):
 * some errors are permanent (retrying can never succeed), some invalidate the
 * stored pts, everything else is retried later with a growing delay — never
 * in a tight loop.
 */
import { backoffDelay } from '../network/backoff.js';

/** Errors after which the channel is gone for this account: the box drops it. */
const CHANNEL_GONE = new Set(['CHANNEL_PRIVATE', 'CHANNEL_INVALID', 'CHANNEL_PUBLIC_GROUP_NA', 'USER_BANNED_IN_CHANNEL']);

/** How the box reacts to a failed difference request. */
export type FailureAction = 'drop' | 'reset' | 'retry';

/** Classifies an RPC error name (`CHANNEL_PRIVATE`, `PERSISTENT_TIMESTAMP_OUTDATED`, `FLOOD_WAIT_5`, `TIMEOUT`, ...). */
export function classifyChannelFailure(error: string): FailureAction {
  if (CHANNEL_GONE.has(error)) return 'drop';
  // PERSISTENT_TIMESTAMP_EMPTY / _INVALID / _OUTDATED: our pts is unusable.
  if (error.startsWith('PERSISTENT_TIMESTAMP')) return 'reset';
  return 'retry';
}

/**
 * Delay before retry number `attempt` (1-based): `initialMs · 2^(attempt-1)`,
 * capped at `maxMs`, and never shorter than a FLOOD_WAIT_X the server named.
 * Deterministic (no jitter): one client's retries are not synchronized with anyone's.
 */
export function retryDelay(attempt: number, error: string, initialMs: number, maxMs: number): number {
  const base = backoffDelay(attempt - 1, { initialMs, maxMs, jitter: 0 });
  const flood = /(?:^|_)WAIT_(\d+)$/.exec(error);
  return flood ? Math.max(base, Number(flood[1]) * 1000) : base;
}
