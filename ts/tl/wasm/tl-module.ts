/**
 * The TL scanner WASM module (assembly/tl) and the only code that knows its
 * memory layout:
 *
 *   [0, 16 KiB)            flag-word scratch, owned by the WASM side
 *   heapBase()             definition records (32 bytes each), field records
 *                          (8 bytes each), id hash (8 bytes per slot): written once
 *   after the tables       work area, used like a stack: each scan puts its
 *                          input and then its tape there; a nested scan (a
 *                          gzip_packed payload) goes above the outer one
 *
 * Calls are synchronous, so one work area per instance is enough.
 */
import { wasmSimdSupported } from '../../wasm/crypto-module.js';
import { embeddedTlWasm } from '../../wasm/embedded.js';
import { resolveWasmSync } from '../../wasm/precompiled.js';
import type { SchemaTable } from '../codec/schema-table.js';
import { DEF_BARE_ONLY, DEF_FUNCTION } from '../codec/schema-table.js';

/** Raw exports of assembly/tl/index.ts (addresses are byte offsets). */
export interface TlExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  setTables(defs: number, fields: number, hash: number, mask: number): void;
  scan(input: number, len: number, code: number, tape: number, tapeWords: number, maxDepth: number): number;
  tapeUsed(tape: number): number;
  errorCode(): number;
  errorOffset(): number;
}

/** Error codes of the scanner (assembly/tl/index.ts). */
export const SCAN_ERRORS: Record<number, string> = {
  1: 'unexpected end of data',
  2: 'unknown constructor id',
  3: 'constructor of the wrong type',
  4: 'vector count does not fit in the bytes left',
  5: 'invalid or overlong string',
  6: 'nesting too deep',
  7: 'expected a Vector (#1cb5c415)',
  8: 'expected a Bool',
  9: 'tape full',
};

/** Tape markers written by the scanner. */
export const TAPE_GZIP = 0xffffffff;
export const TAPE_VECTOR = 0xfffffffe;

const PAGE = 65536;
const DEF_SIZE = 32;

/** A scan result: the tape (copied out of WASM memory) and how many input bytes the value took. */
export interface ScanResult {
  tape: Uint32Array;
  consumed: number;
}

/** A failed scan: error code and input offset. */
export interface ScanFailure {
  code: number;
  offset: number;
}

/** One instance of the scanner with the schema tables loaded. */
export class TlModule {
  readonly exports: TlExports;
  private u8: Uint8Array;
  private readonly workBase: number;
  private top: number;

  constructor(instance: WebAssembly.Instance, schema: SchemaTable) {
    this.exports = instance.exports as unknown as TlExports;
    const e = this.exports;
    const defsAt = e.heapBase();
    const fieldCount = schema.fieldStart[schema.defCount]!;
    const fieldsAt = defsAt + schema.defCount * DEF_SIZE;
    let slots = 1;
    while (slots < schema.byId.size * 2) slots <<= 1;
    const hashAt = fieldsAt + fieldCount * 8;
    this.workBase = (hashAt + slots * 8 + 63) & ~63;
    this.top = this.workBase;
    this.u8 = new Uint8Array(e.memory.buffer);
    this.reserve(0);

    const view = new DataView(e.memory.buffer);
    const minBare = minBareSizes(schema);
    for (let d = 0; d < schema.defCount; d++) {
      const at = defsAt + d * DEF_SIZE;
      const f = schema.flags[d]!;
      const type = schema.typeOf[d]! < 0 ? 0xffffff : schema.typeOf[d]!;
      const info = type | (f & DEF_FUNCTION ? 1 << 24 : 0) | (f & DEF_BARE_ONLY ? 2 << 24 : 0);
      view.setUint32(at, schema.ids[d]!, true);
      view.setUint32(at + 4, info >>> 0, true);
      view.setUint32(at + 8, schema.fieldStart[d]!, true);
      view.setUint32(at + 12, schema.fieldStart[d + 1]!, true);
      view.setUint32(at + 16, minBare[d]!, true);
    }
    for (let i = 0; i < fieldCount; i++) {
      view.setUint32(fieldsAt + i * 8, schema.fieldCodes[i]!, true);
      view.setInt32(fieldsAt + i * 8 + 4, schema.fieldConds[i]!, true);
    }
    const mask = slots - 1;
    for (const [id, d] of schema.byId) {
      // Same hash as the scanner: multiplicative, then linear probing.
      let slot = Math.imul(id, 0x9e3779b1) & mask;
      while (view.getUint32(hashAt + slot * 8 + 4, true) !== 0) slot = (slot + 1) & mask;
      view.setUint32(hashAt + slot * 8, id, true);
      view.setUint32(hashAt + slot * 8 + 4, d + 1, true);
    }
    e.setTables(defsAt, fieldsAt, hashAt, mask);
  }

  private reserve(bytes: number): void {
    const need = this.top + bytes;
    const have = this.exports.memory.buffer.byteLength;
    if (need > have) this.exports.memory.grow(Math.ceil((need - have) / PAGE));
    if (this.u8.buffer !== this.exports.memory.buffer) this.u8 = new Uint8Array(this.exports.memory.buffer);
  }

  /**
   * Scans one value of type `code` at the start of `data`. The tape has at
   * most one word per 2 input bytes (plus a few), so it is sized from the input.
   */
  scan(data: Uint8Array, code: number, maxDepth: number): ScanResult | ScanFailure {
    const inputAt = this.top;
    const tapeAt = (inputAt + data.length + 7) & ~7;
    const tapeWords = (data.length >> 1) + 16;
    const size = tapeAt - inputAt + tapeWords * 4;
    this.reserve(size);
    this.u8.set(data, inputAt);
    const saved = this.top;
    this.top += size;
    try {
      const e = this.exports;
      const consumed = e.scan(inputAt, data.length, code, tapeAt, tapeWords, maxDepth);
      if (consumed < 0) return { code: e.errorCode(), offset: e.errorOffset() };
      const used = e.tapeUsed(tapeAt);
      // Copied out: decoding a gzip_packed payload may scan again and grow (detach) memory.
      return { tape: new Uint32Array(e.memory.buffer.slice(tapeAt, tapeAt + used * 4)), consumed };
    } finally {
      this.top = saved;
    }
  }
}

/** Smallest encoded size of each definition's always-present fields (bounds bare vector counts). */
function minBareSizes(s: SchemaTable): Uint32Array {
  const MIN = [4, 8, 8, 4, 4, 16, 32, 4, 0, 4, 4, 4, 4, 4, 4];
  const out = new Uint32Array(s.defCount);
  for (let d = 0; d < s.defCount; d++) {
    let size = 0;
    for (let i = s.fieldStart[d]!; i < s.fieldStart[d + 1]!; i++) {
      if (s.fieldConds[i]! >= 0) continue;
      const code = s.fieldCodes[i]!;
      size += (code >> 4) & 3 ? 4 : MIN[code & 15]!;
    }
    out[d] = size;
  }
  return out;
}

let instance: TlModule | undefined;
let unavailable = false;

/**
 * The scanner instance (created synchronously on first use: the module is
 * ~2 KB, below every runtime's limit for synchronous compilation), or
 * undefined when this runtime has no WebAssembly at all. A runtime that has
 * WebAssembly but refuses to compile it gets `CryptoError` (ts/wasm/precompiled.ts),
 * not a silent JavaScript fallback.
 */
export function getTlModule(schema: SchemaTable): TlModule | undefined {
  if (instance || unavailable) return instance;
  if (typeof WebAssembly === 'undefined') {
    unavailable = true;
    return undefined;
  }
  const wasm = resolveWasmSync('tl', wasmSimdSupported(), embeddedTlWasm);
  instance = new TlModule(new WebAssembly.Instance(wasm.module, {}), schema);
  return instance;
}
