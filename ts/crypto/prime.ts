/**
 * Probabilistic primality testing (trial division + Miller–Rabin) for the
 * dh_prime checks of https://core.telegram.org/mtproto/security_guidelines#validation-of-dh-parameters.
 */

import { CryptoError } from '../errors.js';
import { modPow, randomBigIntInRange } from './bigint.js';
import { modExp } from './modexp.js';
import { defaultRandom } from './random.js';
import type { RandomSource } from './provider.js';

/** The odd primes below 2000, for cheap trial division before Miller–Rabin. */
const SMALL_PRIMES: readonly bigint[] = (() => {
  const limit = 2000;
  const sieve = new Uint8Array(limit);
  const out: bigint[] = [];
  for (let i = 3; i < limit; i += 2) {
    if (sieve[i]) continue;
    out.push(BigInt(i));
    for (let j = i * i; j < limit; j += 2 * i) sieve[j] = 1;
  }
  return out;
})();

/**
 * True when `n` has a prime factor below 2000 other than itself — a fast
 * rejection that catches most composites before the expensive test.
 */
export function hasSmallFactor(n: bigint): boolean {
  if (n % 2n === 0n) return n !== 2n;
  for (const p of SMALL_PRIMES) {
    if (n === p) return false;
    if (n % p === 0n) return true;
  }
  return false;
}

const MODEXP_FROM = 1n << 256n;

/** Options for {@link isProbablePrime}. */
export interface PrimalityOptions {
  /**
   * Miller–Rabin rounds with random bases; a composite survives one round
   * with probability ≤ 1/4, so the error bound is 4^-rounds. Default 40 (≤ 2^-80).
   */
  rounds?: number;
  /** Where random bases come from. Default: `crypto.getRandomValues`. */
  random?: RandomSource;
}

/**
 * One Miller–Rabin round: false when `a` witnesses that the odd `n` is
 * composite. `d · 2^s = n − 1` with `d` odd.
 */
function millerRabinRound(n: bigint, a: bigint, d: bigint, s: number): boolean {
  // Big candidates (dh_prime's q) take the fast engine; below 256 bits BigInt costs less than the call.
  let x = n >= MODEXP_FROM ? modExp(a, d, n, { secret: false }) : modPow(a, d, n);
  const nMinus1 = n - 1n;
  if (x === 1n || x === nMinus1) return true;
  for (let r = 1; r < s; r++) {
    x = (x * x) % n;
    if (x === nMinus1) return true;
    if (x === 1n) return false;
  }
  return false;
}

/**
 * Miller–Rabin with trial division first. Returns false for every composite
 * found, true for primes and (with probability ≤ 4^-rounds) for a composite.
 * @throws CryptoError when `rounds` is not a positive integer.
 */
export function isProbablePrime(n: bigint, options: PrimalityOptions = {}): boolean {
  const rounds = options.rounds ?? 40;
  if (!Number.isInteger(rounds) || rounds < 1) throw new CryptoError('isProbablePrime: rounds must be a positive integer');
  if (n < 2n) return false;
  if (n < 4n) return true;
  if (hasSmallFactor(n)) return false;
  if (n < 2000n * 2000n) return true; // no factor below its square root

  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  const random = options.random ?? defaultRandom;
  for (let i = 0; i < rounds; i++) {
    const a = randomBigIntInRange(random, 2n, n - 2n);
    if (!millerRabinRound(n, a, d, s)) return false;
  }
  return true;
}
