/**
 * The `tg://` links and attributes that carry entity data in markup, shared
 * by the Markdown and HTML parsers:
 *
 * - `tg://user?id=<id>` — a mention by id (`messageEntityMentionName`);
 *   `&hash=<hex access hash>` makes it an `inputMessageEntityMentionName`.
 *   https://core.telegram.org/api/links#user-links
 * - `tg://emoji?id=<document id>` — a custom emoji (`messageEntityCustomEmoji`).
 * - `tg://time?unix=<seconds>&format=<fmt>` — a formatted date (`messageEntityFormattedDate`);
 *   `fmt` matches `r|w?[dD]?[tT]?` as in the Bot API's date_time entities.
 */
import type { MessageEntity } from '../tl/generated/types.js';

type FormattedDate = MessageEntity.messageEntityFormattedDate;
type DateFlags = Pick<FormattedDate, 'relative' | 'day_of_week' | 'short_date' | 'long_date' | 'short_time' | 'long_time'>;

const DATE_FORMAT = /^(?:r|w?[dD]?[tT]?)$/;
const DIGITS = /^\d{1,20}$/;
const SIGNED_DIGITS = /^-?\d{1,20}$/;
const HEX = /^-?[0-9a-fA-F]{1,16}$/;
const U64 = 1n << 64n;
const MIN_SIGNED = -(1n << 63n);

/** Parses a decimal 64-bit id (signed or unsigned spelling) to a signed `long`; undefined when out of range. */
export function parseLong(text: string, allowNegative: boolean): bigint | undefined {
  if (!(allowNegative ? SIGNED_DIGITS : DIGITS).test(text)) return undefined;
  const v = BigInt(text);
  // Up to 18 digits (and a sign) is within a signed 64-bit range: no range check or wrap needed.
  if (text.length <= 18) return v;
  if (v >= U64 || v < MIN_SIGNED) return undefined;
  return BigInt.asIntN(64, v);
}

/** `r|w?[dD]?[tT]?` → the entity's flags; undefined when the format is invalid. */
function parseDateFormat(format: string): DateFlags | undefined {
  if (!DATE_FORMAT.test(format)) return undefined;
  const flags: DateFlags = {};
  for (let i = 0; i < format.length; i++) {
    switch (format[i]) {
      case 'r':
        flags.relative = true;
        break;
      case 'w':
        flags.day_of_week = true;
        break;
      case 'd':
        flags.short_date = true;
        break;
      case 'D':
        flags.long_date = true;
        break;
      case 't':
        flags.short_time = true;
        break;
      case 'T':
        flags.long_time = true;
        break;
    }
  }
  return flags;
}

/** The entity's flags → its format string (`''` when none is set). Conflicting flags resolve to the long form. */
export function formatDateFlags(e: DateFlags): string {
  if (e.relative) return 'r';
  return `${e.day_of_week ? 'w' : ''}${e.long_date ? 'D' : e.short_date ? 'd' : ''}${e.long_time ? 'T' : e.short_time ? 't' : ''}`;
}

/** The query parameters of a `tg://` link: `get(name)` gives the first value or null, as URLSearchParams does. */
interface Query {
  get(name: string): string | null;
}

/**
 * A plain `k=v&k=v` query (no `%` or `+`, so nothing to decode; no leading `?`) read in place:
 * building a URLSearchParams costs more than the rest of a link's parse.
 */
class PlainQuery implements Query {
  constructor(readonly text: string) {}

  get(name: string): string | null {
    const text = this.text;
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('&', start);
      if (end < 0) end = text.length;
      if (end > start) {
        const eq = text.indexOf('=', start);
        const keyEnd = eq >= 0 && eq < end ? eq : end;
        if (keyEnd - start === name.length && text.startsWith(name, start)) return keyEnd === end ? '' : text.slice(keyEnd + 1, end);
      }
      start = end + 1;
    }
    return null;
  }
}

function query(url: string, prefix: string): Query | undefined {
  if (url.length <= prefix.length) return undefined;
  // Links are almost always written in lower case: compare in place, lower-case a copy only otherwise.
  if (!url.startsWith(prefix) && url.slice(0, prefix.length).toLowerCase() !== prefix) return undefined;
  const q = url.slice(prefix.length);
  // URLSearchParams also drops a leading `?`; leave that and anything encoded to it.
  return q.indexOf('%') < 0 && q.indexOf('+') < 0 && q.charCodeAt(0) !== 63 ? new PlainQuery(q) : new URLSearchParams(q);
}

/**
 * The entity a link target stands for (without offset and length), or
 * `undefined` when it is a `tg://user|emoji|time` link with bad parameters.
 * Any other URL is a `messageEntityTextUrl`.
 */
export function entityForUrl(url: string): MessageEntity | undefined {
  if (url.length > 5 && (url.charCodeAt(0) | 0x20) === 0x74 && url.startsWith('://', 2)) {
    let q = query(url, 'tg://user?');
    if (q) {
      const id = parseLong(q.get('id') ?? '', false);
      if (id === undefined) return undefined;
      const hash = q.get('hash');
      if (hash === null) return { _: 'messageEntityMentionName', offset: 0, length: 0, user_id: id };
      if (!HEX.test(hash)) return undefined;
      const accessHash = BigInt.asIntN(64, hash[0] === '-' ? -BigInt(`0x${hash.slice(1)}`) : BigInt(`0x${hash}`));
      return {
        _: 'inputMessageEntityMentionName',
        offset: 0,
        length: 0,
        user_id: { _: 'inputUser', user_id: id, access_hash: accessHash },
      };
    }
    q = query(url, 'tg://emoji?');
    if (q) {
      const id = parseLong(q.get('id') ?? '', true);
      return id === undefined ? undefined : { _: 'messageEntityCustomEmoji', offset: 0, length: 0, document_id: id };
    }
    q = query(url, 'tg://time?');
    if (q) return dateEntity(q.get('unix') ?? '', q.get('format'));
  }
  return { _: 'messageEntityTextUrl', offset: 0, length: 0, url };
}

/** A `messageEntityFormattedDate` from the `unix` and `format` texts, or undefined when either is invalid. */
export function dateEntity(unix: string, format: string | null | undefined): MessageEntity | undefined {
  if (!/^\d{1,10}$/.test(unix)) return undefined;
  const date = Number(unix);
  if (date > 0x7fffffff) return undefined;
  const flags = parseDateFormat(format ?? '');
  if (!flags) return undefined;
  return { _: 'messageEntityFormattedDate', offset: 0, length: 0, date, ...flags };
}

/** The link target that stands for a mention, custom emoji or date entity; undefined for other kinds. */
export function urlForEntity(e: MessageEntity): string | undefined {
  switch (e._) {
    case 'messageEntityTextUrl':
      return e.url;
    case 'messageEntityMentionName':
      return `tg://user?id=${e.user_id}`;
    case 'inputMessageEntityMentionName':
      return e.user_id._ === 'inputUser' ? `tg://user?id=${e.user_id.user_id}&hash=${e.user_id.access_hash.toString(16)}` : undefined;
    case 'messageEntityCustomEmoji':
      return `tg://emoji?id=${e.document_id}`;
    case 'messageEntityFormattedDate': {
      const f = formatDateFlags(e);
      return `tg://time?unix=${e.date}${f ? `&format=${f}` : ''}`;
    }
    default:
      return undefined;
  }
}
