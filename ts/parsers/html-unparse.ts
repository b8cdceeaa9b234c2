/**
 * Text + entities → HTML, in the Bot API's HTML subset (see html-parse.ts for
 * the table): `<b>`, `<i>`, `<u>`, `<s>`, `<tg-spoiler>`, `<code>`,
 * `<pre><code class="language-x">`, `<a href>`, `<tg-emoji emoji-id>`,
 * `<tg-time unix format>`, `<blockquote [expandable]>`.
 *
 * Overlapping entities are split so that tags nest (nesting.ts); parseHtml
 * merges the split style runs back, so `parseHtml(unparseHtml(t, e))` gives
 * back `t` and `e` for every entity set Telegram accepts. Entities without a
 * markup (url, email, mention, hashtag, ... which the server detects by
 * itself) leave their text plain.
 */
import type { MessageEntity } from '../tl/generated/types.js';
import { entitiesForUnparse } from './entities.js';
import { escapeHtml, escapeHtmlRange } from './html-text.js';
import { type NestingSink, walkNested } from './nesting.js';
import { formatDateFlags, urlForEntity } from './tg-links.js';

const WHITESPACE = /\s/;

function openTag(e: MessageEntity): string {
  switch (e._) {
    case 'messageEntityBold':
      return '<b>';
    case 'messageEntityItalic':
      return '<i>';
    case 'messageEntityUnderline':
      return '<u>';
    case 'messageEntityStrike':
      return '<s>';
    case 'messageEntitySpoiler':
      return '<tg-spoiler>';
    case 'messageEntityCode':
      return '<code>';
    case 'messageEntityPre':
      if (!e.language) return '<pre>';
      // class="language-x" is the Bot API form; a language with spaces goes to an attribute of its own.
      return WHITESPACE.test(e.language)
        ? `<pre language="${escapeHtml(e.language, true)}">`
        : `<pre><code class="language-${escapeHtml(e.language, true)}">`;
    case 'messageEntityBlockquote':
      return e.collapsed ? '<blockquote expandable>' : '<blockquote>';
    case 'messageEntityCustomEmoji':
      return `<tg-emoji emoji-id="${e.document_id}">`;
    case 'messageEntityFormattedDate': {
      const f = formatDateFlags(e);
      return `<tg-time unix="${e.date}"${f ? ` format="${f}"` : ''}>`;
    }
    case 'messageEntityTextUrl':
      return `<a href="${escapeHtml(e.url, true)}">`;
    case 'messageEntityMentionName':
      // Digits only: nothing to escape.
      return `<a href="tg://user?id=${e.user_id}">`;
    default: {
      const url = urlForEntity(e);
      return url === undefined ? '' : `<a href="${escapeHtml(url, true)}">`;
    }
  }
}

function closeTag(e: MessageEntity): string {
  switch (e._) {
    case 'messageEntityBold':
      return '</b>';
    case 'messageEntityItalic':
      return '</i>';
    case 'messageEntityUnderline':
      return '</u>';
    case 'messageEntityStrike':
      return '</s>';
    case 'messageEntitySpoiler':
      return '</tg-spoiler>';
    case 'messageEntityCode':
      return '</code>';
    case 'messageEntityPre':
      return e.language && !WHITESPACE.test(e.language) ? '</code></pre>' : '</pre>';
    case 'messageEntityBlockquote':
      return '</blockquote>';
    case 'messageEntityCustomEmoji':
      return '</tg-emoji>';
    case 'messageEntityFormattedDate':
      return '</tg-time>';
    case 'messageEntityTextUrl':
    case 'messageEntityMentionName':
      return '</a>';
    case 'inputMessageEntityMentionName':
      // What urlForEntity can spell (openTag wrote nothing for the rest); no need to build the URL again.
      return e.user_id._ === 'inputUser' ? '</a>' : '';
    default:
      return urlForEntity(e) === undefined ? '' : '</a>';
  }
}

/**
 * Formats `text` with `entities` as Telegram-flavoured HTML (the inverse of
 * `parseHtml`). Entities may overlap and come in any order.
 *
 * @example
 * ```ts
 * unparseHtml('Hi you', [{ _: 'messageEntityBold', offset: 0, length: 6 }, { _: 'messageEntityItalic', offset: 3, length: 3 }])
 * // '<b>Hi <i>you</i></b>'
 * ```
 */
export function unparseHtml(text: string, entities?: readonly MessageEntity[]): string {
  const list = entitiesForUnparse(text, entities);
  if (list.length === 0) return escapeHtml(text);
  const w = new HtmlWriter(text);
  walkNested(text.length, list, w);
  return w.out;
}

/**
 * The sink for walkNested: a class, not an object of closures — one
 * allocation per call instead of four, and no per-call function objects.
 */
class HtmlWriter implements NestingSink {
  out = '';
  constructor(readonly source: string) {}

  text(from: number, to: number): void {
    this.out += escapeHtmlRange(this.source, from, to);
  }

  open(e: MessageEntity): void {
    this.out += openTag(e);
  }

  close(e: MessageEntity): void {
    this.out += closeTag(e);
  }
}
