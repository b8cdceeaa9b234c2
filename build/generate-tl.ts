#!/usr/bin/env node
// Generates the TypeScript face of the TL schemas into ts/tl/generated/:
//
//   types.ts   type-only (emits no JavaScript): one discriminated union per TL
//              type, one interface per constructor and per function, TSDoc from
//              schema/api-docs.json; the MTProto layer in namespace `mt`; maps
//              (Constructors, Functions, Results) and ResultOf<R> for invoke().
//   schema.ts  the runtime data: LAYER and the compact schema table the codec
//              unpacks on first use (format in ts/tl/codec/schema-table.ts).
//   readers.ts prebuilt readers of the start-up path's constructors (the
//              source ts/tl/codec/codegen.ts emits), see ts/tl/codec/prebuilt-set.ts.
//   writers.ts prebuilt writers of what a client encodes first, see STARTUP_WRITES.
//
// Inputs: schema/api.tl, schema/mtproto.tl, schema/api-docs.json. Every id is
// checked against its CRC32 first. Generated files are never committed.
//
// Usage: node --import tsx build/generate-tl.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { base64Encode } from '../ts/tl/codec/base64.js';
import {
  buildSchemaModel,
  packSchemaModel,
  type SchemaDef,
  type SchemaLayer,
  type SchemaModel,
  typeKey,
} from '../ts/tl/codec/schema-model.js';
import { READER_FACTORY_PARAM, readerSource, writerSource } from '../ts/tl/codec/codegen.js';
import { isPrebuiltApiReader } from '../ts/tl/codec/prebuilt-set.js';
import { DEF_FUNCTION, DEF_MTPROTO, unpackSchema } from '../ts/tl/codec/schema-table.js';
import type { TlDefinition, TlType } from '../ts/tl/parser/index.js';
import { importLayers } from './import-layers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'ts', 'tl', 'generated');

interface Docs {
  types: Record<string, string>;
  constructors: Record<string, { description?: string; params: Record<string, string> }>;
  functions: Record<string, { description?: string; params: Record<string, string> }>;
}

/** Declarations every codec handles natively (Bool is a JS boolean, Vector an array). */
/** Names the generated module defines itself; a TL type or namespace may not use them. */
const RESERVED = new Set([
  'AnyObject',
  'AnyTlObject',
  'AnyRequest',
  'Constructors',
  'Functions',
  'Results',
  'ResultOf',
  'Types',
  'Wrappers',
  'mt',
]);
/** TypeScript types of the TL primitives (their codec kinds are in schema-model.ts). */
const TS_PRIMITIVES: Record<string, string> = {
  int: 'number',
  long: 'bigint',
  double: 'number',
  string: 'string',
  bytes: 'Uint8Array',
  int128: 'Uint8Array',
  int256: 'Uint8Array',
  Bool: 'boolean',
  true: 'boolean',
};

type Layer = SchemaLayer;
type Def = SchemaDef;

const nsOf = (name: string) => (name.includes('.') ? name.slice(0, name.indexOf('.')) : '');
/** Words TypeScript does not accept as an interface name (`null#56730bcc = Null` becomes `Null.null_`). */
const TS_RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'implements interface let package private protected public static yield any boolean never number string symbol ' +
    'unknown object undefined bigint'
  ).split(' '),
);
const localOf = (name: string) => {
  const local = name.slice(name.indexOf('.') + 1);
  return TS_RESERVED.has(local) ? `${local}_` : local;
};

function fail(def: TlDefinition | undefined, message: string): never {
  throw new Error(def ? `${def.name} (line ${def.line}): ${message}` : message);
}

// ---- Model ---------------------------------------------------------------------

/** The inputs of the generator: schema texts and the documentation. */
export interface GeneratorInput {
  apiTl: string;
  mtprotoTl: string;
  /** schema/api-docs.json; entries for names the schema does not have are ignored. */
  docs: Docs;
}

/** The schema model (ts/tl/codec/schema-model.ts: the same one `schemaFromText` packs) plus the docs. */
function load(input: GeneratorInput) {
  const model = buildSchemaModel(input.apiTl, input.mtprotoTl, { apiFile: 'schema/api.tl', mtprotoFile: 'schema/mtproto.tl' });
  return { ...model, docs: input.docs };
}

type Model = SchemaModel & { docs: Docs };

// ---- TypeScript types ------------------------------------------------------------

/** TSDoc block from Markdown text, indented. */
function doc(lines: (string | undefined)[], indent: string): string {
  const text = lines
    .filter((l): l is string => !!l)
    .join('\n\n')
    .replace(/\*\//g, '*\\/')
    .replace(/(^|\s)@/g, '$1\\@');
  if (!text) return '';
  const body = text.split('\n');
  if (body.length === 1) return `${indent}/** ${body[0]} */\n`;
  return `${indent}/**\n${body.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */\n`;
}

function emitTypes(m: Model): string {
  // Names declared inside each TL namespace, to detect shadowing of root names.
  const nsMembers = new Map<string, Set<string>>();
  const member = (ns: string, name: string) => {
    let s = nsMembers.get(ns);
    if (!s) nsMembers.set(ns, (s = new Set()));
    s.add(name);
  };
  for (const t of m.types.values()) {
    if (t.layer === 'api') member(nsOf(t.name), localOf(t.name));
    if (RESERVED.has(t.name) || (t.layer === 'api' && RESERVED.has(nsOf(t.name)))) fail(undefined, `TL name ${t.name} is reserved`);
  }
  for (const d of m.defs) if (d.layer === 'api' && d.tl.kind === 'function') member(nsOf(d.tl.name), localOf(d.tl.name));
  for (const ns of nsMembers.keys()) {
    if (ns && nsMembers.get('')?.has(ns)) fail(undefined, `root name ${ns} is also a namespace`);
  }

  /** How code in namespace `ctxNs` (of layer `layer`) names TL type `name`. */
  const typeRef = (layer: Layer, name: string, ctxNs: string): string => {
    const ns = nsOf(name);
    if (layer === 'api' && !ns && ctxNs && nsMembers.get(ctxNs)?.has(name)) return `Types['${name}']`;
    return name;
  };
  const ctorRef = (d: Def, ctxNs: string) => `${typeRef(d.layer, d.tl.result.name, ctxNs)}.${localOf(d.tl.name)}`;

  const tsType = (d: Def, t: TlType, ctxNs: string): string => {
    if (t.bang) return t.name;
    if (t.name === 'Vector' || t.name === 'vector') return `${tsType(d, t.args[0]!, ctxNs)}[]`;
    const prim = TS_PRIMITIVES[t.name];
    if (prim && !t.percent) return prim;
    if (t.name === 'Object') return 'AnyTlObject';
    if (d.tl.generics.some((g) => g.name === t.name)) return 'unknown';
    const type = m.types.get(typeKey(d.layer, t.name));
    if (type && t.percent) return ctorRef(type.ctors[0]!, ctxNs);
    if (type) return typeRef(d.layer, t.name, ctxNs);
    return ctorRef(m.ctorByName.get(typeKey(d.layer, t.name))!, ctxNs);
  };

  const tlLink = (d: Def) =>
    `\`${d.tl.name}#${d.tl.id.toString(16).padStart(8, '0')}\`` +
    (d.layer === 'api' ? ` — https://core.telegram.org/${d.tl.kind === 'function' ? 'method' : 'constructor'}/${d.tl.name}` : '');

  /** Interface body for a constructor or function: `_` plus fields, flags words left out. */
  const emitInterface = (d: Def, localName: string, ctxNs: string, indent: string): string => {
    const docs = d.layer === 'api' ? (d.tl.kind === 'function' ? m.docs.functions : m.docs.constructors)[d.tl.name] : undefined;
    const generic = d.tl.generics.find((g) => g.type === 'Type');
    const head = generic ? `${localName}<${generic.name} extends AnyRequest = AnyRequest>` : localName;
    let out = doc([docs?.description, tlLink(d)], indent);
    out += `${indent}export interface ${head} {\n`;
    out += `${indent}  _: '${d.tl.name}';\n`;
    for (const p of d.tl.params) {
      if (p.type.name === '#') continue;
      out += doc([docs?.params[p.name]], `${indent}  `);
      out += `${indent}  ${p.name}${p.condition ? '?' : ''}: ${tsType(d, p.type, ctxNs)};\n`;
    }
    return `${out}${indent}}\n`;
  };

  const emitLayer = (layer: Layer, indent: string): string => {
    const groups = new Map<string, string[]>(); // namespace -> declarations
    const add = (ns: string, text: string) => {
      let g = groups.get(ns);
      if (!g) groups.set(ns, (g = []));
      g.push(text);
    };
    for (const t of m.types.values()) {
      if (t.layer !== layer) continue;
      const ns = layer === 'api' ? nsOf(t.name) : '';
      const local = layer === 'api' ? localOf(t.name) : t.name;
      const inner = ns ? `${indent}  ` : indent;
      const seen = new Set<string>();
      for (const c of t.ctors) {
        const l = localOf(c.tl.name);
        if (seen.has(l)) fail(c.tl, `two constructors of ${t.name} named ${l}`);
        seen.add(l);
      }
      const typeDoc = layer === 'api' ? m.docs.types[t.name] : undefined;
      let text = doc([typeDoc, `TL type \`${t.name}\`: one of ${t.ctors.map((c) => `\`${c.tl.name}\``).join(', ')}.`], inner);
      text += `${inner}export type ${local} = ${t.ctors.map((c) => `${local}.${localOf(c.tl.name)}`).join(' | ')};\n`;
      text += `${inner}export ${ns || indent ? '' : 'declare '}namespace ${local} {\n`;
      text += t.ctors.map((c) => emitInterface(c, localOf(c.tl.name), ns, `${inner}  `)).join('');
      text += `${inner}}\n`;
      add(ns, text);
    }
    const fnNames = new Map<string, Set<string>>(); // namespace -> function local names
    for (const d of m.defs) {
      if (d.layer !== layer || d.tl.kind !== 'function') continue;
      const ns = layer === 'api' ? nsOf(d.tl.name) : '';
      add(ns, emitInterface(d, localOf(d.tl.name), ns, ns ? `${indent}  ` : indent));
      if (!fnNames.has(ns)) fnNames.set(ns, new Set());
      fnNames.get(ns)!.add(localOf(d.tl.name));
    }
    // Constructors are also reachable without their type: `inputPeerUser` for
    // `InputPeer.inputPeerUser`, `mt.resPQ`, `messages.dialogs`. Skipped where
    // a function of the same namespace already has the name.
    const aliases = new Map<string, Set<string>>();
    for (const d of m.defs) {
      if (d.layer !== layer || d.tl.kind !== 'constructor' || d.tl.declaredId === undefined) continue;
      const ns = layer === 'api' ? nsOf(d.tl.name) : '';
      const local = localOf(d.tl.name);
      const taken = aliases.get(ns) ?? new Set<string>();
      aliases.set(ns, taken);
      if (fnNames.get(ns)?.has(local) || taken.has(local)) continue;
      taken.add(local);
      const typeNs = layer === 'api' ? nsOf(d.tl.result.name) : '';
      const typeLocal = layer === 'api' ? localOf(d.tl.result.name) : d.tl.result.name;
      // From inside namespace `ns` the constructor's type is named relative to it when it lives there.
      const target = typeNs === ns ? `${typeLocal}.${local}` : `${typeRef(layer, d.tl.result.name, ns)}.${local}`;
      add(ns, `${ns ? `${indent}  ` : indent}export type ${local} = ${target};\n`);
    }

    let out = groups.get('')?.join('\n') ?? '';
    for (const [ns, decls] of groups) {
      if (!ns) continue;
      out += `\n${indent}export ${indent ? '' : 'declare '}namespace ${ns} {\n${decls.join('\n')}${indent}}\n`;
    }

    // Maps by TL name, for generic code (codec, invoke).
    const entries = (pick: (d: Def) => boolean, value: (d: Def) => string) =>
      m.defs
        .filter((d) => d.layer === layer && d.tl.declaredId !== undefined && pick(d))
        .map((d) => `${indent}  '${d.tl.name}': ${value(d)};\n`)
        .join('');
    const fnRef = (d: Def) => (layer === 'api' && nsOf(d.tl.name) ? d.tl.name : localOf(d.tl.name));
    out += doc(['Every constructor with an id, by TL name.'], indent);
    out += `${indent}export interface Constructors {\n${entries(
      (d) => d.tl.kind === 'constructor',
      (d) => ctorRef(d, ''),
    )}${indent}}\n`;
    out += doc(['Every function (RPC method), by TL name.'], indent);
    out += `${indent}export interface Functions {\n${entries((d) => d.tl.kind === 'function', fnRef)}${indent}}\n`;
    out += doc(['The result type of every function, by TL name (`unknown` for wrappers; see `ResultOf`).'], indent);
    out += `${indent}export interface Results {\n${entries(
      (d) => d.tl.kind === 'function',
      (d) => tsType(d, d.tl.result, ''),
    )}${indent}}\n`;
    out += doc(['Wrapper functions (`{X:Type} ... query:!X = X`) and the field holding the wrapped query.'], indent);
    out += `${indent}export interface Wrappers {\n${entries(
      (d) => d.tl.kind === 'function' && d.tl.params.some((p) => p.type.bang),
      (d) => `'${d.tl.params.find((p) => p.type.bang)!.name}'`,
    )}${indent}}\n`;
    out += doc(['Any constructor of this layer.'], indent);
    out += `${indent}export type AnyObject = Constructors[keyof Constructors];\n`;
    if (layer === 'api') {
      out += doc(['Every TL type (union of its constructors), by TL name.'], indent);
      out += `${indent}export interface Types {\n${[...m.types.values()]
        .filter((t) => t.layer === 'api')
        .map((t) => `${indent}  '${t.name}': ${t.name};\n`)
        .join('')}${indent}}\n`;
    }
    return out;
  };

  // Listed by name, not as Functions[keyof Functions]: the wrappers' type
  // parameter defaults to AnyRequest, and an indexed access would be circular.
  const anyRequest = m.defs
    .filter((d) => d.tl.kind === 'function')
    .map(
      (d) =>
        `  | ${d.layer === 'mt' ? 'mt.' : ''}${d.tl.name.includes('.') ? d.tl.name.replace(/\.(\w+)$/, (_, l: string) => `.${localOf(l)}`) : localOf(d.tl.name)}`,
    )
    .join('\n');
  let out = `// Generated by build/generate-tl.ts from schema/api.tl (layer ${m.layer}) and schema/mtproto.tl — do not edit.
// Type declarations only: this module emits no JavaScript.
//
// Value mapping: int, double -> number; long -> bigint; string -> string;
// bytes, int128, int256 -> Uint8Array (wire byte order); Bool and flags.N?true
// -> boolean; Vector<T> -> T[]; flags.N?T -> optional field; # flags words are
// computed by the encoder and never appear.
/* eslint-disable */

`;
  out += emitLayer('api', '');
  out += `
/** The MTProto service layer (https://core.telegram.org/schema/mtproto). */
export declare namespace mt {
${emitLayer('mt', '  ')}}

/** Any constructor of either layer (the value of an \`Object\` field). */
export type AnyTlObject = AnyObject | mt.AnyObject;

/** Any function call of either layer. */
export type AnyRequest =
${anyRequest};

/**
 * The result type of a request: \`ResultOf<messages.sendMessage>\` is \`Updates\`;
 * wrappers such as \`invokeWithLayer<Q>\` resolve to \`ResultOf<Q>\`.
 */
export type ResultOf<R extends AnyRequest> = R extends { _: infer N extends keyof Wrappers }
  ? R[Wrappers[N] & keyof R] extends infer Q extends AnyRequest
    ? // A wrapper around "any request" has no definite result; stopping here also
      // keeps the compiler from expanding ResultOf<AnyRequest> without end.
      [AnyRequest] extends [Q]
      ? unknown
      : ResultOf<Q>
    : unknown
  : R extends { _: infer N extends keyof Results }
    ? Results[N]
    : R extends { _: infer N extends keyof mt.Results }
      ? mt.Results[N]
      : never;
`;
  return out;
}

// ---- Main ------------------------------------------------------------------------

/** Source of generated/readers.ts: the startup set's readers (ts/tl/codec/codegen.ts), by definition index. */
function emitReaders(names: string, table: Uint8Array): { text: string; count: number } {
  const s = unpackSchema(names, table);
  const out: string[] = [];
  for (let d = 0; d < s.defCount; d++) {
    const mtprotoConstructor = (s.flags[d]! & DEF_MTPROTO) !== 0 && (s.flags[d]! & DEF_FUNCTION) === 0;
    const apiConstructor = (s.flags[d]! & (DEF_MTPROTO | DEF_FUNCTION)) === 0;
    if (!mtprotoConstructor && !(apiConstructor && isPrebuiltApiReader(s.names[d]!))) continue;
    const src = readerSource(s, d, true);
    if (src === undefined) continue;
    out.push(`  /** ${s.names[d]} */\n  ${d}: function (${READER_FACTORY_PARAM}) {\n${src}\n  },`);
  }
  const text =
    `// Generated by build/generate-tl.ts from schema/*.tl — do not edit.
` +
    `// @ts-nocheck: the bodies are the JavaScript ts/tl/codec/codegen.ts emits (what compileReader evaluates).
` +
    `/* eslint-disable */
` +
    `/**
 * Prebuilt readers of every MTProto constructor and of the commonest API constructors
` +
    ` * (ts/tl/codec/prebuilt-set.ts), by definition index of schema.ts: each function returns the reader (with its own inline caches). See ts/tl/codec/compile.ts.
 */
` +
    `export const STARTUP_READERS: Record<number, (newCaches: (sites: number) => unknown[]) => unknown> = {
${out.join('\n')}
};
`;
  return { text, count: out.length };
}

/**
 * Functions and constructors whose writers ship prebuilt in
 * generated/writers.ts: what a client encodes first (the key exchange, the
 * first request and its wrappers, acks and pings), so a cold start builds no
 * writer for them.
 */
const STARTUP_WRITES = [
  'req_pq_multi',
  'p_q_inner_data_dc',
  'p_q_inner_data_temp_dc',
  'req_DH_params',
  'client_DH_inner_data',
  'set_client_DH_params',
  'bind_auth_key_inner',
  'auth.bindTempAuthKey',
  'invokeWithLayer',
  'initConnection',
  'help.getConfig',
  'msgs_ack',
  'ping',
  'ping_delay_disconnect',
  'get_future_salts',
];

/** Source of generated/writers.ts: STARTUP_WRITES' writers (ts/tl/codec/codegen.ts), by definition index. */
function emitWriters(names: string, table: Uint8Array): { text: string; count: number } {
  const s = unpackSchema(names, table);
  const out: string[] = [];
  for (const name of STARTUP_WRITES) {
    const d = s.byName.get(name);
    if (d === undefined) throw new Error(`generate-tl: STARTUP_WRITES names ${name}, which the schema does not have`);
    const src = writerSource(s, d);
    if (src === undefined) continue;
    out.push(`  /** ${name} */\n  ${d}: function () {\n${src}\n  },`);
  }
  const text =
    `// Generated by build/generate-tl.ts from schema/*.tl — do not edit.\n` +
    `// @ts-nocheck: the bodies are the JavaScript ts/tl/codec/codegen.ts emits (what compileWriter evaluates).\n` +
    `/**\n * Prebuilt writers of the start-up path (${STARTUP_WRITES.join(', ')}), by definition index of\n` +
    ` * schema.ts: each function returns the writer. See ts/tl/codec/compile.ts.\n */\n` +
    `export const STARTUP_WRITERS: Record<number, () => unknown> = {\n${out.join('\n')}\n};\n`;
  return { text, count: out.length };
}

/** Output of the generator: the modules' text and some counts. */
export interface GeneratorOutput {
  layer: number;
  schemaTs: string;
  typesTs: string;
  /** generated/readers.ts: the startup set's prebuilt readers. */
  readersTs: string;
  /** How many readers it holds. */
  readers: number;
  /** generated/writers.ts: the startup set's prebuilt writers. */
  writersTs: string;
  /** How many writers it holds. */
  writers: number;
  definitions: number;
  functions: number;
  types: number;
}

/** Generates ts/tl/generated/schema.ts, types.ts, readers.ts and writers.ts from schema texts (no file access). */
export function generateTl(input: GeneratorInput): GeneratorOutput {
  const m = load(input);
  const { names, table } = packSchemaModel(m);
  const schemaTs =
    `// Generated by build/generate-tl.ts from schema/*.tl — do not edit.\n` +
    `/** API layer of schema/api.tl; send it with \`invokeWithLayer\`. */\n` +
    `export const LAYER = ${m.layer};\n` +
    `/** Definition, type and field names of the compact schema table (ts/tl/codec/schema-table.ts). */\n` +
    `export const NAMES = ${JSON.stringify(names)};\n` +
    `/** The compact schema table, base64 (${table.length} bytes). */\n` +
    `export const TABLE = '${base64Encode(table)}';\n`;
  const typesTs = emitTypes(m);
  const readers = emitReaders(names, table);
  const writers = emitWriters(names, table);
  return {
    layer: m.layer,
    schemaTs,
    typesTs,
    readersTs: readers.text,
    readers: readers.count,
    writersTs: writers.text,
    writers: writers.count,
    definitions: m.defs.length,
    functions: m.defs.filter((d) => d.tl.kind === 'function').length,
    types: m.types.size,
  };
}

function main() {
  const t0 = performance.now();
  const read = (f: string) => fs.readFileSync(path.join(root, 'schema', f), 'utf8');
  const out = generateTl({
    apiTl: read('api.tl'),
    mtprotoTl: read('mtproto.tl'),
    docs: JSON.parse(read('api-docs.json')) as Docs,
  });
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'schema.ts'), out.schemaTs);
  fs.writeFileSync(path.join(outDir, 'types.ts'), out.typesTs);
  fs.writeFileSync(path.join(outDir, 'readers.ts'), out.readersTs);
  fs.writeFileSync(path.join(outDir, 'writers.ts'), out.writersTs);
  console.log(
    `tl: layer ${out.layer}, ${out.definitions} definitions (${out.functions} functions), ${out.types} types -> ` +
      `schema.ts ${out.schemaTs.length} bytes, types.ts ${out.typesTs.length} bytes, ` +
      `readers.ts ${out.readersTs.length} bytes (${out.readers} readers), writers.ts ${out.writersTs.length} bytes (${out.writers} writers) ` +
      `in ${Math.round(performance.now() - t0)} ms`,
  );
  // The older layers the test server serves (ts/testing/layers).
  console.log(importLayers());
}

// Run only as a script, not when a test imports generateTl.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
