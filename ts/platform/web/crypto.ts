/**
 * `#platform/crypto` in browsers and workers: there is no OpenSSL to route
 * to. Never reached through the library (there `#platform/crypto-node` is the
 * WASM provider); each function throws `CryptoError` for code that calls it anyway.
 */
import { CryptoError } from '../../errors.js';
import { notAvailable } from '../not-available.js';

const MESSAGE = notAvailable('node:crypto');

/** Throws `CryptoError`: no node:crypto here (the WASM provider hashes). */
export function nativeHash(_algorithm: 'sha1' | 'sha256', _data: Uint8Array | readonly Uint8Array[]): Uint8Array {
  throw new CryptoError(MESSAGE);
}

/** Throws `CryptoError`: no node:crypto here. */
export function aesCbcEncrypt(_data: Uint8Array, _key: Uint8Array, _iv: Uint8Array): Uint8Array {
  throw new CryptoError(MESSAGE);
}

/** Throws `CryptoError`: no node:crypto here (the WASM provider has AES-CTR). */
export function createAesCtr(_key: Uint8Array, _iv: Uint8Array): { update(data: Uint8Array): Uint8Array } {
  throw new CryptoError(MESSAGE);
}

/** Throws `CryptoError`: no node:crypto here. */
export function timingSafeEqual(_a: Uint8Array, _b: Uint8Array): boolean {
  throw new CryptoError(MESSAGE);
}
