/**
 * Time and randomness for the in-memory Telegram. Both are injected so a test
 * can pin every value the server hands out (dates, hashes, tokens, ids).
 */
import type { RandomSource } from '../../crypto/provider.js';

/** Current Unix time in whole seconds. */
export type Clock = () => number;

/** The wall clock, rounded down to seconds. */
export const systemClock: Clock = () => Math.floor(Date.now() / 1000);

/** A signed 64-bit value drawn from `random` (TL `long`), never zero. */
export function randomLong(random: RandomSource): bigint {
  const b = new Uint8Array(8);
  for (;;) {
    random(b);
    const v = new DataView(b.buffer).getBigInt64(0, true);
    if (v !== 0n) return v;
  }
}

/** `n` random bytes. */
export function randomBytes(random: RandomSource, n: number): Uint8Array {
  const b = new Uint8Array(n);
  random(b);
  return b;
}

/** `bytes` random bytes as lower-case hex (2 characters per byte). */
export function randomHex(random: RandomSource, bytes: number): string {
  let s = '';
  for (const x of randomBytes(random, bytes)) s += x.toString(16).padStart(2, '0');
  return s;
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A string of `length` characters from the URL-safe base64 alphabet (64 symbols, so no modulo bias). */
export function randomToken(random: RandomSource, length: number): string {
  let s = '';
  for (const x of randomBytes(random, length)) s += TOKEN_ALPHABET[x & 63];
  return s;
}

/** A clock a test moves by hand. */
export interface ManualClock extends Clock {
  /** Moves time forward by `seconds`. */
  advance(seconds: number): void;
  /** Sets the time. */
  set(unixTime: number): void;
}

/** A clock that stands at `start` until moved with `advance` / `set`. */
export function manualClock(start: number): ManualClock {
  let t = start;
  const clock = (() => t) as ManualClock;
  clock.advance = (s) => {
    t += s;
  };
  clock.set = (v) => {
    t = v;
  };
  return clock;
}

/**
 * A repeatable byte stream from a 32-bit seed (xorshift32), so a test server
 * hands out the same hashes and tokens every run. Not for secrets: use it
 * only where the default CSPRNG would make a test unrepeatable.
 */
export function seededRandom(seed: number): RandomSource {
  let x = seed >>> 0 || 0x9e3779b9; // xorshift has a fixed point at 0
  return (out) => {
    for (let i = 0; i < out.length; i++) {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      out[i] = x & 0xff;
    }
  };
}
