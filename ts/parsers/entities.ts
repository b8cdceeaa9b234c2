/**
 * Message entities as the formatting parsers see them: which kinds have a
 * markup, the canonical order Telegram expects, and the clean-up both
 * directions share (clamping, dropping empty entities, merging split styles).
 *
 * Offsets and lengths are in UTF-16 code units, which is what a JavaScript
 * string index already counts (an emoji outside the BMP is a surrogate pair
 * and counts 2): https://core.telegram.org/api/entities#entity-length
 */
import type { MessageEntity } from '../tl/generated/types.js';

/** Plain text plus the entities that format it — what `messages.sendMessage` takes as `message` and `entities`. */
export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/**
 * What a parser does with markup it cannot read (an unclosed `**`, `<b>`
 * without `</b>`, an unknown tag, a link without its `)`):
 * - `throw` (default): a `FormatError` with `format`, `reason` and `offset`;
 * - `plain`: the offending markup is kept as literal text and the rest is parsed.
 */
export type OnFormatError = 'throw' | 'plain';

/** Options of `parseMarkdown` and `parseHtml`. */
export interface ParseOptions {
  /** Default `throw`. */
  onError?: OnFormatError;
}

/**
 * Style entities: the ones Telegram lets overlap anything, so unparsing may
 * split them (close and reopen around another entity) and parsing merges
 * touching pieces back. https://core.telegram.org/bots/api#formatting-options
 */
const STYLE_KINDS: ReadonlySet<string> = new Set([
  'messageEntityBold',
  'messageEntityItalic',
  'messageEntityUnderline',
  'messageEntityStrike',
  'messageEntitySpoiler',
]);

/** True for bold, italic, underline, strike and spoiler. */
export function isStyleKind(kind: string): boolean {
  // Five comparisons beat a Set lookup: entity names are literals, so V8 compares them by identity first.
  return (
    kind === 'messageEntityBold' ||
    kind === 'messageEntityItalic' ||
    kind === 'messageEntityUnderline' ||
    kind === 'messageEntityStrike' ||
    kind === 'messageEntitySpoiler'
  );
}

/**
 * Nesting rank for entities with the same offset and length: lower ranks
 * are outer. Kinds without a markup (url, mention, hashtag, ... which the
 * server detects itself) are absent: unparsing leaves their text plain.
 */
function rank(kind: string): number {
  // A switch over literals compares by identity; a keyed object lookup hashes the name each time.
  switch (kind) {
    case 'messageEntityBlockquote':
      return 0;
    case 'messageEntityTextUrl':
      return 1;
    case 'messageEntityMentionName':
    case 'inputMessageEntityMentionName':
      return 2;
    case 'messageEntityFormattedDate':
      return 3;
    case 'messageEntityBold':
      return 4;
    case 'messageEntityItalic':
      return 5;
    case 'messageEntityUnderline':
      return 6;
    case 'messageEntityStrike':
      return 7;
    case 'messageEntitySpoiler':
      return 8;
    case 'messageEntityPre':
      return 9;
    case 'messageEntityCode':
      return 10;
    case 'messageEntityCustomEmoji':
      return 11;
    default:
      return NO_MARKUP;
  }
}

/** The rank of kinds without a markup. */
const NO_MARKUP = 99;

/**
 * Telegram's order: by offset, then the longer (outer) entity first; equal
 * ranges by a fixed kind rank (blockquote, link, ..., styles, pre, code, custom emoji).
 */
export function compareEntities(a: MessageEntity, b: MessageEntity): number {
  return a.offset - b.offset || b.length - a.length || rank(a._) - rank(b._);
}

/** Sorts entities in place into Telegram's order and returns them. */
export function sortEntities<T extends MessageEntity>(entities: T[]): T[] {
  // Parsers mostly emit entities already in order; skip the sort then.
  for (let i = 1; i < entities.length; i++) {
    if (compareEntities(entities[i - 1]!, entities[i]!) > 0) return stableSort(entities, compareEntities);
  }
  return entities;
}

/**
 * `items.sort(compare)` (stable, in place), with an insertion sort for the
 * short arrays one message has: Array.prototype.sort has a fixed cost of a
 * few hundred nanoseconds per call, more than sorting ten items takes.
 */
function stableSort<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  const n = items.length;
  if (n > 24) return items.sort(compare);
  for (let i = 1; i < n; i++) {
    const x = items[i]!;
    let j = i - 1;
    while (j >= 0 && compare(items[j]!, x) > 0) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = x;
  }
  return items;
}

/**
 * Merges style entities of one kind that touch or overlap (one run of bold,
 * split only by the markup). Returns a new array in Telegram's order when
 * something merged; the input array (sorted) otherwise.
 */
export function mergeStyles(sorted: MessageEntity[]): MessageEntity[] {
  // Entities are sorted by offset, so a run of one kind can only merge with the latest
  // entity of that kind: one pass with the latest end per style kind says whether anything
  // merges at all (usually not).
  let merges = false;
  let bold = -1;
  let italic = -1;
  let underline = -1;
  let strike = -1;
  let spoiler = -1;
  for (let i = 0; i < sorted.length && !merges; i++) {
    const e = sorted[i]!;
    const start = e.offset;
    const end = start + e.length;
    switch (e._) {
      case 'messageEntityBold':
        merges = start <= bold;
        bold = end;
        break;
      case 'messageEntityItalic':
        merges = start <= italic;
        italic = end;
        break;
      case 'messageEntityUnderline':
        merges = start <= underline;
        underline = end;
        break;
      case 'messageEntityStrike':
        merges = start <= strike;
        strike = end;
        break;
      case 'messageEntitySpoiler':
        merges = start <= spoiler;
        spoiler = end;
        break;
    }
  }
  if (!merges) return sorted;
  // One pass keeps the current run per kind.
  const open = new Map<string, MessageEntity>();
  const merged: MessageEntity[] = [];
  for (const e of sorted) {
    if (!STYLE_KINDS.has(e._)) {
      merged.push(e);
      continue;
    }
    const run = open.get(e._);
    if (run && e.offset <= run.offset + run.length) {
      const end = Math.max(run.offset + run.length, e.offset + e.length);
      run.length = end - run.offset;
      continue;
    }
    const copy = { ...e };
    open.set(e._, copy);
    merged.push(copy);
  }
  return stableSort(merged, compareEntities);
}

/**
 * Final clean-up of a parser's output: drops empty entities, merges touching
 * style runs (`mergeStyles`) and sorts.
 */
export function finishEntities(entities: MessageEntity[]): MessageEntity[] {
  const out: MessageEntity[] = [];
  for (const e of entities) if (e.length > 0) out.push(e);
  return mergeStyles(sortEntities(out));
}

/**
 * The entities an unparser works on: only kinds with a markup, clamped to the
 * text, non-empty, in Telegram's order. The caller's array is not changed.
 */
export function entitiesForUnparse(text: string, entities: readonly MessageEntity[] | undefined): readonly MessageEntity[] {
  if (!entities) return [];
  const n = text.length;
  // Usually every entity already fits: then the caller's array serves as it is (read only).
  let prev: MessageEntity | undefined;
  let i = 0;
  for (; i < entities.length; i++) {
    const e = entities[i]!;
    const start = e.offset;
    const length = e.length;
    if (rank(e._) === NO_MARKUP || (start | 0) !== start || (length | 0) !== length || start < 0 || length <= 0 || start + length > n)
      break;
    if (prev && compareEntities(prev, e) > 0) break;
    prev = e;
  }
  if (i === entities.length) return entities;
  const out: MessageEntity[] = [];
  for (const e of entities) {
    if (rank(e._) === NO_MARKUP) continue;
    let start = e.offset | 0;
    let end = start + (e.length | 0);
    if (start < 0) start = 0;
    if (end > n) end = n;
    if (end <= start) continue;
    out.push(start === e.offset && end - start === e.length ? e : { ...e, offset: start, length: end - start });
  }
  return sortEntities(out);
}
