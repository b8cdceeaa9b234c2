import { TlError } from '../../errors.js';
import { decodeUtf8 } from './utf8.js';
import type { AnyRequest, AnyTlObject } from '../generated/types.js';
import { DecodeBudget } from './budget.js';
import { type CompiledReaderHost, IC_WAYS, type InlineCache, type ReadFn, readerFor } from './compile.js';
import { inflateLimited } from './gzip.js';
import { type IdIndex, lookupId } from './id-index.js';
import { getSchema } from './load-schema.js';
import { DEF_FUNCTION, defByName, learnId, type SchemaTable } from './schema-table.js';
import {
  ID_BOOL_FALSE,
  ID_BOOL_TRUE,
  ID_GZIP_PACKED,
  ID_VECTOR,
  K_BARE,
  K_BOOL,
  K_BYTES,
  K_DOUBLE,
  K_FLAGS,
  K_GENERIC,
  K_INT,
  K_INT128,
  K_INT256,
  K_LONG,
  K_OBJECT,
  K_QUERY,
  K_STRING,
  K_TRUE,
  K_TYPE,
  WRAP_BARE_VECTOR,
  WRAP_NONE,
  WRAP_VECTOR,
} from './type-code.js';

/**
 * Limits that keep a hostile or corrupt input from costing more than it
 * should, and how values come out.
 */
export interface ReadOptions {
  /** Maximum nesting of objects (default: the budget's, 64; Telegram's deepest objects use about 20). */
  maxDepth?: number;
  /** Without `budget`: total bytes inflated from `gzip_packed` objects in this read (default 32 MiB). */
  maxInflated?: number;
  /** Without `budget`: total objects and vector elements in this read (default 1 000 000). */
  maxObjects?: number;
  /**
   * The budget of the packet this value belongs to, shared by every decode
   * of that packet (see budget.ts). Without it each call gets a fresh one
   * from `maxInflated` / `maxObjects` / `maxDepth`.
   */
  budget?: DecodeBudget;
  /**
   * Whether `bytes` values share the input's memory (`subarray`) or are
   * copied (`slice`):
   *
   * - `'large'` (the default): a `bytes` value of `VIEW_MIN_BYTES`
   *   (1 KiB) or more is a view; shorter ones, and every `int128` / `int256`,
   *   are copies. A file part (`upload.file`, 4 KiB–1 MiB) then costs no copy,
   *   while a small value kept for long (a `file_reference`, a nonce) does not
   *   pin the whole received packet in memory.
   * - `true`: every `bytes`, `int128` and `int256` value is a view.
   * - `false`: every value is a copy.
   *
   * A view is only as stable as the input: do not overwrite `bytes` while a
   * decoded value is in use (pass `false` if you reuse the input buffer). The
   * session decodes each received packet from its own buffer (the transport's
   * `ByteQueue.take` allocates every frame, `AuthKeyHandle.open` returns a
   * fresh plaintext, `gzip_packed` inflates into a fresh array), so views are
   * safe there.
   *
   * @example
   * ```ts
   * const part = decodeResult(request, bytes) as tl.upload.File; // part.bytes is a view of `bytes`
   * const kept = decode(bytes, { views: false });                  // independent copies
   * ```
   */
  views?: boolean | 'large';
  /**
   * Use readers generated per constructor (default true where the runtime
   * allows `new Function`); false walks the schema table instead. Both give
   * the same results; see compile.ts for why the first is faster.
   */
  compile?: boolean;
  /**
   * `'js'` reads with the JS reader; `'wasm'` lets the WASM scanner
   * (assembly/tl) check the bytes and dispatch constructors first, then builds
   * the objects from its tape. Same results and errors either way. Applies to
   * `decode`, `decodeRequest` and `decodeResult`; a `TlReader` is always JS.
   */
  engine?: 'js' | 'wasm';
  /**
   * The schema to read with (default: the generated layer). Another layer's
   * table comes from `schemaFromText`; `createCodec` binds one to every call.
   * A schema other than the default is always read by the JS reader.
   */
  schema?: SchemaTable;
}

/**
 * With the default `ReadOptions.views` (`'large'`), `bytes` values of at least
 * this many bytes are views into the input; shorter ones are copies.
 */
export const VIEW_MIN_BYTES = 1024;

/** The smallest `bytes` length returned as a view under `views` (0: all, Infinity: none). */
export function viewThreshold(views: boolean | 'large' | undefined): number {
  return views === undefined || views === 'large' ? VIEW_MIN_BYTES : views === true ? 0 : Number.POSITIVE_INFINITY;
}

const TWO_POW_32 = 0x1_0000_0000n;

/** A `long` past 53 bits (msg_ids, access hashes) from its halves: two conversions, a multiply and an add. */
function wideLong(lo: number, hi: number): bigint {
  return BigInt(hi) * TWO_POW_32 + BigInt(lo);
}

const EMPTY = new Uint8Array(0);
const EMPTY_VIEW = new DataView(EMPTY.buffer);

/** The options of a call that passed none (no object allocated per call). */
export const NO_OPTIONS: ReadOptions = Object.freeze({});

/** Smallest wire size of one value of each base kind, to bound vector counts. */
const MIN_SIZE = [4, 8, 8, 4, 4, 16, 32, 4, 0, 4, 4, 0, 4, 4, 4];

/**
 * Reads TL values from a byte array: primitives for hand-written framing
 * (MTProto headers) and whole objects driven by the schema table.
 * https://core.telegram.org/mtproto/serialize
 *
 * Every read checks the remaining length first and throws `TlError` with the
 * byte offset on truncated or malformed input.
 */
export class TlReader {
  /** Current read position. */
  pos: number;
  private view: DataView;
  private end: number;
  private readonly schema: SchemaTable;
  /** Constructor id → definition (see id-index.ts). */
  private readonly ids: IdIndex;
  private readonly maxDepth: number;
  /** `bytes` of at least this length are views (see `ReadOptions.views`). */
  private readonly viewMin: number;
  /** `int128` / `int256` are views (only with `views: true`). */
  private readonly rawViews: boolean;
  /** What the packet may still cost, shared with nested readers of gzip_packed payloads. */
  private readonly budget: DecodeBudget;
  /** Smallest encoded size of each bare definition, per schema, computed on demand. */
  private static readonly minBare = new WeakMap<SchemaTable, Int32Array>();

  constructor(
    readonly data: Uint8Array,
    start = 0,
    options: ReadOptions = NO_OPTIONS,
  ) {
    this.pos = start;
    this.end = data.length;
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const schema = options.schema ?? getSchema();
    this.schema = schema;
    this.ids = schema.idIndex;
    // ReadOptions carries the DecodeLimits fields under the same names.
    this.budget = options.budget ?? new DecodeBudget(options);
    this.maxDepth = options.maxDepth ?? this.budget.maxDepth;
    this.viewMin = viewThreshold(options.views);
    this.rawViews = options.views === true;
    this.compile = options.compile;
  }

  private readonly compile: boolean | undefined;

  /**
   * Points this reader at new input, from offset 0, with a refilled budget:
   * the decode functions keep one reader for the calls that pass no options
   * instead of allocating a reader and a budget per call (the fixed cost of
   * small decodes). Only for a reader built with default options.
   * @internal
   */
  rebind(data: Uint8Array): void {
    (this as { data: Uint8Array }).data = data;
    this.pos = 0;
    this.end = data.length;
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.budget.refill();
  }

  /** Drops the input (after `rebind`), so a kept reader does not keep it alive. @internal */
  release(): void {
    (this as { data: Uint8Array }).data = EMPTY;
    this.view = EMPTY_VIEW;
    this.pos = this.end = 0;
  }

  /** Reads the fields of definition `d` with its generated reader, building it on first use. */
  private readDef(d: number, depth: number): Record<string, unknown> {
    // One decrement per object: the whole cost of the object budget on the hot path.
    if (--this.budget.objects < 0) throw this.budget.tooManyObjects(this.pos);
    if (this.compile !== false) {
      const f = readerFor(this.schema, d);
      if (f !== null) return f(this, depth);
    }
    return this.fields(d, depth);
  }

  /** Throws unless every byte has been read. */
  expectEnd(): void {
    if (this.pos !== this.end) throw new TlError(`${this.end - this.pos} unexpected bytes after the object`, this.pos);
  }

  /** Bytes left after the current position. */
  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number): void {
    if (this.end - this.pos < n) {
      throw new TlError(`unexpected end of data: need ${n} bytes, ${this.end - this.pos} left`, this.pos);
    }
  }

  /** `int`: signed 32-bit little-endian. */
  int(): number {
    // The check written out: not every caller inlines need().
    if (this.end - this.pos < 4) this.need(4);
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }

  /** Unsigned 32-bit little-endian (constructor ids). */
  uint(): number {
    if (this.end - this.pos < 4) this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  /** `long`: signed 64-bit little-endian. */
  long(): bigint {
    if (this.end - this.pos < 8) this.need(8);
    const p = this.pos;
    const lo = this.view.getUint32(p, true);
    const hi = this.view.getInt32(p + 4, true);
    this.pos = p + 8;
    // |hi| < 2^21: hi · 2^32 + lo is below 2^53 in magnitude, so the number is exact.
    // Both paths are written here, the wide one alone in `wideLong`: with a
    // helper holding both (long → longFromHalves), about 1 process in 10 ran
    // the container decode at 0.3–0.6× its usual speed, the helper's time
    // dominating its profile (V8's inlining order); with this shape none of 36
    // processes fell below 0.75× (bench/tl worker, CPU clock).
    return hi < 0x200000 && hi >= -0x200000 ? BigInt(hi * 4294967296 + lo) : wideLong(lo, hi);
  }

  /** `double`: IEEE 754 binary64 little-endian. */
  double(): number {
    if (this.end - this.pos < 8) this.need(8);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  /** `n` raw bytes (int128 = 16, int256 = 32). */
  raw(n: number): Uint8Array {
    this.need(n);
    const s = this.pos;
    this.pos += n;
    return this.rawViews ? this.data.subarray(s, s + n) : this.data.slice(s, s + n);
  }

  /**
   * Frames a TL byte string: one length byte (< 254) or 254 and three length
   * bytes, the data, then zeros to a multiple of 4. Returns the data start;
   * the length is left in `frameLen`. https://core.telegram.org/mtproto/serialize#base-types
   */
  private frame(): number {
    this.need(4);
    const d = this.data;
    const p = this.pos;
    let len = d[p]!;
    let start = p + 1;
    if (len === 254) {
      len = d[p + 1]! | (d[p + 2]! << 8) | (d[p + 3]! << 16);
      start = p + 4;
    } else if (len === 255) {
      throw new TlError('invalid string length prefix 0xff', p);
    }
    const total = (start - p + len + 3) & ~3;
    if (this.end - p < total) {
      throw new TlError(`string of ${len} bytes runs past the end (${this.end - start} left)`, p);
    }
    this.pos = p + total;
    this.frameLen = len;
    return start;
  }

  /** Length of the byte string `frame()` found last. */
  private frameLen = 0;

  /** `bytes`: a length-prefixed byte string. */
  bytes(): Uint8Array {
    const start = this.frame();
    const len = this.frameLen;
    const d = this.data;
    // A view made directly: `subarray` looks up the species constructor first.
    return len >= this.viewMin ? new Uint8Array(d.buffer, d.byteOffset + start, len) : d.slice(start, start + len);
  }

  /** `string`: a byte string decoded as UTF-8 (invalid sequences become U+FFFD). */
  string(): string {
    const start = this.frame();
    return decodeUtf8(this.data, start, this.frameLen);
  }

  /** A boxed value of a type, constructor or function (code kind K_TYPE, K_OBJECT, K_QUERY): for generated readers. */
  obj(code: number, depth: number): unknown {
    return this.boxed(code, depth);
  }

  /** `Bool`: boolTrue or boolFalse (or a gzip_packed one). */
  bool(): boolean {
    return this.value(K_BOOL, 0) as boolean;
  }

  /** Any boxed constructor of either schema (the `Object` of MTProto). */
  object(): AnyTlObject {
    return this.value(K_OBJECT, 0) as AnyTlObject;
  }

  /** Any boxed function call (what a server reads). */
  request(): AnyRequest {
    return this.value(K_QUERY, 0) as AnyRequest;
  }

  /**
   * The result of `request` as carried in `rpc_result.result`: typed by the
   * function's result type, so `Vector<int>` and `Vector<long>` results decode
   * too (they cannot be read as a plain `Object`).
   */
  result(request: AnyRequest | { _: string }): unknown {
    return this.value(resultCodeOf(this.schema, request), 0);
  }

  /** Reads a value described by a type code (see type-code.ts). */
  value(code: number, depth: number): unknown {
    const wrap = (code >> 4) & 3;
    if (wrap === WRAP_NONE) return this.base(code, depth);
    if (wrap === WRAP_VECTOR) {
      const at = this.pos;
      const id = this.uint();
      if (id !== ID_VECTOR) {
        if (id === ID_GZIP_PACKED) return this.gzipped(code, depth, at);
        throw new TlError(`expected a Vector (#1cb5c415), found #${id.toString(16)}`, at);
      }
    } else if (wrap !== WRAP_BARE_VECTOR) {
      throw new TlError(`bad type code ${code}`, this.pos);
    }
    const at = this.pos;
    const n = this.int();
    const elem = code & ~0x30;
    const kind = code & 15;
    const min = kind === K_BARE ? this.minBareSize(code >>> 6) : MIN_SIZE[kind]!;
    // A count the remaining bytes cannot hold is rejected before allocating.
    if (n < 0 || n * Math.max(min, 1) > this.end - this.pos) {
      throw new TlError(`vector count ${n} does not fit in the ${this.end - this.pos} bytes left`, at);
    }
    // ... and so is one the object budget cannot hold (e.g. millions of 4-byte `inputUserSelf`).
    if (n > this.budget.objects) throw this.budget.tooManyObjects(at);
    this.budget.objects -= n;
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = this.base(elem, depth);
    return out;
  }

  private base(code: number, depth: number): unknown {
    switch (code & 15) {
      case K_INT:
        return this.int();
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
        const at = this.pos;
        const id = this.uint();
        if (id === ID_BOOL_TRUE) return true;
        if (id === ID_BOOL_FALSE) return false;
        if (id === ID_GZIP_PACKED) return this.gzipped(code, depth, at);
        throw new TlError(`expected a Bool, found #${id.toString(16)}`, at);
      }
      case K_BARE:
        if (depth >= this.maxDepth) throw this.budget.tooDeep(this.pos);
        return this.readDef(code >>> 6, depth + 1);
      case K_TYPE:
      case K_OBJECT:
      case K_QUERY:
        return this.boxed(code, depth);
      default:
        // K_TRUE and K_FLAGS are handled by fields(); K_GENERIC only names a result.
        throw new TlError(`type code ${code} cannot be read as a value`, this.pos);
    }
  }

  /** Inline caches: checks the nesting depth, then reads a boxed value's id (see compile.ts). */
  boxedHead(depth: number): number {
    if (depth >= this.maxDepth) throw this.budget.tooDeep(this.pos);
    return this.uint();
  }

  /** Inline caches: counts one object against the budget (what readDef does on the general path). */
  tick(): this {
    if (--this.budget.objects < 0) throw this.budget.tooManyObjects(this.pos);
    return this;
  }

  /**
   * Inline caches: a boxed value whose id, just read, is not the one cached at
   * that call site. Read on the general path; a constructor read by a
   * generated reader becomes the cached one (never gzip_packed or a loose vector).
   */
  boxedMiss(id: number, code: number, depth: number, ic: InlineCache, k: number): unknown {
    // The site's other entries first (an id whose low bits another took).
    const base = k & ~(2 * IC_WAYS - 1);
    let free = -1;
    for (let i = base; i < base + 2 * IC_WAYS; i += 2) {
      const x = ic[i];
      if (x === id) return (ic[i + 1] as ReadFn)(this.tick(), depth + 1);
      if (x === -1 && free < 0) free = i;
    }
    let d = id === ID_GZIP_PACKED ? -1 : lookupId(this.ids, id);
    if (d < 0 && id !== ID_GZIP_PACKED) d = learnId(this.schema, id);
    if (d < 0 || !this.admits(code, d)) return this.boxedFrom(id, code, depth, this.pos - 4); // its errors, gzip, loose vectors
    const f = readerFor(this.schema, d);
    if (f === null) return this.readDef(d, depth + 1);
    // Its own entry when free, else any free one, else it takes its own.
    const at = ic[k] === -1 || free < 0 ? k : free;
    ic[at] = id;
    ic[at + 1] = f;
    return f(this.tick(), depth + 1);
  }

  /** Whether a boxed value of type code `code` may be definition `d` (see `boxedFrom`). */
  private admits(code: number, d: number): boolean {
    const kind = code & 15;
    if (kind === K_OBJECT) return true;
    const isFn = (this.schema.flags[d]! & DEF_FUNCTION) !== 0;
    return kind === K_TYPE ? !isFn && this.schema.typeOf[d] === code >>> 6 : kind === K_QUERY && isFn;
  }

  /** Inline caches: checks the depth and counts one object for a bare value (what `base` does for K_BARE). */
  bareHead(depth: number): this {
    if (depth >= this.maxDepth) throw this.budget.tooDeep(this.pos);
    if (--this.budget.objects < 0) throw this.budget.tooManyObjects(this.pos);
    return this;
  }

  /** Inline caches: the reader of bare definition `d` (generated, or the table walker's). */
  bareReader(d: number): ReadFn {
    return readerFor(this.schema, d) ?? ((r: CompiledReaderHost, depth: number) => (r as TlReader).fields(d, depth));
  }

  /**
   * Inline caches: the header of a vector of boxed values (`Vector` id unless
   * bare, count), checked as `value()` checks it; -1, with nothing consumed,
   * when a gzip_packed stands in its place.
   */
  vecCount(code: number): number {
    if (((code >> 4) & 3) === WRAP_VECTOR) {
      const at = this.pos;
      const id = this.uint();
      if (id !== ID_VECTOR) {
        if (id === ID_GZIP_PACKED) {
          this.pos = at;
          return -1;
        }
        throw new TlError(`expected a Vector (#1cb5c415), found #${id.toString(16)}`, at);
      }
    }
    const at = this.pos;
    const n = this.int();
    // Boxed elements take at least their 4-byte id; bare ones their fixed fields.
    const min = (code & 15) === K_BARE ? Math.max(this.minBareSize(code >>> 6), 1) : 4;
    if (n < 0 || n * min > this.end - this.pos) {
      throw new TlError(`vector count ${n} does not fit in the ${this.end - this.pos} bytes left`, at);
    }
    if (n > this.budget.objects) throw this.budget.tooManyObjects(at);
    this.budget.objects -= n;
    return n;
  }

  /** A boxed value: constructor id, then the fields of that constructor. */
  private boxed(code: number, depth: number): unknown {
    const at = this.pos;
    if (depth >= this.maxDepth) throw this.budget.tooDeep(at);
    return this.boxedFrom(this.uint(), code, depth, at);
  }

  /** A boxed value whose id (at `at`) was just read. */
  private boxedFrom(id: number, code: number, depth: number, at: number): unknown {
    const kind = code & 15;
    // gzip_packed stands for the object it packs, wherever a boxed value may be.
    if (id === ID_GZIP_PACKED) return this.gzipped(code, depth, at);
    const s = this.schema;
    let d = lookupId(this.ids, id);
    if (d < 0) d = learnId(s, id);
    if (d < 0) {
      if (kind === K_OBJECT) {
        if (id === ID_VECTOR) return this.looseVector(depth, at);
        // Bool is a primitive of the codec (K_BOOL), not in the table; as an `Object` (rpc_result.result of
        // a method returning Bool, read without the request's type) boolTrue / boolFalse are the booleans.
        if (id === ID_BOOL_TRUE) return true;
        if (id === ID_BOOL_FALSE) return false;
      }
      throw new TlError(`unknown constructor id #${id.toString(16).padStart(8, '0')}`, at);
    }
    const isFn = (s.flags[d]! & DEF_FUNCTION) !== 0;
    // `Object` holds either kind: msg_container items and rpc_result.result
    // carry function calls (ping, invokeWithLayer) as well as constructors.
    // `!X` is a function call only. https://core.telegram.org/mtproto/TL-abstract-types
    if (kind === K_TYPE ? isFn || s.typeOf[d] !== code >>> 6 : kind === K_QUERY && !isFn) {
      const want = kind === K_TYPE ? s.typeNames[code >>> 6] : kind === K_QUERY ? 'a function' : 'a constructor';
      throw new TlError(`${s.names[d]} is not ${want}`, at);
    }
    return this.readDef(d, depth + 1);
  }

  /**
   * A Vector found where any object may appear (an `Object` field such as
   * rpc_result.result). Its element type is unknown, so elements are read as
   * boxed objects; `Vector<int>`/`Vector<long>` need `result()` instead.
   */
  private looseVector(depth: number, at: number): unknown[] {
    const n = this.int();
    if (n < 0 || n * 4 > this.end - this.pos) {
      throw new TlError(`vector count ${n} does not fit in the ${this.end - this.pos} bytes left`, at + 4);
    }
    if (n > this.budget.objects) throw this.budget.tooManyObjects(at + 4);
    this.budget.objects -= n;
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = this.boxed(K_OBJECT, depth + 1);
    return out;
  }

  /** gzip_packed in place of a boxed value: inflate, then read the same type from the payload. */
  private gzipped(code: number, depth: number, at: number): unknown {
    if (depth >= this.maxDepth) throw this.budget.tooDeep(at);
    const packed = this.bytes();
    const plain = inflateLimited(packed, this.budget, at);
    const inner = new TlReader(plain, 0, {
      maxDepth: this.maxDepth,
      // The inflated array belongs to this read alone: the same view policy is safe.
      views: this.rawViews ? true : this.viewMin === VIEW_MIN_BYTES ? 'large' : false,
      compile: this.compile,
      budget: this.budget,
      schema: this.schema,
    });
    try {
      return inner.value(code, depth + 1);
    } catch (e) {
      // Offsets inside the inflated data mean nothing to the caller: report the gzip_packed.
      if (e instanceof TlError) throw new TlError(`inside gzip_packed: ${e.message}`, at);
      throw e;
    }
  }

  /** The fields of definition `d` (its id already read, or bare), as a plain object. */
  /** @internal */
  fields(d: number, depth: number): Record<string, unknown> {
    const s = this.schema;
    const names = s.fieldNames; // a lazy getter: read it once per object
    const obj: Record<string, unknown> = { _: s.names[d] };
    const start = s.fieldStart[d]!;
    const end = s.fieldStart[d + 1]!;
    // Flags words by slot (the n-th `#` field): real schemas have at most two.
    let slot = 0;
    let f0 = 0;
    let f1 = 0;
    let fx: number[] | undefined;
    for (let i = start; i < end; i++) {
      const code = s.fieldCodes[i]!;
      const cond = s.fieldConds[i]!;
      const kind = code & 15;
      if (kind === K_FLAGS) {
        const v = this.int();
        if (slot === 0) f0 = v;
        else if (slot === 1) f1 = v;
        else (fx ??= [])[slot] = v;
        slot++;
        continue;
      }
      if (cond >= 0) {
        const which = cond >> 5;
        const word = which === 0 ? f0 : which === 1 ? f1 : fx![which]!;
        const set = (word >>> (cond & 31)) & 1;
        if (kind === K_TRUE) {
          obj[names[i]!] = set === 1;
          continue;
        }
        if (set === 0) {
          obj[names[i]!] = undefined;
          continue;
        }
      }
      obj[names[i]!] = this.value(code, depth);
    }
    return obj;
  }

  private minBareSize(d: number): number {
    const s = this.schema;
    let cache = TlReader.minBare.get(s);
    if (cache === undefined) TlReader.minBare.set(s, (cache = new Int32Array(s.defCount).fill(-1)));
    let size = cache[d]!;
    if (size < 0) {
      size = 0;
      for (let i = s.fieldStart[d]!; i < s.fieldStart[d + 1]!; i++) {
        const code = s.fieldCodes[i]!;
        if (s.fieldConds[i]! >= 0) continue;
        // Nested bare definitions count 4 (a lower bound that avoids recursion).
        size += (code >> 4) & 3 ? 4 : (code & 15) === K_BARE ? 4 : MIN_SIZE[code & 15]!;
      }
      cache[d] = size;
    }
    return size;
  }
}

/** The type code of what `request` returns, following wrappers (`invokeWithLayer` ...) to the wrapped query. */
export function resultCodeOf(s: SchemaTable, request: AnyRequest | { _: string }): number {
  let req = request as { _: string; [k: string]: unknown };
  for (let depth = 0; depth < 16; depth++) {
    const d = req && typeof req._ === 'string' ? defByName(s, req._) : undefined;
    if (d === undefined || !(s.flags[d]! & DEF_FUNCTION)) {
      throw new TlError(`${String(req?._)} is not a function of the schema`);
    }
    const code = s.resultOf[d]!;
    if ((code & 15) !== K_GENERIC) return code;
    let next: unknown;
    const names = s.fieldNames;
    for (let i = s.fieldStart[d]!; i < s.fieldStart[d + 1]!; i++) {
      if ((s.fieldCodes[i]! & 15) === K_QUERY) next = req[names[i]!];
    }
    req = next as { _: string; [k: string]: unknown };
  }
  throw new TlError('wrapper requests nested too deeply');
}
