import { TlError } from '../../errors.js';
import type { TlDefinition, TlType } from '../parser/index.js';
import { parseSchema } from '../parser/index.js';
import { DEF_BARE_ONLY, DEF_FUNCTION, DEF_MTPROTO, type PackDef, packSchema, type SchemaTable, unpackSchema } from './schema-table.js';
import * as K from './type-code.js';

/** Declarations every codec handles natively (Bool is a JS boolean, Vector an array). */
const NATIVE = new Set(['boolFalse', 'boolTrue', 'true', 'vector']);
const PRIMITIVES: Record<string, number> = {
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

/** Options of `schemaFromText`. */
export interface SchemaTextOptions {
  /** The API layer number when the text has no `// LAYER N` line. */
  layer?: number;
  /** Refuse a declared id that is not the CRC32 of its definition (default true for the API text). */
  strictIds?: boolean;
}

type Layer = 'api' | 'mt';
interface Def {
  tl: TlDefinition;
  layer: Layer;
  index: number;
}

function fail(def: TlDefinition | undefined, message: string): never {
  throw new TlError(def ? `${def.name} (line ${def.line}): ${message}` : message);
}

/**
 * Builds the runtime schema table (schema-table.ts) of an API layer from its
 * `.tl` text, with the MTProto service schema next to it — the same table
 * build/generate-tl.ts packs for the generated layer, made at run time, so a
 * codec can speak any layer a user has the text of (`createCodec`).
 * https://core.telegram.org/mtproto/TL
 *
 * @throws TlSyntaxError for text that does not parse; TlError for a schema
 *   the codec cannot represent (unknown type, clashing ids, no layer number)
 * @example
 * const table = schemaFromText(fs.readFileSync('api-198.tl', 'utf8'), mtprotoTl, { layer: 198 });
 */
export function schemaFromText(apiTl: string, mtprotoTl: string, options: SchemaTextOptions = {}): SchemaTable {
  const api = parseSchema(apiTl, { file: 'api.tl', strictIds: options.strictIds ?? true });
  const mtp = parseSchema(mtprotoTl, { file: 'mtproto.tl', strictIds: true });
  const layerNo = api.layer ?? options.layer;
  if (layerNo === undefined || !Number.isInteger(layerNo) || layerNo <= 0) throw new TlError('the API schema has no `// LAYER N` line');

  const defs: Def[] = [];
  for (const [layer, schema] of [
    ['api', api],
    ['mt', mtp],
  ] as const) {
    for (const tl of schema.definitions) {
      if (layer === 'api' && NATIVE.has(tl.name)) continue;
      defs.push({ tl, layer, index: defs.length });
    }
  }
  // Abstract types per layer (MTProto and the API both have a `Message`).
  const types = new Map<string, { name: string; index: number; ctors: Def[] }>();
  for (const d of defs) {
    if (d.tl.kind !== 'constructor') continue;
    if (d.tl.result.args.length > 0) fail(d.tl, 'a constructor of a parametrized type is not supported');
    const key = `${d.layer}:${d.tl.result.name}`;
    let t = types.get(key);
    if (!t) types.set(key, (t = { name: d.tl.result.name, index: types.size, ctors: [] }));
    t.ctors.push(d);
  }
  const byName = new Map<string, Def>();
  const byId = new Map<number, Def>();
  const ctorByName = new Map<string, Def>();
  for (const d of defs) {
    if (d.tl.kind === 'constructor') ctorByName.set(`${d.layer}:${d.tl.name}`, d);
    if (d.tl.declaredId === undefined) continue;
    const other = byName.get(d.tl.name) ?? byId.get(d.tl.id);
    if (other) fail(d.tl, `clashes with ${other.tl.name}#${other.tl.id.toString(16)} (${other.layer})`);
    byName.set(d.tl.name, d);
    byId.set(d.tl.id, d);
  }

  const codeOf = (d: Def, t: TlType, inResult = false): number => {
    if (t.bang) return K.typeCode(K.K_QUERY);
    if (t.name === '#') return K.typeCode(K.K_FLAGS);
    let wrap = K.WRAP_NONE;
    if (t.name === 'Vector' || t.name === 'vector') {
      if (t.args.length !== 1) fail(d.tl, `${t.name} needs one type argument`);
      wrap = t.name === 'Vector' ? K.WRAP_VECTOR : K.WRAP_BARE_VECTOR;
      t = t.args[0]!;
      if (t.name === 'Vector' || t.name === 'vector' || t.bang || t.name === '#') fail(d.tl, 'nested vectors are not supported');
    }
    const prim = PRIMITIVES[t.name];
    if (prim !== undefined && !t.percent) return K.typeCode(prim, wrap);
    if (t.name === 'Object') return K.typeCode(K.K_OBJECT, wrap);
    if (d.tl.generics.some((g) => g.name === t.name)) {
      if (!inResult || wrap !== K.WRAP_NONE) fail(d.tl, `type variable ${t.name} is only supported as a result`);
      return K.typeCode(K.K_GENERIC);
    }
    const type = types.get(`${d.layer}:${t.name}`);
    if (type && t.percent) {
      if (type.ctors.length !== 1) fail(d.tl, `%${t.name} needs a type with exactly one constructor`);
      return K.typeCode(K.K_BARE, wrap, type.ctors[0]!.index);
    }
    if (type) return K.typeCode(K.K_TYPE, wrap, type.index);
    const ctor = ctorByName.get(`${d.layer}:${t.name}`);
    if (ctor) return K.typeCode(K.K_BARE, wrap, ctor.index);
    fail(d.tl, `unknown type ${t.percent ? '%' : ''}${t.name}`);
  };

  const packDefs: PackDef[] = defs.map((d) => {
    const fields = d.tl.params.map((p, i) => {
      if (!p.name || p.repeat) fail(d.tl, 'anonymous fields and repetitions are not supported');
      let cond = -1;
      if (p.condition) {
        const pos = d.tl.params.findIndex((x) => x.name === p.condition!.field);
        if (pos < 0 || pos >= i) fail(d.tl, `bad flags field for ${p.name}`);
        const slot = d.tl.params.slice(0, pos).filter((x) => x.type.name === '#').length;
        cond = (slot << 5) | p.condition.bit;
      }
      const code = codeOf(d, p.type);
      if (K.kindOf(code) === K.K_TRUE && cond < 0) fail(d.tl, `${p.name}: a 'true' field must be conditional`);
      return { name: p.name, code, cond };
    });
    const isFn = d.tl.kind === 'function';
    return {
      id: d.tl.id,
      name: d.tl.name,
      flags: (isFn ? DEF_FUNCTION : 0) | (d.tl.declaredId === undefined ? DEF_BARE_ONLY : 0) | (d.layer === 'mt' ? DEF_MTPROTO : 0),
      typeIndex: isFn ? -1 : types.get(`${d.layer}:${d.tl.result.name}`)!.index,
      resultCode: isFn ? codeOf(d, d.tl.result, true) : 0,
      fields,
    };
  });
  const typeNames = [...types.values()].sort((a, b) => a.index - b.index).map((t) => t.name);
  const { names, table } = packSchema(layerNo, packDefs, typeNames);
  return unpackSchema(names, table);
}
