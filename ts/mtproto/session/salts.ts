/**
 * The server salt of a session and the future salts the server announced
 * (https://core.telegram.org/mtproto/service_messages#request-for-several-future-salts):
 * the session switches to the one valid at the server's current time.
 */
import type { mt } from '../../tl/generated/types.js';
import type { SessionEvent } from './events.js';

/** The salt put on outgoing messages, and the ones that come after it. */
export class ServerSalts {
  private future: mt.future_salt[] = [];

  constructor(
    /** The salt of outgoing messages. */
    public current: bigint,
  ) {}

  /** Takes `salt`; reports `salt_changed` when it differs. */
  set(salt: bigint, events: SessionEvent[]): void {
    if (salt === this.current) return;
    this.current = salt;
    events.push({ type: 'salt_changed', salt });
  }

  /** Remembers the announced salts, oldest first. */
  setFuture(salts: readonly mt.future_salt[]): void {
    this.future = [...salts].sort((a, b) => a.valid_since - b.valid_since);
  }

  /** Forgets the announced salts (the server refused ours: they are no use). */
  clearFuture(): void {
    this.future = [];
  }

  /** Switches to the future salt valid at `serverTime` (seconds), dropping expired ones. */
  rotate(serverTime: number, events: SessionEvent[]): void {
    if (this.future.length === 0) return;
    const t = serverTime;
    this.future = this.future.filter((s) => s.valid_until > t);
    const valid = this.future.find((s) => s.valid_since <= t && t < s.valid_until);
    if (valid) this.set(valid.salt, events);
  }
}
