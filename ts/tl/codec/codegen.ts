/**
 * The source text of the per-constructor readers and writers (see compile.ts
 * for why they are generated): used at run time by `compileReader` /
 * `compileWriter` (`new Function`) and at build time by build/generate-tl.ts,
 * which writes the start-up set's into ts/tl/generated/readers.ts and
 * writers.ts, so both come from one generator. Imports nothing generated
 * (the build runs it before anything is generated).
 */
import { allFieldNamesPlain, fieldNameAt, isPlainFieldName, type SchemaTable } from './schema-table.js';
import {
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

/**
 * Entries per inline-cache call site (a power of two): `(id, reader)` pairs,
 * so a site's entries are `2 * IC_WAYS` elements from a multiple of that.
 */
export const IC_WAYS = 8;

/** The parameter of a reader factory body (see `readerSource`). */
export const READER_FACTORY_PARAM = 'newCaches';

/** The inline caches of `sites` call sites: `(-1, null)` in each entry. */
export function newInlineCaches(sites: number): (number | null | ((...a: never[]) => unknown))[] {
  const ic: (number | null | ((...a: never[]) => unknown))[] = [];
  for (let i = 0; i < sites * IC_WAYS; i++) ic.push(-1, null);
  return ic;
}

/** Field names become object-literal keys and identifiers in generated code: accept only plain identifiers. */
export function safeFields(s: SchemaTable, d: number): boolean {
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
 * The source of a function body that returns definition `d`'s reader (with
 * its inline caches when `cached`): what `compileReader` evaluates, and what
 * build/generate-tl.ts writes for the startup set (generated/readers.ts).
 * The body takes one parameter, `newCaches` (`READER_FACTORY_PARAM`): pass
 * `newInlineCaches`.
 * Undefined when a field name cannot be an identifier.
 */
export function readerSource(s: SchemaTable, d: number, cached: boolean): string | undefined {
  if (!safeFields(s, d)) return undefined;
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
  // The caches come from `ic(n)` (see READER_FACTORY_PARAM): an array literal of them was ~10 % of the source to parse.
  return `"use strict";\n${slots ? `var ic = newCaches(${slots});\n` : ''}${bare.map((b) => `var ${b} = null;\n`).join('')}return (${read});`;
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
 * The source of a function body that returns definition `d`'s writer
 * (fields only; the caller writes the id of a boxed value): what
 * `compileWriter` evaluates, and what build/generate-tl.ts writes for the
 * start-up set (generated/writers.ts). Flags words are computed from which
 * fields are present; a field whose bit another field set must then be
 * present too. Undefined when a field name cannot be an identifier.
 */
export function writerSource(s: SchemaTable, d: number): string | undefined {
  if (!safeFields(s, d)) return undefined;
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
  return (
    `"use strict";\nreturn (function write(w, v) {\nvar at = null;\ntry {\n` +
    [...reads, ...decls, ...flagCalc, ...checks, ...writes].join('\n') +
    `\n} catch (e) { throw w.fail(e, ${JSON.stringify(s.names[d])}, at); }\n});`
  );
}
