/**
 * wasmgram/crypto — the crypto engine (WASM core, optional node:crypto routes)
 * and the MTProto crypto built on it.
 *
 * @example
 * ```ts
 * import { createCryptoProvider } from 'wasmgram/crypto';
 * const crypto = await createCryptoProvider();        // 'node' on Node, 'wasm-simd' elsewhere
 * const key = crypto.loadAuthKey(authKeyBytes);
 * const packet = key.seal(plaintext, 0);
 * ```
 */
import type { CryptoProvider, RandomSource } from './provider.js';
import { createWasmProvider } from './wasm-provider.js';

export type { AuthKeyHandle, CryptoEngine, CryptoProvider, CtrCipher, HashInput, RandomSource } from './provider.js';
export { WasmCryptoProvider, createWasmProvider, createWasmProviderSync } from './wasm-provider.js';
export type { WasmProviderOptions } from './wasm-provider.js';
export { defaultRandom } from './random.js';

export interface CryptoProviderOptions {
  /** `auto` (default): node:crypto routes on Node, WASM elsewhere. `wasm`: always WASM. */
  engine?: 'auto' | 'wasm';
  /** Force the SIMD or plain WASM build (default: feature detection). */
  simd?: boolean;
  /** Random source (default `crypto.getRandomValues`). */
  random?: RandomSource;
}

function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string' && !('Deno' in globalThis) && !('Bun' in globalThis);
}

/** Creates the best provider for this runtime. */
export async function createCryptoProvider(options: CryptoProviderOptions = {}): Promise<CryptoProvider> {
  if ((options.engine ?? 'auto') === 'auto' && isNode()) {
    const { createNodeProvider } = await import('./node-provider.js');
    return createNodeProvider(options);
  }
  return createWasmProvider(options);
}

// The MTProto crypto built on the provider: RSA (RSA_PAD and the old SHA1 form),
// Telegram's public keys, the DH checks, the handshake KDF, 2FA SRP, and helpers.
export * from './rsa.js';
export * from './rsa-keys.js';
export * from './dh.js';
export * from './handshake-kdf.js';
export * from './srp.js';
export * from './bigint.js';
export * from './bytes.js';
export {
  configureModExp,
  modExp,
  modExpPair,
  prepareModExp,
  type ModExpDefaults,
  type ModExpEngine,
  type ModExpOptions,
} from './modexp.js';
