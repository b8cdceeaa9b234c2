import { TlError } from '../../errors.js';
import { base64Decode } from './base64.js';
import { UvarintReader, writeUvarint } from './varint.js';

/**
 * The runtime form of the schemas: every constructor and function of the API
 * and MTProto layers as flat typed arrays, built once from the compact table
 * that build/generate-tl.ts writes into ts/tl/generated/schema.ts.
 *
 * Packed format (all integers unsigned LEB128 varints unless noted):
 *
 *   header   layer, defCount, typeCount, fieldNameCount, fieldCount
 *   per def  id (4 bytes little-endian), flags (DEF_*), type index + 1 (0 for
 *            a function), result type code (functions only), field count,
 *            then per field: field name index, type code, condition + 1
 *            (0 = always present; else `(slot << 5) | bit`, slot = which `#` field
 *            of the definition, counting from 0)
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
  /** Boxed definition (has an id on the wire) by id. */
  readonly byId: ReadonlyMap<number, number>;
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

/** Packs definitions into the `{ names, table }` strings written to the generated module. */
export function packSchema(layer: number, defs: PackDef[], typeNames: string[]): { names: string; table: Uint8Array } {
  const fieldNames: string[] = [];
  const fieldIndex = new Map<string, number>();
  const body: number[] = [];
  for (const d of defs) {
    body.push(d.id & 0xff, (d.id >>> 8) & 0xff, (d.id >>> 16) & 0xff, d.id >>> 24);
    writeUvarint(body, d.flags);
    writeUvarint(body, d.flags & DEF_FUNCTION ? 0 : d.typeIndex + 1);
    if (d.flags & DEF_FUNCTION) writeUvarint(body, d.resultCode);
    writeUvarint(body, d.fields.length);
    for (const f of d.fields) {
      let idx = fieldIndex.get(f.name);
      if (idx === undefined) {
        idx = fieldNames.length;
        fieldNames.push(f.name);
        fieldIndex.set(f.name, idx);
      }
      writeUvarint(body, idx);
      writeUvarint(body, f.code);
      writeUvarint(body, f.cond + 1);
    }
  }
  const header: number[] = [];
  const fieldCount = defs.reduce((n, d) => n + d.fields.length, 0);
  for (const v of [layer, defs.length, typeNames.length, fieldNames.length, fieldCount]) writeUvarint(header, v);
  const table = new Uint8Array(header.length + body.length);
  table.set(header);
  table.set(body, header.length);
  return { names: [...defs.map((d) => d.name), ...typeNames, ...fieldNames].join(' '), table };
}

/**
 * Unpacks the generated table (base64, or the bytes `packSchema` made). Runs once, on first use of the codec, mostly
 * before the JIT has warmed up: one flat loop into preallocated typed arrays,
 * no closures; the name-keyed map and per-field names are built on first use.
 */
export function unpackSchema(names: string, table: string | Uint8Array): SchemaTable {
  const b = typeof table === 'string' ? base64Decode(table) : table;
  const r = new UvarintReader(b);
  const header: number[] = [];
  for (let k = 0; k < 5; k++) header.push(r.next());
  const [layer, defCount, typeCount, fieldNameCount, fieldCount] = header as [number, number, number, number, number];
  const all = names.split(' ');
  const ids = new Uint32Array(defCount);
  const flags = new Uint8Array(defCount);
  const typeOf = new Int32Array(defCount);
  const resultOf = new Int32Array(defCount);
  const fieldStart = new Int32Array(defCount + 1);
  const fieldCodes = new Int32Array(fieldCount);
  const fieldConds = new Int32Array(fieldCount);
  const fieldNameIdx = new Uint16Array(fieldCount);
  const byId = new Map<number, number>();
  let f = 0;
  for (let d = 0; d < defCount; d++) {
    const p = r.pos;
    const id = (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
    ids[d] = id;
    const fl = b[p + 4]!; // flags < 128: one byte
    r.pos = p + 5;
    flags[d] = fl;
    typeOf[d] = r.next() - 1;
    if (fl & DEF_FUNCTION) resultOf[d] = r.next();
    const n = r.next();
    fieldStart[d] = f;
    for (let i = 0; i < n; i++, f++) {
      fieldNameIdx[f] = r.next();
      fieldCodes[f] = r.next();
      fieldConds[f] = r.next() - 1;
    }
    if (!(fl & DEF_BARE_ONLY)) byId.set(id, d);
  }
  fieldStart[defCount] = f;
  const defNames = all.slice(0, defCount);
  const nameBase = defCount + typeCount;
  if (all.length !== nameBase + fieldNameCount || r.pos !== b.length) throw new TlError('schema table and names do not match');
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
    byId,
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
