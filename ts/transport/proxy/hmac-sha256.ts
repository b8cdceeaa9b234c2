/**
 * HMAC-SHA256 (RFC 2104) over the crypto provider's SHA-256, for the MTProxy
 * fake-TLS digests. Keys here are 16-byte MTProxy secrets, so the key is
 * never longer than the 64-byte block.
 * https://www.rfc-editor.org/rfc/rfc2104
 */
import type { CryptoProvider } from '../../crypto/provider.js';

const BLOCK = 64;

/** HMAC-SHA256(key, parts[0] ‖ parts[1] ‖ ...). */
export function hmacSha256(crypto: Pick<CryptoProvider, 'sha256'>, key: Uint8Array, parts: readonly Uint8Array[]): Uint8Array {
  const k = key.length > BLOCK ? crypto.sha256(key) : key;
  const inner = new Uint8Array(BLOCK).fill(0x36);
  const outer = new Uint8Array(BLOCK).fill(0x5c);
  for (let i = 0; i < k.length; i++) {
    inner[i]! ^= k[i]!;
    outer[i]! ^= k[i]!;
  }
  return crypto.sha256([outer, crypto.sha256([inner, ...parts])]);
}

/** Constant-time equality of two byte arrays of the same length. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
