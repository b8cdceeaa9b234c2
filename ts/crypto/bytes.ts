/**
 * Small byte-array helpers shared by the TypeScript crypto layer (RSA, DH,
 * handshake KDF, SRP). Pure functions on `Uint8Array`, no platform APIs.
 */

import { CryptoError } from '../errors.js';
import type { RandomSource } from './provider.js';

/** Concatenates byte arrays into one new array. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * XOR of two equal-length arrays into a new array.
 * @throws CryptoError when the lengths differ.
 */
export function xorBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length !== b.length) throw new CryptoError(`xorBytes: length mismatch (${a.length} vs ${b.length})`);
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}

/**
 * Compares two arrays in time that depends only on their lengths, not on
 * where they differ — use it for every hash/MAC comparison so a peer cannot
 * learn how many leading bytes it guessed right.
 */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** A reversed copy of `data` (RSA_PAD's `BYTE_REVERSE`). */
export function reverseBytes(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[data.length - 1 - i]!;
  return out;
}

/** Lower-case hex of `data` (debugging, cache keys — never for secrets in logs). */
export function bytesToHex(data: Uint8Array): string {
  let s = '';
  for (let i = 0; i < data.length; i++) s += data[i]!.toString(16).padStart(2, '0');
  return s;
}

/**
 * Parses hex, upper or lower case; whitespace anywhere is ignored (so
 * spec dumps can be pasted as they are).
 * @throws CryptoError on an odd number of digits or a non-hex character.
 */
export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) {
    throw new CryptoError('hexToBytes: not a hex string');
  }
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Returns `n` fresh bytes from an injected random source. */
export function randomBytesFrom(random: RandomSource, n: number): Uint8Array {
  const out = new Uint8Array(n);
  random(out);
  return out;
}
