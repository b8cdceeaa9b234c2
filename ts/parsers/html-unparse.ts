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
import { entitiesForUnparse, MarkupKind } from './entities.js';
import { escapeHtml, escapeHtmlRange } from './html-text.js';
import { type NestingSink, walkNested } from './nesting.js';
import { formatDateFlags, urlForEntity } from './tg-links.js';

const WHITESPACE = /\s/;

/** The opening tag of `e`, whose markupKind is `kind` (a switch over integers; `e` is read only for its data). */
function openTag(e: MessageEntity, kind: MarkupKind): string {
  switch (kind) {
    case MarkupKind.Bold:
      return '<b>';
    case MarkupKind.Italic:
      return '<i>';
    case MarkupKind.Underline:
      return '<u>';
    case MarkupKind.Strike:
      return '<s>';
    case MarkupKind.Spoiler:
      return '<tg-spoiler>';
    case MarkupKind.Code:
      return '<code>';
    case MarkupKind.Pre: {
      const language = (e as MessageEntity.messageEntityPre).language;
      if (!language) return '<pre>';
      // class="language-x" is the Bot API form; a language with spaces goes to an attribute of its own.
      return WHITESPACE.test(language)
        ? `<pre language="${escapeHtml(language, true)}">`
        : `<pre><code class="language-${escapeHtml(language, true)}">`;
    }
    case MarkupKind.Blockquote:
      return (e as MessageEntity.messageEntityBlockquote).collapsed ? '<blockquote expandable>' : '<blockquote>';
    case MarkupKind.CustomEmoji:
      return `<tg-emoji emoji-id="${(e as MessageEntity.messageEntityCustomEmoji).document_id}">`;
    case MarkupKind.FormattedDate: {
      const d = e as MessageEntity.messageEntityFormattedDate;
      const f = formatDateFlags(d);
      return `<tg-time unix="${d.date}"${f ? ` format="${f}"` : ''}>`;
    }
    case MarkupKind.TextUrl:
      return `<a href="${escapeHtml((e as MessageEntity.messageEntityTextUrl).url, true)}">`;
    case MarkupKind.MentionName:
      // Digits only: nothing to escape.
      return `<a href="tg://user?id=${(e as MessageEntity.messageEntityMentionName).user_id}">`;
    default: {
      const url = urlForEntity(e);
      return url === undefined ? '' : `<a href="${escapeHtml(url, true)}">`;
    }
  }
}

/** The closing tag of `e`, whose markupKind is `kind`. */
function closeTag(e: MessageEntity, kind: MarkupKind): string {
  switch (kind) {
    case MarkupKind.Bold:
      return '</b>';
    case MarkupKind.Italic:
      return '</i>';
    case MarkupKind.Underline:
      return '</u>';
    case MarkupKind.Strike:
      return '</s>';
    case MarkupKind.Spoiler:
      return '</tg-spoiler>';
    case MarkupKind.Code:
      return '</code>';
    case MarkupKind.Pre: {
      const language = (e as MessageEntity.messageEntityPre).language;
      return language && !WHITESPACE.test(language) ? '</code></pre>' : '</pre>';
    }
    case MarkupKind.Blockquote:
      return '</blockquote>';
    case MarkupKind.CustomEmoji:
      return '</tg-emoji>';
    case MarkupKind.FormattedDate:
      return '</tg-time>';
    case MarkupKind.TextUrl:
    case MarkupKind.MentionName:
      return '</a>';
    case MarkupKind.InputMentionName:
      // What urlForEntity can spell (openTag wrote nothing for the rest); no need to build the URL again.
      return (e as MessageEntity.inputMessageEntityMentionName).user_id._ === 'inputUser' ? '</a>' : '';
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

  open(e: MessageEntity, kind: MarkupKind): void {
    this.out += openTag(e, kind);
  }

  close(e: MessageEntity, kind: MarkupKind): void {
    this.out += closeTag(e, kind);
  }
}
