/**
 * Codes "sent" by `auth.sendCode`, keyed by their `phone_code_hash`
 * (https://core.telegram.org/api/auth#sending-the-verification-code). A code
 * lives `ttl` seconds, is used up by a successful sign-in or sign-up, and is
 * marked verified when `auth.signIn` finds no account, so `auth.signUp` can
 * follow with the same hash.
 */
import type { RandomSource } from '../../crypto/provider.js';
import { randomHex } from './clock.js';

/** One code that was sent. */
export interface SentCodeRecord {
  /** The `phone_code_hash` the client got. */
  readonly hash: string;
  /** Phone number, digits only. */
  readonly phone: string;
  /** The code the user must type. */
  readonly code: string;
  /** Unix time after which the code is refused with PHONE_CODE_EXPIRED. */
  expiresAt: number;
  /** True once `auth.signIn` checked the code for a number with no account (sign-up may follow). */
  verified: boolean;
}

/** The codes in flight. */
export class LoginCodes {
  private readonly codes = new Map<string, SentCodeRecord>();

  constructor(
    private readonly random: RandomSource,
    /** Seconds a code stays valid. */
    readonly ttl: number,
  ) {}

  /** Records a new code for `phone`, valid from `now` for `ttl` seconds. */
  issue(phone: string, code: string, now: number): SentCodeRecord {
    this.dropExpired(now);
    let hash: string;
    do hash = randomHex(this.random, 9);
    while (this.codes.has(hash));
    const rec: SentCodeRecord = { hash, phone, code, expiresAt: now + this.ttl, verified: false };
    this.codes.set(hash, rec);
    return rec;
  }

  /** The live code with `hash` sent to `phone`, or undefined when unknown, for another phone, or expired. */
  find(hash: string, phone: string, now: number): SentCodeRecord | undefined {
    const rec = this.codes.get(hash);
    if (!rec || rec.phone !== phone) return undefined;
    if (now > rec.expiresAt) {
      this.codes.delete(hash);
      return undefined;
    }
    return rec;
  }

  /** Forgets a code (after it was used or cancelled). */
  consume(hash: string): void {
    this.codes.delete(hash);
  }

  /** Codes still stored (including expired ones not yet swept). */
  get size(): number {
    return this.codes.size;
  }

  private dropExpired(now: number): void {
    for (const [hash, rec] of this.codes) if (now > rec.expiresAt) this.codes.delete(hash);
  }
}
