import { TlError } from '../../errors.js';
import type { AnyRequest, AnyTlObject } from '../generated/types.js';
import { type WriteFn, writerFor, writersOf } from './compile.js';
import { getSchema } from './load-schema.js';
import { DEF_FUNCTION, defByNameIn, nameCacheOf, type SchemaTable } from './schema-table.js';
import {
  ID_BOOL_FALSE,
  ID_BOOL_TRUE,
  ID_VECTOR,
  K_BARE,
  K_BOOL,
  K_BYTES,
  K_DOUBLE,
  K_FLAGS,
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

const utf8 = /* @__PURE__ */ new TextEncoder();
const INT_MIN = -0x80000000;
const UINT_MAX = 0xffffffff;
const LONG_MIN = -(1n << 63n);
const ULONG_MAX = (1n << 64n) - 1n;
/** Writer-only kind: any boxed constructor or function (top-level `object()`). */
const K_ANY = 15;

type Fields = Record<string, unknown> & { _: string };

/**
 * `bytes` values of at least this many bytes are copied once, straight into
 * the output, by `encode` (a writer with `deferLargeBytes`), instead of into
 * the growing buffer and then again into the result.
 */
export const DEFER_MIN_BYTES = 4096;

/** Options of `TlWriter`. */
export interface WriteOptions {
  /** Initial buffer size in bytes (default 256; the buffer doubles as needed). */
  initialSize?: number;
  /** Use writers generated per constructor (default true where allowed); false walks the schema table. */
  compile?: boolean;
  /** The schema to write with (default: the generated layer); see `createCodec` for another layer's. */
  schema?: SchemaTable;
}

/** Generated writers of the default schema (kept in a module variable: no lookup per writer). */
let compiled: (WriteFn | null)[] | undefined;

/**
 * A TlError that remembers where in the object it happened, so each level of
 * nesting can prepend its name: `messages.sendMessage.peer: inputUserSelf is not InputPeer`.
 */
function prefixed(e: unknown, segment: string): unknown {
  if (!(e instanceof TlError)) return e;
  const inner = e as TlError & { reason?: string; path?: string[] };
  const reason = inner.reason ?? inner.message;
  const path = [segment, ...(inner.path ?? [])];
  const out = new TlError(`${path.join('.')}: ${reason}`) as TlError & { reason?: string; path?: string[] };
  out.reason = reason;
  out.path = path;
  return out;
}

/**
 * Writes TL values into a growing buffer: primitives for hand-written framing
 * and whole objects driven by the schema table.
 * https://core.telegram.org/mtproto/serialize
 *
 * Values are checked as they are written (integer ranges, required fields,
 * constructor of the right type) and a `TlError` names the offending field,
 * e.g. `messages.sendMessage.peer: inputUserSelf is not InputPeer`.
 */
export class TlWriter {
  /** Bytes written so far. */
  pos = 0;
  private buf: Uint8Array;
  private view: DataView;
  private readonly schema: SchemaTable;
  private readonly writers: (WriteFn | null)[] | undefined;
  /** Definitions by name, learned as names are met (see `defByName`). */
  private readonly names: ReturnType<typeof nameCacheOf>;

  constructor(options: WriteOptions | number = {}) {
    const opts = typeof options === 'number' ? { initialSize: options } : options;
    this.buf = new Uint8Array(opts.initialSize ?? 256);
    this.view = new DataView(this.buf.buffer);
    const schema = opts.schema ?? getSchema();
    this.schema = schema;
    this.names = nameCacheOf(schema);
    this.writers = opts.compile === false ? undefined : opts.schema === undefined ? (compiled ??= writersOf(schema)) : writersOf(schema);
  }

  /**
   * Large `bytes` values not copied into the buffer yet: pairs of (buffer
   * offset where the value belongs, the value), in order. Only a writer with
   * `deferLargeBytes` set keeps them (see `encode`); `result()` then copies
   * each large value once, straight into the output.
   */
  private held: (number | Uint8Array)[] | undefined;
  /** Total length of the values in `held`. */
  private heldBytes = 0;
  /**
   * Keep `bytes` values of `DEFER_MIN_BYTES` or more out of the buffer
   * until `result()` (set by `encode`; `pos` then counts only the buffer).
   * @internal
   */
  deferLargeBytes = false;

  /** The bytes written, as a view of the internal buffer (valid until the next write). */
  view8(): Uint8Array {
    if (this.held !== undefined) this.flatten();
    return this.buf.subarray(0, this.pos);
  }

  /** A copy of the bytes written. */
  result(): Uint8Array {
    if (this.held === undefined) return this.buf.slice(0, this.pos);
    // The buffer's pieces and the held values, each copied once into the output.
    const out = new Uint8Array(this.pos + this.heldBytes);
    const held = this.held;
    let from = 0;
    let to = 0;
    for (let i = 0; i < held.length; i += 2) {
      const at = held[i] as number;
      const data = held[i + 1] as Uint8Array;
      out.set(this.buf.subarray(from, at), to);
      to += at - from;
      out.set(data, to);
      to += data.length;
      from = at;
    }
    out.set(this.buf.subarray(from, this.pos), to);
    return out;
  }

  /** Moves the held values into the buffer (for `view8`). */
  private flatten(): void {
    const all = this.result();
    this.held = undefined;
    this.heldBytes = 0;
    this.buf = all;
    this.view = new DataView(all.buffer);
    this.pos = all.length;
  }

  /** Forgets what was written, keeping the buffer. */
  reset(): void {
    this.pos = 0;
    this.held = undefined;
    this.heldBytes = 0;
  }

  /** Current buffer size in bytes. */
  get capacity(): number {
    return this.buf.length;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  /** `int`: accepts -2^31 .. 2^32-1 (unsigned values are written as their two's complement). */
  int(v: number): void {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < INT_MIN || v > UINT_MAX) {
      throw new TlError(`not a 32-bit integer: ${String(v)}`);
    }
    this.ensure(4);
    this.view.setInt32(this.pos, v | 0, true);
    this.pos += 4;
  }

  /** A flags word (computed by the writer, never user input). */
  flags(v: number): void {
    this.ensure(4);
    this.view.setInt32(this.pos, v, true);
    this.pos += 4;
  }

  /** Unsigned 32-bit (a constructor id). */
  uint(v: number): void {
    this.ensure(4);
    this.view.setUint32(this.pos, v >>> 0, true);
    this.pos += 4;
  }

  /** `long`: a bigint in -2^63 .. 2^64-1, or a safe-integer number. */
  long(v: bigint | number): void {
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) throw new TlError(`not a safe integer for a long: ${v}`);
      v = BigInt(v);
    } else if (typeof v !== 'bigint' || v < LONG_MIN || v > ULONG_MAX) {
      throw new TlError(`not a 64-bit integer: ${String(v)}`);
    }
    this.ensure(8);
    this.view.setBigUint64(this.pos, BigInt.asUintN(64, v), true);
    this.pos += 8;
  }

  /** `double`. */
  double(v: number): void {
    if (typeof v !== 'number') throw new TlError(`not a number: ${String(v)}`);
    this.ensure(8);
    this.view.setFloat64(this.pos, v, true);
    this.pos += 8;
  }

  /** Raw bytes, no framing (pre-serialized data). */
  raw(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** `int128` / `int256`: exactly `size` raw bytes. */
  fixed(b: Uint8Array, size: number): void {
    if (!(b instanceof Uint8Array) || b.length !== size) throw new TlError(`expected ${size} bytes`);
    this.raw(b);
  }

  /** Length prefix of a TL byte string of `len` bytes. */
  private header(len: number): void {
    if (len < 254) {
      this.buf[this.pos++] = len;
    } else if (len < 0x1000000) {
      const p = this.pos;
      this.buf[p] = 254;
      this.buf[p + 1] = len & 0xff;
      this.buf[p + 2] = (len >> 8) & 0xff;
      this.buf[p + 3] = len >> 16;
      this.pos = p + 4;
    } else {
      throw new TlError(`byte string of ${len} bytes exceeds the TL maximum of 16 MiB`);
    }
  }

  /** Zero padding to a multiple of 4 after a byte string that started at `start`. */
  private pad(start: number): void {
    while ((this.pos - start) & 3) this.buf[this.pos++] = 0;
  }

  /** `bytes`: length prefix, data, zero padding to 4. https://core.telegram.org/mtproto/serialize#base-types */
  bytes(b: Uint8Array): void {
    if (!(b instanceof Uint8Array)) throw new TlError('bytes must be a Uint8Array');
    const len = b.length;
    if (len >= DEFER_MIN_BYTES && this.deferLargeBytes) {
      // Header and padding go into the buffer now; the data itself once, in result().
      this.ensure(8);
      const start = this.pos;
      this.header(len);
      (this.held ??= []).push(this.pos, b);
      this.heldBytes += len;
      for (let pad = (this.pos - start + len) & 3; pad !== 0 && pad < 4; pad++) this.buf[this.pos++] = 0;
      return;
    }
    this.ensure(len + 7);
    const start = this.pos;
    this.header(len);
    this.buf.set(b, this.pos);
    this.pos += b.length;
    this.pad(start);
  }

  /** `string`: UTF-8 bytes, framed like `bytes`. */
  string(s: string): void {
    if (typeof s !== 'string') throw new TlError(`not a string: ${String(s)}`);
    const n = s.length;
    // Room for the worst case (3 bytes per UTF-16 unit), the header and padding.
    this.ensure(n * 3 + 8);
    const buf = this.buf;
    const start = this.pos;
    let p = start + 1;
    let i = 0;
    if (n < 64) {
      // Short ASCII runs are cheaper in JS than a call into the encoder.
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c > 0x7f) break;
        buf[p++] = c;
      }
    }
    if (i < n) p += utf8.encodeInto(i === 0 ? s : s.slice(i), buf.subarray(p)).written;
    const len = p - start - 1;
    if (len < 254) {
      buf[start] = len;
    } else {
      // Long form: the data moves 3 bytes right to make room for 254 + 3 length bytes.
      if (len >= 0x1000000) throw new TlError(`byte string of ${len} bytes exceeds the TL maximum of 16 MiB`);
      buf.copyWithin(start + 4, start + 1, p);
      buf[start] = 254;
      buf[start + 1] = len & 0xff;
      buf[start + 2] = (len >> 8) & 0xff;
      buf[start + 3] = len >> 16;
      p += 3;
    }
    this.pos = p;
    this.pad(start);
  }

  /** `Bool`. */
  bool(v: boolean): void {
    if (typeof v !== 'boolean') throw new TlError(`not a boolean: ${String(v)}`);
    this.uint(v ? ID_BOOL_TRUE : ID_BOOL_FALSE);
  }

  /** A boxed constructor or function call of either schema: id, then fields. */
  object(obj: AnyTlObject | AnyRequest): void {
    this.boxed(K_ANY, obj);
  }

  /** Error for a missing field (`bit` >= 0: its flag bit was set by another field). Used by generated writers. */
  missing(bit: number): Error {
    return new TlError(bit < 0 ? 'required field is missing' : `required: another field set its flag bit ${bit}`);
  }

  /** Adds the definition and field to an error from inside a writer. Used by generated writers. */
  fail(e: unknown, def: string, field: string | null): unknown {
    return prefixed(field === null ? e : prefixed(e, field), def);
  }

  /** Writes a value described by a type code (see type-code.ts). */
  value(code: number, v: unknown): void {
    const wrap = (code >> 4) & 3;
    if (wrap === WRAP_NONE) return this.base(code, v);
    if (!Array.isArray(v)) throw new TlError('expected an array');
    if (wrap === WRAP_VECTOR) this.uint(ID_VECTOR);
    else if (wrap !== WRAP_BARE_VECTOR) throw new TlError(`bad type code ${code}`);
    this.flags(v.length);
    const elem = code & ~0x30;
    for (let i = 0; i < v.length; i++) this.base(elem, v[i]);
  }

  private base(code: number, v: unknown): void {
    switch (code & 15) {
      case K_INT:
        return this.int(v as number);
      case K_LONG:
        return this.long(v as bigint);
      case K_DOUBLE:
        return this.double(v as number);
      case K_STRING:
        return this.string(v as string);
      case K_BYTES:
        return this.bytes(v as Uint8Array);
      case K_INT128:
        return this.fixed(v as Uint8Array, 16);
      case K_INT256:
        return this.fixed(v as Uint8Array, 32);
      case K_BOOL:
        return this.bool(v as boolean);
      case K_BARE: {
        const d = code >>> 6;
        if (!isObject(v)) throw new TlError(`expected a ${this.schema.names[d]} object`);
        return this.writeDef(d, v);
      }
      case K_TYPE:
      case K_OBJECT:
      case K_QUERY:
        return this.boxed(code, v);
      default:
        throw new TlError(`type code ${code} cannot be written as a value`);
    }
  }

  private boxed(code: number, v: unknown): void {
    const s = this.schema;
    if (!isObject(v)) throw new TlError("expected a TL object with a '_' name");
    const d = typeof v._ === 'string' ? defByNameIn(s, this.names, v._) : undefined;
    if (d === undefined) throw new TlError(`unknown constructor or function '${String(v._)}'`);
    const isFn = (s.flags[d]! & DEF_FUNCTION) !== 0;
    const kind = code & 15;
    // `Object` (msg_container items, rpc_result.result) holds function calls as
    // well as constructors; `!X` only function calls. https://core.telegram.org/mtproto/TL-abstract-types
    const ok = kind === K_TYPE ? !isFn && s.typeOf[d] === code >>> 6 : kind === K_QUERY ? isFn : true;
    if (!ok) {
      const want = kind === K_TYPE ? s.typeNames[code >>> 6] : kind === K_QUERY ? 'a function' : 'a constructor';
      throw new TlError(`${v._} is not ${want}`);
    }
    this.uint(s.ids[d]!);
    this.writeDef(d, v);
  }

  /** Writes the fields of definition `d` with its generated writer, building it on first use. */
  private writeDef(d: number, v: Fields): void {
    const ws = this.writers;
    if (ws !== undefined) {
      let f = ws[d];
      if (f === undefined) f = ws[d] = writerFor(this.schema, d);
      if (f !== null) return f(this, v);
    }
    this.fields(d, v);
  }

  /** Table-walking writer: flags words computed from which optional fields are present. */
  private fields(d: number, v: Fields): void {
    const s = this.schema;
    const names = s.fieldNames; // a lazy getter: read it once per object
    const start = s.fieldStart[d]!;
    const end = s.fieldStart[d + 1]!;
    let at: string | null = null;
    try {
      // First pass: the flags words (a field counts as present unless undefined/null, or false for `true`).
      let f0 = 0;
      let f1 = 0;
      let fx: number[] | undefined;
      for (let i = start; i < end; i++) {
        const cond = s.fieldConds[i]!;
        if (cond < 0) continue;
        const x = v[names[i]!];
        const present = (s.fieldCodes[i]! & 15) === K_TRUE ? x === true : x !== undefined && x !== null;
        if (!present) continue;
        const bit = 1 << (cond & 31);
        const slot = cond >> 5;
        if (slot === 0) f0 |= bit;
        else if (slot === 1) f1 |= bit;
        else (fx ??= [])[slot] = (fx[slot] ?? 0) | bit;
      }
      let slot = 0;
      for (let i = start; i < end; i++) {
        const code = s.fieldCodes[i]!;
        const kind = code & 15;
        if (kind === K_FLAGS) {
          at = null;
          this.flags(slot === 0 ? f0 : slot === 1 ? f1 : (fx?.[slot] ?? 0));
          slot++;
          continue;
        }
        at = names[i]!;
        const x = v[at];
        const cond = s.fieldConds[i]!;
        if (cond >= 0) {
          if (kind === K_TRUE) continue;
          const which = cond >> 5;
          const w = which === 0 ? f0 : which === 1 ? f1 : (fx?.[which] ?? 0);
          if (((w >>> (cond & 31)) & 1) === 0) continue;
          if (x === undefined || x === null) throw this.missing(cond & 31);
        } else if (x === undefined) {
          throw this.missing(-1);
        }
        this.value(code, x);
      }
    } catch (e) {
      throw this.fail(e, s.names[d]!, at);
    }
  }
}

function isObject(v: unknown): v is Fields {
  return typeof v === 'object' && v !== null && typeof (v as { _?: unknown })._ === 'string';
}
