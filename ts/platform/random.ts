/**
 * Random bytes: the Web Crypto CSPRNG (`crypto.getRandomValues`), which every
 * target runtime has (Node ≥ 19 as a global, Deno, Bun, browsers, workers), so
 * one file serves all of them and no export condition is needed. Everything
 * the library draws at random (nonces, DH exponents, padding) comes from an
 * injectable `RandomSource` whose default is this.
 */

/** `getRandomValues` fills at most 65 536 bytes per call (Web Crypto's limit). */
const MAX_PER_CALL = 65536;

/** Fills `out` with cryptographically secure random bytes, in 64 KiB calls. */
export function fillRandom(out: Uint8Array): void {
  for (let i = 0; i < out.length; i += MAX_PER_CALL) {
    globalThis.crypto.getRandomValues(out.subarray(i, Math.min(out.length, i + MAX_PER_CALL)));
  }
}

/** `length` fresh cryptographically secure random bytes. */
export function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  fillRandom(out);
  return out;
}
