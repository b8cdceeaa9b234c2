/**
 * Big-integer helpers on native `BigInt`: byte conversions in both byte
 * orders, fixed-length encodings, modular exponentiation and a few constants.
 *
 * MTProto transmits every large number (RSA moduli, dh_prime, g_a, g_b, SRP
 * values) as a big-endian byte string, while `int128`/`int256`/`long` fields
 * are little-endian — https://core.telegram.org/mtproto/auth_key (first
 * paragraph) and https://core.telegram.org/mtproto/serialize.
 */

import { CryptoError } from '../errors.js';
import type { RandomSource } from './provider.js';

/** 2^2047: a 2048-bit dh_prime must be strictly greater (https://core.telegram.org/mtproto/auth_key#6-server-responds-with). */
export const TWO_POW_2047 = 1n << 2047n;
/** 2^2048: a 2048-bit dh_prime must be strictly smaller. */
export const TWO_POW_2048 = 1n << 2048n;
/** 2^(2048-64): the recommended lower margin for g_a / g_b (https://core.telegram.org/mtproto/security_guidelines#g-a-and-g-b-validation). */
export const TWO_POW_1984 = 1n << 1984n;

/** Reads `bytes` as an unsigned big-endian integer (empty → 0n). */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += bytes[i]!.toString(16).padStart(2, '0');
  return BigInt(`0x${hex}`);
}

/** Reads `bytes` as an unsigned little-endian integer (empty → 0n). */
export function bytesToBigIntLE(bytes: Uint8Array): bigint {
  let hex = '';
  for (let i = bytes.length - 1; i >= 0; i--) hex += bytes[i]!.toString(16).padStart(2, '0');
  return hex === '' ? 0n : BigInt(`0x${hex}`);
}

/** Number of bits needed to write `value` (0n → 0). `value` must be non-negative. */
export function bitLength(value: bigint): number {
  if (value < 0n) throw new CryptoError('bitLength: negative value');
  return value === 0n ? 0 : value.toString(2).length;
}

/** Number of bytes needed to write `value` big-endian (0n → 0). */
export function byteLength(value: bigint): number {
  return (bitLength(value) + 7) >> 3;
}

/**
 * Writes a non-negative integer big-endian. With `length`, the result is
 * exactly that long, left-padded with zero bytes (RSA and DH outputs are
 * always 256 bytes "with leading zero bytes if required" —
 * https://core.telegram.org/mtproto/auth_key#41-rsa-paddata-server-public-key-mentioned-above-is-implemented-as-follows).
 * Without it, the shortest encoding (0n → empty array).
 * @throws CryptoError when `value` is negative or does not fit in `length` bytes.
 */
export function bigIntToBytes(value: bigint, length?: number): Uint8Array {
  if (value < 0n) throw new CryptoError('bigIntToBytes: negative value');
  let hex = value === 0n ? '' : value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const natural = hex.length / 2;
  const size = length ?? natural;
  if (natural > size) throw new CryptoError(`bigIntToBytes: value needs ${natural} bytes, only ${size} allowed`);
  const out = new Uint8Array(size);
  const offset = size - natural;
  for (let i = 0; i < natural; i++) out[offset + i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * Writes a non-negative integer little-endian into exactly `length` bytes
 * (zero-filled at the high end), e.g. `int128`/`long` fields.
 * @throws CryptoError when `value` is negative or does not fit.
 */
export function bigIntToBytesLE(value: bigint, length: number): Uint8Array {
  return bigIntToBytes(value, length).reverse();
}

/** `a mod m` in `[0, m)`, also for negative `a` (BigInt `%` keeps the sign of `a`). */
export function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

/**
 * `base^exponent mod modulus` by left-to-right sliding-window
 * square-and-multiply (window of up to 5 bits: about 2048 squarings and
 * ~340 multiplications for a 2048-bit exponent).
 *
 * Not constant time — BigInt arithmetic never is; the exponents here
 * (DH b, SRP a) are single-use.
 * @throws CryptoError when `modulus` ≤ 0 or `exponent` < 0.
 */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus <= 0n) throw new CryptoError('modPow: modulus must be positive');
  if (exponent < 0n) throw new CryptoError('modPow: negative exponent');
  if (modulus === 1n) return 0n;
  const b = mod(base, modulus);
  if (exponent === 0n) return 1n;
  if (b === 0n) return 0n;

  const bits = exponent.toString(2);
  const window = bits.length > 512 ? 5 : bits.length > 64 ? 4 : 1;
  // odd[i] = b^(2i+1)
  const odd: bigint[] = [b];
  if (window > 1) {
    const b2 = (b * b) % modulus;
    for (let i = 1; i < 1 << (window - 1); i++) odd.push((odd[i - 1]! * b2) % modulus);
  }

  let result = 1n;
  let i = 0;
  while (i < bits.length) {
    if (bits.charCodeAt(i) === 48 /* '0' */) {
      result = (result * result) % modulus;
      i++;
      continue;
    }
    // Longest window starting at i that ends on a 1 bit.
    let j = Math.min(i + window, bits.length);
    while (bits.charCodeAt(j - 1) === 48) j--;
    const chunk = parseInt(bits.slice(i, j), 2);
    for (let k = i; k < j; k++) result = (result * result) % modulus;
    result = (result * odd[(chunk - 1) >> 1]!) % modulus;
    i = j;
  }
  return result;
}

/** Greatest common divisor of two non-negative integers. */
export function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * A uniformly random integer of at most `bits` bits (`0 ≤ x < 2^bits`) from an
 * injected random source.
 */
export function randomBigIntBits(random: RandomSource, bits: number): bigint {
  if (!Number.isInteger(bits) || bits <= 0) throw new CryptoError('randomBigIntBits: bits must be a positive integer');
  const buf = new Uint8Array((bits + 7) >> 3);
  random(buf);
  const extra = buf.length * 8 - bits;
  if (extra) buf[0]! &= 0xff >> extra;
  return bytesToBigInt(buf);
}

/**
 * A uniformly random integer in `[min, max]` (inclusive) by rejection
 * sampling; used for Miller–Rabin bases.
 * @throws CryptoError when the range is empty or the source keeps returning out-of-range values.
 */
export function randomBigIntInRange(random: RandomSource, min: bigint, max: bigint): bigint {
  if (max < min) throw new CryptoError('randomBigIntInRange: empty range');
  const span = max - min;
  if (span === 0n) return min;
  const bits = bitLength(span);
  // Each draw succeeds with probability > 1/2, so 128 failures means a broken source.
  for (let attempt = 0; attempt < 128; attempt++) {
    const x = randomBigIntBits(random, bits);
    if (x <= span) return min + x;
  }
  throw new CryptoError('randomBigIntInRange: random source keeps returning out-of-range values');
}
