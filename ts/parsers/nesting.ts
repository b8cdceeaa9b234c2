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
import { isStyleKind } from './entities.js';

/** Receives the events in output order. */
export interface NestingSink {
  /** Plain text `text.slice(from, to)`. */
  text(from: number, to: number): void;
  open(e: MessageEntity): void;
  close(e: MessageEntity): void;
}

const end = (e: MessageEntity) => e.offset + e.length;

/**
 * Walks `entities` (clamped, non-empty, in Telegram's order — see
 * `entitiesForUnparse`) over a text of length `length`, emitting nested events.
 */
export function walkNested(length: number, entities: readonly MessageEntity[], sink: NestingSink): void {
  const stack: MessageEntity[] = [];
  const reopen: MessageEntity[] = [];
  let pos = 0;
  let i = 0;
  const n = entities.length;
  for (;;) {
    const nextOpen = i < n ? entities[i]!.offset : length;
    let nextClose = length;
    for (let k = 0; k < stack.length; k++) {
      const e = end(stack[k]!);
      if (e < nextClose) nextClose = e;
    }
    const p = Math.min(nextOpen, nextClose);
    if (p > pos) {
      sink.text(pos, p);
      pos = p;
    }
    if (i >= n && stack.length === 0) break;
    // Close every entity ending here: the deepest one takes everything above it down; the
    // ones above that do not end here are reopened afterwards (they are split).
    for (;;) {
      let k = 0;
      while (k < stack.length && end(stack[k]!) > p) k++;
      if (k === stack.length) break;
      reopen.length = 0;
      while (stack.length > k) {
        const top = stack.pop()!;
        sink.close(top);
        if (end(top) > p) reopen.push(top);
      }
      for (let r = reopen.length - 1; r >= 0; r--) {
        sink.open(reopen[r]!);
        stack.push(reopen[r]!);
      }
    }
    while (i < n && entities[i]!.offset === p) {
      const e = entities[i++]!;
      if (isStyleKind(e._) || stack.length === 0) {
        sink.open(e);
        stack.push(e);
        continue;
      }
      // A non-style entity: entities open now that end before it must not contain it (it
      // would be split at their end); close them, open it, and reopen them inside.
      const eEnd = end(e);
      let k = 0;
      while (k < stack.length && end(stack[k]!) >= eEnd) k++;
      if (k === stack.length) {
        sink.open(e);
        stack.push(e);
        continue;
      }
      const moved = stack.splice(k);
      for (let r = moved.length - 1; r >= 0; r--) sink.close(moved[r]!);
      // Ones that outlast `e` go back outside it, the rest inside.
      for (const m of moved) {
        if (end(m) >= eEnd) {
          sink.open(m);
          stack.push(m);
        }
      }
      sink.open(e);
      stack.push(e);
      for (const m of moved) {
        if (end(m) < eEnd) {
          sink.open(m);
          stack.push(m);
        }
      }
    }
    if (p >= length && i >= n && stack.length === 0) break;
  }
}
