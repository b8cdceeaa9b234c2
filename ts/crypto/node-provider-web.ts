/**
 * `#platform/crypto-node` where there is no node:crypto to route to
 * (browsers, workers) or where the routes were not measured (Deno and Bun,
 * whose node:crypto is an emulation): the Node engine is then the WASM
 * provider. It sits in ts/crypto, not ts/platform, because it is built on the
 * WASM provider, as node-provider.ts is.
 */
import type { CryptoProvider } from './provider.js';
import { createWasmProvider, type WasmProviderOptions } from './wasm-provider.js';

/** The WASM provider (no node:crypto routes in this runtime). */
export function createNodeProvider(options: WasmProviderOptions = {}): Promise<CryptoProvider> {
  return createWasmProvider(options);
}
