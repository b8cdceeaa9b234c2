/**
 * Escaping for the Markdown unparser (markdown-unparse.ts): running text gets
 * a backslash only where it would read as markup, code and pre content only
 * before `` ` `` and `\` (and `]` inside a link's text); inside a quote each
 * line break continues the quote with `> `.
 *
 * The searches run ahead of the segment being escaped and their results are
 * kept until passed (segments come in increasing order within one unparse),
 * so each character is searched over once per call: `resetEscapeScans` starts
 * a new call.
 */

/** Forgets the searches of the previous unparse (call before the first segment of a text). */
export function resetEscapeScans(): void {
  textFrom = -1;
  scanFrom = -1;
}

/** Whether `pos` starts a line of `text`. */
export function isLineStart(text: string, pos: number): boolean {
  return pos === 0 || text.charCodeAt(pos - 1) === 10;
}

/**
 * What a character needs in running text: `ALWAYS` escaped; `DOUBLE` escaped
 * when the next output character is the same (a toggle marker); `BANG` before
 * `[`; `GT` at a line start. Indexed by char code < 128.
 */
const ALWAYS = 1;
const DOUBLE = 2;
const BANG = 3;
const GT = 4;
const TEXT_CLASS = new Uint8Array(128);
for (const c of '\\`[]') TEXT_CLASS[c.charCodeAt(0)] = ALWAYS;
for (const c of '*_-~|') TEXT_CLASS[c.charCodeAt(0)] = DOUBLE;
TEXT_CLASS[33] = BANG;
TEXT_CLASS[62] = GT;

/**
 * The characters of running text that need a backslash whatever markup
 * follows: always-special ones, a toggle character followed by the same one,
 * `!` before `[`, `>` at a line start. A native search for these skips the
 * line breaks and lone `*`, `-`, `!` that fill real messages (the text rarely
 * needs any escape). A `>` is checked for a line start after the search: a
 * lookbehind in the pattern makes V8's search several times slower. Only the
 * last character of a segment depends on the markup after it (escapePlain
 * checks it apart), and line breaks matter only inside a quote (escapeText).
 */
const TEXT_ESCAPE = /[\\`[\]>]|\*(?=\*)|_(?=_)|~(?=~)|\|(?=\|)|-(?=-)|!(?=\[)/g;

/*
 * The next TEXT_ESCAPE match at or after the last running-text search's start, within one
 * unparseMarkdown call. Segments come in increasing order, so the search result is reused until
 * passed: every character is searched over once per call (a search may run past its segment).
 */
let textFrom = -1;
let textNext = -1;

function nextTextEscape(text: string, from: number): number {
  if (textFrom >= 0 && from >= textFrom && (textNext < 0 || textNext >= from)) return textNext;
  TEXT_ESCAPE.lastIndex = from;
  let i = -1;
  while (TEXT_ESCAPE.test(text)) {
    i = TEXT_ESCAPE.lastIndex - 1;
    if (text.charCodeAt(i) !== 62 || isLineStart(text, i)) break;
    i = -1;
  }
  textNext = i;
  textFrom = from;
  return textNext;
}

/** Whether the character `c` at `i` needs a backslash when `next` (a char code, -1: none) follows it in the output. */
function needsEscape(text: string, i: number, c: number, next: number): boolean {
  switch (c < 128 ? TEXT_CLASS[c] : 0) {
    case ALWAYS:
      return true;
    case DOUBLE:
      return next === c;
    case BANG:
      return next === 91;
    case GT:
      return isLineStart(text, i);
    default:
      return false;
  }
}

/** Escapes running text [from, to) (never empty); `next` is the char code that follows in the output (-1: none). */
export function escapeText(text: string, from: number, to: number, next: number, inQuote: boolean): string {
  if (!inQuote) return escapePlain(text, from, to, next);
  let lf = text.indexOf('\n', from);
  if (lf < 0 || lf >= to) return escapePlain(text, from, to, next);
  // Inside a quote each line break continues it with `> `: the text is escaped line by line,
  // each line's last character followed by the break (a regexp replace over the result costs more).
  let out = '';
  let start = from;
  while (lf >= 0 && lf < to) {
    out += start < lf ? `${escapePlain(text, start, lf, 10)}\n> ` : '\n> ';
    start = lf + 1;
    lf = text.indexOf('\n', start);
  }
  return start < to ? out + escapePlain(text, start, to, next) : out;
}

/** escapeText outside a quote ([from, to) never empty). */
export function escapePlain(text: string, from: number, to: number, next: number): string {
  const last = to - 1;
  let i = nextTextEscape(text, from);
  // The last character is decided by `next`, not by the text after it (markup comes between).
  const c = text.charCodeAt(last);
  const lastEsc = c < 128 && TEXT_CLASS[c] !== 0 && needsEscape(text, last, c, next);
  if ((i < 0 || i >= last) && !lastEsc) return text.slice(from, to);
  let out = '';
  let seg = from;
  while (i >= 0 && i < last) {
    out += seg < i ? `${text.slice(seg, i)}\\` : '\\';
    seg = i;
    i = nextTextEscape(text, i + 1);
  }
  if (lastEsc) {
    out += seg < last ? `${text.slice(seg, last)}\\` : '\\';
    seg = last;
  }
  return out + text.slice(seg, to);
}

/*
 * The next `\` and backtick at or after the last code segment's start, within
 * one unparseMarkdown call (segments come in increasing order, so a position
 * is searched again only once passed: the searches stay linear in the text).
 */
let scanFrom = -1;
let nextBackslash = -1;
let nextBacktick = -1;

function nextSpecial(text: string, from: number): void {
  if (scanFrom < 0 || from < scanFrom) {
    nextBackslash = text.indexOf('\\', from);
    nextBacktick = text.indexOf('`', from);
  } else {
    if (nextBackslash >= 0 && nextBackslash < from) nextBackslash = text.indexOf('\\', from);
    if (nextBacktick >= 0 && nextBacktick < from) nextBacktick = text.indexOf('`', from);
  }
  scanFrom = from;
}

/** Escapes code or pre content [from, to). */
export function escapeCode(text: string, from: number, to: number, inLink: boolean, inQuote: boolean): string {
  // Usually neither `\` nor a backtick is there: native searches say so faster than a char loop.
  if (!inLink && !inQuote) {
    nextSpecial(text, from);
    if ((nextBackslash < 0 || nextBackslash >= to) && (nextBacktick < 0 || nextBacktick >= to)) return text.slice(from, to);
  }
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
