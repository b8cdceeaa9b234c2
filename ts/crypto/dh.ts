/**
 * Diffie–Hellman for the auth key exchange (and for SRP's group checks):
 * validation of `dh_prime` and `g`, of `g_a` / `g_b`, and the client's side
 * of the exchange (`b`, `g_b`, `auth_key`).
 *
 * Rules: https://core.telegram.org/mtproto/auth_key#6-server-responds-with and
 * https://core.telegram.org/mtproto/security_guidelines#diffie-hellman-key-exchange.
 * Every failed rule throws a {@link SecurityError} whose `check` names it.
 */

import { CryptoError, type DhValueName, SecurityError } from '../errors.js';
import { TWO_POW_1984, TWO_POW_2047, TWO_POW_2048, bigIntToBytes, bytesToBigInt, gcd, randomBigIntBits } from './bigint.js';
import { hexToBytes } from './bytes.js';
import { defaultRandom } from './random.js';
import { modExp, modExpPair } from './modexp.js';
import { hasSmallFactor, isProbablePrime } from './prime.js';
import type { RandomSource } from './provider.js';

/**
 * The dh_prime Telegram's servers currently send, as published in the spec
 * (https://core.telegram.org/mtproto/auth_key#6-server-responds-with, "current value of dh_prime").
 * A known safe prime: checking it needs no Miller–Rabin at run time.
 */
export const TELEGRAM_DH_PRIME_BYTES: Uint8Array = hexToBytes(
  'C71CAEB9C6B1C9048E6C522F70F13F73980D40238E3E21C14934D037563D930F' +
    '48198A0AA7C14058229493D22530F4DBFA336F6E0AC925139543AED44CCE7C37' +
    '20FD51F69458705AC68CD4FE6B6B13ABDC9746512969328454F18FAF8C595F64' +
    '2477FE96BB2A941D5BCD1D4AC8CC49880708FA9B378E3C4F3A9060BEE67CF9A4' +
    'A4A695811051907E162753B56B0F6B410DBA74D8A84B2A14B3144E0EF1284754' +
    'FD17ED950D5965B4B9DD46582DB1178D169C6BC465B0D6FF9CA3928FEF5B9AE4' +
    'E418FC15E83EBEA0F87FA9FF5EED70050DED2849F47BF959D956850CE929851F' +
    '0D8115F635B105EE2E4E15D04B2454BF6F4FADF034B10403119CD8E3B92FCC5B',
);

/** {@link TELEGRAM_DH_PRIME_BYTES} as a bigint. */
export const TELEGRAM_DH_PRIME: bigint = bytesToBigInt(TELEGRAM_DH_PRIME_BYTES);

/** A 2048-bit number as TL carries it (big-endian bytes) or already as a bigint. */
export type DhNumber = Uint8Array | bigint;

function toBigInt(x: DhNumber): bigint {
  return typeof x === 'bigint' ? x : bytesToBigInt(x);
}

/**
 * Safe primes already verified in this process (the spec: "it makes sense
 * to cache the result, so as not to repeat lengthy computations").
 * Seeded with Telegram's published prime. Only primes are cached: the
 * condition on g is cheap and is evaluated on every call.
 */
const verifiedPrimes = new Set<bigint>([TELEGRAM_DH_PRIME]);

/** Forgets every cached prime except Telegram's published one (tests; long-running processes that distrust the cache). */
export function clearDhPrimeCache(): void {
  verifiedPrimes.clear();
  verifiedPrimes.add(TELEGRAM_DH_PRIME);
}

/** True when `p` has already passed {@link checkDhPrime}'s primality checks in this process. */
export function isKnownDhPrime(p: DhNumber): boolean {
  return verifiedPrimes.has(toBigInt(p));
}

/** Options for {@link checkDhPrime}. */
export interface CheckDhPrimeOptions {
  /**
   * Miller–Rabin rounds for (p−1)/2; error ≤ 4^-rounds. Default 40 (the spec's
   * floor is 15). A prime enters the cache after the first passing check,
   * whatever its round count.
   */
  rounds?: number;
  /** Random source for Miller–Rabin bases. Default: `crypto.getRandomValues`. */
  random?: RandomSource;
  /** Skip the cache (and do not add to it): always run the full test. Default false. */
  noCache?: boolean;
}

/**
 * Whether g generates the subgroup of order (p−1)/2, i.e. g is a quadratic
 * residue mod p, from quadratic reciprocity on p mod 4g — the table in
 * https://core.telegram.org/mtproto/auth_key#6-server-responds-with.
 */
function gIsQuadraticResidue(p: bigint, g: number): boolean {
  switch (g) {
    case 2:
      return p % 8n === 7n;
    case 3:
      return p % 3n === 2n;
    case 4:
      return true;
    case 5: {
      const r = p % 5n;
      return r === 1n || r === 4n;
    }
    case 6: {
      const r = p % 24n;
      return r === 19n || r === 23n;
    }
    case 7: {
      const r = p % 7n;
      return r === 3n || r === 5n || r === 6n;
    }
    default:
      return false;
  }
}

/**
 * Checks `dh_prime` and `g` as the spec requires
 * (https://core.telegram.org/mtproto/security_guidelines#validation-of-dh-parameters):
 *
 * | check               | rule                                                     |
 * |---------------------|----------------------------------------------------------|
 * | `dh_g`              | g ∈ {2, 3, 4, 5, 6, 7}                                   |
 * | `dh_prime_size`     | 2^2047 < p < 2^2048                                      |
 * | `dh_g_subgroup`     | g is a quadratic residue mod p (condition on p mod 4g)   |
 * | `dh_prime_prime`    | p is prime                                               |
 * | `dh_prime_safe`     | (p − 1)/2 is prime                                       |
 *
 * Cheap rules run first. The primality part is skipped for Telegram's
 * published prime and for primes that passed before (cache). Otherwise:
 * trial division and a Fermat base-2 test on p (`dh_prime_prime`), then
 * trial division and Miller–Rabin on q = (p−1)/2 (`dh_prime_safe`). Given q
 * prime, `2^(p−1) ≡ 1 (mod p)` with gcd(2²−1, p) = 1 proves p prime
 * (Pocklington's criterion, since q > √p), so p needs no Miller–Rabin of its own. Costs about `rounds + 1` 2048-bit modular
 * exponentiations (~1–2 s for 40 rounds) on a cache miss.
 *
 * @throws SecurityError with one of the `check` names above.
 */
export function checkDhPrime(p: DhNumber, g: number, options: CheckDhPrimeOptions = {}): void {
  if (!Number.isInteger(g) || g < 2 || g > 7) {
    throw new SecurityError('dh_g', `g = ${g} is not one of 2..7`);
  }
  const prime = toBigInt(p);
  if (!(prime > TWO_POW_2047 && prime < TWO_POW_2048)) {
    throw new SecurityError('dh_prime_size', 'dh_prime is not a 2048-bit number (2^2047 < p < 2^2048)');
  }
  if (!gIsQuadraticResidue(prime, g)) {
    throw new SecurityError('dh_g_subgroup', `g = ${g} does not generate the subgroup of order (p-1)/2 (p mod 4g check)`);
  }
  if (!options.noCache && verifiedPrimes.has(prime)) return;

  const q = (prime - 1n) >> 1n;
  // Fermat base 2 on p: catches a composite p with one exponentiation, and is
  // the Pocklington witness once q is known to be prime.
  if (hasSmallFactor(prime) || modExp(2n, prime - 1n, prime, { secret: false }) !== 1n || gcd(3n, prime) !== 1n) {
    throw new SecurityError('dh_prime_prime', 'dh_prime is not prime');
  }
  if (hasSmallFactor(q)) throw new SecurityError('dh_prime_safe', '(dh_prime - 1) / 2 is not prime');
  const primality = { rounds: options.rounds ?? 40, random: options.random ?? defaultRandom };
  if (!isProbablePrime(q, primality)) {
    throw new SecurityError('dh_prime_safe', '(dh_prime - 1) / 2 is not prime');
  }
  if (!options.noCache) verifiedPrimes.add(prime);
}

/**
 * Checks a DH public value (g, g_a, g_b, SRP's B) against the spec's ranges
 * (https://core.telegram.org/mtproto/security_guidelines#g-a-and-g-b-validation):
 *
 * - `${name}_range`: 1 < x < p − 1 (required);
 * - `${name}_safe_range`: 2^(2048−64) ≤ x ≤ p − 2^(2048−64) (recommended; enforced).
 *
 * @param name  used in the error's `check`, e.g. `g_a` → `g_a_range`.
 * @throws SecurityError when either rule fails.
 */
export function checkDhValue(x: DhNumber, p: DhNumber, name: DhValueName): void {
  const value = toBigInt(x);
  const prime = toBigInt(p);
  if (!(value > 1n && value < prime - 1n)) {
    throw new SecurityError(`${name}_range`, `${name} is not in the range 1 < ${name} < dh_prime - 1`);
  }
  if (!(value >= TWO_POW_1984 && value <= prime - TWO_POW_1984)) {
    throw new SecurityError(`${name}_safe_range`, `${name} is not between 2^1984 and dh_prime - 2^1984`);
  }
}

/** Inputs of {@link computeDhClient}: the values of `server_DH_inner_data`. */
export interface DhServerParams {
  /** `g` from server_DH_inner_data. */
  g: number;
  /** `dh_prime` (big-endian bytes as received, or a bigint). */
  dhPrime: DhNumber;
  /** The server's `g_a`. */
  gA: DhNumber;
}

/** Output of {@link computeDhClient}. Secret fields must never be logged. */
export interface DhClientResult {
  /** The secret exponent b (2048 random bits). Secret. */
  b: bigint;
  /** g_b = g^b mod dh_prime, 256 bytes big-endian, for `client_DH_inner_data`. */
  gB: Uint8Array;
  /** auth_key = g_a^b mod dh_prime, 256 bytes big-endian. Secret. */
  authKey: Uint8Array;
}

/** Options for {@link computeDhClient}. */
export interface ComputeDhOptions extends CheckDhPrimeOptions {
  /** Source of b. Default: `crypto.getRandomValues`. Inject fixed bytes to replay a vector. */
  random?: RandomSource;
  /** How many times to draw a new b when g_b falls outside the safe range (probability ~2^-63 each). Default 8. */
  maxAttempts?: number;
}

/**
 * The client's DH step of the auth key exchange
 * (https://core.telegram.org/mtproto/auth_key#7-client-computes-random-2048-bit-number-b-using-a-sufficient-amount-of-entropy-and-sends-the-server-a-message):
 * checks dh_prime, g, and g_a; draws a random 2048-bit b; computes g_b
 * (checked like g_a, with a fresh b if it fails) and auth_key = g_a^b mod p.
 *
 * @throws SecurityError for a bad dh_prime / g / g_a (see {@link checkDhPrime}, {@link checkDhValue}).
 * @throws CryptoError when the random source produced only unusable b values.
 */
export function computeDhClient(params: DhServerParams, options: ComputeDhOptions = {}): DhClientResult {
  const p = toBigInt(params.dhPrime);
  const gA = toBigInt(params.gA);
  // checkDhPrime also covers "1 < g < dh_prime - 1": g ∈ 2..7 and p > 2^2047.
  checkDhPrime(p, params.g, options);
  checkDhValue(gA, p, 'g_a');

  const random = options.random ?? defaultRandom;
  const attempts = options.maxAttempts ?? 8;
  for (let i = 0; i < attempts; i++) {
    const b = randomBigIntBits(random, 2048);
    // b is secret: constant time (OpenSSL on Node, WASM elsewhere); one call for g^b and g_a^b.
    const [gB, authKey] = modExpPair(BigInt(params.g), gA, b, p);
    try {
      checkDhValue(gB, p, 'g_b');
    } catch {
      continue; // astronomically rare with a real RNG: draw again
    }
    return { b, gB: bigIntToBytes(gB, 256), authKey: bigIntToBytes(authKey, 256) };
  }
  throw new CryptoError(`computeDhClient: no usable b after ${attempts} draws (broken random source?)`);
}
