/**
 * `#platform/wasm` under `workerd` and `worker`: the WASM binaries as `.wasm`
 * module imports, which Workers hand over as compiled `WebAssembly.Module`s —
 * the only WASM they may run ("Wasm code generation disallowed by embedder"
 * for bytes). Every other runtime takes ts/wasm/embedded.ts (base64 in the
 * bundle). The `wasmgram-wasm:<name>-<build>` specifiers are rewritten by
 * rollup.config.mjs into paths of dist/wasm/*.wasm relative to the built file.
 */
import bignumPlain from 'wasmgram-wasm:bignum-plain';
import bignumSimd from 'wasmgram-wasm:bignum-simd';
import cryptoPlain from 'wasmgram-wasm:crypto-plain';
import cryptoSimd from 'wasmgram-wasm:crypto-simd';
import tlPlain from 'wasmgram-wasm:tl-plain';
import tlSimd from 'wasmgram-wasm:tl-simd';

/** The crypto module's compiled build: SIMD or plain. */
export function embeddedCryptoWasm(simd: boolean): Uint8Array | WebAssembly.Module {
  return simd ? cryptoSimd : cryptoPlain;
}

/** The bignum module's compiled build: SIMD or plain. */
export function embeddedBignumWasm(simd: boolean): Uint8Array | WebAssembly.Module {
  return simd ? bignumSimd : bignumPlain;
}

/** The TL scanner's compiled build: SIMD or plain. */
export function embeddedTlWasm(simd: boolean): Uint8Array | WebAssembly.Module {
  return simd ? tlSimd : tlPlain;
}
