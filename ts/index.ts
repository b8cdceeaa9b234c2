/**
 * wasmgram — a Telegram MTProto client library for TypeScript with a
 * WebAssembly core. This entry re-exports the stable public API; the layers
 * are also available as subpaths (`wasmgram/crypto`, `wasmgram/tl`, ...).
 */
export * from './errors.js';
export {
  createCryptoProvider,
  createWasmProvider,
  createWasmProviderSync,
  WasmCryptoProvider,
  defaultRandom,
} from './crypto/index.js';
export type {
  AuthKeyHandle,
  CryptoEngine,
  CryptoProvider,
  CryptoProviderOptions,
  CtrCipher,
  HashInput,
  RandomSource,
} from './crypto/index.js';
export { provideWasmModules, wasmSimdSupported, type PrecompiledBuilds, type PrecompiledWasm, type WasmModuleName } from './wasm/index.js';
