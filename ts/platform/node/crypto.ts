/**
 * Node's native crypto: the OpenSSL primitives the Node crypto engine
 * (ts/crypto/node-provider.ts) routes large inputs to. Only that engine
 * imports this file, and the package loads the engine only under the
 * `default` condition (`#platform/crypto-node`; Deno, Bun, browsers and
 * workers get the WASM provider), so the build bundles this file into it
 * instead of giving it a condition of its own.
 */
import nodeCrypto from 'node:crypto';

type OneShotHash = (algorithm: string, data: Uint8Array, encoding: 'buffer') => Buffer;
// One-shot hashing (Node ≥ 20.12) skips the Hash object; older versions take createHash.
const oneShot = (nodeCrypto as unknown as { hash?: OneShotHash }).hash;

/** SHA-1 or SHA-256 of one array or of the concatenation of several, by OpenSSL. */
export function nativeHash(algorithm: 'sha1' | 'sha256', data: Uint8Array | readonly Uint8Array[]): Uint8Array {
  if (data instanceof Uint8Array && oneShot) return new Uint8Array(oneShot(algorithm, data, 'buffer'));
  const h = nodeCrypto.createHash(algorithm);
  if (data instanceof Uint8Array) h.update(data);
  else for (const part of data) h.update(part);
  return new Uint8Array(h.digest());
}

/** Raw AES-256-CBC encryption without padding; `data` is whole 16-byte blocks, `iv` 16 bytes. */
export function aesCbcEncrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  const cipher = nodeCrypto.createCipheriv('aes-256-cbc', key, iv);
  cipher.setAutoPadding(false);
  const out = cipher.update(data);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** An AES-256-CTR stream on OpenSSL: each `update` continues the keystream. */
export function createAesCtr(key: Uint8Array, iv: Uint8Array): { update(data: Uint8Array): Uint8Array } {
  const cipher = nodeCrypto.createCipheriv('aes-256-ctr', key, iv);
  return {
    update(data) {
      const out = cipher.update(data);
      return new Uint8Array(out.buffer, out.byteOffset, out.length);
    },
  };
}

/** Constant-time comparison of two arrays of equal length (OpenSSL's CRYPTO_memcmp). */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return nodeCrypto.timingSafeEqual(a, b);
}
