/**
 * Per-user rate limit as middleware: at most `limit` updates per user in any
 * window of `windowMs` (a sliding window over the times of the last `limit`
 * accepted updates, not fixed buckets, so a burst at a bucket edge cannot
 * double the rate). Updates over the limit stop there (`onLimited` is told).
 * Memory is bounded: `maxKeys` users at most, the least recently seen dropped first.
 */
import { ArgumentError } from '../errors.js';
import type { StateMap } from '../fsm/states.js';
import type { Context } from './context.js';
import type { Middleware } from './middleware.js';

/** Options of {@link rateLimit}. */
export interface RateLimitOptions<U, M extends StateMap> {
  /** Updates allowed per window. */
  limit: number;
  /** Window length in ms. */
  windowMs: number;
  /** Whose budget an update spends (default the sender's user id; undefined = not limited). */
  key?: (ctx: Context<U, M>) => string | undefined;
  /** Called for each dropped update with the ms until the key may send again. */
  onLimited?: (ctx: Context<U, M>, retryAfterMs: number) => unknown;
  /** Clock in ms (default `Date.now`). */
  now?: () => number;
  /** Most keys tracked (default 100 000). */
  maxKeys?: number;
}

/**
 * @example
 * ```ts
 * dp.use(rateLimit({ limit: 5, windowMs: 10_000, onLimited: (ctx, ms) => reply(ctx.update, `wait ${Math.ceil(ms / 1000)} s`) }));
 * ```
 */
export function rateLimit<U, M extends StateMap = StateMap>(options: RateLimitOptions<U, M>): Middleware<U, M> {
  const { limit, windowMs } = options;
  if (!(limit >= 1) || !(windowMs > 0)) throw new ArgumentError('rateLimit: limit must be ≥ 1 and windowMs > 0', 'limit');
  const now = options.now ?? Date.now;
  const keyOf = options.key ?? ((ctx: Context<U, M>) => (ctx.userId === undefined ? undefined : String(ctx.userId)));
  const maxKeys = options.maxKeys ?? 100_000;
  // Per key: a ring of the last `limit` accepted times.
  const rings = new Map<string, { times: number[]; next: number }>();
  return async (ctx, next) => {
    const key = keyOf(ctx);
    if (key === undefined) return next();
    const t = now();
    let ring = rings.get(key);
    if (ring)
      rings.delete(key); // re-inserted below: Map order = least recently seen first
    else ring = { times: [], next: 0 };
    rings.set(key, ring);
    if (rings.size > maxKeys) rings.delete(rings.keys().next().value as string);
    if (ring.times.length < limit) {
      ring.times.push(t);
      return next();
    }
    const oldest = ring.times[ring.next]!;
    if (t - oldest < windowMs) {
      await options.onLimited?.(ctx, oldest + windowMs - t);
      return; // not calling next: the update stops here
    }
    ring.times[ring.next] = t;
    ring.next = (ring.next + 1) % limit;
    return next();
  };
}
