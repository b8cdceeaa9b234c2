/**
 * The bignum WASM module (assembly/bignum): Montgomery modular exponentiation
 * for moduli up to 4096 bits. This file is the only code that knows its
 * memory layout: the module's own scratch (limb arrays, window table) ends at
 * `heapBase()`; from there this wrapper places the operands (big-endian) and
 * the result, one call at a time (synchronous, never re-entrant).
 */
import { wasmSimdSupported } from './crypto-module.js';
import { embeddedBignumWasm } from './embedded.js';
import { resolveWasm, resolveWasmSync } from './precompiled.js';

/** Raw exports of assembly/bignum/index.ts (addresses are byte offsets). */
export interface BignumExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  limbBits(): number;
  limbsFor(bits: number): number;
  modPow(mod: number, base: number, r2: number, len: number, exp: number, expLen: number, out: number, secret: number): number;
}

/** Largest modulus the module takes, in bytes (4096 bits). */
export const BIGNUM_MAX_MODULUS_BYTES = 512;
/** Largest exponent the wrapper passes, in bytes (8192 bits: SRP's a + u·x is ~2305 bits, RSA d < n). */
export const BIGNUM_MAX_EXPONENT_BYTES = 1024;

/** Inputs of {@link BignumModule.modPow}; every number big-endian. */
export interface ModPowOperands {
  /** The odd modulus p, `len` bytes (leading zero bytes allowed). */
  mod: Uint8Array;
  /** The base, already reduced below p, exactly `mod.length` bytes. */
  base: Uint8Array;
  /** R² mod p (R = 2^(limbBits · limbsFor(bits(p)))), exactly `mod.length` bytes. */
  r2: Uint8Array;
  /** The exponent, 1 to {@link BIGNUM_MAX_EXPONENT_BYTES} bytes. Its length is public; its value may be secret. */
  exp: Uint8Array;
  /** Constant time in the exponent's value (fixed window, masked table scans). */
  secret: boolean;
}

/** One instance of the bignum module. */
export class BignumModule {
  /** The raw exports; prefer {@link BignumModule.modPow}. */
  readonly exports: BignumExports;
  /** Bits per limb of the WASM representation (28). */
  readonly limbBits: number;
  private readonly io: number;

  constructor(
    instance: WebAssembly.Instance,
    /** Whether this is the SIMD build. */
    readonly simd: boolean,
  ) {
    this.exports = instance.exports as unknown as BignumExports;
    this.limbBits = this.exports.limbBits();
    this.io = this.exports.heapBase();
    const need = this.io + 4 * BIGNUM_MAX_MODULUS_BYTES + BIGNUM_MAX_EXPONENT_BYTES;
    const have = this.exports.memory.buffer.byteLength;
    if (need > have) this.exports.memory.grow(Math.ceil((need - have) / 65536));
  }

  /** Limbs the module uses for a modulus of `bits` bits (R = 2^(limbBits · limbs) ≥ 4p). */
  limbsFor(bits: number): number {
    return this.exports.limbsFor(bits);
  }

  /**
   * base^exp mod p as `mod.length` big-endian bytes, or undefined when the
   * module refuses the operands (even, empty or oversized modulus; empty or
   * oversized exponent; base or r2 of the wrong length). Operand copies in
   * WASM memory are wiped before returning.
   */
  modPow(op: ModPowOperands): Uint8Array | undefined {
    const len = op.mod.length;
    if (len === 0 || len > BIGNUM_MAX_MODULUS_BYTES || op.base.length !== len || op.r2.length !== len) return undefined;
    if (op.exp.length === 0 || op.exp.length > BIGNUM_MAX_EXPONENT_BYTES) return undefined;
    const u8 = new Uint8Array(this.exports.memory.buffer);
    const mod = this.io;
    const base = mod + len;
    const r2 = base + len;
    const out = r2 + len;
    const exp = out + len;
    u8.set(op.mod, mod);
    u8.set(op.base, base);
    u8.set(op.r2, r2);
    u8.set(op.exp, exp);
    const ok = this.exports.modPow(mod, base, r2, len, exp, op.exp.length, out, op.secret ? 1 : 0);
    const result = ok === 1 ? u8.slice(out, out + len) : undefined;
    u8.fill(0, mod, exp + op.exp.length);
    return result;
  }
}

const instances: { simd?: BignumModule; plain?: BignumModule } = {};

/**
 * Instantiates (once per build) the bignum module. `simd`: true/false forces
 * a build; undefined picks SIMD when the engine supports it.
 */
export async function loadBignumModule(simd?: boolean): Promise<BignumModule> {
  const useSimd = simd ?? wasmSimdSupported();
  const key = useSimd ? 'simd' : 'plain';
  const cached = instances[key];
  if (cached) return cached;
  const wasm = await resolveWasm('bignum', useSimd, embeddedBignumWasm);
  const instance = await WebAssembly.instantiate(wasm.module, {});
  return (instances[key] ??= new BignumModule(instance, wasm.simd));
}

/**
 * Synchronous variant of {@link loadBignumModule} (a ~4 KB module: Node,
 * Deno, Bun and workers compile it synchronously; a browser main thread may
 * refuse, in which case this throws and the caller uses the async loader).
 */
export function loadBignumModuleSync(simd?: boolean): BignumModule {
  const useSimd = simd ?? wasmSimdSupported();
  const key = useSimd ? 'simd' : 'plain';
  const cached = instances[key];
  if (cached) return cached;
  const wasm = resolveWasmSync('bignum', useSimd, embeddedBignumWasm);
  return (instances[key] = new BignumModule(new WebAssembly.Instance(wasm.module, {}), wasm.simd));
}
