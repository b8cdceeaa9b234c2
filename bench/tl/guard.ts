/**
 * The correctness guard, run once in the parent process before anything is
 * timed: every implementation's output for every measurement is compared
 * with wasmgram's reference (the fixture object and its encoding).
 *
 * - same layer (wasmgram, mtcute): encode must give the reference bytes
 *   exactly; decode must give the reference object exactly (after the
 *   normalization below).
 * - GramJS (layer 198): encode must give the reference bytes where its
 *   constructors equal ours, else bytes that its own reader turns back into
 *   the reference object; decode must agree with the reference on every
 *   field its layer has (and cover most of them).
 * - memcpy: the copy must hold the 512 KiB payload.
 *
 * Normalization (`canonical`): field names camelCase, integers of any
 * representation (number, bigint, mtcute's Long, GramJS's big-integer) as
 * decimal strings, byte arrays as hex, absent / `false` / null fields dropped
 * (true-flags read back as false), GramJS class names as TL names and its
 * `_`-prefixed helper fields and computed `flags` left out.
 */
import { isDeepStrictEqual } from 'node:util';
import { type CaseName, fixture } from './fixtures.js';
import { type Impl, isUnsupported, type Op } from './impls.js';

const SKIP = new Set(['flags', 'flags2', 'CONSTRUCTOR_ID', 'SUBCLASS_OF_ID', 'className', 'classType', 'originalArgs']);
const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
/** `messages.Messages` → `messages.messages`, `MessageEntityBold` → `messageEntityBold`. */
const tlName = (className: string) => className.replace(/(^|\.)([A-Z])/g, (_m, dot: string, c: string) => dot + c.toLowerCase());

export function canonical(v: unknown): unknown {
  if (v === undefined || v === null || v === false) return undefined;
  if (typeof v === 'bigint' || typeof v === 'number') return String(v);
  if (typeof v !== 'object') return v;
  if (v instanceof Uint8Array) return `hex:${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
  if (Array.isArray(v)) return v.map(canonical);
  const o = v as Record<string, unknown>;
  // mtcute's Long, GramJS's big-integer
  if ('__isLong__' in o || typeof o.toJSNumber === 'function') return String(o);
  const out: Record<string, unknown> = {};
  const name = o._ ?? (typeof o.className === 'string' ? tlName(o.className) : undefined);
  if (name !== undefined) out._ = name;
  for (const k of Object.keys(o)) {
    if (k.startsWith('_') || SKIP.has(k)) continue; // GramJS keeps caches in `_fields`
    const c = canonical(o[k]);
    if (c !== undefined) out[camel(k)] = c;
  }
  return out;
}

/** The first path where `a` and `b` differ, for error messages. */
function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (Array.isArray(a) !== Array.isArray(b)) return `${path || '.'}: array vs object`;
    if (Array.isArray(a) && a.length !== (b as unknown[]).length) return `${path}: ${a.length} items vs ${(b as unknown[]).length}`;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  const show = (x: unknown) => (x === undefined ? 'absent' : JSON.stringify(x)?.slice(0, 60));
  return `${path || '.'}: ${show(a)} vs ${show(b)}`;
}

/** Leaves of `part` that equal `whole` at the same path; the first one that does not. */
function subset(part: unknown, whole: unknown, path = ''): { matched: number; diff: string | null } {
  if (part && typeof part === 'object') {
    if (!whole || typeof whole !== 'object' || Array.isArray(part) !== Array.isArray(whole))
      return { matched: 0, diff: `${path}: shape differs` };
    if (Array.isArray(part) && part.length !== (whole as unknown[]).length)
      return { matched: 0, diff: `${path}: ${part.length} items vs ${(whole as unknown[]).length}` };
    let matched = 0;
    for (const [k, x] of Object.entries(part)) {
      const r = subset(x, (whole as Record<string, unknown>)[k], `${path}.${k}`);
      if (r.diff) return r;
      matched += r.matched;
    }
    return { matched, diff: null };
  }
  return part === whole ? { matched: 1, diff: null } : { matched: 0, diff: firstDifference(part, whole, path) };
}

function leaves(v: unknown): number {
  if (v && typeof v === 'object') return Object.values(v).reduce<number>((n, x) => n + leaves(x), 0);
  return 1;
}

export interface Reference {
  object: unknown;
  bytes: Uint8Array;
  /** The `upload.file` payload (memcpy's check). */
  payload?: Uint8Array;
}

export interface Check {
  ok: boolean;
  /** What was verified, or what went wrong. */
  detail: string;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/** Checks one implementation on one measurement; `unsupported` when it cannot do it. */
export async function check(impl: Impl, op: Op, c: CaseName, ref: Reference): Promise<Check | { unsupported: string }> {
  const p = await impl.prepare(op, c);
  if (isUnsupported(p)) return p;
  await p.run(); // a first call, then check the second: reused buffers must not leak between calls
  const out = await p.output(await p.run());
  if (impl.name === 'memcpy') {
    const ok = out instanceof Uint8Array && ref.payload !== undefined && sameBytes(out, ref.payload);
    return { ok, detail: ok ? 'holds the 512 KiB payload' : 'copy differs from the payload' };
  }
  const want = canonical(ref.object);
  if (op === 'encode') {
    const bytes = out as Uint8Array;
    if (sameBytes(bytes, ref.bytes)) return { ok: true, detail: `same ${bytes.length} bytes as wasmgram` };
    if (!impl.readBack) {
      let i = 0;
      while (i < bytes.length && bytes[i] === ref.bytes[i]) i++;
      return { ok: false, detail: `bytes differ from wasmgram's at offset ${i} (${bytes.length} vs ${ref.bytes.length} bytes)` };
    }
    const back = canonical(await impl.readBack(c, bytes));
    const r = subset(back, want);
    const total = leaves(want);
    if (r.diff) return { ok: false, detail: `its own bytes read back differently: ${r.diff}` };
    if (r.matched < 0.8 * total) return { ok: false, detail: `its own bytes read back only ${r.matched} of ${total} fields` };
    return { ok: true, detail: `own layer-${impl.layer} bytes (${bytes.length} B) read back equal on ${r.matched} of ${total} fields` };
  }
  const got = canonical(out);
  if (impl.layer === 227) {
    const d = firstDifference(got, want);
    return d ? { ok: false, detail: `decoded object differs: ${d}` } : { ok: true, detail: 'decodes to the reference object' };
  }
  const r = subset(got, want);
  const total = leaves(want);
  if (r.diff) return { ok: false, detail: `decoded object differs: ${r.diff}` };
  if (r.matched < 0.8 * total) return { ok: false, detail: `decoded only ${r.matched} of ${total} fields` };
  return { ok: true, detail: `decodes equal to the reference on ${r.matched} of ${total} fields (layer ${impl.layer})` };
}

/** wasmgram's reference for a case: the object and its bytes. */
export async function reference(c: CaseName): Promise<Reference> {
  const { wasmgramObject } = await import('./wasmgram.js');
  const { encode } = await import('../../ts/tl/codec/index.js');
  const object = wasmgramObject(c);
  return { object, bytes: encode(object), payload: c === 'upload-file-512k' ? (fixture(c).bytes as Uint8Array) : undefined };
}
