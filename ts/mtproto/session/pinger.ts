/**
 * Keep-alive pings of a session
 * (https://core.telegram.org/mtproto/service_messages#deferred-connection-closure-ping):
 * one ping_delay_disconnect every `intervalMs`, and a `ping_timeout` event
 * when its pong does not come within `timeoutMs`.
 */
import type { PingOptions } from './options.js';

/** What {@link Pinger.tick} found due. */
export interface PingTick {
  /** The last ping got no pong in time. */
  timedOut: boolean;
  /** A ping is due now, with this disconnect_delay (seconds). */
  send: number | undefined;
}

/** The ping schedule (no timers: the session's owner calls `tick`). */
export class Pinger {
  private nextAt: number | undefined;
  private sentAt: number | undefined;

  constructor(private readonly options: PingOptions | false | undefined) {}

  private get settings(): PingOptions | undefined {
    return this.options === false ? undefined : (this.options ?? {});
  }

  tick(now: number): PingTick {
    const result: PingTick = { timedOut: false, send: undefined };
    const ping = this.settings;
    if (!ping) return result;
    const interval = ping.intervalMs ?? 60_000;
    if (this.sentAt !== undefined && now - this.sentAt >= (ping.timeoutMs ?? 15_000)) {
      this.sentAt = undefined;
      result.timedOut = true;
    }
    if (this.nextAt === undefined) this.nextAt = now + interval;
    else if (now >= this.nextAt) {
      result.send = ping.disconnectDelay ?? 75;
      this.nextAt = now + interval;
    }
    return result;
  }

  /** Adds the times `tick` must run at to `times`. */
  deadlines(now: number, times: number[]): void {
    const ping = this.settings;
    if (!ping) return;
    times.push(this.nextAt ?? now);
    if (this.sentAt !== undefined) times.push(this.sentAt + (ping.timeoutMs ?? 15_000));
  }

  /**
   * A ping of ours went out at `now`. The timeout counts from the oldest ping
   * still unanswered: with an interval shorter than the timeout, restarting it
   * on every ping would never let a dead link time out.
   */
  sent(now: number): void {
    this.sentAt ??= now;
  }

  /** Its pong came, or the connection it went on is gone. */
  settled(): void {
    this.sentAt = undefined;
  }
}
