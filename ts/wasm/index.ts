/** The WASM layer: loads the modules and owns their memory. Nothing else touches WASM memory. */
export { CryptoModule, loadCryptoModule, loadCryptoModuleSync, wasmSimdSupported, SLOT_SIZE } from './crypto-module.js';
export type { CryptoExports } from './crypto-module.js';
export {
  BIGNUM_MAX_EXPONENT_BYTES,
  BIGNUM_MAX_MODULUS_BYTES,
  BignumModule,
  loadBignumModule,
  loadBignumModuleSync,
  type BignumExports,
  type ModPowOperands,
} from './bignum-module.js';
export { base64Decode, base64Encode } from './base64.js';
export { provideWasmModules, type PrecompiledBuilds, type PrecompiledWasm, type WasmModuleName } from './precompiled.js';
