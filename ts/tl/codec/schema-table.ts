import { TlError } from '../../errors.js';
import { base64Decode } from './base64.js';
import { ID_HASH_MUL, type IdIndex, newIdIndex } from './id-index.js';
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
 *                  wideCount (varints), zero bytes to a multiple of 4
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
  /** The same as `byId` as an open-addressing hash for the decoder's hot path (see id-index.ts). */
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
  for (const v of [layer, defCount, typeNames.length, fieldNames.length, fieldCount, wide.length / 2]) writeUvarint(header, v);
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
  for (let k = 0; k < 6; k++) header.push(r.next());
  const [layer, defCount, typeCount, fieldNameCount, fieldCount, wideCount] = header as [number, number, number, number, number, number];
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
  const index = newIdIndex(defCount);
  const mask = (index.length >> 1) - 1;
  let f = 0;
  for (let d = 0; d < defCount; d++) {
    fieldStart[d] = f;
    f += counts[d]!;
    if (!(flags[d]! & DEF_BARE_ONLY)) {
      // The insert of id-index.ts: multiplicative hash, linear probing; a later duplicate id wins.
      const id = ids[d]! | 0;
      let i = (Math.imul(id, ID_HASH_MUL) >>> 0) & mask;
      while (index[i * 2 + 1] !== 0 && index[i * 2] !== id) i = (i + 1) & mask;
      index[i * 2] = id;
      index[i * 2 + 1] = d + 1;
    }
  }
  fieldStart[defCount] = f;
  const all = names.split(' ');
  const nameBase = defCount + typeCount;
  if (f !== fieldCount || all.length !== nameBase + fieldNameCount) throw new TlError('schema table and names do not match');
  const defNames = all.slice(0, defCount);
  let byId: Map<number, number> | undefined;
  let byName: Map<string, number> | undefined;
  let fieldNames: string[] | undefined;
  return {
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
}
