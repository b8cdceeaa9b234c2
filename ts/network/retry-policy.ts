/**
 * Retry policies: what to do when a request fails. Each policy is a pure
 * decision (sans-IO): given the error, how many attempts failed so far and
 * the time, it answers "retry after N ms" or "give up". The sleeping and
 * re-sending is done by {@link invokeWithRetry}; a policy never touches a
 * timer, so every rule is testable with plain values.
 *
 * - {@link AutoSleep} (the default): sleeps through FLOOD_WAIT_X /
 *   SLOWMODE_WAIT_X up to a threshold (https://core.telegram.org/api/errors#420-flood),
 *   and retries once after a transient I/O or server error.
 * - {@link NoRetries}: every error reaches the caller.
 * - {@link ExponentialBackoff}: retries transient errors with growing, jittered delays.
 * - {@link CircuitBreaker}: after N consecutive failures, fails fast for a
 *   cooldown, then lets one trial call through (half-open).
 *
 * Your own policy implements {@link RetryPolicy}.
 *
 * @example
 * ```ts
 * const client = new TelegramClient({ ..., retry: new AutoSleep({ maxWaitSeconds: 30 }) });
 * await client.invoke(req, { retry: new NoRetries() }); // this call only
 * ```
 */
import { RpcError, TimeoutError, TransportError, WasmgramError } from '../errors.js';

/** What a policy sees after a failed attempt. */
export interface RetryContext {
  /** The error of the attempt that just failed. */
  readonly error: unknown;
  /** Failed attempts of this call so far, including this one (1 after the first failure). */
  readonly attempt: number;
  /** TL name of the request (`messages.sendMessage`). */
  readonly method: string;
  /** Clock reading, ms. */
  readonly now: number;
}

/** A policy's answer: retry after `delayMs`, or give up (the error goes to the caller). */
export type RetryDecision = { readonly retry: true; readonly delayMs: number } | { readonly retry: false };

/** Give up. */
export const GIVE_UP: RetryDecision = Object.freeze({ retry: false });

/** Retry after `delayMs` (rounded, never negative). */
export function retryAfter(delayMs: number): RetryDecision {
  return { retry: true, delayMs: Math.max(0, Math.round(delayMs)) };
}

/**
 * A retry policy. `decide` is required; the hooks let stateful policies
 * (a circuit breaker) see every call. One instance may serve many calls at
 * once, so per-call state lives in `RetryContext.attempt`, not in the policy.
 */
export interface RetryPolicy {
  /** After a failed attempt: retry (after how long) or give up. */
  decide(context: RetryContext): RetryDecision;
  /** Before every attempt; throwing refuses the attempt (the error goes to the caller). */
  beforeAttempt?(now: number): void;
  /** After an attempt that succeeded. */
  onSuccess?(now: number): void;
}

/** A number in [0, 1) (injectable so jitter is reproducible in tests). */
export type UnitRandom = () => number;

/** Errors worth one more try: the connection failed, or the server had a transient problem (500, -503 timeouts). */
export function isTransientError(error: unknown): boolean {
  if (error instanceof TransportError) return true;
  if (error instanceof RpcError) return error.code >= 500 || error.code < 0;
  return false;
}

/** Seconds to wait for a 420 FLOOD_WAIT_X / SLOWMODE_WAIT_X / FLOOD_PREMIUM_WAIT_X, else undefined. */
export function floodWaitSeconds(error: unknown): number | undefined {
  return error instanceof RpcError && error.code === 420 ? error.seconds : undefined;
}

/** Options of {@link AutoSleep}. */
export interface AutoSleepOptions {
  /** Longest wait slept through, seconds (default 60); longer waits reach the caller. */
  maxWaitSeconds?: number;
  /** Most flood waits slept through in one call (default 5). */
  maxSleeps?: number;
  /** Extra random delay added to each wait, as a fraction of it (default 0.1), so many clients do not retry in the same ms. */
  jitter?: number;
  /** Retry once after a transient I/O or server error (default true). */
  retryTransient?: boolean;
  /** Delay before that retry, ms (default 500). */
  transientDelayMs?: number;
  /** Random source for the jitter (default Math.random). */
  random?: UnitRandom;
}

/**
 * The default policy: sleeps through FLOOD_WAIT_X / SLOWMODE_WAIT_X (420) up
 * to `maxWaitSeconds`, with jitter, and retries once after a transient error.
 */
export class AutoSleep implements RetryPolicy {
  private readonly maxWait: number;
  private readonly maxSleeps: number;
  private readonly jitter: number;
  private readonly retryTransient: boolean;
  private readonly transientDelayMs: number;
  private readonly random: UnitRandom;

  constructor(options: AutoSleepOptions = {}) {
    this.maxWait = options.maxWaitSeconds ?? 60;
    this.maxSleeps = options.maxSleeps ?? 5;
    this.jitter = options.jitter ?? 0.1;
    this.retryTransient = options.retryTransient ?? true;
    this.transientDelayMs = options.transientDelayMs ?? 500;
    this.random = options.random ?? Math.random;
  }

  decide(context: RetryContext): RetryDecision {
    const wait = floodWaitSeconds(context.error);
    if (wait !== undefined) {
      if (wait > this.maxWait || context.attempt > this.maxSleeps) return GIVE_UP;
      const ms = wait * 1000;
      // FLOOD_WAIT_0 still means "not this instant": a small floor keeps a hot loop off the server.
      return retryAfter(Math.max(ms, 50) + ms * this.jitter * this.random());
    }
    if (this.retryTransient && context.attempt === 1 && isTransientError(context.error)) {
      return retryAfter(this.transientDelayMs * (1 + this.jitter * this.random()));
    }
    return GIVE_UP;
  }
}

/** Never retries: every error reaches the caller at once. */
export class NoRetries implements RetryPolicy {
  decide(): RetryDecision {
    return GIVE_UP;
  }
}

/** Options of {@link ExponentialBackoff}. */
export interface ExponentialBackoffOptions {
  /** Most attempts in all (default 5: the first plus 4 retries). */
  maxAttempts?: number;
  /** Delay after the first failure, ms (default 500). */
  baseMs?: number;
  /** Growth per failure (default 2). */
  factor?: number;
  /** Largest delay, ms (default 30 000). */
  maxMs?: number;
  /** Full jitter: the delay is drawn uniformly from [(1 − jitter)·d, d] (default 0.5). */
  jitter?: number;
  /** Which errors to retry (default: transient errors and flood waits no longer than `maxMs`). */
  retryOn?: (error: unknown) => boolean;
  /** Random source for the jitter (default Math.random). */
  random?: UnitRandom;
}

/**
 * Retries with delays base·factor^(n−1), capped and jittered; a flood wait
 * is never retried earlier than the server asked.
 */
export class ExponentialBackoff implements RetryPolicy {
  private readonly o: Required<Omit<ExponentialBackoffOptions, 'retryOn'>> & { retryOn: (error: unknown) => boolean };

  constructor(options: ExponentialBackoffOptions = {}) {
    const maxMs = options.maxMs ?? 30_000;
    this.o = {
      maxAttempts: options.maxAttempts ?? 5,
      baseMs: options.baseMs ?? 500,
      factor: options.factor ?? 2,
      maxMs,
      jitter: Math.min(1, Math.max(0, options.jitter ?? 0.5)),
      random: options.random ?? Math.random,
      retryOn:
        options.retryOn ??
        ((e) => {
          const wait = floodWaitSeconds(e);
          return wait !== undefined ? wait * 1000 <= maxMs : isTransientError(e);
        }),
    };
  }

  /** The delay before retry number `attempt` (1-based) without jitter, ms. */
  delayFor(attempt: number): number {
    return Math.min(this.o.maxMs, this.o.baseMs * this.o.factor ** (attempt - 1));
  }

  decide(context: RetryContext): RetryDecision {
    if (context.attempt >= this.o.maxAttempts || !this.o.retryOn(context.error)) return GIVE_UP;
    const d = this.delayFor(context.attempt);
    const jittered = d * (1 - this.o.jitter * this.o.random());
    const wait = floodWaitSeconds(context.error);
    return retryAfter(wait !== undefined ? Math.max(jittered, wait * 1000) : jittered);
  }
}

/** Thrown (as the call's error) while a {@link CircuitBreaker} is open. */
export class CircuitOpenError extends WasmgramError {
  override name = 'CircuitOpenError';
  static override readonly kind: string = 'CircuitOpenError';
  constructor(
    /** Ms until the breaker lets a trial call through. */
    readonly retryInMs: number,
  ) {
    super(`circuit breaker open: calls refused for another ${retryInMs} ms`);
  }
}

/** State of a {@link CircuitBreaker}. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** Options of {@link CircuitBreaker}. */
export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit (default 5). */
  threshold?: number;
  /** How long the circuit stays open, ms (default 30 000). */
  cooldownMs?: number;
  /** Decides retries while the circuit is closed (default {@link NoRetries}). */
  inner?: RetryPolicy;
  /** Which errors count as failures (default: transient errors, timeouts and flood waits; a 400 is the caller's fault, not the service's). */
  isFailure?: (error: unknown) => boolean;
}

/**
 * Stops calling after `threshold` consecutive failures: for `cooldownMs`
 * every call fails at once with {@link CircuitOpenError}; then one trial call
 * goes through (half-open) — its success closes the circuit, its failure
 * opens it again. Share one instance between calls (it counts across them).
 */
export class CircuitBreaker implements RetryPolicy {
  private failures = 0;
  private openUntil = 0;
  private stateValue: CircuitState = 'closed';
  private trialInFlight = false;
  private readonly threshold: number;
  private readonly cooldownMs: number;
  private readonly inner: RetryPolicy;
  private readonly isFailure: (error: unknown) => boolean;

  constructor(options: CircuitBreakerOptions = {}) {
    this.threshold = options.threshold ?? 5;
    this.cooldownMs = options.cooldownMs ?? 30_000;
    this.inner = options.inner ?? new NoRetries();
    this.isFailure = options.isFailure ?? ((e) => isTransientError(e) || e instanceof TimeoutError || floodWaitSeconds(e) !== undefined);
  }

  /** The state at time `now` (an open circuit past its cooldown reads half-open). */
  state(now: number): CircuitState {
    if (this.stateValue === 'open' && now >= this.openUntil) return 'half-open';
    return this.stateValue;
  }

  beforeAttempt(now: number): void {
    const state = this.state(now);
    if (state === 'open') throw new CircuitOpenError(this.openUntil - now);
    if (state === 'half-open') {
      // One trial at a time; the others fail fast until it settles.
      if (this.trialInFlight) throw new CircuitOpenError(0);
      this.stateValue = 'half-open';
      this.trialInFlight = true;
    }
    this.inner.beforeAttempt?.(now);
  }

  onSuccess(now: number): void {
    this.failures = 0;
    this.trialInFlight = false;
    this.stateValue = 'closed';
    this.inner.onSuccess?.(now);
  }

  decide(context: RetryContext): RetryDecision {
    if (!this.isFailure(context.error)) {
      // Not the service's fault: neither counts nor keeps a trial pending.
      if (this.stateValue === 'half-open') this.trialInFlight = false;
      return this.inner.decide(context);
    }
    this.failures++;
    if (this.stateValue === 'half-open' || this.failures >= this.threshold) {
      this.stateValue = 'open';
      this.openUntil = context.now + this.cooldownMs;
      this.trialInFlight = false;
      return GIVE_UP;
    }
    return this.inner.decide(context);
  }
}

/** What {@link invokeWithRetry} needs besides the call. */
export interface RetryRunOptions {
  policy: RetryPolicy;
  /** TL name of the request, for the policy. */
  method: string;
  /** Clock, ms (default Date.now). */
  now?: () => number;
  /** Sleep (default setTimeout); must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Stops waiting between attempts. */
  signal?: AbortSignal;
  /** Called before each sleep (for logging). */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** Sleeps `ms`, rejecting early when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new WasmgramError('request aborted');
}

/** Runs `attempt` until it succeeds or the policy gives up (then rethrows the last error). */
export async function invokeWithRetry<T>(attempt: () => Promise<T>, options: RetryRunOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const wait = options.sleep ?? sleep;
  const { policy } = options;
  for (let failures = 1; ; failures++) {
    policy.beforeAttempt?.(now());
    try {
      const result = await attempt();
      policy.onSuccess?.(now());
      return result;
    } catch (error) {
      const decision = policy.decide({ error, attempt: failures, method: options.method, now: now() });
      if (!decision.retry || options.signal?.aborted) throw error;
      options.onRetry?.(error, failures, decision.delayMs);
      await wait(decision.delayMs, options.signal);
    }
  }
}
