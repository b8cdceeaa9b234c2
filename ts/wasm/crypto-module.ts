/**
 * The crypto WASM module (assembly/crypto) and the only code that knows its
 * memory layout. Everything above talks to it through `CryptoModule` methods
 * that take and return ordinary `Uint8Array`s.
 *
 * Memory: [0, 16 KiB) tables and scratch (owned by the WASM side);
 * from `heapBase()`: fixed-size key slots (auth keys, CTR states), then one
 * transient I/O region that grows on demand. Calls are synchronous and never
 * re-entrant, so one I/O region is enough.
 */
import { embeddedCryptoWasm } from './embedded.js';
import { resolveWasm, resolveWasmSync } from './precompiled.js';

/** Raw exports of assembly/crypto/index.ts (addresses are byte offsets). */
export interface CryptoExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  sha1(src: number, len: number, out: number): void;
  sha256(src: number, len: number, out: number): void;
  sha1Init(ctx: number): void;
  sha1Update(ctx: number, src: number, len: number): void;
  sha1Final(ctx: number, out: number): void;
  sha256Init(ctx: number): void;
  sha256Update(ctx: number, src: number, len: number): void;
  sha256Final(ctx: number, out: number): void;
  igeEncrypt(key: number, iv: number, src: number, dst: number, len: number): void;
  igeDecrypt(key: number, iv: number, src: number, dst: number, len: number): void;
  igeEncryptAnyKey(key: number, keyLen: number, iv: number, src: number, dst: number, len: number): number;
  igeDecryptAnyKey(key: number, keyLen: number, iv: number, src: number, dst: number, len: number): number;
  aesEcb(key: number, keyLen: number, src: number, dst: number, len: number, decrypt: number): number;
  ctrInit(ctx: number, key: number, keyLen: number, iv: number): number;
  ctrProcess(ctx: number, src: number, dst: number, len: number): void;
  authKeyLoad(slot: number): void;
  seal(slot: number, x: number, src: number, len: number, dst: number): void;
  open(slot: number, x: number, src: number, len: number, dst: number): number;
  pqFactor(pq: bigint): bigint;
  isPrime(n: bigint): number;
}

/** Bytes per key slot: a 256-byte auth key + id, or a CTR state (288 bytes). */
export const SLOT_SIZE = 512;
const PAGE = 65536;
const INITIAL_SLOTS = 64;

let simdSupport: boolean | undefined;

// A minimal module whose one function returns `v128.const 0`: it validates
// exactly when the engine implements fixed-width SIMD.
const SIMD_PROBE = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00, // magic, version
  0x01,
  0x05,
  0x01,
  0x60,
  0x00,
  0x01,
  0x7b, // type section: () -> v128
  0x03,
  0x02,
  0x01,
  0x00, // function section: one function of type 0
  0x0a,
  0x16,
  0x01,
  0x14,
  0x00,
  0xfd,
  0x0c, // code section: body of 20 bytes, no locals, v128.const
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0x0b, // end
]);

/** True when this engine supports WASM SIMD (feature detection, cached). */
export function wasmSimdSupported(): boolean {
  if (simdSupport === undefined) {
    try {
      simdSupport = WebAssembly.validate(SIMD_PROBE);
    } catch {
      simdSupport = false;
    }
  }
  return simdSupport;
}

/** One instance of the crypto module with its slot allocator and I/O region. */
export class CryptoModule {
  /** The raw exports; prefer the typed helpers. */
  readonly exports: CryptoExports;
  /** Current view of the whole linear memory (refreshed after growth). */
  u8: Uint8Array;
  private slotsBase: number;
  private slotCount: number;
  private freeSlots: number[] = [];
  private nextSlot = 0;
  private ioBase: number;

  constructor(
    instance: WebAssembly.Instance,
    /** Whether this is the SIMD build. */
    readonly simd: boolean,
  ) {
    this.exports = instance.exports as unknown as CryptoExports;
    this.u8 = new Uint8Array(this.exports.memory.buffer);
    this.slotsBase = this.exports.heapBase();
    this.slotCount = INITIAL_SLOTS;
    this.ioBase = this.slotsBase + this.slotCount * SLOT_SIZE;
  }

  /** Start of the I/O region, grown so at least `bytes` fit. Valid until the next call that may grow memory. */
  io(bytes: number): number {
    // Only this class grows the memory (the WASM side never allocates), so the
    // cached view's length is the memory size: no `memory.buffer` getter per call.
    // A detached view (length 0) also lands here and is refreshed.
    if (this.ioBase + bytes > this.u8.length) this.grow(this.ioBase + bytes);
    return this.ioBase;
  }

  private grow(need: number): void {
    const have = this.exports.memory.buffer.byteLength;
    if (need > have) this.exports.memory.grow(Math.ceil((need - have) / PAGE));
    this.u8 = new Uint8Array(this.exports.memory.buffer);
  }

  /** Reserves one slot of SLOT_SIZE bytes (zeroed) and returns its address. */
  allocSlot(): number {
    this.io(0); // refreshes the view if memory was grown
    let index = this.freeSlots.pop();
    if (index === undefined) {
      if (this.nextSlot === this.slotCount) this.growSlots();
      index = this.nextSlot++;
    }
    const addr = this.slotsBase + index * SLOT_SIZE;
    this.u8.fill(0, addr, addr + SLOT_SIZE);
    return addr;
  }

  /** Wipes and returns a slot to the pool. */
  freeSlot(addr: number): void {
    this.io(0);
    this.u8.fill(0, addr, addr + SLOT_SIZE);
    this.freeSlots.push((addr - this.slotsBase) / SLOT_SIZE);
  }

  private growSlots(): void {
    // The I/O region is transient, so the slot area can simply extend into it.
    this.slotCount *= 2;
    this.ioBase = this.slotsBase + this.slotCount * SLOT_SIZE;
    this.io(0);
  }
}

const instances: { simd?: CryptoModule; plain?: CryptoModule } = {};

/**
 * Instantiates (once per build) the crypto module. `simd`: true/false forces
 * a build; undefined picks SIMD when the engine supports it.
 */
export async function loadCryptoModule(simd?: boolean): Promise<CryptoModule> {
  const useSimd = simd ?? wasmSimdSupported();
  const key = useSimd ? 'simd' : 'plain';
  const cached = instances[key];
  if (cached) return cached;
  const wasm = await resolveWasm('crypto', useSimd, embeddedCryptoWasm);
  const instance = await WebAssembly.instantiate(wasm.module, {});
  return (instances[key] ??= new CryptoModule(instance, wasm.simd));
}

/**
 * Synchronous variant of `loadCryptoModule` for runtimes that allow sync
 * compilation of a 16 KiB module (Node, Deno, Bun, workers; not a browser's main thread).
 */
export function loadCryptoModuleSync(simd?: boolean): CryptoModule {
  const useSimd = simd ?? wasmSimdSupported();
  const key = useSimd ? 'simd' : 'plain';
  const cached = instances[key];
  if (cached) return cached;
  const wasm = resolveWasmSync('crypto', useSimd, embeddedCryptoWasm);
  return (instances[key] = new CryptoModule(new WebAssembly.Instance(wasm.module, {}), wasm.simd));
}
