/**
 * Text + entities → wasmgram Markdown (the dialect of markdown-parse.ts).
 *
 * - Styles are toggles, so overlapping styles need no splitting: each one is
 *   a marker at its start and at its end. Styles cannot reach into code or
 *   pre (their content is literal), so a style boundary inside one moves to
 *   its edge; a style entirely inside code is lost.
 * - Links, mentions, custom emoji, dates, code and pre nest; of two that
 *   overlap without nesting (Telegram refuses those) the later one is dropped,
 *   as is anything inside code or pre and a link inside a link.
 * - Blockquotes are whole lines: one that does not start at a line start or
 *   end at a line end is dropped (HTML can say it); a trailing line break in
 *   one is left out. Two quotes on consecutive lines read back as one.
 * - Text is escaped only where it would read as markup: `\`, `` ` ``, `[`,
 *   `]` always; `* _ - ~ |` when the next output character is the same; `!`
 *   before a link; `>` at a line start. Inside code and pre only `` ` `` and
 *   `\` (and `]` inside a link's text).
 *
 * `parseMarkdown(unparseMarkdown(t, e))` gives back `t` and `e` (touching
 * style runs merged) for every entity set Markdown can express.
 */
import type { MessageEntity } from '../tl/generated/types.js';
import { entitiesForUnparse, MarkupKind, markupKind, markupRank, mergeStyles } from './entities.js';
import { escapeCode, escapePlain, escapeText, isLineStart, resetEscapeScans } from './markdown-escape.js';
import { urlForEntity } from './tg-links.js';

/** Style markers by `MarkupKind - MarkupKind.Bold`: bold, italic, underline, strike, spoiler. */
const MARKER: readonly string[] = ['**', '__', '--', '~~', '||'];

/**
 * Event order at one position: quote prefix, scoped closes, style closes,
 * style opens, scoped opens, quote end. Style markers go outside code and
 * links sharing a boundary (inside code they would be literal text).
 */
enum Rank {
  QuoteOpen = 0,
  ScopedClose = 1,
  StyleClose = 2,
  StyleOpen = 3,
  ScopedOpen = 4,
  QuoteClose = 5,
}

enum Kind {
  Style = 0,
  Code = 1,
  Link = 2,
  Quote = 3,
}

/** An unparser whose scratch holds `capacity` entities: fixed-size typed arrays bound by `const`, which optimized code reads with no reload or length load. */
function createUnparser(capacity: number): (text: string, entities: readonly MessageEntity[] | undefined) => string {
  /*
   * Events live in parallel typed arrays, reused across calls (unparseMarkdown is
   * synchronous and never calls back out), and are ordered through an index
   * array: no object per event, and every comparison reads plain integers.
   * Entity objects have many shapes, so each of their fields is read once.
   */
  const evPos = new Int32Array(2 * capacity);
  /** Rank (bits 0-2), open (bit 3), kind (bits 4-5), markup holds a line break (bit 6): one byte written per event. */
  const evMeta = new Uint8Array(2 * capacity);
  /** First char code of each event's markup (-1: empty) and whether it holds a line break: known when it is pushed, so a built-up markup string is never read back (that would flatten it). */
  const evFirst = new Int32Array(2 * capacity);
  const evOrder = new Int32Array(2 * capacity);
  const evText: string[] = [];
  let evCount = 0;
  /** The scoped-entity stack (end, is code) and the code spans (start, end pairs). */
  const stackEnd = new Int32Array(capacity);
  const stackCode = new Uint8Array(capacity);
  const codeSpans = new Int32Array(2 * capacity);
  /** Each entity's kind, start and end, read once (see capture); the style entities' indices; the latest end per style kind. */
  const entKind = new Uint8Array(capacity);
  const entStart = new Int32Array(capacity);
  const entEnd = new Int32Array(capacity);
  const styleIdx = new Int32Array(capacity);
  const styleEnd = new Int32Array(5);
  /** Whether capture saw style runs of one kind that touch or overlap (they become one). */
  let styleMerges = false;

  /** Line breaks in a markup piece (a pre block's, or a link URL's) inside a quote. */
  const LINE_BREAKS = /\n/g;

  const RANK = 7;
  const OPEN = 8;
  const KIND_SHIFT = 4;
  const LF = 64;

  function push(pos: number, rank: Rank, text: string, kind: Kind, open: boolean, first: number, lf = false): void {
    const i = evCount++;
    evPos[i] = pos;
    evMeta[i] = rank | (open ? OPEN : 0) | (kind << KIND_SHIFT) | (lf ? LF : 0);
    evText[i] = text;
    evFirst[i] = first;
  }

  /** Output order of events `a` and `b` (push order breaks ties); closes at one position: the inner (later opened) one first. */
  function compareEvents(a: number, b: number): number {
    return evPos[a]! - evPos[b]! || (evMeta[a]! & RANK) - (evMeta[b]! & RANK) || ((evMeta[a]! & OPEN) !== 0 ? a - b : b - a);
  }

  const LANGUAGE_DROP = /[`\n\r]/;
  const LANGUAGE_DROP_ALL = /[`\n\r]/g;

  /** A pre block's language as its opening line can carry it: no backticks or line breaks. */
  function cleanLanguage(language: string): string {
    if (language.length === 0) return language;
    const clean = LANGUAGE_DROP.test(language) ? language.replace(LANGUAGE_DROP_ALL, '') : language;
    return clean.trim();
  }

  /** What a link target needs: `\` and `)` escaped; a line break continued inside a quote. */
  const URL_SPECIAL = /[\\)\n]/;
  const URL_ESCAPE_ALL = /[\\)]/g;

  /**
   * Reads each entity's kind, offset and length once into entKind, entStart
   * and entEnd (entities have many shapes, so each property read is a slow
   * megamorphic one) while checking that it is usable as it is: a kind with a
   * markup, integers inside the text, non-empty, in Telegram's order (see
   * entitiesForUnparse). Returns how many leading entities passed: all of them,
   * usually.
   */
  function capture(text: string, list: readonly MessageEntity[]): number {
    const n = text.length;
    // Entities are in order, so a style run can only merge with the latest one of its kind (as in mergeStyles).
    styleMerges = false;
    for (let k = 0; k < 5; k++) styleEnd[k] = -1;
    let prevStart = -1;
    let prevLength = 0;
    let prevRank = 0;
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      const kind = markupKind(e._);
      const start = e.offset;
      const length = e.length;
      if (kind === MarkupKind.None || (start | 0) !== start || (length | 0) !== length || start < 0 || length <= 0 || start + length > n)
        return i;
      const rank = markupRank(kind);
      if (start < prevStart || (start === prevStart && (length > prevLength || (length === prevLength && rank < prevRank)))) return i;
      entKind[i] = kind;
      entStart[i] = start;
      entEnd[i] = start + length;
      if (kind >= MarkupKind.Bold && kind <= MarkupKind.Spoiler) {
        const k = kind - MarkupKind.Bold;
        if (start <= styleEnd[k]!) styleMerges = true;
        styleEnd[k] = start + length;
      }
      prevStart = start;
      prevLength = length;
      prevRank = rank;
    }
    return list.length;
  }

  /** Builds the markup events for the first `count` entities, captured (see the module comment for what is kept), in evOrder[0, evCount). */
  function events(text: string, list: readonly MessageEntity[], count: number): void {
    evCount = 0;
    // One pass: blockquotes (whole lines, not nested or overlapping), scoped entities
    // (a nesting stack; code spans remembered for clamping styles), styles. Events are
    // pushed in entity order, so the sort that follows has little to move.
    let quoteEnd = -1;
    let sp = 0;
    let spans = 0;
    let styles = 0;
    const merges = styleMerges;
    for (let i = 0; i < count; i++) {
      const kind = entKind[i]!;
      const offset = entStart[i]!;
      let end = entEnd[i]!;
      if (kind === MarkupKind.Blockquote) {
        if (end > offset + 1 && text.charCodeAt(end - 1) === 10) end--;
        if (offset < quoteEnd || !isLineStart(text, offset) || (end < text.length && text.charCodeAt(end) !== 10)) continue;
        quoteEnd = end;
        const collapsed = (list[i] as MessageEntity.messageEntityBlockquote).collapsed;
        push(offset, Rank.QuoteOpen, collapsed ? '**> ' : '> ', Kind.Quote, true, collapsed ? 42 : 62);
        push(end, Rank.QuoteClose, collapsed ? '||' : '', Kind.Quote, false, collapsed ? 124 : -1);
        continue;
      }
      if (kind >= MarkupKind.Bold && kind <= MarkupKind.Spoiler) {
        if (merges) styleIdx[styles++] = i;
        // A code span holding the start began earlier, so it is known; one holding the end may come later (fixStyleEnds).
        else if (styleEvents(offset, end, kind, spans)) styleIdx[styles++] = evCount - 2;
        continue;
      }
      while (sp > 0 && stackEnd[sp - 1]! <= offset) sp--;
      const code = kind === MarkupKind.Code || kind === MarkupKind.Pre;
      if (sp > 0 && (stackEnd[sp - 1]! < end || stackCode[sp - 1] === 1 || !code)) continue;
      if (code) {
        stackEnd[sp] = end;
        stackCode[sp++] = 1;
        codeSpans[spans++] = offset;
        codeSpans[spans++] = end;
        if (kind === MarkupKind.Code) {
          push(offset, Rank.ScopedOpen, '`', Kind.Code, true, 96);
          push(end, Rank.ScopedClose, '`', Kind.Code, false, 96);
        } else {
          const lang = cleanLanguage((list[i] as MessageEntity.messageEntityPre).language);
          push(offset, Rank.ScopedOpen, `\`\`\`${lang}\n`, Kind.Code, true, 96, true);
          push(end, Rank.ScopedClose, '\n```', Kind.Code, false, 10, true);
        }
        continue;
      }
      const e = list[i]!;
      let close: string;
      let lf = false;
      if (kind === MarkupKind.TextUrl) {
        const url = (e as MessageEntity.messageEntityTextUrl).url;
        // One native search says whether the URL needs any care (usually not).
        if (URL_SPECIAL.test(url)) {
          close = `](${url.replace(URL_ESCAPE_ALL, '\\$&')})`;
          lf = url.indexOf('\n') >= 0;
        } else close = `](${url})`;
      } else {
        // tg:// links are built from numbers: nothing in them to escape, no line break.
        const url = urlForEntity(e);
        if (url === undefined) continue;
        close = `](${url})`;
      }
      stackEnd[sp] = end;
      stackCode[sp++] = 0;
      const bang = kind === MarkupKind.CustomEmoji || kind === MarkupKind.FormattedDate;
      push(offset, Rank.ScopedOpen, bang ? '![' : '[', Kind.Link, true, bang ? 33 : 91);
      push(end, Rank.ScopedClose, close, Kind.Link, false, 93, lf);
    }
    if (merges) {
      // Rare: runs of one kind that touch or overlap become one (mergeStyles keeps Telegram's order).
      const own: MessageEntity[] = [];
      for (let k = 0; k < styles; k++) own.push(list[styleIdx[k]!]!);
      for (const e of mergeStyles(own)) styleEvents(e.offset, e.offset + e.length, markupKind(e._), spans);
    } else if (spans > 0) fixStyleEnds(styles, spans);
    sortEvents(text.length);
  }

  /**
   * Moves the ends of the style runs pushed inline (their open events at
   * styleIdx[0, styles)) out of the code spans; a run left empty keeps its two
   * events with no markup, which changes no output.
   */
  function fixStyleEnds(styles: number, spans: number): void {
    for (let k = 0; k < styles; k++) {
      const open = styleIdx[k]!;
      const start = evPos[open]!;
      let end = evPos[open + 1]!;
      for (let s = 0; s < spans; s += 2) {
        const cs = codeSpans[s]!;
        const ce = codeSpans[s + 1]!;
        if (end > cs && end < ce) end = cs;
      }
      if (end > start) evPos[open + 1] = end;
      else {
        evText[open] = evText[open + 1] = '';
        evFirst[open] = evFirst[open + 1] = -1;
      }
    }
  }

  /** Pushes the open and close events of a style run [start, end), its boundaries moved out of the first `spans / 2` code spans; false when that leaves it empty (nothing pushed). */
  function styleEvents(start: number, end: number, kind: MarkupKind, spans: number): boolean {
    for (let k = 0; k < spans; k += 2) {
      const cs = codeSpans[k]!;
      const ce = codeSpans[k + 1]!;
      if (start > cs && start < ce) start = ce;
      if (end > cs && end < ce) end = cs;
    }
    if (end <= start) return false;
    const m = MARKER[kind - MarkupKind.Bold]!;
    const c = m.charCodeAt(0);
    push(start, Rank.StyleOpen, m, Kind.Style, true, c);
    push(end, Rank.StyleClose, m, Kind.Style, false, c);
    return true;
  }

  /** Bits of a sort key below the (position, rank) part: room for 2^11 events. */
  const SEQ_SHIFT = 11;
  const SEQ_MASK = (1 << SEQ_SHIFT) - 1;
  const evKeys = new Int32Array(2 * capacity);

  /**
   * Sorts evOrder[0, evCount) by compareEvents. Each event becomes one
   * integer — (position · 8 + rank) · 2^11 + tie-break (push order for opens,
   * reversed for closes) — sorted with no comparator calls: by insertion for a
   * message's few dozen (events come nearly in order), natively past that.
   * When a key does not fit 31 bits (texts past 2^17 characters or more than
   * 2^11 events) the comparator sort does it.
   */
  function sortEvents(textLength: number): void {
    const n = evCount;
    // Every position is at most the text's length.
    if (n > SEQ_MASK || textLength >= 1 << (31 - SEQ_SHIFT - 3)) {
      for (let i = 0; i < n; i++) evOrder[i] = i;
      evOrder.set(Array.from(evOrder.subarray(0, n)).sort(compareEvents));
      return;
    }
    // Keys are distinct, so ascending keys mean push order is already the output order (short messages, often).
    let sorted = true;
    let last = -1;
    for (let i = 0; i < n; i++) {
      const m = evMeta[i]!;
      const k = (((evPos[i]! << 3) | (m & RANK)) << SEQ_SHIFT) | ((m & OPEN) !== 0 ? i : SEQ_MASK - i);
      evKeys[i] = k;
      evOrder[i] = i;
      if (k < last) sorted = false;
      last = k;
    }
    if (sorted) return;
    const keys = evKeys;
    if (n <= INSERTION_SORT_MAX) {
      // Opens come in position order and each close lands a few places back: an insertion sort
      // moves little and, unlike TypedArray#sort, neither allocates a view nor calls into C++.
      for (let i = 1; i < n; i++) {
        const k = keys[i]!;
        let j = i - 1;
        while (j >= 0 && keys[j]! > k) {
          keys[j + 1] = keys[j]!;
          j--;
        }
        keys[j + 1] = k;
      }
    } else keys.subarray(0, n).sort();
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      const rank = (k >> SEQ_SHIFT) & 7;
      const low = k & SEQ_MASK;
      evOrder[i] = rank === Rank.QuoteOpen || rank === Rank.StyleOpen || rank === Rank.ScopedOpen ? low : SEQ_MASK - low;
    }
  }

  /** Up to this many events, sortEvents sorts the keys by insertion (a message's few dozen). */
  const INSERTION_SORT_MAX = 128;

  function unparse(text: string, entities: readonly MessageEntity[] | undefined): string {
    let list: readonly MessageEntity[] = entities ?? [];
    let count = capture(text, list);
    if (count < list.length) {
      // Something to drop, clamp or sort: the shared clean-up, then read again.
      list = entitiesForUnparse(text, list);
      count = capture(text, list);
    }
    resetEscapeScans();
    if (count) events(text, list, count);
    else evCount = 0;
    const total = evCount;
    // Locals: module-level bindings would be reloaded around every call in the loop.
    const order = evOrder;
    const positions = evPos;
    const meta = evMeta;
    const texts = evText;
    const firsts = evFirst;
    let out = '';
    let inCode = 0;
    let inLink = 0;
    let inQuote = false;
    let pos = 0;
    let e = 0;
    const n = text.length;
    while (e < total) {
      const p = positions[order[e]!]!;
      // The markup at `p`, built first: escaping the text before it looks at its first character.
      let tags = '';
      let first = -1;
      let f = e;
      let code = inCode;
      let link = inLink;
      let quote: boolean = inQuote;
      for (; f < total; f++) {
        const ev = order[f]!;
        if (positions[ev] !== p) break;
        const m = meta[ev]!;
        const kind = (m >> KIND_SHIFT) & 3;
        const open = (m & OPEN) !== 0;
        let piece = texts[ev]!;
        texts[ev] = ''; // keep no caller data alive in the scratch
        if (kind === Kind.Quote) quote = open;
        if (quote && (m & LF) !== 0) piece = piece.replace(LINE_BREAKS, '\n> ');
        if (first < 0) first = firsts[ev]!;
        tags += piece;
        if (kind === Kind.Code) code += open ? 1 : -1;
        else if (kind === Kind.Link) link += open ? 1 : -1;
      }
      if (p > pos) {
        const next = first >= 0 ? first : p < n ? text.charCodeAt(p) : -1;
        out += inCode
          ? escapeCode(text, pos, p, inLink > 0, inQuote)
          : inQuote
            ? escapeText(text, pos, p, next, true)
            : escapePlain(text, pos, p, next);
        pos = p;
      }
      out += tags;
      inCode = code;
      inLink = link;
      inQuote = quote;
      e = f;
    }
    if (pos < n) out += inCode ? escapeCode(text, pos, n, inLink > 0, inQuote) : escapeText(text, pos, n, -1, inQuote);
    return out;
  }

  return unparse;
}

/** Entities the shared unparser holds (its scratch is about 15 KB, made on first use). */
const CAPACITY = 256;
let shared: ((text: string, entities: readonly MessageEntity[] | undefined) => string) | null = null;
/**
 * For messages with more entities (rare: Telegram keeps about 100 per message): made on demand and
 * kept, grown when a larger one comes. A second instance costs the shared one its constant
 * arrays in optimized code (the functions then have two closures), which is the old speed.
 */
let large: { capacity: number; unparse: (text: string, entities: readonly MessageEntity[] | undefined) => string } | null = null;

function largeUnparser(count: number): (text: string, entities: readonly MessageEntity[] | undefined) => string {
  if (large === null || large.capacity < count) {
    const capacity = Math.max(count, 2 * (large?.capacity ?? CAPACITY));
    large = { capacity, unparse: createUnparser(capacity) };
  }
  return large.unparse;
}

/**
 * Formats `text` with `entities` as wasmgram Markdown (the inverse of
 * `parseMarkdown`). Entities may overlap and come in any order; those
 * Markdown cannot express are left out (see the module comment).
 *
 * @example
 * ```ts
 * unparseMarkdown('Hi you', [{ _: 'messageEntityBold', offset: 0, length: 6 }, { _: 'messageEntityItalic', offset: 3, length: 3 }])
 * // '**Hi __you__**'
 * ```
 */
export function unparseMarkdown(text: string, entities?: readonly MessageEntity[]): string {
  return entities !== undefined && entities.length > CAPACITY
    ? largeUnparser(entities.length)(text, entities)
    : (shared ??= createUnparser(CAPACITY))(text, entities);
}
