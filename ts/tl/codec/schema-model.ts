/**
 * From `.tl` text to the compact schema table (schema-table.ts): the one
 * place that decides how definitions, abstract types and field types become
 * table entries. build/generate-tl.ts packs the generated layer with it (and
 * emits TypeScript types from the same model); `schemaFromText` packs any
 * other layer at run time. https://core.telegram.org/mtproto/TL
 */
import { TlError } from '../../errors.js';
import type { TlDefinition, TlSchema, TlType } from '../parser/index.js';
import { parseSchema } from '../parser/index.js';
import { DEF_BARE_ONLY, DEF_FUNCTION, DEF_MTPROTO, type PackDef, packSchema } from './schema-table.js';
import * as K from './type-code.js';

/** Declarations every codec handles natively (Bool is a JS boolean, Vector an array). */
const NATIVE = new Set(['boolFalse', 'boolTrue', 'true', 'vector']);

/** The TL primitives and their type-code kinds. */
const PRIMITIVE_KINDS: Readonly<Record<string, number>> = {
  int: K.K_INT,
  long: K.K_LONG,
  double: K.K_DOUBLE,
  string: K.K_STRING,
  bytes: K.K_BYTES,
  int128: K.K_INT128,
  int256: K.K_INT256,
  Bool: K.K_BOOL,
  true: K.K_TRUE,
};

/** Which schema a definition comes from: the API layer or the MTProto service schema. */
export type SchemaLayer = 'api' | 'mt';

/** One definition, with its index in the table. */
export interface SchemaDef {
  tl: TlDefinition;
  layer: SchemaLayer;
  index: number;
}

/** An abstract type (per layer: MTProto and the API both have a `Message`). */
export interface SchemaType {
  layer: SchemaLayer;
  name: string;
  index: number;
  ctors: SchemaDef[];
}

/** The parsed schemas, indexed for packing and for code generation. */
export interface SchemaModel {
  api: TlSchema;
  mtp: TlSchema;
  layer: number;
  defs: SchemaDef[];
  /** By {@link typeKey}. */
  types: Map<string, SchemaType>;
  /** Constructors by {@link typeKey} of their name. */
  ctorByName: Map<string, SchemaDef>;
}

/** Options of {@link buildSchemaModel}. */
export interface SchemaModelOptions {
  /** The API layer number when the text has no `// LAYER N` line. */
  layer?: number;
  /** Refuse a declared id of the API text that is not the CRC32 of its definition (default true). */
  strictIds?: boolean;
  /** File names for error messages. */
  apiFile?: string;
  mtprotoFile?: string;
}

/** The key of `types` and `ctorByName`. */
export const typeKey = (layer: SchemaLayer, name: string): string => `${layer}:${name}`;

function fail(def: TlDefinition | undefined, message: string): never {
  throw new TlError(def ? `${def.name} (line ${def.line}): ${message}` : message);
}

/** Parses both schemas and indexes their definitions and types. */
export function buildSchemaModel(apiTl: string, mtprotoTl: string, options: SchemaModelOptions = {}): SchemaModel {
  const api = parseSchema(apiTl, { file: options.apiFile ?? 'api.tl', strictIds: options.strictIds ?? true });
  const mtp = parseSchema(mtprotoTl, { file: options.mtprotoFile ?? 'mtproto.tl', strictIds: true });
  const layer = api.layer ?? options.layer;
  if (layer === undefined || !Number.isInteger(layer) || layer <= 0) throw new TlError('the API schema has no `// LAYER N` line');

  const defs: SchemaDef[] = [];
  for (const [from, schema] of [
    ['api', api],
    ['mt', mtp],
  ] as const) {
    for (const tl of schema.definitions) {
      if (from === 'api' && NATIVE.has(tl.name)) continue;
      defs.push({ tl, layer: from, index: defs.length });
    }
  }

  const types = new Map<string, SchemaType>();
  const ctorByName = new Map<string, SchemaDef>();
  for (const d of defs) {
    if (d.tl.kind !== 'constructor') continue;
    ctorByName.set(typeKey(d.layer, d.tl.name), d);
    const name = d.tl.result.name;
    if (d.tl.result.args.length > 0) fail(d.tl, 'a constructor of a parametrized type is not supported');
    const key = typeKey(d.layer, name);
    let t = types.get(key);
    if (!t) types.set(key, (t = { layer: d.layer, name, index: types.size, ctors: [] }));
    t.ctors.push(d);
  }

  // Unique boxed names and ids across both schemas: the codec dispatches on them.
  const byName = new Map<string, SchemaDef>();
  const byId = new Map<number, SchemaDef>();
  for (const d of defs) {
    if (d.tl.declaredId === undefined) continue;
    const other = byName.get(d.tl.name) ?? byId.get(d.tl.id);
    if (other) fail(d.tl, `clashes with ${other.tl.name}#${other.tl.id.toString(16)} (${other.layer})`);
    byName.set(d.tl.name, d);
    byId.set(d.tl.id, d);
  }
  return { api, mtp, layer, defs, types, ctorByName };
}

/** The type code (type-code.ts) of a field or result type of `d`. */
function typeCodeOf(m: SchemaModel, d: SchemaDef, t: TlType, inResult = false): number {
  if (t.bang) return K.typeCode(K.K_QUERY);
  if (t.name === '#') return K.typeCode(K.K_FLAGS);
  let wrap = K.WRAP_NONE;
  if (t.name === 'Vector' || t.name === 'vector') {
    if (t.args.length !== 1) fail(d.tl, `${t.name} needs one type argument`);
    wrap = t.name === 'Vector' ? K.WRAP_VECTOR : K.WRAP_BARE_VECTOR;
    t = t.args[0]!;
    if (t.name === 'Vector' || t.name === 'vector' || t.bang || t.name === '#') fail(d.tl, 'nested vectors are not supported');
  }
  const prim = PRIMITIVE_KINDS[t.name];
  if (prim !== undefined && !t.percent) return K.typeCode(prim, wrap);
  if (t.name === 'Object') return K.typeCode(K.K_OBJECT, wrap);
  if (d.tl.generics.some((g) => g.name === t.name)) {
    if (!inResult || wrap !== K.WRAP_NONE) fail(d.tl, `type variable ${t.name} is only supported as a result`);
    return K.typeCode(K.K_GENERIC);
  }
  const type = m.types.get(typeKey(d.layer, t.name));
  if (type && t.percent) {
    if (type.ctors.length !== 1) fail(d.tl, `%${t.name} needs a type with exactly one constructor`);
    return K.typeCode(K.K_BARE, wrap, type.ctors[0]!.index);
  }
  if (type) return K.typeCode(K.K_TYPE, wrap, type.index);
  const ctor = m.ctorByName.get(typeKey(d.layer, t.name));
  if (ctor) return K.typeCode(K.K_BARE, wrap, ctor.index);
  fail(d.tl, `unknown type ${t.percent ? '%' : ''}${t.name}`);
}

/** Packs the model into the compact table: `names` and `table` as schema-table.ts reads them. */
export function packSchemaModel(m: SchemaModel): { names: string; table: Uint8Array } {
  const packDefs: PackDef[] = m.defs.map((d) => {
    const fields = d.tl.params.map((p, i) => {
      if (!p.name || p.repeat) fail(d.tl, 'anonymous fields and repetitions are only supported in built-ins');
      let cond = -1;
      if (p.condition) {
        const pos = d.tl.params.findIndex((x) => x.name === p.condition!.field);
        if (pos < 0 || pos >= i) fail(d.tl, `bad flags field for ${p.name}`);
        const slot = d.tl.params.slice(0, pos).filter((x) => x.type.name === '#').length;
        cond = (slot << 5) | p.condition.bit;
      }
      const code = typeCodeOf(m, d, p.type);
      if (K.kindOf(code) === K.K_TRUE && cond < 0) fail(d.tl, `${p.name}: a 'true' field must be conditional`);
      return { name: p.name, code, cond };
    });
    const isFn = d.tl.kind === 'function';
    return {
      id: d.tl.id,
      name: d.tl.name,
      flags: (isFn ? DEF_FUNCTION : 0) | (d.tl.declaredId === undefined ? DEF_BARE_ONLY : 0) | (d.layer === 'mt' ? DEF_MTPROTO : 0),
      typeIndex: isFn ? -1 : m.types.get(typeKey(d.layer, d.tl.result.name))!.index,
      resultCode: isFn ? typeCodeOf(m, d, d.tl.result, true) : 0,
      fields,
    };
  });
  const typeNames = [...m.types.values()].sort((a, b) => a.index - b.index).map((t) => t.name);
  return packSchema(m.layer, packDefs, typeNames);
}
