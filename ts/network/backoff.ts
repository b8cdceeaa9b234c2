/**
 * Reconnect delays: exponential backoff with full jitter, capped. Pure (the
 * random source is injected), so tests can pin the sequence.
 */
export interface BackoffOptions {
  /** First delay, ms (default 250). */
  initialMs?: number;
  /** Largest delay, ms (default 30 000). */
  maxMs?: number;
  /** Growth per attempt (default 2). */
  factor?: number;
  /** Share of the delay that is randomized, 0..1 (default 0.5: the delay is in [d/2, d]). */
  jitter?: number;
}

/**
 * Delay before reconnect attempt `attempt` (0-based):
 * `d = min(maxMs, initialMs · factor^attempt)`, then a uniform value in
 * `[d·(1 − jitter), d]`, so many clients dropped together do not return together.
 *
 * @param random  a uniform number in [0, 1) (default `Math.random`; not security relevant)
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const initial = options.initialMs ?? 250;
  const max = options.maxMs ?? 30_000;
  const factor = options.factor ?? 2;
  const jitter = Math.min(1, Math.max(0, options.jitter ?? 0.5));
  const d = Math.min(max, initial * factor ** Math.max(0, attempt));
  return Math.round(d * (1 - jitter * random()));
}
