/**
 * Property tests of the TL codec (fast-check, seeded): values generated for
 * every constructor and function of the schema — arbitraries built from the
 * same schema table the codec uses — encode and decode back to the same
 * object and the same bytes; and any byte string either decodes or fails
 * with `TlError` (https://core.telegram.org/mtproto/serialize).
 */
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TlError } from '../../ts/errors.js';
import { decode, decodeRequest, encode } from '../../ts/tl/codec/index.js';
import { getSchema } from '../../ts/tl/codec/load-schema.js';
import { DEF_BARE_ONLY, DEF_FUNCTION } from '../../ts/tl/codec/schema-table.js';
import * as K from '../../ts/tl/codec/type-code.js';
import type { AnyTlObject } from '../../ts/tl/generated/types.js';
import { Sampler } from './helpers/samples.js';

const s = getSchema();
const SEED = 0x7e1e;
/** Below this depth optional fields and vectors are generated; at it, only required fields of terminal constructors. */
const MAX_DEPTH = 3;

type Obj = Record<string, unknown> & { _: string };

const ctorsOfType = new Map<number, number[]>();
for (let d = 0; d < s.defCount; d++) {
  if (s.flags[d]! & (DEF_FUNCTION | DEF_BARE_ONLY)) continue;
  const list = ctorsOfType.get(s.typeOf[d]!) ?? [];
  list.push(d);
  ctorsOfType.set(s.typeOf[d]!, list);
}

/** Per type, a constructor buildable with required fields only and no recursion (a fixed point). */
const terminal = new Map<number, number>();
function requiredOk(d: number): boolean {
  for (let i = s.fieldStart[d]!; i < s.fieldStart[d + 1]!; i++) {
    if (s.fieldConds[i]! >= 0) continue;
    const code = s.fieldCodes[i]!;
    if (K.wrapOf(code) !== K.WRAP_NONE) continue;
    if (K.kindOf(code) === K.K_TYPE && !terminal.has(K.indexOf(code))) return false;
    if (K.kindOf(code) === K.K_BARE && !requiredOk(K.indexOf(code))) return false;
  }
  return true;
}
for (let changed = true; changed; ) {
  changed = false;
  for (const [t, ctors] of ctorsOfType) {
    if (terminal.has(t)) continue;
    const d = ctors.find(requiredOk);
    if (d !== undefined) {
      terminal.set(t, d);
      changed = true;
    }
  }
}

const INT = fc.integer({ min: -0x80000000, max: 0x7fffffff });
const LONG = fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n });
const DOUBLE = fc.double({ noNaN: true });
// Whole code points: a lone surrogate cannot survive UTF-8 (it becomes U+FFFD, by design).
const STRING = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ minLength: 250, maxLength: 300 }),
);
const BYTES = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ minLength: 250, maxLength: 300 }));
const INT128 = fc.uint8Array({ minLength: 16, maxLength: 16 });
const INT256 = fc.uint8Array({ minLength: 32, maxLength: 32 });
// `Object` holds constructors and function calls alike.
const ANY_OBJECT = fc.constantFrom<Obj>({ _: 'inputPeerSelf' }, { _: 'ping', ping_id: 7n }, { _: 'textEmpty' });
const ANY_QUERY = fc.constantFrom<Obj>({ _: 'help.getConfig' }, { _: 'ping', ping_id: 1n });

const cache = new Map<string, fc.Arbitrary<unknown>>();

function valueArb(code: number, depth: number): fc.Arbitrary<unknown> {
  const key = `${code}:${depth}`;
  let a = cache.get(key);
  if (a) return a;
  a = buildValueArb(code, depth);
  cache.set(key, a);
  return a;
}

function buildValueArb(code: number, depth: number): fc.Arbitrary<unknown> {
  if (K.wrapOf(code) !== K.WRAP_NONE) {
    const elem = valueArb(code & ~0x30, depth + 1);
    return depth < MAX_DEPTH ? fc.array(elem, { maxLength: 3 }) : fc.constant([]);
  }
  switch (K.kindOf(code)) {
    case K.K_INT:
      return INT;
    case K.K_LONG:
      return LONG;
    case K.K_DOUBLE:
      return DOUBLE;
    case K.K_STRING:
      return STRING;
    case K.K_BYTES:
      return BYTES;
    case K.K_INT128:
      return INT128;
    case K.K_INT256:
      return INT256;
    case K.K_BOOL:
      return fc.boolean();
    case K.K_TYPE: {
      const t = K.indexOf(code);
      if (depth >= MAX_DEPTH) return objectArb(terminal.get(t)!, depth + 1);
      return fc.constantFrom(...ctorsOfType.get(t)!).chain((d) => objectArb(d, depth + 1));
    }
    case K.K_BARE:
      return objectArb(K.indexOf(code), depth + 1);
    case K.K_OBJECT:
      return ANY_OBJECT;
    case K.K_QUERY:
      return ANY_QUERY;
    default:
      throw new Error(`no arbitrary for type code ${code}`);
  }
}

/**
 * Values of definition `d`: required fields always; optional ones by flag
 * bit — the fields that share a bit (e.g. invoice's max_tip_amount and
 * suggested_tip_amounts) come and go together, and a `true` flag that shares
 * its bit with a value field is implied by it (left out here).
 */
function objectArb(d: number, depth: number): fc.Arbitrary<Obj> {
  const required: Record<string, fc.Arbitrary<unknown>> = {};
  const groups = new Map<number, { values: Record<string, fc.Arbitrary<unknown>>; flags: string[] }>();
  for (let i = s.fieldStart[d]!; i < s.fieldStart[d + 1]!; i++) {
    const code = s.fieldCodes[i]!;
    const kind = K.kindOf(code);
    if (kind === K.K_FLAGS) continue;
    const name = s.fieldNames[i]!;
    const cond = s.fieldConds[i]!;
    if (cond < 0) {
      required[name] = valueArb(code, depth);
      continue;
    }
    if (depth >= MAX_DEPTH) continue;
    const g = groups.get(cond) ?? { values: {}, flags: [] };
    groups.set(cond, g);
    if (kind === K.K_TRUE) g.flags.push(name);
    else g.values[name] = valueArb(code, depth);
  }
  const parts: fc.Arbitrary<Record<string, unknown>>[] = [fc.record(required)];
  for (const g of groups.values()) {
    if (Object.keys(g.values).length > 0) parts.push(fc.option(fc.record(g.values), { nil: undefined }).map((v) => v ?? {}));
    else parts.push(fc.boolean().map((on) => Object.fromEntries(g.flags.map((f) => [f, on]))));
  }
  const name = s.names[d]!;
  return fc.tuple(...parts).map((ps) => Object.assign({ _: name }, ...ps) as Obj);
}

const sampler = new Sampler({ allOn: false });

/**
 * What the decoder returns for generated `o` of type `code`: every field
 * present (absent optional ones as undefined), and a `true` flag set when it
 * was given or when another present field uses the same flag bit (the schema
 * has such pairs, e.g. inputMediaUploadedPhoto's `video` and `live_photo`).
 */
function expected(o: unknown, code = K.typeCode(K.K_OBJECT)): unknown {
  if (K.wrapOf(code) !== K.WRAP_NONE) return (o as unknown[]).map((x) => expected(x, code & ~0x30));
  const kind = K.kindOf(code);
  if (kind !== K.K_TYPE && kind !== K.K_BARE && kind !== K.K_OBJECT && kind !== K.K_QUERY) return o;
  const obj = o as Obj;
  const d = kind === K.K_BARE ? K.indexOf(code) : s.byName.get(obj._)!;
  const bits = new Set<number>();
  for (let i = s.fieldStart[d]!; i < s.fieldStart[d + 1]!; i++) {
    const cond = s.fieldConds[i]!;
    const v = obj[s.fieldNames[i]!];
    if (cond >= 0 && (K.kindOf(s.fieldCodes[i]!) === K.K_TRUE ? v === true : v !== undefined && v !== null)) bits.add(cond);
  }
  const out: Obj = { _: obj._ };
  for (let i = s.fieldStart[d]!; i < s.fieldStart[d + 1]!; i++) {
    const fcode = s.fieldCodes[i]!;
    const fkind = K.kindOf(fcode);
    if (fkind === K.K_FLAGS) continue;
    const name = s.fieldNames[i]!;
    const v = obj[name];
    out[name] = fkind === K.K_TRUE ? bits.has(s.fieldConds[i]!) : v === undefined ? undefined : expected(v, fcode);
  }
  return out;
}

test('property: values of every constructor and function round-trip (same object, same bytes)', () => {
  let runs = 0;
  let defs = 0;
  for (let d = 0; d < s.defCount; d++) {
    if (s.flags[d]! & DEF_BARE_ONLY || !sampler.buildable(d) || s.names[d] === 'gzip_packed') continue;
    const fn = (s.flags[d]! & DEF_FUNCTION) !== 0;
    defs++;
    fc.assert(
      fc.property<[Obj]>(objectArb(d, 0), (o: Obj): void => {
        runs++;
        const bytes = encode(o as AnyTlObject);
        const back: unknown = fn ? (decodeRequest(bytes) as unknown) : (decode(bytes) as unknown);
        assert.equal(back, expected(o));
        assert.equal(encode(back as AnyTlObject), bytes);
      }),
      { seed: SEED + d, numRuns: 4 },
    );
  }
  console.log(`properties: ${defs} definitions, ${runs} generated values round-tripped`);
  assert.ok(defs > 2000, `${defs} definitions`);
});

test('property: any byte string decodes or fails with TlError (random, and behind a valid id)', () => {
  const ids: number[] = [...s.byId.keys()];
  const anyId: fc.Arbitrary<number> = fc.constantFrom(...ids);
  const input: fc.Arbitrary<Uint8Array> = fc.oneof(
    fc.uint8Array({ maxLength: 128 }),
    fc.tuple(anyId, fc.uint8Array({ maxLength: 128 })).map(([id, rest]): Uint8Array => {
      const b = new Uint8Array(4 + rest.length);
      new DataView(b.buffer).setUint32(0, id, true);
      b.set(rest, 4);
      return b;
    }),
  );
  let runs = 0;
  fc.assert(
    fc.property(input, fc.boolean(), (bytes, asRequest) => {
      runs++;
      try {
        if (asRequest) decodeRequest(bytes, { maxObjects: 10_000 });
        else decode(bytes, { maxObjects: 10_000 });
      } catch (e) {
        if (!(e instanceof TlError)) throw e;
      }
    }),
    { seed: SEED, numRuns: 30_000 },
  );
  console.log(`properties: ${runs} byte strings decoded or refused with TlError`);
});

test.run();
