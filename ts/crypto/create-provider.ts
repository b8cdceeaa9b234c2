/**
 * `createCryptoProvider`: the best crypto engine for this runtime. In a file
 * of its own so the client's entry reaches it without the rest of the crypto
 * barrel (RSA, DH, SRP: only a login needs them), which keeps the cold start
 * of a stored session short (issue 14).
 */
import type { CryptoProvider, RandomSource } from './provider.js';
import { createWasmProvider } from './wasm-provider.js';

/** Options of `createCryptoProvider`: which engine and which WASM build. */
export interface CryptoProviderOptions {
  /** `auto` (default): node:crypto routes on Node, WASM elsewhere. `wasm`: always WASM. */
  engine?: 'auto' | 'wasm';
  /** Force the SIMD or plain WASM build (default: feature detection). */
  simd?: boolean;
  /** Random source (default `crypto.getRandomValues`). */
  random?: RandomSource;
}

/**
 * Creates the best provider for this runtime. `engine: 'auto'` takes the
 * package's `#platform/crypto-node`, whose export conditions decide (no global
 * is sniffed): the Node engine by default, the WASM provider under `deno`,
 * `bun`, `browser`, `worker` and `workerd`.
 */
export async function createCryptoProvider(options: CryptoProviderOptions = {}): Promise<CryptoProvider> {
  if ((options.engine ?? 'auto') === 'auto') {
    const { createNodeProvider } = await import('./node-provider.js');
    return createNodeProvider(options);
  }
  return createWasmProvider(options);
}
