/**
 * Constructor id → definition index, as an open-addressing hash in one
 * Int32Array: the lookup every boxed value of a decode makes.
 *
 * Why not `SchemaTable.byId` (a `Map`): ids are uint32, and those above 2^30
 * are not small integers to V8, so `Map.get` hashes a heap number on every
 * object; this table is two integer loads and a compare in optimized code.
 * The same multiplicative hash and linear probing as the WASM scanner's
 * (assembly/tl/index.ts `lookup`).
 */
import type { SchemaTable } from './schema-table.js';

/** Pairs `(id | 0, definition + 1)`; 0 in the second word marks an empty slot. */
export type IdIndex = Int32Array;

/** Fibonacci hashing multiplier (2^32 / φ). */
const MUL = 0x9e3779b1 | 0;

let lastSchema: SchemaTable | undefined;
let lastIndex: IdIndex | undefined;
const others = new WeakMap<SchemaTable, IdIndex>();

/** The id index of `s`, built on first use (≈ 2 500 inserts for a full layer). */
export function idIndexOf(s: SchemaTable): IdIndex {
  if (s === lastSchema) return lastIndex!;
  let index = others.get(s);
  if (index === undefined) {
    index = buildIdIndex(s);
    others.set(s, index);
  }
  lastSchema = s;
  lastIndex = index;
  return index;
}

function buildIdIndex(s: SchemaTable): IdIndex {
  let slots = 16;
  // At most half full, so every search ends at an empty slot quickly.
  while (slots < s.byId.size * 2) slots <<= 1;
  const t = new Int32Array(slots * 2);
  const mask = slots - 1;
  for (const [id, d] of s.byId) {
    let i = (Math.imul(id, MUL) >>> 0) & mask;
    while (t[i * 2 + 1] !== 0) i = (i + 1) & mask;
    t[i * 2] = id | 0;
    t[i * 2 + 1] = d + 1;
  }
  return t;
}

/** The definition with constructor or function id `id` (a uint32), or -1. */
export function lookupId(t: IdIndex, id: number): number {
  const mask = (t.length >> 1) - 1;
  const key = id | 0;
  let i = (Math.imul(key, MUL) >>> 0) & mask;
  for (;;) {
    const d = t[i * 2 + 1]!;
    if (d === 0) return -1;
    if (t[i * 2] === key) return d - 1;
    i = (i + 1) & mask;
  }
}
