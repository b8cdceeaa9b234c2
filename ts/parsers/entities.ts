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
import { widenEntityShapes } from './entity-shapes.js';

// Before any entity is built: fixes the entities' hidden classes for the life of the process.
widenEntityShapes();

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
 * Entity kinds with a markup as small integers, so an unparser reads an
 * entity's `_` once and then compares numbers. Values below
 * `MarkupKind.InputMentionName` are also the kind's nesting rank.
 */
export enum MarkupKind {
  Blockquote = 0,
  TextUrl = 1,
  MentionName = 2,
  FormattedDate = 3,
  Bold = 4,
  Italic = 5,
  Underline = 6,
  Strike = 7,
  Spoiler = 8,
  Pre = 9,
  Code = 10,
  CustomEmoji = 11,
  /** Ranks with MentionName. */
  InputMentionName = 12,
  /** Url, mention, hashtag, ...: the server detects them itself, unparsing leaves their text plain. */
  None = 99,
}

/** The markup kind of an entity name. */
export function markupKind(kind: string): MarkupKind {
  // A switch over literals compares by identity; a keyed object lookup hashes the name each time.
  switch (kind) {
    case 'messageEntityBlockquote':
      return MarkupKind.Blockquote;
    case 'messageEntityTextUrl':
      return MarkupKind.TextUrl;
    case 'messageEntityMentionName':
      return MarkupKind.MentionName;
    case 'inputMessageEntityMentionName':
      return MarkupKind.InputMentionName;
    case 'messageEntityFormattedDate':
      return MarkupKind.FormattedDate;
    case 'messageEntityBold':
      return MarkupKind.Bold;
    case 'messageEntityItalic':
      return MarkupKind.Italic;
    case 'messageEntityUnderline':
      return MarkupKind.Underline;
    case 'messageEntityStrike':
      return MarkupKind.Strike;
    case 'messageEntitySpoiler':
      return MarkupKind.Spoiler;
    case 'messageEntityPre':
      return MarkupKind.Pre;
    case 'messageEntityCode':
      return MarkupKind.Code;
    case 'messageEntityCustomEmoji':
      return MarkupKind.CustomEmoji;
    default:
      return MarkupKind.None;
  }
}

/**
 * Nesting rank of a markup kind for entities with the same offset and
 * length: lower ranks are outer (blockquote, link, mention, date, styles,
 * pre, code, custom emoji).
 */
export function markupRank(kind: MarkupKind): number {
  return kind === MarkupKind.InputMentionName ? MarkupKind.MentionName : kind;
}

/** Nesting rank of an entity name (see markupRank); NO_MARKUP for kinds without a markup. */
function rank(kind: string): number {
  return markupRank(markupKind(kind));
}

/** The rank of kinds without a markup. */
const NO_MARKUP: number = MarkupKind.None;

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
  // Usually nothing is empty: then the parser's own array is sorted in place, with no copy.
  let i = 0;
  while (i < entities.length && entities[i]!.length > 0) i++;
  if (i === entities.length) return mergeStyles(sortEntities(entities));
  const out: MessageEntity[] = entities.slice(0, i);
  for (; i < entities.length; i++) if (entities[i]!.length > 0) out.push(entities[i]!);
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
