/**
 * Turns a flat list of (possibly overlapping) entities into properly nested
 * open/close events, for markups whose tags must nest (HTML).
 *
 * Telegram lets style entities (bold, italic, underline, strike, spoiler)
 * overlap anything, while other entities only nest
 * (https://core.telegram.org/bots/api#formatting-options). So when two
 * entities overlap, the style one is split: closed before the boundary and
 * reopened after it. A non-style entity is never split unless the input
 * itself has two non-style entities overlapping (which Telegram would refuse);
 * then the later one is split, so the markup still nests.
 */
import type { MessageEntity } from '../tl/generated/types.js';
import { MarkupKind, markupKind } from './entities.js';

/** Receives the events in output order. */
export interface NestingSink {
  /** Plain text `text.slice(from, to)`. */
  text(from: number, to: number): void;
  /** `kind` is `markupKind(e._)`, read once per entity by the walk (a load from entities of many shapes is slow). */
  open(e: MessageEntity, kind: MarkupKind): void;
  close(e: MessageEntity, kind: MarkupKind): void;
}

/** A walker whose scratch holds `capacity` entities: fixed-size typed arrays bound by `const`, which optimized code reads with no reload or length load. */
function createWalker(capacity: number): (length: number, entities: readonly MessageEntity[], sink: NestingSink) => void {
  /*
   * Scratch buffers reused across calls: the walk is synchronous
   * and its sinks are this folder's writers, which never call back into it. Entity
   * objects come in many shapes (a link has `url`, a pre `language`, ...), so reading
   * `offset` and `length` off them is a megamorphic load; reading them once into typed
   * arrays keeps the walk's inner loops on plain integers.
   */
  const starts = new Int32Array(capacity);
  const ends = new Int32Array(capacity);
  /** markupKind of each entity. */
  const kinds = new Uint8Array(capacity);
  /** Indices of the open entities, outermost first. */
  const stack = new Int32Array(capacity);
  /** Indices waiting to be reopened (split entities). */
  const moved = new Int32Array(capacity);

  function walk(length: number, entities: readonly MessageEntity[], sink: NestingSink): void {
    const n = entities.length;
    for (let j = 0; j < n; j++) {
      const e = entities[j]!;
      starts[j] = e.offset;
      ends[j] = e.offset + e.length;
      kinds[j] = markupKind(e._);
    }
    let sp = 0;
    let pos = 0;
    let i = 0;
    for (;;) {
      const nextOpen = i < n ? starts[i]! : length;
      let nextClose = length;
      for (let k = 0; k < sp; k++) {
        const e = ends[stack[k]!]!;
        if (e < nextClose) nextClose = e;
      }
      const p = Math.min(nextOpen, nextClose);
      if (p > pos) {
        sink.text(pos, p);
        pos = p;
      }
      if (i >= n && sp === 0) break;
      // Close every entity ending here: the deepest one takes everything above it down; the
      // ones above that do not end here are reopened afterwards (they are split).
      for (;;) {
        let k = 0;
        while (k < sp && ends[stack[k]!]! > p) k++;
        if (k === sp) break;
        let r = 0;
        while (sp > k) {
          const top = stack[--sp]!;
          sink.close(entities[top]!, kinds[top]!);
          if (ends[top]! > p) moved[r++] = top;
        }
        while (r > 0) {
          const top = moved[--r]!;
          sink.open(entities[top]!, kinds[top]!);
          stack[sp++] = top;
        }
      }
      while (i < n && starts[i] === p) {
        const j = i++;
        const kind = kinds[j]!;
        if ((kind >= MarkupKind.Bold && kind <= MarkupKind.Spoiler) || sp === 0) {
          sink.open(entities[j]!, kinds[j]!);
          stack[sp++] = j;
          continue;
        }
        // A non-style entity: entities open now that end before it must not contain it (it
        // would be split at their end); close them, open it, and reopen them inside.
        const eEnd = ends[j]!;
        let k = 0;
        while (k < sp && ends[stack[k]!]! >= eEnd) k++;
        if (k === sp) {
          sink.open(entities[j]!, kinds[j]!);
          stack[sp++] = j;
          continue;
        }
        const m = sp - k;
        for (let q = 0; q < m; q++) moved[q] = stack[k + q]!;
        sp = k;
        for (let q = m - 1; q >= 0; q--) sink.close(entities[moved[q]!]!, kinds[moved[q]!]!);
        // Ones that outlast `e` go back outside it, the rest inside.
        for (let q = 0; q < m; q++) {
          const o = moved[q]!;
          if (ends[o]! >= eEnd) {
            sink.open(entities[o]!, kinds[o]!);
            stack[sp++] = o;
          }
        }
        sink.open(entities[j]!, kinds[j]!);
        stack[sp++] = j;
        for (let q = 0; q < m; q++) {
          const o = moved[q]!;
          if (ends[o]! < eEnd) {
            sink.open(entities[o]!, kinds[o]!);
            stack[sp++] = o;
          }
        }
      }
      if (p >= length && i >= n && sp === 0) break;
    }
  }
  return walk;
}

type Walk = (length: number, entities: readonly MessageEntity[], sink: NestingSink) => void;

/** Entities the shared walker holds (its scratch is about 5 KB, made on first use). */
const CAPACITY = 256;
let shared: Walk | null = null;
/**
 * For messages with more entities (rare: Telegram keeps about 100 per message): made on demand and
 * kept, grown when a larger one comes. A second instance costs the shared one its constant
 * arrays in optimized code (the functions then have two closures), which is the old speed.
 */
let large: { capacity: number; walk: Walk } | null = null;

/**
 * Walks `entities` (clamped, non-empty, in Telegram's order — see
 * `entitiesForUnparse`) over a text of length `length`, emitting nested events.
 * Not reentrant: a sink must not call `walkNested`.
 */
export function walkNested(length: number, entities: readonly MessageEntity[], sink: NestingSink): void {
  const n = entities.length;
  if (n <= CAPACITY) return (shared ??= createWalker(CAPACITY))(length, entities, sink);
  if (large === null || large.capacity < n) {
    const capacity = Math.max(n, 2 * (large?.capacity ?? CAPACITY));
    large = { capacity, walk: createWalker(capacity) };
  }
  large.walk(length, entities, sink);
}
