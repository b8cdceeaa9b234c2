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
import { entitiesForUnparse, isStyleKind, mergeStyles, stableSort } from './entities.js';
import { urlForEntity } from './tg-links.js';

const MARKER: Readonly<Record<string, string>> = {
  messageEntityBold: '**',
  messageEntityItalic: '__',
  messageEntityUnderline: '--',
  messageEntityStrike: '~~',
  messageEntitySpoiler: '||',
};

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

interface MdEvent {
  pos: number;
  rank: Rank;
  seq: number;
  text: string;
  kind: Kind;
  open: boolean;
}

function isCode(e: MessageEntity): boolean {
  return e._ === 'messageEntityCode' || e._ === 'messageEntityPre';
}

/** A pre block's language as its opening line can carry it: no backticks or line breaks. */
function cleanLanguage(language: string): string {
  if (language.length === 0) return language;
  const clean = /[`\n\r]/.test(language) ? language.replace(/[`\n\r]/g, '') : language;
  return clean.trim();
}

function escapeUrl(url: string): string {
  return url.indexOf(')') < 0 && url.indexOf('\\') < 0 ? url : url.replace(/[\\)]/g, '\\$&');
}

function isLineStart(text: string, pos: number): boolean {
  return pos === 0 || text.charCodeAt(pos - 1) === 10;
}

/** Builds the markup events for the entities (see the module comment for what is kept). */
function events(text: string, list: readonly MessageEntity[]): MdEvent[] {
  const out: MdEvent[] = [];
  // Blockquotes: whole lines, not nested or overlapping.
  let quoteEnd = -1;
  for (const e of list) {
    if (e._ !== 'messageEntityBlockquote') continue;
    let end = e.offset + e.length;
    if (end > e.offset + 1 && text.charCodeAt(end - 1) === 10) end--;
    if (e.offset < quoteEnd || !isLineStart(text, e.offset) || (end < text.length && text.charCodeAt(end) !== 10)) continue;
    quoteEnd = end;
    push(out, e.offset, Rank.QuoteOpen, e.collapsed ? '**> ' : '> ', Kind.Quote, true);
    push(out, end, Rank.QuoteClose, e.collapsed ? '||' : '', Kind.Quote, false);
  }
  // Scoped entities: a nesting stack; code spans are remembered for clamping styles.
  const stack: MessageEntity[] = [];
  const codeSpans: number[] = [];
  for (const e of list) {
    if (isStyleKind(e._) || e._ === 'messageEntityBlockquote') continue;
    const end = e.offset + e.length;
    while (stack.length && stack[stack.length - 1]!.offset + stack[stack.length - 1]!.length <= e.offset) stack.pop();
    const top = stack[stack.length - 1];
    if (top && (top.offset + top.length < end || isCode(top) || !isCode(e))) continue;
    stack.push(e);
    if (isCode(e)) {
      codeSpans.push(e.offset, end);
      if (e._ === 'messageEntityCode') {
        push(out, e.offset, Rank.ScopedOpen, '`', Kind.Code, true);
        push(out, end, Rank.ScopedClose, '`', Kind.Code, false);
      } else {
        const lang = cleanLanguage((e as MessageEntity.messageEntityPre).language);
        push(out, e.offset, Rank.ScopedOpen, `\`\`\`${lang}\n`, Kind.Code, true);
        push(out, end, Rank.ScopedClose, '\n```', Kind.Code, false);
      }
      continue;
    }
    const url = urlForEntity(e);
    if (url === undefined) {
      stack.pop();
      continue;
    }
    const bang = e._ === 'messageEntityCustomEmoji' || e._ === 'messageEntityFormattedDate';
    push(out, e.offset, Rank.ScopedOpen, bang ? '![' : '[', Kind.Link, true);
    push(out, end, Rank.ScopedClose, `](${escapeUrl(url)})`, Kind.Link, false);
  }
  // Styles: merged per kind (markers toggle), boundaries moved out of code.
  const own: MessageEntity[] = [];
  for (const e of list) if (isStyleKind(e._)) own.push(e);
  const styles = mergeStyles(own);
  for (const e of styles) {
    let start = e.offset;
    let end = start + e.length;
    for (let k = 0; k < codeSpans.length; k += 2) {
      const cs = codeSpans[k]!;
      const ce = codeSpans[k + 1]!;
      if (start > cs && start < ce) start = ce;
      if (end > cs && end < ce) end = cs;
    }
    if (end <= start) continue;
    const m = MARKER[e._]!;
    push(out, start, Rank.StyleOpen, m, Kind.Style, true);
    push(out, end, Rank.StyleClose, m, Kind.Style, false);
  }
  for (let i = 1; i < out.length; i++) if (compareEvents(out[i - 1]!, out[i]!) > 0) return stableSort(out, compareEvents);
  return out;
}

/** Module-level helpers rather than closures made per call. */
function push(out: MdEvent[], pos: number, rank: Rank, text: string, kind: Kind, open: boolean): void {
  out.push({ pos, rank, seq: out.length, text, kind, open });
}

/** Output order; closes at one position: the inner (later opened) one first. */
function compareEvents(a: MdEvent, b: MdEvent): number {
  return a.pos - b.pos || a.rank - b.rank || (a.open ? a.seq - b.seq : b.seq - a.seq);
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
  const list = entitiesForUnparse(text, entities);
  const evs = list.length ? events(text, list) : [];
  let out = '';
  let inCode = 0;
  let inLink = 0;
  let inQuote = false;
  let pos = 0;
  let e = 0;
  const n = text.length;
  while (e < evs.length) {
    const p = evs[e]!.pos;
    // The markup at `p`, built first: escaping the text before it looks at its first character.
    let tags = '';
    let f = e;
    let code = inCode;
    let link = inLink;
    let quote: boolean = inQuote;
    for (; f < evs.length && evs[f]!.pos === p; f++) {
      const ev = evs[f]!;
      if (ev.kind === Kind.Quote) quote = ev.open;
      tags += quote && ev.text.indexOf('\n') >= 0 ? ev.text.replace(/\n/g, '\n> ') : ev.text;
      if (ev.kind === Kind.Code) code += ev.open ? 1 : -1;
      else if (ev.kind === Kind.Link) link += ev.open ? 1 : -1;
    }
    if (p > pos) {
      const next = tags.length ? tags.charCodeAt(0) : p < n ? text.charCodeAt(p) : -1;
      out += inCode ? escapeCode(text, pos, p, inLink > 0, inQuote) : escapeText(text, pos, p, next, inQuote);
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

/**
 * What a character needs in running text: `ALWAYS` escaped; `DOUBLE` escaped
 * when the next output character is the same (a toggle marker); `BANG` before
 * `[`; `GT` at a line start; `LF` continues a quote. Indexed by char code < 128.
 */
const ALWAYS = 1;
const DOUBLE = 2;
const BANG = 3;
const GT = 4;
const LF = 5;
const TEXT_CLASS = new Uint8Array(128);
for (const c of '\\`[]') TEXT_CLASS[c.charCodeAt(0)] = ALWAYS;
for (const c of '*_-~|') TEXT_CLASS[c.charCodeAt(0)] = DOUBLE;
TEXT_CLASS[33] = BANG;
TEXT_CLASS[62] = GT;
TEXT_CLASS[10] = LF;

/** Escapes running text [from, to); `next` is the char code that follows in the output (-1: none). */
function escapeText(text: string, from: number, to: number, next: number, inQuote: boolean): string {
  let out = '';
  let seg = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // One table read per character: most are letters, digits, spaces or non-ASCII.
    const cls = c < 128 ? TEXT_CLASS[c]! : 0;
    if (cls === 0) continue;
    let esc: boolean;
    switch (cls) {
      case ALWAYS:
        esc = true;
        break;
      case DOUBLE:
        esc = (i + 1 < to ? text.charCodeAt(i + 1) : next) === c;
        break;
      case BANG:
        esc = (i + 1 < to ? text.charCodeAt(i + 1) : next) === 91;
        break;
      case GT:
        esc = isLineStart(text, i);
        break;
      default: // LF
        if (inQuote) {
          out += seg < i ? `${text.slice(seg, i)}\n> ` : '\n> ';
          seg = i + 1;
        }
        continue;
    }
    if (esc) {
      out += seg < i ? `${text.slice(seg, i)}\\` : '\\';
      seg = i;
    }
  }
  // Every change appends to `out`: empty means the range is unchanged.
  return out.length === 0 ? text.slice(from, to) : out + text.slice(seg, to);
}

/** Escapes code or pre content [from, to). */
function escapeCode(text: string, from: number, to: number, inLink: boolean, inQuote: boolean): string {
  let out = '';
  let seg = from;
  let changed = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 || c === 96 || (c === 93 && inLink)) {
      out += `${text.slice(seg, i)}\\`;
      seg = i;
      changed = true;
    } else if (c === 10 && inQuote) {
      out += `${text.slice(seg, i)}\n> `;
      seg = i + 1;
      changed = true;
    }
  }
  return changed ? out + text.slice(seg, to) : text.slice(from, to);
}
