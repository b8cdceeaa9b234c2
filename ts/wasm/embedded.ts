/**
 * The WASM binaries this build carries, one function per module so a bundle
 * keeps only the modules it uses. The default build embeds them as base64
 * (no file-system or fetch access needed: one bundle runs in Node, Deno, Bun
 * and browsers). It is `#platform/wasm` under every condition but
 * `workerd`/`worker`, which take ts/platform/workerd/wasm.ts: `.wasm` imports,
 * which Workers hand over as compiled `WebAssembly.Module`s — the only WASM
 * they may run. (This default stays in ts/wasm: it is the layer's own
 * generated binaries, and no runtime needs another copy of it.)
 */
import * as bignum from './generated/bignum.js';
import * as crypto from './generated/crypto.js';
import * as tl from './generated/tl.js';
import { base64Decode } from './base64.js';

/** The crypto module's binary: SIMD or plain build. */
export function embeddedCryptoWasm(simd: boolean): Uint8Array | WebAssembly.Module {
  return base64Decode(simd ? crypto.simdBase64 : crypto.plainBase64);
}

/** The bignum module's binary: SIMD or plain build. */
export function embeddedBignumWasm(simd: boolean): Uint8Array | WebAssembly.Module {
  return base64Decode(simd ? bignum.simdBase64 : bignum.plainBase64);
}

/** The TL scanner's binary: SIMD or plain build. */
export function embeddedTlWasm(simd: boolean): Uint8Array | WebAssembly.Module {
  return base64Decode(simd ? tl.simdBase64 : tl.plainBase64);
}
