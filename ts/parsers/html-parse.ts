/**
 * HTML → text + entities, for the Bot API's HTML subset
 * (https://core.telegram.org/bots/api#html-style):
 *
 * | markup                                                         | entity                                  |
 * | -------------------------------------------------------------- | --------------------------------------- |
 * | `<b>`, `<strong>`                                              | bold                                    |
 * | `<i>`, `<em>`                                                  | italic                                  |
 * | `<u>`, `<ins>`                                                 | underline                               |
 * | `<s>`, `<strike>`, `<del>`                                     | strike                                  |
 * | `<tg-spoiler>`, `<span class="tg-spoiler">`, `<spoiler>`       | spoiler                                 |
 * | `<code>`                                                       | code                                    |
 * | `<pre>`, `<pre><code class="language-x">`, `<pre language="x">` | pre (with language)                    |
 * | `<a href="url">`                                               | text link                               |
 * | `<a href="tg://user?id=123">` (`&hash=<hex>` for an input mention) | mention by id                       |
 * | `<tg-emoji emoji-id="123">`                                    | custom emoji                            |
 * | `<tg-time unix="1647531900" format="wDT">`                     | formatted date (`format`: `r\|w?[dD]?[tT]?`) |
 * | `<blockquote>`, `<blockquote expandable>`                      | blockquote (collapsed when expandable)  |
 * | `<br>`                                                         | a line break                            |
 *
 * Tag and attribute names are case-insensitive; attribute values may be
 * double-, single- or unquoted; character references are decoded in text and
 * attributes (see html-text.ts). Whitespace is kept exactly as written (no
 * HTML whitespace collapsing: this is a message, not a page). Tags may
 * overlap: `</b>` closes the latest open `<b>`, so `<b>1<i>2</b>3</i>` is
 * bold "12" and italic "23".
 *
 * A `<` not followed by a tag name is literal text; everything else that does
 * not fit is malformed (see `ParseOptions.onError`).
 */
import type { MessageEntity } from '../tl/generated/types.js';
import { type FormattedText, finishEntities, type ParseOptions } from './entities.js';
import { type FormatErrorReason, formatError } from './format-error.js';
import { decodeCharRefs, readCharRef } from './html-text.js';
import { dateEntity, entityForUrl, parseLong } from './tg-links.js';

interface OpenElement {
  /** The entity being built, or null for a `<code>` that only carries a `<pre>`'s language. */
  entity: MessageEntity | null;
  /** Input position of the `<` of the start tag (for errors and the plain fallback). */
  at: number;
}

enum C {
  Tab = 9,
  Lf = 10,
  Cr = 13,
  Space = 32,
  Quote = 34,
  Amp = 38,
  Apos = 39,
  Slash = 47,
  Lt = 60,
  Eq = 61,
  Gt = 62,
}

const isSpace = (c: number) => c === C.Space || c === C.Lf || c === C.Tab || c === C.Cr || c === 12;
const isAlpha = (c: number) => ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || false;
const isNameChar = (c: number) => isAlpha(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c === 0x3a;

const SIMPLE: Readonly<Record<string, MessageEntity['_']>> = {
  b: 'messageEntityBold',
  strong: 'messageEntityBold',
  i: 'messageEntityItalic',
  em: 'messageEntityItalic',
  u: 'messageEntityUnderline',
  ins: 'messageEntityUnderline',
  s: 'messageEntityStrike',
  strike: 'messageEntityStrike',
  del: 'messageEntityStrike',
  'tg-spoiler': 'messageEntitySpoiler',
  spoiler: 'messageEntitySpoiler',
};

/** A parsed tag: name (lower case), attributes (lower-case names, decoded values), where it ends. */
interface Tag {
  name: string;
  closing: boolean;
  attrs: Map<string, string> | null;
  end: number;
}

/**
 * Where the search for each quote character last failed: no such quote
 * exists from there on, so later searches fail at once (keeps hostile input
 * like `<a href="` repeated linear).
 */
interface QuoteMemo {
  [quote: number]: number;
}

/**
 * Reads the tag at `input[at] === '<'`; null when it never ends (`>` missing,
 * an unterminated quote, or another `<` before the `>`).
 */
function readTag(input: string, at: number, memo: QuoteMemo): Tag | null {
  const n = input.length;
  let i = at + 1;
  const closing = input.charCodeAt(i) === C.Slash;
  if (closing) i++;
  const nameStart = i;
  while (i < n && isNameChar(input.charCodeAt(i))) i++;
  const name = input.slice(nameStart, i).toLowerCase();
  if (input.charCodeAt(i) === C.Gt) return { name, closing, attrs: null, end: i + 1 };
  let attrs: Map<string, string> | null = null;
  for (;;) {
    while (i < n && isSpace(input.charCodeAt(i))) i++;
    if (i >= n) return null;
    let c = input.charCodeAt(i);
    if (c === C.Gt) return { name, closing, attrs, end: i + 1 };
    if (c === C.Slash) {
      i++;
      continue;
    }
    if (c === C.Lt) return null;
    const attrStart = i;
    while (i < n) {
      c = input.charCodeAt(i);
      if (isSpace(c) || c === C.Eq || c === C.Gt || c === C.Slash || c === C.Lt) break;
      i++;
    }
    if (i === attrStart) i++; // a stray quote: skip it
    const attr = input.slice(attrStart, i).toLowerCase();
    while (i < n && isSpace(input.charCodeAt(i))) i++;
    let value = '';
    if (input.charCodeAt(i) === C.Eq) {
      i++;
      while (i < n && isSpace(input.charCodeAt(i))) i++;
      const q = input.charCodeAt(i);
      if (q === C.Quote || q === C.Apos) {
        const failed = memo[q];
        if (failed !== undefined && i + 1 >= failed) return null;
        const close = input.indexOf(q === C.Quote ? '"' : "'", i + 1);
        if (close < 0) {
          memo[q] = i + 1;
          return null;
        }
        value = input.slice(i + 1, close);
        i = close + 1;
      } else {
        const vStart = i;
        while (i < n && !isSpace(input.charCodeAt(i)) && input.charCodeAt(i) !== C.Gt && input.charCodeAt(i) !== C.Lt) i++;
        value = input.slice(vStart, i);
      }
    }
    attrs ??= new Map();
    if (!attrs.has(attr)) attrs.set(attr, value.indexOf('&') >= 0 ? decodeCharRefs(value) : value);
  }
}

class HtmlParser {
  out = '';
  readonly entities: MessageEntity[] = [];
  /** Open elements per tag name: a closing tag takes the latest of its name in O(1). */
  readonly open = new Map<string, OpenElement[]>();
  preDepth = 0;
  readonly quoteMemo: QuoteMemo = {};
  /** Start positions of start tags that did not close on an earlier pass (plain mode): literal text now. */
  constructor(
    readonly input: string,
    readonly plain: boolean,
    readonly literal: ReadonlySet<number> | null,
  ) {}

  fail(reason: FormatErrorReason, at: number, what: string): void {
    if (!this.plain) throw formatError('html', reason, at, what);
  }

  /** The entity a start tag opens (offset and length filled in by the caller); undefined = a malformed tag. */
  entityFor(tag: Tag, at: number): MessageEntity | null | undefined {
    const simple = SIMPLE[tag.name];
    if (simple) return { _: simple, offset: 0, length: 0 } as MessageEntity;
    const attrs = tag.attrs;
    switch (tag.name) {
      case 'code':
        if (this.preDepth > 0) {
          // <pre><code class="language-x">: the code element only names the language.
          const cls = attrs?.get('class');
          const m = cls ? /(?:^|\s)language-(\S+)/.exec(cls) : null;
          const pre = this.open.get('pre');
          const top = pre?.[pre.length - 1]?.entity;
          if (m && top?._ === 'messageEntityPre') top.language = m[1]!;
          return null;
        }
        return { _: 'messageEntityCode', offset: 0, length: 0 };
      case 'pre':
        return { _: 'messageEntityPre', offset: 0, length: 0, language: attrs?.get('language') ?? '' };
      case 'span':
        if (attrs?.get('class') === 'tg-spoiler') return { _: 'messageEntitySpoiler', offset: 0, length: 0 };
        this.fail('bad-attribute', at, '<span> without class="tg-spoiler"');
        return undefined;
      case 'blockquote':
        return attrs?.has('expandable') || attrs?.has('collapsible')
          ? { _: 'messageEntityBlockquote', offset: 0, length: 0, collapsed: true }
          : { _: 'messageEntityBlockquote', offset: 0, length: 0 };
      case 'a': {
        const href = attrs?.get('href');
        const e = href ? entityForUrl(href) : undefined;
        if (!e) this.fail('bad-attribute', at, href ? `bad link target "${href}"` : '<a> without href');
        return e;
      }
      case 'tg-emoji': {
        const id = attrs?.get('emoji-id') ?? attrs?.get('id');
        const docId = id === undefined ? undefined : parseLong(id, true);
        if (docId === undefined) {
          this.fail('bad-attribute', at, '<tg-emoji> without a numeric emoji-id');
          return undefined;
        }
        return { _: 'messageEntityCustomEmoji', offset: 0, length: 0, document_id: docId };
      }
      case 'tg-time': {
        const e = dateEntity(attrs?.get('unix') ?? '', attrs?.get('format'));
        if (!e) this.fail('bad-attribute', at, '<tg-time> needs unix="<seconds>" and an optional format matching r|w?[dD]?[tT]?');
        return e;
      }
      default:
        this.fail('unknown-tag', at, `unsupported tag <${tag.name}>`);
        return undefined;
    }
  }

  run(): FormattedText | number[] {
    const input = this.input;
    const n = input.length;
    let seg = 0;
    let i = 0;
    while (i < n) {
      const c = input.charCodeAt(i);
      if (c !== C.Lt && c !== C.Amp) {
        i++;
        continue;
      }
      if (c === C.Amp) {
        const ref = readCharRef(input, i);
        if (ref) {
          this.out += input.slice(seg, i) + ref[0];
          seg = i = ref[1];
        } else i++;
        continue;
      }
      const c1 = input.charCodeAt(i + 1);
      if (!isAlpha(c1) && !(c1 === C.Slash && isAlpha(input.charCodeAt(i + 2)))) {
        i++; // a lone `<`: text
        continue;
      }
      const tag = readTag(input, i, this.quoteMemo);
      if (!tag) {
        this.fail('bad-tag', i, 'a tag that never ends (missing ">" or closing quote)');
        i++;
        continue;
      }
      if (this.literal?.has(i)) {
        i = tag.end;
        continue;
      }
      const before = input.slice(seg, i);
      if (tag.closing) {
        const list = this.open.get(tag.name);
        const el = list?.pop();
        if (!el) {
          this.fail('unexpected-close', i, `</${tag.name}> without an open <${tag.name}>`);
          i = tag.end;
          continue;
        }
        this.out += before;
        seg = i = tag.end;
        if (tag.name === 'pre') this.preDepth--;
        const e = el.entity;
        if (e) {
          e.length = this.out.length - e.offset;
          this.entities.push(e);
        }
        continue;
      }
      if (tag.name === 'br') {
        this.out += `${before}\n`;
        seg = i = tag.end;
        continue;
      }
      const entity = this.entityFor(tag, i);
      if (entity === undefined) {
        i = tag.end; // plain mode: the tag stays as text
        continue;
      }
      this.out += before;
      if (entity) entity.offset = this.out.length;
      // `<x/>` opens and closes at once (an empty entity, dropped).
      if (input.charCodeAt(tag.end - 2) !== C.Slash) {
        let list = this.open.get(tag.name);
        if (!list) this.open.set(tag.name, (list = []));
        list.push({ entity, at: i });
        if (tag.name === 'pre') this.preDepth++;
      }
      seg = i = tag.end;
    }
    this.out += input.slice(seg);
    let unclosed: number[] | null = null;
    for (const [name, list] of this.open) {
      for (const el of list) {
        if (!this.plain) throw formatError('html', 'unclosed', el.at, `<${name}> is never closed`);
        (unclosed ??= []).push(el.at);
      }
    }
    if (unclosed) return unclosed;
    return { text: this.out, entities: finishEntities(this.entities) };
  }
}

/**
 * Parses Telegram-flavoured HTML into plain text and entities (offsets in
 * UTF-16 code units). See the module comment for the supported markup.
 *
 * @example
 * ```ts
 * parseHtml('<b>Hi</b> <a href="tg://user?id=42">you</a> 👋')
 * // { text: 'Hi you 👋', entities: [{ _: 'messageEntityBold', offset: 0, length: 2 },
 * //   { _: 'messageEntityMentionName', offset: 3, length: 3, user_id: 42n }] }
 * ```
 * @throws FormatError on malformed markup unless `onError: 'plain'`.
 */
export function parseHtml(html: string, options?: ParseOptions): FormattedText {
  const plain = options?.onError === 'plain';
  let result = new HtmlParser(html, plain, null).run();
  // Plain mode with unclosed tags: parse again with those tags as text. Dropping a tag
  // nobody closed does not change how the other tags match, so one more pass normally
  // suffices; each pass adds at least one literal tag, so the loop ends regardless.
  const literal = new Set<number>();
  while (Array.isArray(result)) {
    for (const at of result) literal.add(at);
    result = new HtmlParser(html, plain, literal).run();
  }
  return result;
}
