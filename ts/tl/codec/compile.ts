import { STARTUP_READERS } from '../generated/readers.js';
import { STARTUP_WRITERS } from '../generated/writers.js';
import { isGeneratedSchema } from './load-schema.js';
import { IC_WAYS, newInlineCaches, READER_FACTORY_PARAM, readerSource, writerSource } from './codegen.js';
import type { SchemaTable } from './schema-table.js';

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

export { IC_WAYS };

/** An empty inline cache of one call site. */
export function newInlineCache(): InlineCache {
  return newInlineCaches(1) as InlineCache;
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

/**
 * Builds the reader of definition `d`: fields in wire order into locals, then
 * one object literal. With `cached` (the JS reader's, not the WASM tape's),
 * boxed fields and vectors of boxed values go through inline caches.
 */
export function compileReader(s: SchemaTable, d: number, cached = false): ReadFn | undefined {
  if (!canCompile()) return undefined;
  const src = readerSource(s, d, cached);
  if (src === undefined) return undefined;
  try {
    return new Function(READER_FACTORY_PARAM, src)(newInlineCaches) as ReadFn;
  } catch {
    available = false;
    return undefined;
  }
}

/**
 * Builds the writer of definition `d` (fields only; the caller writes the id
 * of a boxed value). Flags words are computed from which fields are present;
 * a field whose bit another field set must then be present too.
 */
export function compileWriter(s: SchemaTable, d: number): WriteFn | undefined {
  if (!canCompile()) return undefined;
  const src = writerSource(s, d);
  if (src === undefined) return undefined;
  try {
    return new Function(src)() as WriteFn;
  } catch {
    available = false;
    return undefined;
  }
}

/**
 * The writer of definition `d` of `s` for the writer's table (see
 * `writersOf`): prebuilt for the generated layer's start-up set
 * (generated/writers.ts), else generated; null where generation is not possible.
 */
export function writerFor(s: SchemaTable, d: number): WriteFn | null {
  const prebuilt = isGeneratedSchema(s) ? STARTUP_WRITERS[d] : undefined;
  return prebuilt !== undefined ? (prebuilt() as WriteFn) : (compileWriter(s, d) ?? null);
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
  if (f === undefined) {
    // The startup set's readers ship prebuilt with the generated layer (no source to build, no `new Function`).
    const prebuilt = isGeneratedSchema(s) ? STARTUP_READERS[d] : undefined;
    f = rs![d] = prebuilt !== undefined ? (prebuilt(newInlineCaches) as ReadFn) : (compileReader(s, d, true) ?? null);
  }
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
