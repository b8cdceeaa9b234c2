/**
 * Server salts of one auth key (https://core.telegram.org/mtproto/description#server-salt):
 * a salt is a random 64-bit number that the client must put in every
 * encrypted message; it changes over time, and a message with a salt that is
 * no longer valid is answered with `bad_server_salt` carrying the current one
 * (https://core.telegram.org/mtproto/service_messages_about_messages#notice-of-ignored-error-message).
 *
 * The schedule here: salt `i` is valid from `since + i·STEP` for `LIFETIME`
 * seconds, so two salts overlap at any moment and a client that switches a
 * little late is not refused. Salt 0 is the one the key exchange produced.
 */
import type { RandomSource } from '../../crypto/provider.js';
import type { mt } from '../../tl/generated/types.js';
import { randomLong } from '../telegram/clock.js';

/** Seconds between two salts coming into force. */
export const SALT_STEP = 1800;
/** Seconds a salt stays valid (two steps: consecutive salts overlap). */
export const SALT_LIFETIME = 3600;
/** Most salts one `get_future_salts` returns (https://core.telegram.org/mtproto/service_messages#request-for-several-future-salts). */
export const MAX_FUTURE_SALTS = 64;

/** The salts of one auth key, drawn lazily. */
export class SaltSchedule {
  private readonly salts = new Map<number, bigint>();

  /**
   * @param first  the salt from the key exchange (valid from `since`)
   * @param since  Unix time the key was made
   */
  constructor(
    first: bigint,
    private readonly since: number,
    private readonly random: RandomSource,
  ) {
    this.salts.set(0, first);
  }

  /** The salt to hand out at `now` (Unix seconds): the newest one in force. */
  current(now: number): bigint {
    return this.salt(this.index(now));
  }

  /** True when `salt` is in force at `now`: the current salt or the previous one, which overlaps it. */
  isValid(salt: bigint, now: number): boolean {
    const i = this.index(now);
    return salt === this.salt(i) || (i > 0 && salt === this.salt(i - 1));
  }

  /** `num` (1..64) salts from the current one on, for `future_salts`. */
  future(now: number, num: number): mt.future_salt[] {
    const count = Math.min(MAX_FUTURE_SALTS, Math.max(1, Math.floor(num) || 1));
    const first = this.index(now);
    const out: mt.future_salt[] = [];
    for (let i = first; i < first + count; i++) {
      const validSince = this.since + i * SALT_STEP;
      out.push({ _: 'future_salt', valid_since: validSince, valid_until: validSince + SALT_LIFETIME, salt: this.salt(i) });
    }
    return out;
  }

  private index(now: number): number {
    const i = Math.floor((now - this.since) / SALT_STEP);
    if (i > 2) {
      // Salts more than two steps old can never be valid again.
      for (const k of this.salts.keys()) if (k < i - 2) this.salts.delete(k);
    }
    return Math.max(0, i);
  }

  private salt(i: number): bigint {
    let s = this.salts.get(i);
    if (s === undefined) this.salts.set(i, (s = randomLong(this.random)));
    return s;
  }
}
