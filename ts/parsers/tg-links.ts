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

/** `r|w?[dD]?[tT]?` (already checked) → the entity's flags, set on `flags`. */
function setDateFlags(flags: DateFlags, format: string): void {
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
}

/** The entity's flags → its format string (`''` when none is set). Conflicting flags resolve to the long form. */
export function formatDateFlags(e: DateFlags): string {
  if (e.relative) return 'r';
  return `${e.day_of_week ? 'w' : ''}${e.long_date ? 'D' : e.short_date ? 'd' : ''}${e.long_time ? 'T' : e.short_time ? 't' : ''}`;
}

/**
 * The first value of `name` in a `tg://` link's query, or null, as URLSearchParams#get gives it.
 * A plain `k=v&k=v` query (no `%` or `+`, so nothing to decode; no leading `?`) is read in place:
 * building a URLSearchParams costs more than the rest of a link's parse.
 */
function param(query: string, name: string): string | null {
  if (query.indexOf('%') >= 0 || query.indexOf('+') >= 0 || query.charCodeAt(0) === 63) return new URLSearchParams(query).get(name);
  let start = 0;
  while (start <= query.length) {
    let end = query.indexOf('&', start);
    if (end < 0) end = query.length;
    if (end > start) {
      const eq = query.indexOf('=', start);
      const keyEnd = eq >= 0 && eq < end ? eq : end;
      if (keyEnd - start === name.length && query.startsWith(name, start)) return keyEnd === end ? '' : query.slice(keyEnd + 1, end);
    }
    start = end + 1;
  }
  return null;
}

/** `tg://<host>?<query>` with a non-empty query → the host in lower case; undefined otherwise. */
function tgHost(url: string): string | undefined {
  if (url.length <= 6 || (url.charCodeAt(0) | 0x20) !== 0x74 || (url.charCodeAt(1) | 0x20) !== 0x67 || !url.startsWith('://', 2))
    return undefined;
  const qm = url.indexOf('?', 5);
  if (qm < 0 || qm === url.length - 1) return undefined;
  const host = url.slice(5, qm);
  // Links are almost always written in lower case: lower-case a copy only when a known host does not match as written.
  return host === 'user' || host === 'emoji' || host === 'time' ? host : host.toLowerCase();
}

/**
 * The entity a link target stands for (without offset and length), or
 * `undefined` when it is a `tg://user|emoji|time` link with bad parameters.
 * Any other URL is a `messageEntityTextUrl`.
 */
export function entityForUrl(url: string): MessageEntity | undefined {
  const host = tgHost(url);
  if (host !== undefined) {
    const query = url.slice(url.indexOf('?', 5) + 1);
    switch (host) {
      case 'user': {
        const id = parseLong(param(query, 'id') ?? '', false);
        if (id === undefined) return undefined;
        const hash = param(query, 'hash');
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
      case 'emoji': {
        const id = parseLong(param(query, 'id') ?? '', true);
        return id === undefined ? undefined : { _: 'messageEntityCustomEmoji', offset: 0, length: 0, document_id: id };
      }
      case 'time':
        return dateEntity(param(query, 'unix') ?? '', param(query, 'format'));
    }
  }
  return { _: 'messageEntityTextUrl', offset: 0, length: 0, url };
}

/** A `messageEntityFormattedDate` from the `unix` and `format` texts, or undefined when either is invalid. */
export function dateEntity(unix: string, format: string | null | undefined): MessageEntity | undefined {
  if (!/^\d{1,10}$/.test(unix)) return undefined;
  const date = Number(unix);
  if (date > 0x7fffffff) return undefined;
  const f = format ?? '';
  if (!DATE_FORMAT.test(f)) return undefined;
  // Flags set on the entity itself: spreading a separate flags object costs more than the rest.
  const entity: FormattedDate = { _: 'messageEntityFormattedDate', offset: 0, length: 0, date };
  setDateFlags(entity, f);
  return entity;
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
