/**
 * Markdown → text + entities. The dialect (also in ts/parsers/README.md):
 *
 * | markup                                   | entity                                                |
 * | ---------------------------------------- | ----------------------------------------------------- |
 * | `**bold**`                               | bold                                                  |
 * | `__italic__`                             | italic                                                |
 * | `--underline--`                          | underline                                             |
 * | `~~strike~~`                             | strike                                                |
 * | `\|\|spoiler\|\|`                        | spoiler                                               |
 * | `` `code` ``                             | code                                                  |
 * | ```` ```lang⏎…⏎``` ````                  | pre with language (the rest of the opening line)      |
 * | `[text](https://…)`                      | text link                                             |
 * | `[text](tg://user?id=123)`               | mention by id (`&hash=<hex>`: input mention)          |
 * | `![👍](tg://emoji?id=5368324170671202286)` | custom emoji (the `!` is optional)                  |
 * | `![22:45](tg://time?unix=1647531900&format=wDT)` | formatted date (`format`: `r\|w?[dD]?[tT]?`)  |
 * | lines starting with `>`                  | blockquote (one optional space after `>` is dropped)  |
 * | first line `**>`, last line ending `\|\|` | expandable blockquote                                |
 *
 * The five style markers are toggles, not brackets: `**` opens bold when
 * none is open and closes it otherwise, so styles may overlap
 * (`**bold __both** italic__`). A single `*`, `_`, `-`, `~` or `|` is text.
 * `\` makes the next ASCII punctuation character literal anywhere (`\*\*`,
 * `\[`, `\>`, `\\`); inside code and pre only `` \` ``, `\\` and other
 * escaped punctuation are unescaped, so `C:\dir` stays as written. In a link
 * target, `\)` and `\\` escape. `[text]` without `(…)` is text.
 *
 * Malformed markup — an unclosed marker, code span or pre block, a link
 * whose `(` never closes, a `tg://` link with bad parameters — throws or is
 * kept as text (`ParseOptions.onError`). Every closing delimiter is found by
 * one forward scan whose failure is remembered, so hostile input parses in
 * linear time.
 */
import type { MessageEntity } from '../tl/generated/types.js';
import { type FormattedText, finishEntities, type ParseOptions } from './entities.js';
import { type FormatErrorReason, formatError } from './format-error.js';
import { entityForUrl } from './tg-links.js';

enum C {
  Lf = 10,
  Space = 32,
  Bang = 33,
  Lparen = 40,
  Rparen = 41,
  Star = 42,
  Minus = 45,
  Gt = 62,
  Lbracket = 91,
  Backslash = 92,
  Rbracket = 93,
  Underscore = 95,
  Backtick = 96,
  Pipe = 124,
  Tilde = 126,
}

/** Characters that may start markup in running text. */
const SPECIAL = new Uint8Array(128);
for (const c of '\\`[!*_-~|\n') SPECIAL[c.charCodeAt(0)] = 1;

/**
 * The same characters for a native search: `test` from `lastIndex` jumps over a run of plain text
 * (no match array is built), at the same speed whatever tier the JIT has this module's code in.
 */
const SPECIAL_RE = /[\\`[!*_~|\n-]/g;

/** Toggle markers: a slot per style (-1: not a toggle), and the entity each slot opens. */
const TOGGLE_SLOT = new Int8Array(128).fill(-1);
TOGGLE_SLOT[C.Star] = 0;
TOGGLE_SLOT[C.Underscore] = 1;
TOGGLE_SLOT[C.Minus] = 2;
TOGGLE_SLOT[C.Tilde] = 3;
TOGGLE_SLOT[C.Pipe] = 4;
const TOGGLE_KIND = [
  'messageEntityBold',
  'messageEntityItalic',
  'messageEntityUnderline',
  'messageEntityStrike',
  'messageEntitySpoiler',
] as const satisfies readonly MessageEntity['_'][];
const SPOILER_SLOT = 4;

/** ASCII punctuation: what `\` can escape. */
function isPunct(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

interface OpenQuote {
  entity: MessageEntity.messageEntityBlockquote;
}

/**
 * Remembered scans, three numbers per delimiter kind at `memo[base]`: from,
 * to, found — from any position in [from, found) (or [from, to) when found
 * is -1) the search ends at `found`. One array per parse instead of an object
 * per kind: most messages never scan, and allocation is per parse.
 */
type ScanMemo = number[];
const BRACKET_MEMO = 0;
const PAREN_MEMO = 3;
const CODE_MEMO = 6;
const PRE_MEMO = 9;

/** The one-character and triple delimiters `scan` looks for, as search strings. */
const DELIMITER: Readonly<Record<number, string>> = { [C.Backtick]: '`', [C.Rbracket]: ']', [C.Rparen]: ')' };
const TRIPLE_BACKTICK = '```';

/**
 * Finds the first unescaped `ch` in `input` [from, to) (with `triple`: three of it, all before `to`),
 * or -1. A failed search is remembered: a later search from a position past `from` fails at once.
 *
 * `firstBs`/`lastBs` bound where the input has backslashes (-1: none). Where [from, match) has none, a
 * native `indexOf` finds the delimiter — its speed does not depend on the JIT having optimized this
 * function yet. A match found past `to` is no match; such an overrun only ever reaches the next
 * delimiter after the last one before it, so the searches stay linear overall.
 */
function scan(
  input: string,
  memo: ScanMemo,
  base: number,
  ch: number,
  from: number,
  to: number,
  triple: boolean,
  firstBs: number,
  lastBs: number,
): number {
  const memoFound = memo[base + 2]!;
  if (memo[base + 1] === to && from >= memo[base]! && (memoFound < 0 || from < memoFound)) return memoFound;
  let found = input.indexOf(triple ? TRIPLE_BACKTICK : DELIMITER[ch]!, from);
  if (found >= 0 && (triple ? found + 2 >= to : found >= to)) found = -1;
  // Escapes only hide delimiters: absent stays absent, and a match with no backslash before it
  // in the range stands. Otherwise escapes decide, char by char.
  if (found >= 0 && firstBs >= 0 && from <= lastBs && found > firstBs) {
    found = -1;
    for (let i = from; i < to; i++) {
      const c = input.charCodeAt(i);
      if (c === C.Backslash) i++;
      else if (c === ch && (!triple || (input.charCodeAt(i + 1) === ch && input.charCodeAt(i + 2) === ch && i + 2 < to))) {
        found = i;
        break;
      }
    }
  }
  memo[base] = from;
  memo[base + 1] = to;
  memo[base + 2] = found;
  return found;
}

/**
 * `e` (from entityForUrl) at its range. The common kinds are rebuilt by one literal each instead of
 * written to: a store into entities of several shapes at one site makes the JIT's code for that site
 * depend on which shapes it had seen when it compiled, and a later shape throws that code away.
 */
function placed(e: MessageEntity, offset: number, length: number): MessageEntity {
  switch (e._) {
    case 'messageEntityTextUrl':
      return { _: 'messageEntityTextUrl', offset, length, url: e.url };
    case 'messageEntityMentionName':
      return { _: 'messageEntityMentionName', offset, length, user_id: e.user_id };
    case 'messageEntityCustomEmoji':
      return { _: 'messageEntityCustomEmoji', offset, length, document_id: e.document_id };
    default:
      return { ...e, offset, length };
  }
}

class MarkdownParser {
  out = '';
  readonly entities: MessageEntity[] = [];
  /** Open toggle entities by TOGGLE_SLOT, and where their marker was: plain arrays, as a Map costs more per marker. */
  readonly toggles: (MessageEntity | null)[] = [null, null, null, null, null];
  readonly toggleAt: number[] = [0, 0, 0, 0, 0];
  openToggles = 0;
  quote: OpenQuote | null = null;
  private readonly memo: ScanMemo = [-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1];
  /** The first and last backslash of the input (-1: none), for `scan`. */
  readonly firstBs: number;
  readonly lastBs: number;

  constructor(
    readonly input: string,
    readonly plain: boolean,
    /** Input positions of toggle markers left unclosed by an earlier pass (plain mode): literal now. */
    readonly literal: ReadonlySet<number> | null,
  ) {
    this.firstBs = input.indexOf('\\');
    this.lastBs = this.firstBs < 0 ? -1 : input.lastIndexOf('\\');
  }

  fail(reason: FormatErrorReason, at: number, what: string): void {
    if (!this.plain) throw formatError('markdown', reason, at, what);
  }

  /**
   * At the start of a line (input position `p`): continues, ends or starts a
   * blockquote. Returns the position after any quote prefix.
   */
  private lineStart(p: number, mayOpen: boolean): number {
    const input = this.input;
    const c = input.charCodeAt(p);
    if (this.quote) {
      if (c === C.Gt) return this.skipSpace(p + 1);
      // The quote ended on the previous line; its length leaves out that line's `\n`.
      this.closeQuote(this.out.length - 1);
    }
    if (!mayOpen) return p;
    if (c === C.Gt) {
      this.quote = { entity: { _: 'messageEntityBlockquote', offset: this.out.length, length: 0 } };
      return this.skipSpace(p + 1);
    }
    if (c === C.Star && input.charCodeAt(p + 1) === C.Star && input.charCodeAt(p + 2) === C.Gt && !this.literal?.has(p)) {
      this.quote = { entity: { _: 'messageEntityBlockquote', offset: this.out.length, length: 0, collapsed: true } };
      return this.skipSpace(p + 3);
    }
    return p;
  }

  private skipSpace(p: number): number {
    return this.input.charCodeAt(p) === C.Space ? p + 1 : p;
  }

  private closeQuote(end: number): void {
    const e = this.quote!.entity;
    e.length = end - e.offset;
    this.entities.push(e);
    this.quote = null;
  }

  /**
   * Copies code or pre content [from, to) to the output: escapes of ASCII
   * punctuation are undone, line starts keep a blockquote going.
   */
  private copyCode(from: number, to: number): void {
    const input = this.input;
    let seg = from;
    for (let i = from; i < to; i++) {
      const c = input.charCodeAt(i);
      if (c === C.Backslash && i + 1 < to && isPunct(input.charCodeAt(i + 1))) {
        this.out += input.slice(seg, i);
        seg = ++i;
      } else if (c === C.Lf && this.quote) {
        this.out += input.slice(seg, i + 1);
        seg = this.lineStart(i + 1, false);
        i = seg - 1;
      }
    }
    this.out += input.slice(seg, to);
  }

  /** Code or pre content [from, to) outside a blockquote: the input with escapes of ASCII punctuation undone. */
  private codeText(from: number, to: number): string {
    const input = this.input;
    let bs = input.indexOf('\\', from);
    if (bs < 0 || bs >= to) return input.slice(from, to);
    let text = '';
    let seg = from;
    while (bs >= 0 && bs < to) {
      if (bs + 1 < to && isPunct(input.charCodeAt(bs + 1))) {
        text += input.slice(seg, bs);
        seg = bs + 1;
        bs = input.indexOf('\\', bs + 2);
      } else bs = input.indexOf('\\', bs + 1);
    }
    return text + input.slice(seg, to);
  }

  /** Parses running text in [from, to); `inLink` while inside a link's text. */
  parse(from: number, to: number, inLink: boolean): void {
    const input = this.input;
    let seg = from;
    let i = from;
    while (i < to) {
      const c = input.charCodeAt(i);
      if (c >= 128 || SPECIAL[c] === 0) {
        SPECIAL_RE.lastIndex = i + 1;
        i = SPECIAL_RE.test(input) ? SPECIAL_RE.lastIndex - 1 : to;
        continue;
      }
      const c1 = input.charCodeAt(i + 1);
      switch (c) {
        case C.Backslash:
          if (i + 1 < to && isPunct(c1)) {
            this.out += input.slice(seg, i);
            seg = i + 1; // the escaped character starts the next segment
            i += 2;
          } else i++;
          continue;
        case C.Lf:
          // A line start matters only inside a quote or before `>` / `**>`; otherwise the segment goes on.
          if (this.quote === null && c1 !== C.Gt && c1 !== C.Star) {
            i++;
            continue;
          }
          this.out += input.slice(seg, i + 1);
          seg = i = this.lineStart(i + 1, true);
          continue;
        case C.Backtick: {
          const pre = c1 === C.Backtick && input.charCodeAt(i + 2) === C.Backtick && i + 2 < to;
          const next = pre ? this.pre(i, to, seg) : this.code(i, to, seg);
          if (next < 0) {
            i += pre ? 3 : 1;
            continue;
          }
          seg = i = next;
          continue;
        }
        case C.Lbracket:
        case C.Bang: {
          if (inLink || (c === C.Bang && c1 !== C.Lbracket)) {
            i++;
            continue;
          }
          const next = this.link(i, to, seg);
          if (next < 0) {
            i++;
            continue;
          }
          seg = i = next;
          continue;
        }
        default: {
          // A toggle marker: two of the same character.
          if (c1 !== c || i + 1 >= to || this.literal?.has(i)) {
            i++;
            continue;
          }
          if (c === C.Pipe && this.expandableEnd(i, to)) {
            this.out += input.slice(seg, i);
            seg = i = i + 2;
            continue;
          }
          this.out += input.slice(seg, i);
          const slot = TOGGLE_SLOT[c]!;
          const open = this.toggles[slot];
          if (open) {
            open.length = this.out.length - open.offset;
            this.entities.push(open);
            this.toggles[slot] = null;
            this.openToggles--;
          } else {
            this.toggles[slot] = { _: TOGGLE_KIND[slot]!, offset: this.out.length, length: 0 };
            this.toggleAt[slot] = i;
            this.openToggles++;
          }
          seg = i = i + 2;
        }
      }
    }
    this.out += input.slice(seg, to);
  }

  /** `||` that ends an expandable blockquote: at the end of its last line, with no spoiler open. */
  private expandableEnd(i: number, to: number): boolean {
    if (!this.quote?.entity.collapsed || this.toggles[SPOILER_SLOT]) return false;
    const after = i + 2;
    if (after >= to) return true;
    return this.input.charCodeAt(after) === C.Lf && this.input.charCodeAt(after + 1) !== C.Gt;
  }

  /** Inline code at `i`; returns where parsing goes on, or -1 when the backtick is text. */
  private code(i: number, to: number, seg: number): number {
    const close = scan(this.input, this.memo, CODE_MEMO, C.Backtick, i + 1, to, false, this.firstBs, this.lastBs);
    if (close < 0) {
      this.fail('unclosed', i, 'unclosed ` code span');
      return -1;
    }
    this.out += this.input.slice(seg, i);
    const offset = this.out.length;
    if (this.quote) this.copyCode(i + 1, close);
    else this.out += this.codeText(i + 1, close);
    if (this.out.length > offset) this.entities.push({ _: 'messageEntityCode', offset, length: this.out.length - offset });
    return close + 1;
  }

  /** A ``` block at `i`; returns where parsing goes on, or -1 when the backticks are text. */
  private pre(i: number, to: number, seg: number): number {
    const input = this.input;
    const close = scan(input, this.memo, PRE_MEMO, C.Backtick, i + 3, to, true, this.firstBs, this.lastBs);
    if (close < 0) {
      this.fail('unclosed', i, 'unclosed ``` block');
      return -1;
    }
    this.out += input.slice(seg, i);
    // The rest of the opening line names the language when the block goes on past it.
    let start = i + 3;
    let language = '';
    const nl = input.indexOf('\n', start);
    if (nl >= 0 && nl < close) {
      const first = input.slice(start, nl);
      if (first.indexOf('`') < 0) {
        language = first.trim();
        start = nl + 1;
        if (this.quote) start = this.lineStart(start, false);
      }
    }
    const offset = this.out.length;
    // One line break before the closing ``` belongs to the markup.
    if (this.quote) {
      this.copyCode(start, close);
      if (this.out.length > offset && this.out.charCodeAt(this.out.length - 1) === C.Lf) this.out = this.out.slice(0, -1);
    } else {
      // Trimmed before it joins the output: reading or slicing the end of `out` would flatten all of it.
      const content = this.codeText(start, close);
      this.out += content.charCodeAt(content.length - 1) === C.Lf ? content.slice(0, -1) : content;
    }
    if (this.out.length > offset) this.entities.push({ _: 'messageEntityPre', offset, length: this.out.length - offset, language });
    return close + 3;
  }

  /** `[text](url)` or `![text](url)` at `i`; returns where parsing goes on, or -1 when it is text. */
  private link(i: number, to: number, seg: number): number {
    const input = this.input;
    const bang = input.charCodeAt(i) === C.Bang;
    const textStart = i + (bang ? 2 : 1);
    const close = scan(input, this.memo, BRACKET_MEMO, C.Rbracket, textStart, to, false, this.firstBs, this.lastBs);
    if (close < 0 || input.charCodeAt(close + 1) !== C.Lparen) return -1;
    const end = scan(input, this.memo, PAREN_MEMO, C.Rparen, close + 2, to, false, this.firstBs, this.lastBs);
    if (end < 0) {
      this.fail('unclosed', i, 'link target without its closing )');
      return -1;
    }
    let url = input.slice(close + 2, end);
    if (url.indexOf('\\') >= 0) url = url.replace(/\\([!-/:-@[-`{-~])/g, '$1');
    let entity: MessageEntity | undefined;
    if (url.length > 0) {
      entity = entityForUrl(url.trim());
      if (!entity) {
        this.fail('bad-attribute', close + 2, `bad link target "${url}"`);
        return -1;
      }
    }
    // `!` belongs to the markup of custom emoji and dates only; before a plain link it is text.
    const keepBang = bang && entity?._ !== 'messageEntityCustomEmoji' && entity?._ !== 'messageEntityFormattedDate';
    this.out += input.slice(seg, keepBang ? i + 1 : i);
    const offset = this.out.length;
    this.parse(textStart, close, true);
    if (entity && this.out.length > offset) this.entities.push(placed(entity, offset, this.out.length - offset));
    return end + 1;
  }

  run(): FormattedText | number[] {
    const n = this.input.length;
    const start = this.lineStart(0, true);
    this.parse(start, n, false);
    if (this.quote) this.closeQuote(this.out.length);
    if (this.openToggles > 0) {
      const unclosed: number[] = [];
      for (let k = 0; k < this.toggles.length; k++) if (this.toggles[k]) unclosed.push(this.toggleAt[k]!);
      if (!this.plain) {
        const at = Math.min(...unclosed);
        throw formatError('markdown', 'unclosed', at, `unclosed ${this.input.slice(at, at + 2)}`);
      }
      return unclosed;
    }
    return { text: this.out, entities: finishEntities(this.entities) };
  }
}

/**
 * Parses wasmgram Markdown (see the module comment for the dialect) into
 * plain text and entities, offsets in UTF-16 code units.
 *
 * @example
 * ```ts
 * parseMarkdown('**Hi** [you](tg://user?id=42) 👋 ![🔥](tg://emoji?id=5368324170671202286)')
 * // { text: 'Hi you 👋 🔥', entities: [{ _: 'messageEntityBold', offset: 0, length: 2 },
 * //   { _: 'messageEntityMentionName', offset: 3, length: 3, user_id: 42n },
 * //   { _: 'messageEntityCustomEmoji', offset: 10, length: 2, document_id: 5368324170671202286n }] }
 * ```
 * @throws FormatError on malformed markup unless `onError: 'plain'`.
 */
export function parseMarkdown(markdown: string, options?: ParseOptions): FormattedText {
  const plain = options?.onError === 'plain';
  let result = new MarkdownParser(markdown, plain, null).run();
  // Plain mode with unclosed toggles: parse again with those markers as text. Toggles do
  // not change how anything else parses, so this normally takes one more pass; each pass
  // adds at least one literal marker, so the loop ends regardless.
  const literal = new Set<number>();
  while (Array.isArray(result)) {
    for (const at of result) literal.add(at);
    result = new MarkdownParser(markdown, plain, literal).run();
  }
  return result;
}
