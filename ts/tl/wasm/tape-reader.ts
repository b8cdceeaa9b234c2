import { TlError } from '../../errors.js';
import { decodeUtf8 } from '../codec/utf8.js';
import type { DecodeBudget } from '../codec/budget.js';
import { plainReaderFor } from '../codec/compile.js';
import { viewThreshold } from '../codec/reader.js';
import { inflateLimited } from '../codec/gzip.js';
import type { SchemaTable } from '../codec/schema-table.js';
import {
  K_BARE,
  K_BOOL,
  K_BYTES,
  K_DOUBLE,
  K_INT,
  K_INT128,
  K_INT256,
  K_LONG,
  K_OBJECT,
  K_QUERY,
  K_STRING,
  K_TYPE,
  WRAP_NONE,
  WRAP_VECTOR,
} from '../codec/type-code.js';
import { SCAN_ERRORS, TAPE_GZIP, TAPE_VECTOR, type TlModule } from './tl-module.js';

/**
 * Builds objects from the tape the WASM scanner wrote. It offers the same
 * methods as `TlReader` to the generated per-constructor readers, so both
 * engines share them; here nothing is checked again (the scanner did it) and
 * no constructor id is looked up (the tape holds definition indexes).
 */
export class TapeReader {
  private t = 0;
  private readonly view: DataView;
  /** `bytes` of at least this length are views (see `ReadOptions.views`). */
  private readonly viewMin: number;

  constructor(
    private readonly mod: TlModule,
    private readonly schema: SchemaTable,
    private readonly data: Uint8Array,
    private readonly tape: Uint32Array,
    private readonly maxDepth: number,
    private readonly budget: DecodeBudget,
    private readonly views: boolean | 'large' | undefined,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.viewMin = viewThreshold(views);
  }

  int(): number {
    return this.tape[this.t++]! | 0;
  }

  long(): bigint {
    return this.view.getBigInt64(this.tape[this.t++]!, true);
  }

  double(): number {
    return this.view.getFloat64(this.tape[this.t++]!, true);
  }

  raw(n: number): Uint8Array {
    const o = this.tape[this.t++]!;
    return this.views === true ? this.data.subarray(o, o + n) : this.data.slice(o, o + n);
  }

  bytes(): Uint8Array {
    const o = this.tape[this.t++]!;
    const n = this.tape[this.t++]!;
    return n >= this.viewMin ? this.data.subarray(o, o + n) : this.data.slice(o, o + n);
  }

  string(): string {
    const start = this.tape[this.t++]!;
    const len = this.tape[this.t++]!;
    return decodeUtf8(this.data, start, len);
  }

  value(code: number, depth: number): unknown {
    const wrap = (code >> 4) & 3;
    if (wrap === WRAP_NONE) return this.base(code, depth);
    const w = this.tape[this.t++]!;
    if (w === TAPE_GZIP && wrap === WRAP_VECTOR) return this.gzipped(code, depth);
    const elem = code & ~0x30;
    // The scanner checked the bytes; the object budget is the packet's, checked here before allocating.
    if (w > this.budget.objects) throw this.budget.tooManyObjects(-1);
    this.budget.objects -= w;
    const out = new Array(w);
    for (let i = 0; i < w; i++) out[i] = this.base(elem, depth);
    return out;
  }

  obj(code: number, depth: number): unknown {
    return this.base(code, depth);
  }

  private base(code: number, depth: number): unknown {
    switch (code & 15) {
      case K_INT:
        return this.tape[this.t++]! | 0;
      case K_LONG:
        return this.long();
      case K_DOUBLE:
        return this.double();
      case K_STRING:
        return this.string();
      case K_BYTES:
        return this.bytes();
      case K_INT128:
        return this.raw(16);
      case K_INT256:
        return this.raw(32);
      case K_BOOL: {
        const w = this.tape[this.t++]!;
        return w === TAPE_GZIP ? this.gzipped(code, depth) : w === 1;
      }
      case K_BARE:
        return this.readDef(code >>> 6, depth + 1);
      case K_TYPE:
      case K_OBJECT:
      case K_QUERY: {
        const w = this.tape[this.t++]!;
        if (w === TAPE_GZIP) return this.gzipped(code, depth);
        if (w === TAPE_VECTOR) {
          const n = this.tape[this.t++]!;
          if (n > this.budget.objects) throw this.budget.tooManyObjects(-1);
          this.budget.objects -= n;
          const out = new Array(n);
          for (let i = 0; i < n; i++) out[i] = this.base(K_OBJECT, depth + 1);
          return out;
        }
        return this.readDef(w, depth + 1);
      }
      default:
        throw new TlError(`type code ${code} cannot be read as a value`);
    }
  }

  private readDef(d: number, depth: number): Record<string, unknown> {
    if (--this.budget.objects < 0) throw this.budget.tooManyObjects(-1);
    // The engine is only used where generated readers exist (see decodeWithWasm).
    return plainReaderFor(this.schema, d)!(this, depth);
  }

  private gzipped(code: number, depth: number): unknown {
    const start = this.tape[this.t++]!;
    const len = this.tape[this.t++]!;
    const at = start - (len < 254 ? 1 : 4) - 4; // the gzip_packed id
    const plain = inflateLimited(this.data.subarray(start, start + len), this.budget, at);
    try {
      return decodeWithWasm(this.mod, this.schema, plain, code, this.maxDepth - depth - 1, this.budget, this.views, false);
    } catch (e) {
      if (e instanceof TlError) throw new TlError(`inside gzip_packed: ${e.message}`, at);
      throw e;
    }
  }
}

/**
 * Decodes one value of type `code` with the WASM scanner and the generated
 * readers. `exact`: the value must use every byte.
 */
export function decodeWithWasm(
  mod: TlModule,
  schema: SchemaTable,
  data: Uint8Array,
  code: number,
  maxDepth: number,
  budget: DecodeBudget,
  views: boolean | 'large' | undefined,
  exact: boolean,
): unknown {
  const r = mod.scan(data, code, maxDepth);
  if (!('tape' in r)) {
    throw new TlError(SCAN_ERRORS[r.code] ?? `scan error ${r.code}`, r.offset);
  }
  if (exact && r.consumed !== data.length) {
    throw new TlError(`${data.length - r.consumed} unexpected bytes after the object`, r.consumed);
  }
  return new TapeReader(mod, schema, data, r.tape, maxDepth, budget, views).value(code, 0);
}
