import { TlError } from '../../errors.js';
import { base64Decode } from './base64.js';
import { type IdIndex, insertId, newIdIndex } from './id-index.js';
import { UvarintReader, writeUvarint } from './varint.js';

/**
 * The runtime form of the schemas: every constructor and function of the API
 * and MTProto layers as flat typed arrays, built once from the compact table
 * that build/generate-tl.ts writes into ts/tl/generated/schema.ts.
 *
 * Packed format: a few varints (unsigned LEB128), then fixed-width columns
 * (little-endian), so unpacking is mostly typed-array copies the engine does
 * natively instead of a loop over every field in a cold interpreter (what
 * the first decode after import used to pay: ~4 ms of varint reads):
 *
 *   header         layer, defCount, typeCount, fieldNameCount, fieldCount,
 *                  wideCount, options (TABLE_* bits) (varints), zero bytes
 *                  to a multiple of 4
 *   u32 × defCount   id
 *   u32 × 2·wide     (column position, value) of each code too wide for its
 *                    u16 column: positions < fieldCount are field codes, the
 *                    others `fieldCount + d`, the result code of definition d
 *   u16 × fieldCount field type code (0xffff: see the wide list)
 *   u16 × defCount   result type code of a function (0 for a constructor; 0xffff: wide)
 *   i16 × defCount   abstract type index (-1 for a function)
 *   u16 × fieldCount field name index
 *   u8  × defCount   flags (DEF_*)
 *   u8  × defCount   number of fields
 *   i8  × fieldCount condition: -1 = always present, else `(slot << 5) | bit`
 *                    (slot = which `#` field of the definition, from 0)
 *
 * `names` lists, space-separated: the definition names, the type names, then
 * the distinct field names.
 */
export interface SchemaTable {
  readonly layer: number;
  readonly defCount: number;
  /** Constructor or function id, per definition. */
  readonly ids: Uint32Array;
  /** Full TL name, per definition. */
  readonly names: readonly string[];
  /** DEF_* bits, per definition. */
  readonly flags: Uint8Array;
  /** Abstract type index of a constructor; -1 for a function. */
  readonly typeOf: Int32Array;
  /** Result type code of a function; 0 for a constructor. */
  readonly resultOf: Int32Array;
  /** Fields of definition `d` are `fieldStart[d] .. fieldStart[d + 1] - 1`. */
  readonly fieldStart: Int32Array;
  readonly fieldNames: readonly string[];
  readonly fieldCodes: Int32Array;
  /** -1 when always present, else `(slot << 5) | bit`: bit `bit` of the definition's `slot`-th `#` field. */
  readonly fieldConds: Int32Array;
  /** Abstract type names, per type index. */
  readonly typeNames: readonly string[];
  /** Boxed definition (has an id on the wire) by id (built on first use; decoding uses `idIndex`). */
  readonly byId: ReadonlyMap<number, number>;
  /**
   * The same as `byId` as an open-addressing hash for the decoder's hot path
   * (see id-index.ts), filled on demand: look ids up with `resolveId`.
   */
  readonly idIndex: IdIndex;
  /** Boxed definition by name. */
  readonly byName: ReadonlyMap<string, number>;
}

/** Definition flag: a function (RPC method), not a constructor. */
export const DEF_FUNCTION = 1;
/** Definition flag: only ever serialized bare (declared without an id, e.g. MTProto `message`). */
export const DEF_BARE_ONLY = 2;
/** Definition flag: from the MTProto service schema. */
export const DEF_MTPROTO = 4;

/** One definition, as the generator describes it before packing. */
export interface PackDef {
  id: number;
  name: string;
  flags: number;
  typeIndex: number;
  resultCode: number;
  fields: { name: string; code: number; cond: number }[];
}

/**
 * Table option: every field name is a plain identifier other than `_` and
 * `__proto__`, so generated readers and writers may use them as keys
 * (checked at pack time, not by the first decode after import).
 */
const TABLE_PLAIN_NAMES = 1;

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether `name` may be a key and an identifier in generated code. */
export function isPlainFieldName(name: string): boolean {
  return PLAIN_NAME.test(name) && name !== '_' && name !== '__proto__';
}

/**
 * The definition of boxed id `id` (a uint32) in `s`, or -1, for an id the
 * id index does not hold yet (`lookupId` said -1): a native scan of the id
 * column, remembered in the index. Among definitions sharing an id, the last
 * one that is not bare-only wins. An unknown id costs a scan each time (it
 * is an error anyway).
 */
export function learnId(s: SchemaTable, id: number): number {
  const ids = s.ids;
  const key = id >>> 0;
  let d = ids.lastIndexOf(key);
  while (d >= 0 && (s.flags[d]! & DEF_BARE_ONLY) !== 0) d = d > 0 ? ids.lastIndexOf(key, d - 1) : -1;
  if (d >= 0) insertId(s.idIndex, key, d);
  return d;
}

/** Names looked up so far per table (see `defByName`); `complete` once it holds all of `byName`. */
interface NameCache {
  map: Map<string, number>;
  complete: boolean;
}

const nameCaches = new WeakMap<SchemaTable, NameCache>();

/** How many names `defByName` learns one by one before it takes the whole of `byName`. */
const NAMES_BEFORE_FULL_MAP = 64;

/** The name cache of `s` (hold on to it: `defByNameIn` is the per-call lookup). @internal */
export function nameCacheOf(s: SchemaTable): NameCache {
  let c = nameCaches.get(s);
  if (c === undefined) nameCaches.set(s, (c = { map: new Map(), complete: false }));
  return c;
}

/**
 * The boxed definition named `name` (what `s.byName.get(name)` gives), without
 * building the full map at the first encode after import (2 468 `Map.set`s,
 * ~1.2 ms of a cold interpreter): each new name is found by a native scan of
 * the names and remembered; after NAMES_BEFORE_FULL_MAP of them the cache
 * takes the whole map, so a long-running process pays at most that many scans.
 */
export function defByName(s: SchemaTable, name: string): number | undefined {
  return defByNameIn(s, nameCacheOf(s), name);
}

/** `defByName` with the cache already in hand (`nameCacheOf`). @internal */
export function defByNameIn(s: SchemaTable, c: NameCache, name: string): number | undefined {
  const d = c.map.get(name);
  if (d !== undefined || c.complete) return d;
  if (c.map.size >= NAMES_BEFORE_FULL_MAP) {
    for (const [k, v] of s.byName) c.map.set(k, v);
    c.complete = true;
    return c.map.get(name);
  }
  // The last definition of that name that is not bare-only (as byName keeps it).
  const names = s.names;
  let at = names.lastIndexOf(name);
  while (at >= 0 && (s.flags[at]! & DEF_BARE_ONLY) !== 0) at = at > 0 ? names.lastIndexOf(name, at - 1) : -1;
  if (at < 0) return undefined;
  c.map.set(name, at);
  return at;
}

/** Marks a u16 column entry whose value is in the wide list. */
const WIDE = 0xffff;

/** Packs definitions into the `{ names, table }` strings written to the generated module. */
export function packSchema(layer: number, defs: PackDef[], typeNames: string[]): { names: string; table: Uint8Array } {
  const fieldNames: string[] = [];
  const fieldIndex = new Map<string, number>();
  const fieldCount = defs.reduce((n, d) => n + d.fields.length, 0);
  const defCount = defs.length;
  const ids = new Uint32Array(defCount);
  const codes = new Uint16Array(fieldCount);
  const results = new Uint16Array(defCount);
  const types = new Int16Array(defCount);
  const nameIdx = new Uint16Array(fieldCount);
  const flags = new Uint8Array(defCount);
  const counts = new Uint8Array(defCount);
  const conds = new Int8Array(fieldCount);
  const wide: number[] = [];
  const narrow = (v: number, at: number): number => {
    if (v < WIDE) return v;
    wide.push(at, v);
    return WIDE;
  };
  let f = 0;
  defs.forEach((d, i) => {
    const fn = (d.flags & DEF_FUNCTION) !== 0;
    if (d.flags > 255 || d.fields.length > 255 || (!fn && d.typeIndex > 0x7fff))
      throw new TlError(`${d.name} does not fit the schema table`);
    ids[i] = d.id >>> 0;
    flags[i] = d.flags;
    counts[i] = d.fields.length;
    types[i] = fn ? -1 : d.typeIndex;
    if (fn) results[i] = narrow(d.resultCode, fieldCount + i);
    for (const fd of d.fields) {
      let idx = fieldIndex.get(fd.name);
      if (idx === undefined) {
        idx = fieldNames.length;
        fieldNames.push(fd.name);
        fieldIndex.set(fd.name, idx);
      }
      if (idx > 0xffff || fd.cond > 127) throw new TlError(`${d.name}.${fd.name} does not fit the schema table`);
      nameIdx[f] = idx;
      codes[f] = narrow(fd.code, f);
      conds[f] = fd.cond;
      f++;
    }
  });
  const header: number[] = [];
  const options = fieldNames.every(isPlainFieldName) ? TABLE_PLAIN_NAMES : 0;
  for (const v of [layer, defCount, typeNames.length, fieldNames.length, fieldCount, wide.length / 2, options]) writeUvarint(header, v);
  while (header.length % 4) header.push(0);
  const columns = [ids, new Uint32Array(wide), codes, results, types, nameIdx, flags, counts, conds];
  const size = columns.reduce((n, c) => n + c.byteLength, header.length);
  const table = new Uint8Array(size);
  const view = new DataView(table.buffer);
  table.set(header);
  let at = header.length;
  for (const c of columns) {
    // Little-endian whatever the build machine is.
    const width = c.BYTES_PER_ELEMENT;
    for (let i = 0; i < c.length; i++, at += width) {
      if (width === 4) view.setUint32(at, c[i]!, true);
      else if (width === 2) view.setUint16(at, c[i]! & 0xffff, true);
      else view.setUint8(at, c[i]! & 0xff);
    }
  }
  return { names: [...defs.map((d) => d.name), ...typeNames, ...fieldNames].join(' '), table };
}

/** True where typed arrays are little-endian (every engine in use; a big-endian one takes the copying path). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** `n` little-endian integers of `width` bytes at `at` of `b`, as a fresh typed array of `Kind`. */
function column<T extends Uint32Array | Uint16Array | Int16Array | Int8Array | Uint8Array>(
  Kind: { new (n: number): T; new (buffer: ArrayBuffer, offset: number, n: number): T; BYTES_PER_ELEMENT: number },
  b: Uint8Array,
  at: number,
  n: number,
): T {
  const width = Kind.BYTES_PER_ELEMENT;
  if (at + n * width > b.length) throw new TlError('schema table truncated');
  if (LITTLE_ENDIAN && (b.byteOffset + at) % width === 0) return new Kind(b.buffer as ArrayBuffer, b.byteOffset + at, n).slice() as T;
  const out = new Kind(n);
  const view = new DataView(b.buffer, b.byteOffset + at, n * width);
  for (let i = 0; i < n; i++) {
    const o = i * width;
    out[i] = width === 4 ? view.getUint32(o, true) : width === 2 ? view.getUint16(o, true) : view.getUint8(o);
  }
  return out;
}

/**
 * Unpacks the generated table (base64, or the bytes `packSchema` made). Runs
 * once, on first use of the codec, before the JIT has warmed up: the columns
 * are typed-array copies and conversions done natively; the only loops are
 * over definitions (field starts, the id index); `byId`, `byName` and the
 * per-field names are built on first use.
 */
export function unpackSchema(names: string, table: string | Uint8Array): SchemaTable {
  const b = typeof table === 'string' ? base64Decode(table) : table;
  const r = new UvarintReader(b);
  const header: number[] = [];
  for (let k = 0; k < 7; k++) header.push(r.next());
  const [layer, defCount, typeCount, fieldNameCount, fieldCount, wideCount, options] = header as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  let at = (r.pos + 3) & ~3;
  const ids = column(Uint32Array, b, at, defCount);
  at += defCount * 4;
  const wide = column(Uint32Array, b, at, wideCount * 2);
  at += wideCount * 8;
  const fieldCodes = new Int32Array(column(Uint16Array, b, at, fieldCount));
  at += fieldCount * 2;
  const resultOf = new Int32Array(column(Uint16Array, b, at, defCount));
  at += defCount * 2;
  const typeOf = new Int32Array(column(Int16Array, b, at, defCount));
  at += defCount * 2;
  const fieldNameIdx = column(Uint16Array, b, at, fieldCount);
  at += fieldCount * 2;
  const flags = column(Uint8Array, b, at, defCount);
  at += defCount;
  const counts = column(Uint8Array, b, at, defCount);
  at += defCount;
  const fieldConds = new Int32Array(column(Int8Array, b, at, fieldCount));
  at += fieldCount;
  if (at !== b.length) throw new TlError('schema table and names do not match');
  for (let i = 0; i < wide.length; i += 2) {
    const pos = wide[i]!;
    if (pos < fieldCount) fieldCodes[pos] = wide[i + 1]!;
    else resultOf[pos - fieldCount] = wide[i + 1]!;
  }
  const fieldStart = new Int32Array(defCount + 1);
  // The id index starts empty and learns each id on its first lookup
  // (`resolveId`): filling it here for all ~2 500 definitions was the largest
  // part of the unpack (~0.35 ms of a cold interpreter's time), while a
  // session meets a few dozen constructors.
  const index = newIdIndex(defCount);
  let f = 0;
  for (let d = 0; d < defCount; d++) {
    fieldStart[d] = f;
    f += counts[d]!;
  }
  fieldStart[defCount] = f;
  const all = names.split(' ');
  const nameBase = defCount + typeCount;
  if (f !== fieldCount || all.length !== nameBase + fieldNameCount) throw new TlError('schema table and names do not match');
  const defNames = all.slice(0, defCount);
  let byId: Map<number, number> | undefined;
  let byName: Map<string, number> | undefined;
  let fieldNames: string[] | undefined;
  const schema: SchemaTable = {
    layer,
    defCount,
    ids,
    names: defNames,
    flags,
    typeOf,
    resultOf,
    fieldStart,
    fieldCodes,
    fieldConds,
    typeNames: all.slice(defCount, nameBase),
    idIndex: index,
    get byId() {
      if (!byId) {
        byId = new Map();
        for (let d = 0; d < defCount; d++) if (!(flags[d]! & DEF_BARE_ONLY)) byId.set(ids[d]!, d);
      }
      return byId;
    },
    get byName() {
      if (!byName) {
        byName = new Map();
        for (let d = 0; d < defCount; d++) if (!(flags[d]! & DEF_BARE_ONLY)) byName.set(defNames[d]!, d);
      }
      return byName;
    },
    get fieldNames() {
      if (!fieldNames) {
        fieldNames = new Array<string>(fieldCount);
        for (let i = 0; i < fieldCount; i++) fieldNames[i] = all[nameBase + fieldNameIdx[i]!]!;
      }
      return fieldNames;
    },
  };
  fieldNameTables.set(schema, { all, base: nameBase, index: fieldNameIdx, plain: (options & TABLE_PLAIN_NAMES) !== 0 });
  return schema;
}

/** How `unpackSchema` keeps field names: the distinct names, and the index of each field's. */
interface FieldNameTable {
  all: readonly string[];
  /** Position of the first field name in `all`. */
  base: number;
  index: Uint16Array;
  /** Whether every field name is a plain identifier (the table's TABLE_PLAIN_NAMES). */
  plain: boolean;
}

const fieldNameTables = new WeakMap<SchemaTable, FieldNameTable>();

/**
 * The name of field `i` of `s`, without building `s.fieldNames` (~7 800
 * strings, a loop the first decode after import would pay in a cold
 * interpreter when the generated readers only need the fields they read).
 */
export function fieldNameAt(s: SchemaTable, i: number): string {
  const t = fieldNameTables.get(s);
  return t === undefined ? s.fieldNames[i]! : t.all[t.base + t.index[i]!]!;
}

/**
 * True when every field name of `s` is a plain identifier (see
 * `isPlainFieldName`), as packed into the table; undefined when `s` did not
 * come from `unpackSchema` (then each field is checked).
 */
export function allFieldNamesPlain(s: SchemaTable): boolean | undefined {
  return fieldNameTables.get(s)?.plain;
}
