import { allFieldNamesPlain, fieldNameAt, isPlainFieldName, type SchemaTable } from './schema-table.js';
import {
  K_BOOL,
  K_BYTES,
  K_DOUBLE,
  K_FLAGS,
  K_INT,
  K_INT128,
  K_BARE,
  K_INT256,
  K_LONG,
  K_STRING,
  K_OBJECT,
  K_QUERY,
  K_TRUE,
  K_TYPE,
  WRAP_BARE_VECTOR,
  WRAP_NONE,
  WRAP_VECTOR,
} from './type-code.js';

/**
 * Specialized readers and writers, one pair per constructor, generated from
 * the schema table at run time on first use of that constructor.
 *
 * Why: a table-walking decoder stores fields with computed keys
 * (`obj[name] = v`), which V8 cannot make monomorphic, and it costs 5-6x a
 * decoder whose object literal lists the fields. Emitting those literals for
 * all ~2500 definitions at build time would add ~900 KB of JavaScript (what
 * generated-code libraries ship); generating them lazily from the table keeps
 * the bundle small and only compiles what a session uses.
 *
 * Runtimes that forbid `new Function` (Cloudflare Workers, strict CSP) get
 * `undefined` here and the codec falls back to walking the table.
 */

/** Minimal reader surface the generated code calls. */
export interface CompiledReaderHost {
  int(): number;
  long(): bigint;
  double(): number;
  string(): string;
  bytes(): Uint8Array;
  raw(n: number): Uint8Array;
  value(code: number, depth: number): unknown;
  obj(code: number, depth: number): unknown;
}

/**
 * Per call site of a compiled reader: the last constructor id seen there and
 * its reader (the reader calls `TlReader.boxedHead`, `tick`, `boxedMiss`,
 * `vecCount`, `bareHead`, `bareReader` around it), so the common case (the same constructor as last time) is an
 * id compare and a direct, inlinable call instead of an id lookup, a type
 * check and an indirect call.
 */
export type InlineCache = (number | ReadFn | null)[];

/**
 * Entries per inline-cache call site (a power of two): `(id, reader)` pairs,
 * so a site's entries are `2 * IC_WAYS` elements from a multiple of that.
 */
export const IC_WAYS = 8;

/** An empty inline cache of one call site. */
export function newInlineCache(): InlineCache {
  const ic: InlineCache = [];
  for (let i = 0; i < IC_WAYS; i++) ic.push(-1, null);
  return ic;
}

/** Minimal writer surface the generated code calls. */
export interface CompiledWriterHost {
  int(v: number): void;
  flags(v: number): void;
  long(v: bigint | number): void;
  double(v: number): void;
  string(v: string): void;
  bytes(v: Uint8Array): void;
  fixed(v: Uint8Array, size: number): void;
  bool(v: boolean): void;
  value(code: number, v: unknown): void;
  missing(bit: number): Error;
  fail(e: unknown, def: string, field: string | null): unknown;
}

export type ReadFn = (r: CompiledReaderHost, depth: number) => Record<string, unknown>;
export type WriteFn = (w: CompiledWriterHost, v: Record<string, unknown>) => void;

let available: boolean | undefined;

/** Whether this runtime lets us create functions from source. */
export function canCompile(): boolean {
  if (available === undefined) {
    try {
      available = new Function('return 1')() === 1;
    } catch {
      available = false;
    }
  }
  return available;
}

/** Field names become object-literal keys and identifiers in generated code: accept only plain identifiers. */
function safeFields(s: SchemaTable, d: number): boolean {
  // The generated layer's names are checked once for the whole schema.
  const all = allFieldNamesPlain(s);
  if (all === true) return true;
  for (let i = s.fieldStart[d]!; i < s.fieldStart[d + 1]!; i++) if (!isPlainFieldName(fieldNameAt(s, i))) return false;
  return true;
}

function readExpr(code: number): string {
  if (((code >> 4) & 3) !== WRAP_NONE) return `r.value(${code}, depth)`;
  switch (code & 15) {
    case K_INT:
      return 'r.int()';
    case K_LONG:
      return 'r.long()';
    case K_DOUBLE:
      return 'r.double()';
    case K_STRING:
      return 'r.string()';
    case K_BYTES:
      return 'r.bytes()';
    case K_INT128:
      return 'r.raw(16)';
    case K_INT256:
      return 'r.raw(32)';
    case K_TYPE:
    case K_OBJECT:
    case K_QUERY:
      return `r.obj(${code}, depth)`;
    default:
      return `r.value(${code}, depth)`;
  }
}

/** Code of one boxed value read through inline cache slot `k` (see {@link InlineCache}). */
function cachedBoxed(code: number, k: number): string {
  // IC_WAYS entries per call site; the id's low bits (ids are CRC32s) pick the
  // one checked inline, and a miss there looks through the site's other
  // entries (TlReader.boxedMiss) before the id index: a site that sees a few
  // constructors in turn (rpc_result.result, a vector of entities) keeps
  // hitting even when two of their ids share low bits.
  return `((id = r.boxedHead(depth)) === ic[(e = ${k} + ((id & ${IC_WAYS - 1}) << 1))] ? ic[e + 1](r.tick(), depth + 1) : r.boxedMiss(id, ${code}, depth, ic, e))`;
}

/**
 * Builds the reader of definition `d`: fields in wire order into locals, then
 * one object literal. With `cached` (the JS reader's, not the WASM tape's),
 * boxed fields and vectors of boxed values go through inline caches.
 */
export function compileReader(s: SchemaTable, d: number, cached = false): ReadFn | undefined {
  if (!canCompile() || !safeFields(s, d)) return undefined;
  const start = s.fieldStart[d]!;
  const end = s.fieldStart[d + 1]!;
  const body: string[] = [];
  const props: string[] = [`_: ${JSON.stringify(s.names[d])}`];
  let slot = 0;
  let slots = 0;
  const bare: string[] = [];
  for (let i = start; i < end; i++) {
    const code = s.fieldCodes[i]!;
    const cond = s.fieldConds[i]!;
    const kind = code & 15;
    if (kind === K_FLAGS) {
      body.push(`var f${slot++} = r.int();`);
      continue;
    }
    const name = fieldNameAt(s, i);
    const test = cond >= 0 ? `(f${cond >> 5} & ${(1 << (cond & 31)) | 0}) !== 0` : '';
    const v = `v${i - start}`;
    const wrap = (code >> 4) & 3;
    const boxedKind = kind === K_TYPE || kind === K_OBJECT || kind === K_QUERY;
    if (cached && boxedKind && wrap === WRAP_NONE) {
      const expr = cachedBoxed(code, 2 * IC_WAYS * slots++);
      body.push(`var ${v} = ${cond >= 0 ? `${test} ? ${expr} : undefined` : expr};`);
    } else if (cached && kind === K_BARE && (wrap === WRAP_VECTOR || wrap === WRAP_BARE_VECTOR)) {
      // A vector of bare values (msg_container's messages): the element reader fetched once per reader.
      const b = `b${slots++}`;
      bare.push(b);
      const read = [
        `var n = r.vecCount(${code});`,
        `if (n < 0) ${v} = r.value(${code}, depth);`,
        `else { if (${b} === null) ${b} = r.bareReader(${code >>> 6}); ${v} = new Array(n); for (var j = 0; j < n; j++) ${v}[j] = ${b}(r.bareHead(depth), depth + 1); }`,
      ].join(' ');
      body.push(`var ${v};`, cond >= 0 ? `if (${test}) { ${read} }` : read);
    } else if (cached && boxedKind && (wrap === WRAP_VECTOR || wrap === WRAP_BARE_VECTOR)) {
      // A vector of boxed values: the loop here, so each element's call site is this reader's own.
      const k = 2 * IC_WAYS * slots++;
      const read = [
        `var n = r.vecCount(${code});`,
        `if (n < 0) ${v} = r.value(${code}, depth);`,
        `else { ${v} = new Array(n); for (var j = 0; j < n; j++) ${v}[j] = ${cachedBoxed(code & ~0x30, k)}; }`,
      ].join(' ');
      body.push(`var ${v};`, cond >= 0 ? `if (${test}) { ${read} }` : read);
    } else {
      let expr: string;
      if (kind === K_TRUE) expr = test;
      else if (cond >= 0) expr = `${test} ? ${readExpr(code)} : undefined`;
      else expr = readExpr(code);
      body.push(`var ${v} = ${expr};`);
    }
    props.push(`${name}: ${v}`);
  }
  const read = `function read(r, depth) {\nvar id = 0, e = 0;\n${body.join('\n')}\nreturn { ${props.join(', ')} };\n}`;
  const ic = Array.from({ length: slots * IC_WAYS }, () => '-1, null').join(', ');
  const src = `"use strict";\n${slots ? `var ic = [${ic}];\n` : ''}${bare.map((b) => `var ${b} = null;\n`).join('')}return (${read});`;
  try {
    return new Function(src)() as ReadFn;
  } catch {
    available = false;
    return undefined;
  }
}

function writeStmt(code: number, x: string): string {
  if (((code >> 4) & 3) !== WRAP_NONE) return `w.value(${code}, ${x});`;
  switch (code & 15) {
    case K_INT:
      return `w.int(${x});`;
    case K_LONG:
      return `w.long(${x});`;
    case K_DOUBLE:
      return `w.double(${x});`;
    case K_STRING:
      return `w.string(${x});`;
    case K_BYTES:
      return `w.bytes(${x});`;
    case K_INT128:
      return `w.fixed(${x}, 16);`;
    case K_INT256:
      return `w.fixed(${x}, 32);`;
    case K_BOOL:
      return `w.bool(${x});`;
    default:
      return `w.value(${code}, ${x});`;
  }
}

/**
 * Builds the writer of definition `d` (fields only; the caller writes the id
 * of a boxed value). Flags words are computed from which fields are present;
 * a field whose bit another field set must then be present too.
 */
export function compileWriter(s: SchemaTable, d: number): WriteFn | undefined {
  if (!canCompile() || !safeFields(s, d)) return undefined;
  const start = s.fieldStart[d]!;
  const end = s.fieldStart[d + 1]!;
  const reads: string[] = [];
  const flagCalc: string[] = [];
  const checks: string[] = [];
  const writes: string[] = [];
  let slots = 0;
  for (let i = start; i < end; i++) {
    const code = s.fieldCodes[i]!;
    const cond = s.fieldConds[i]!;
    const kind = code & 15;
    const x = `x${i - start}`;
    if (kind === K_FLAGS) {
      writes.push(`at = null; w.flags(f${slots++});`);
      continue;
    }
    const name = JSON.stringify(fieldNameAt(s, i));
    reads.push(`var ${x} = v[${name}];`);
    if (cond >= 0) {
      const f = `f${cond >> 5}`;
      const bit = (1 << (cond & 31)) | 0;
      if (kind === K_TRUE) {
        flagCalc.push(`if (${x} === true) ${f} |= ${bit};`);
        continue;
      }
      flagCalc.push(`if (${x} !== undefined && ${x} !== null) ${f} |= ${bit};`);
      checks.push(`if ((${f} & ${bit}) !== 0 && (${x} === undefined || ${x} === null)) { at = ${name}; throw w.missing(${cond & 31}); }`);
      writes.push(`if ((${f} & ${bit}) !== 0) { at = ${name}; ${writeStmt(code, x)} }`);
    } else {
      writes.push(`at = ${name}; if (${x} === undefined) throw w.missing(-1); ${writeStmt(code, x)}`);
    }
  }
  const decls = Array.from({ length: slots }, (_, k) => `var f${k} = 0;`);
  const src =
    `"use strict";\nreturn (function write(w, v) {\nvar at = null;\ntry {\n` +
    [...reads, ...decls, ...flagCalc, ...checks, ...writes].join('\n') +
    `\n} catch (e) { throw w.fail(e, ${JSON.stringify(s.names[d])}, at); }\n});`;
  try {
    return new Function(src)() as WriteFn;
  } catch {
    available = false;
    return undefined;
  }
}

/** Generated readers of the first schema used (the default one), by definition index: undefined = not built yet, null = use the table walker. */
let readers: (ReadFn | null)[] | undefined;
let readersSchema: SchemaTable | undefined;
/** Generated readers of further schemas (other layers, see createCodec). */
const otherReaders = new WeakMap<SchemaTable, (ReadFn | null)[]>();

/** Readers without inline caches, for the WASM tape reader (its ids on the tape are definition indexes). */
const plainReaders = new WeakMap<SchemaTable, (ReadFn | null)[]>();

/** The generated reader of definition `d` of schema `s` for the WASM tape reader (no inline caches). */
export function plainReaderFor(s: SchemaTable, d: number): ReadFn | null {
  let rs = plainReaders.get(s);
  if (rs === undefined) plainReaders.set(s, (rs = new Array(s.defCount)));
  let f = rs[d];
  if (f === undefined) f = rs[d] = compileReader(s, d) ?? null;
  return f;
}

/** The generated reader of definition `d` of schema `s` (with inline caches: the JS reader's), built on first use; null where generation is not possible. */
export function readerFor(s: SchemaTable, d: number): ReadFn | null {
  let rs = readers;
  // One identity check on the hot path: the default schema is nearly always the one in use.
  if (s !== readersSchema) {
    if (readersSchema === undefined) {
      readersSchema = s;
      rs = readers = new Array(s.defCount);
    } else {
      rs = otherReaders.get(s);
      if (rs === undefined) otherReaders.set(s, (rs = new Array(s.defCount)));
    }
  }
  let f = rs![d];
  if (f === undefined) f = rs![d] = compileReader(s, d, true) ?? null;
  return f;
}

/** Generated writers per schema, by definition index: undefined = not built yet, null = use the table walker. */
const writerTables = new WeakMap<SchemaTable, (WriteFn | null)[]>();

/** The (lazily filled) table of generated writers of schema `s`. */
export function writersOf(s: SchemaTable): (WriteFn | null)[] {
  let ws = writerTables.get(s);
  if (ws === undefined) writerTables.set(s, (ws = new Array(s.defCount)));
  return ws;
}
