/**
 * When to reconnect and when to give up — the bookkeeping behind
 * `Connection`'s reconnect loop, pure (clock and random source injected).
 *
 * Two counters, two jobs:
 *
 * - **Backoff** grows with every connection that fails, whether it failed to
 *   open or opened and then failed at once (a hostile server that accepts TCP
 *   and sends one bad packet must not get a fresh 250 ms delay every time).
 *   It returns to the first step only after a *healthy* connection: one that
 *   answered something (a packet that decrypted and passed the checks) and
 *   stayed up for `healthyAfterMs`.
 * - **Give-up** bounds how long callers wait: after `maxAttempts` failures in
 *   a row with nothing answered, or once the next attempt would start later
 *   than `giveUpAfterMs` after the first of those failures began, the round
 *   ends — the connection rejects whoever waits and stops retrying until a
 *   caller needs it again. Backoff is not reset by giving up: the next round
 *   starts at the delay the last one reached.
 */
import { type BackoffOptions, backoffDelay } from './backoff.js';

/** Options of the reconnect loop (`ConnectionOptions.reconnect`). */
export interface ReconnectOptions extends BackoffOptions {
  /**
   * Failed attempts in a row (connections that failed to open, or opened and
   * failed before answering anything) after which waiting callers are
   * rejected and reconnecting stops until the next call. Default 8 (about
   * 30 s with the default backoff). `Infinity` retries forever.
   */
  maxAttempts?: number;
  /** The longest a round of failing attempts may last before callers are rejected, ms. Default 60 000. */
  giveUpAfterMs?: number;
  /** How long a connection that answered must stay up to count as healthy and reset the backoff, ms. Default 30 000. */
  healthyAfterMs?: number;
}

/** What to do after a failure. */
export type ReconnectVerdict = { giveUp: false; delayMs: number } | { giveUp: true; delayMs: number };

/**
 * The reconnect bookkeeping of one connection. Call `attemptStarting`,
 * `opened`, `answered` and `failed` as those things happen; `failed` says
 * whether to retry (and after how long) or give up.
 *
 * @example
 * ```ts
 * const policy = new ReconnectPolicy({ maxAttempts: 3 }, Date.now);
 * policy.attemptStarting();
 * const verdict = policy.failed();   // { giveUp: false, delayMs: 125..250 }
 * ```
 */
export class ReconnectPolicy {
  private failures = 0;
  private roundFailures = 0;
  private roundStartedAt: number | undefined;
  private attemptStartedAt: number | undefined;
  private openedAt: number | undefined;
  private answeredOnConnection = false;
  private nextAllowedAt = 0;

  constructor(
    private readonly options: ReconnectOptions = {},
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  /** Failures since the last healthy connection (the backoff exponent). */
  get consecutiveFailures(): number {
    return this.failures;
  }

  /** Failures in the current round (reset by an answer or by giving up). */
  get roundAttempts(): number {
    return this.roundFailures;
  }

  /** How long the next attempt must wait, ms (0: it may start now). */
  delayBeforeAttempt(): number {
    return Math.max(0, this.nextAllowedAt - this.now());
  }

  /** An attempt to open (socket, key exchange) begins. */
  attemptStarting(): void {
    this.attemptStartedAt = this.now();
  }

  /** The connection opened: requests can flow. */
  opened(): void {
    this.attemptStartedAt = undefined;
    this.openedAt = this.now();
    this.answeredOnConnection = false;
  }

  /** A packet arrived that decrypted and passed the checks: the connection works, the round is over. */
  answered(): void {
    this.answeredOnConnection = true;
    this.roundFailures = 0;
    this.roundStartedAt = undefined;
  }

  /** The attempt failed or the open connection was lost. */
  failed(): ReconnectVerdict {
    const t = this.now();
    const healthyAfter = this.options.healthyAfterMs ?? 30_000;
    if (this.openedAt !== undefined && this.answeredOnConnection && t - this.openedAt >= healthyAfter) this.failures = 0;
    // A round is measured from the start of its first failed attempt (or from
    // the moment an open connection was lost).
    this.roundStartedAt ??= this.attemptStartedAt ?? t;
    this.attemptStartedAt = undefined;
    this.openedAt = undefined;
    this.answeredOnConnection = false;
    const delayMs = backoffDelay(this.failures, this.options, this.random);
    this.failures++;
    this.roundFailures++;
    this.nextAllowedAt = t + delayMs;
    const max = this.options.maxAttempts ?? 8;
    const window = this.options.giveUpAfterMs ?? 60_000;
    if (this.roundFailures >= max || t + delayMs - this.roundStartedAt > window) {
      this.roundFailures = 0;
      this.roundStartedAt = undefined;
      return { giveUp: true, delayMs };
    }
    return { giveUp: false, delayMs };
  }
}
