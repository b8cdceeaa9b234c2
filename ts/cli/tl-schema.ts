/**
 * The generated schema table read back as TL text for `wasmgram tl`: type
 * codes as `flags.N?Vector<InputPeer>`, definitions as one line of the
 * schema, and `--type` names as type codes. https://core.telegram.org/mtproto/TL
 */
import { getSchema } from '../tl/codec/load-schema.js';
import { DEF_FUNCTION, type SchemaTable } from '../tl/codec/schema-table.js';
import {
  indexOf,
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
  kindOf,
  typeCode,
  WRAP_BARE_VECTOR,
  WRAP_NONE,
  WRAP_VECTOR,
  wrapOf,
} from '../tl/codec/type-code.js';
import { UsageError } from './io.js';

const PRIMITIVES: Record<number, string> = {
  [K_INT]: 'int',
  [K_LONG]: 'long',
  [K_DOUBLE]: 'double',
  [K_STRING]: 'string',
  [K_BYTES]: 'bytes',
  [K_INT128]: 'int128',
  [K_INT256]: 'int256',
  [K_BOOL]: 'Bool',
  [K_TRUE]: 'true',
  [K_FLAGS]: '#',
  [K_OBJECT]: 'Object',
  [K_QUERY]: '!X',
  [K_GENERIC]: 'X',
};

/** A type code as TL text (`Vector<long>`, `InputPeer`, `%Message`). */
function typeText(s: SchemaTable, code: number): string {
  const kind = kindOf(code);
  const base =
    kind === K_TYPE ? s.typeNames[indexOf(code)]! : kind === K_BARE ? `%${s.names[indexOf(code)]}` : (PRIMITIVES[kind] ?? `?${kind}`);
  const wrap = wrapOf(code);
  return wrap === WRAP_VECTOR ? `Vector<${base}>` : wrap === WRAP_BARE_VECTOR ? `vector<${base}>` : base;
}

/** One field of a definition. */
interface FieldInfo {
  name: string;
  /** TL text of the type, with its condition (`flags.2?string`). */
  type: string;
}

/** What `tl show` prints of a definition. */
export interface DefinitionInfo {
  name: string;
  id: number;
  kind: 'constructor' | 'method';
  /** The abstract type of a constructor, the result type of a method. */
  type: string;
  fields: FieldInfo[];
}

/** The fields of definition `d` as TL text. */
function fieldsOf(s: SchemaTable, d: number): FieldInfo[] {
  const fields: FieldInfo[] = [];
  const flagNames: string[] = [];
  for (let f = s.fieldStart[d]!; f < s.fieldStart[d + 1]!; f++) {
    const name = s.fieldNames[f]!;
    const code = s.fieldCodes[f]!;
    const cond = s.fieldConds[f]!;
    if (kindOf(code) === K_FLAGS) flagNames.push(name);
    const prefix = cond < 0 ? '' : `${flagNames[cond >> 5] ?? 'flags'}.${cond & 31}?`;
    fields.push({ name, type: prefix + typeText(s, code) });
  }
  return fields;
}

/** Finds a constructor or method by name (`messages.sendMessage`) or id (`#fa4f0bb5`, `0xfa4f0bb5`). */
export function findDefinition(query: string): DefinitionInfo | undefined {
  const s = getSchema();
  const idText = /^(?:#|0x)([0-9a-f]{1,8})$/i.exec(query.trim());
  let d = -1;
  if (idText) d = s.byId.get(Number.parseInt(idText[1]!, 16) >>> 0) ?? -1;
  else d = s.names.indexOf(query.trim());
  if (d < 0) return undefined;
  const fn = (s.flags[d]! & DEF_FUNCTION) !== 0;
  return {
    name: s.names[d]!,
    id: s.ids[d]!,
    kind: fn ? 'method' : 'constructor',
    type: fn ? typeText(s, s.resultOf[d]!) : s.typeNames[s.typeOf[d]!]!,
    fields: fieldsOf(s, d),
  };
}

/** Edit distance of two short strings, giving up (returning `max + 1`) past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...row) > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** Names close to `query` (a typo, a wrong case, a missing namespace), for "did you mean". */
export function similarNames(query: string, limit = 5): string[] {
  const s = getSchema();
  const q = query.toLowerCase();
  const all = [...s.names, ...s.typeNames];
  const scored = all
    .map((n) => {
      const l = n.toLowerCase();
      const d = Math.min(distance(q, l, 3), distance(q, l.slice(l.lastIndexOf('.') + 1), 3));
      return { n, d: l.includes(q) ? Math.min(d, 2) : d };
    })
    .filter((x) => x.d <= 3)
    .sort((x, y) => x.d - y.d);
  return [...new Set(scored.map((x) => x.n))].slice(0, limit);
}

/** The constructors of an abstract type (for `tl show Type`). */
export function constructorsOf(typeName: string): string[] | undefined {
  const s = getSchema();
  const t = s.typeNames.indexOf(typeName);
  if (t < 0) return undefined;
  const out: string[] = [];
  for (let d = 0; d < s.defCount; d++) if (!(s.flags[d]! & DEF_FUNCTION) && s.typeOf[d] === t) out.push(s.names[d]!);
  return out;
}

const PRIMITIVE_CODES: Record<string, number> = {
  int: K_INT,
  long: K_LONG,
  double: K_DOUBLE,
  string: K_STRING,
  bytes: K_BYTES,
  int128: K_INT128,
  int256: K_INT256,
  Bool: K_BOOL,
  Object: K_OBJECT,
};

/**
 * The type code for `--type X`: a primitive (`long`), a boxed type
 * (`ResPQ`), a bare constructor (`resPQ` or `%resPQ`: no id on the wire), or
 * `Vector<...>` / `vector<...>` of one of those.
 *
 * @throws UsageError when the schema has no such type
 */
export function typeCodeOf(text: string): number {
  const s = getSchema();
  const t = text.trim();
  const vec = /^(Vector|vector)<(.+)>$/.exec(t);
  if (vec) {
    const inner = typeCodeOf(vec[2]!);
    if (wrapOf(inner) !== WRAP_NONE) throw new UsageError('nested vectors are not supported by --type');
    return inner | ((vec[1] === 'Vector' ? WRAP_VECTOR : WRAP_BARE_VECTOR) << 4);
  }
  const prim = PRIMITIVE_CODES[t];
  if (prim !== undefined) return typeCode(prim);
  const bare = t.replace(/^%/, '');
  const d = s.names.indexOf(bare);
  if (d >= 0 && !(s.flags[d]! & DEF_FUNCTION) && (t.startsWith('%') || s.typeNames.indexOf(t) < 0)) return typeCode(K_BARE, WRAP_NONE, d);
  const type = s.typeNames.indexOf(t);
  if (type >= 0) return typeCode(K_TYPE, WRAP_NONE, type);
  throw new UsageError(`the schema has no type ${t}`);
}
