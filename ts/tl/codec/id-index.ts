/**
 * Constructor id → definition index, as an open-addressing hash in one
 * Int32Array (`SchemaTable.idIndex`, filled on demand by `resolveId` in
 * schema-table.ts): the lookup every boxed value of a decode makes.
 *
 * Why not `SchemaTable.byId` (a `Map`): ids are uint32, and those above 2^30
 * are not small integers to V8, so `Map.get` hashes a heap number on every
 * object; here it is two integer loads and a compare in optimized code. The
 * same multiplicative hash and linear probing as the WASM scanner's
 * (assembly/tl/index.ts `lookup`).
 */

/** Pairs `(id | 0, definition + 1)`; 0 in the second word marks an empty slot. */
export type IdIndex = Int32Array;

/** Fibonacci hashing multiplier (2^32 / φ), as a signed 32-bit integer. */
export const ID_HASH_MUL = 0x9e3779b1 | 0;

/** An empty index with room for `count` ids (a power-of-two slot count, at most half full). */
export function newIdIndex(count: number): IdIndex {
  let slots = 16;
  while (slots < count * 2) slots <<= 1;
  return new Int32Array(slots * 2);
}

/** The definition with constructor or function id `id` (a uint32), or -1. */
export function lookupId(t: IdIndex, id: number): number {
  const mask = (t.length >> 1) - 1;
  const key = id | 0;
  let i = (Math.imul(key, ID_HASH_MUL) >>> 0) & mask;
  for (;;) {
    const d = t[i * 2 + 1]!;
    if (d === 0) return -1;
    if (t[i * 2] === key) return d - 1;
    i = (i + 1) & mask;
  }
}

/** Adds (or replaces) `id` → definition `d`. The index must have a free slot (it holds twice the definitions). */
export function insertId(t: IdIndex, id: number, d: number): void {
  const mask = (t.length >> 1) - 1;
  const key = id | 0;
  let i = (Math.imul(key, ID_HASH_MUL) >>> 0) & mask;
  while (t[i * 2 + 1] !== 0 && t[i * 2] !== key) i = (i + 1) & mask;
  t[i * 2] = key;
  t[i * 2 + 1] = d + 1;
}
