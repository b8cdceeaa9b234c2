/**
 * Round trips with generated inputs (fast-check, fixed seeds):
 * - parse(unparse(text, entities)) gives back the text and the entities (style
 *   runs merged, Telegram's order) for generated entity sets the format can express;
 * - unparse(parse(markup)) reads back the same for arbitrary markup, and parsing
 *   with onError: 'plain' never throws.
 */
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isStyleKind, mergeStyles, sortEntities } from '../../ts/parsers/entities.js';
import { parseHtml, parseMarkdown, unparseHtml, unparseMarkdown } from '../../ts/parsers/index.js';
import type { MessageEntity } from '../../ts/tl/generated/types.js';

const RUNS = 400;
const SEED = 0x5eed12;

/** Characters that stress both markups: markers, brackets, escapes, references, surrogate pairs, line breaks. */
const CHARS = [
  'a',
  'b',
  ' ',
  '\n',
  '*',
  '_',
  '-',
  '~',
  '|',
  '`',
  '[',
  ']',
  '(',
  ')',
  '\\',
  '!',
  '>',
  '<',
  '&',
  ';',
  '#',
  '"',
  "'",
  '😀',
  'é',
  '\u00a0',
];
const textArb = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 40 }).map((a) => a.join(''));

const URLS = ['https://example.com', 'https://a.b/?x=1&y="2"', 'http://x.y/a_(b)', 'https://t.me/c\\d'];
const STYLES = [
  'messageEntityBold',
  'messageEntityItalic',
  'messageEntityUnderline',
  'messageEntityStrike',
  'messageEntitySpoiler',
] as const;

function entityArb(max: number): fc.Arbitrary<MessageEntity> {
  const range = fc.tuple(fc.nat(max), fc.integer({ min: 1, max: Math.max(1, max) }));
  return fc.oneof(
    fc.tuple(fc.constantFrom(...STYLES), range).map(([k, [o, l]]) => ({ _: k, offset: o, length: l }) as MessageEntity),
    range.map(([o, l]) => ({ _: 'messageEntityCode', offset: o, length: l }) as MessageEntity),
    fc
      .tuple(range, fc.constantFrom('', 'ts', 'c++', 'objective-c'))
      .map(([[o, l], language]) => ({ _: 'messageEntityPre', offset: o, length: l, language }) as MessageEntity),
    fc
      .tuple(range, fc.constantFrom(...URLS))
      .map(([[o, l], url]) => ({ _: 'messageEntityTextUrl', offset: o, length: l, url }) as MessageEntity),
    fc
      .tuple(range, fc.bigInt({ min: 1n, max: 1n << 62n }))
      .map(([[o, l], id]) => ({ _: 'messageEntityMentionName', offset: o, length: l, user_id: id }) as MessageEntity),
    fc
      .tuple(range, fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }))
      .map(([[o, l], id]) => ({ _: 'messageEntityCustomEmoji', offset: o, length: l, document_id: id }) as MessageEntity),
    fc
      .tuple(range, fc.integer({ min: 0, max: 0x7fffffff }), fc.constantFrom('', 'r', 'w', 'd', 'D', 't', 'T', 'wdt', 'DT', 'wD'))
      .map(([[o, l], unix, f]) => {
        const e: MessageEntity.messageEntityFormattedDate = { _: 'messageEntityFormattedDate', offset: o, length: l, date: unix };
        if (f === 'r') e.relative = true;
        if (f.includes('w')) e.day_of_week = true;
        if (f.includes('d')) e.short_date = true;
        if (f.includes('D')) e.long_date = true;
        if (f.includes('t')) e.short_time = true;
        if (f.includes('T')) e.long_time = true;
        return e;
      }),
    fc
      .tuple(range, fc.boolean())
      .map(
        ([[o, l], c]) =>
          (c
            ? { _: 'messageEntityBlockquote', offset: o, length: l, collapsed: true }
            : { _: 'messageEntityBlockquote', offset: o, length: l }) as MessageEntity,
      ),
  );
}

const isCode = (e: MessageEntity) => e._ === 'messageEntityCode' || e._ === 'messageEntityPre';
const end = (e: MessageEntity) => e.offset + e.length;
const overlaps = (a: MessageEntity, b: MessageEntity) => a.offset < end(b) && b.offset < end(a);
const contains = (a: MessageEntity, b: MessageEntity) => a.offset <= b.offset && end(b) <= end(a);

/**
 * Keeps what Telegram accepts and HTML expresses: non-style entities nest
 * (no partial overlaps, no duplicates of a range), no code inside pre (the
 * `<pre><code>` form names the language).
 */
function validForHtml(text: string, raw: MessageEntity[]): MessageEntity[] {
  const kept: MessageEntity[] = [];
  for (const e0 of raw) {
    const e = { ...e0, length: Math.min(e0.length, text.length - e0.offset) };
    if (e.offset >= text.length || e.length <= 0) continue;
    if (!isStyleKind(e._)) {
      const bad = kept.some(
        (k) =>
          !isStyleKind(k._) &&
          ((overlaps(k, e) && !contains(k, e) && !contains(e, k)) ||
            (k.offset === e.offset && k.length === e.length) ||
            (k._ === 'messageEntityPre' && e._ === 'messageEntityCode' && contains(k, e)) ||
            (e._ === 'messageEntityPre' && k._ === 'messageEntityCode' && contains(e, k))),
      );
      if (bad) continue;
    }
    kept.push(e as MessageEntity);
  }
  return kept;
}

/** The parsers' canonical form of an entity set. */
function canonical(entities: MessageEntity[]): MessageEntity[] {
  return mergeStyles(sortEntities([...entities]));
}

test('html round trip: parseHtml(unparseHtml(t, e)) = (t, e) for generated valid entity sets', () => {
  fc.assert(
    fc.property(
      textArb.chain((t) => fc.tuple(fc.constant(t), fc.array(entityArb(t.length), { maxLength: 8 }))),
      ([text, raw]) => {
        const entities = validForHtml(text, raw);
        const html = unparseHtml(text, entities);
        const back = parseHtml(html);
        assert.is(back.text, text, html);
        assert.equal(back.entities, canonical(entities), html);
      },
    ),
    { numRuns: RUNS, seed: SEED },
  );
});

/**
 * Keeps what Markdown expresses on top of validForHtml: blockquotes on whole
 * lines, apart from each other, not ending in an empty line, and no spoilers
 * next to an expandable one; nothing inside code or pre; no link-like entity
 * inside another; styles with no boundary inside code.
 */
function validForMarkdown(text: string, raw: MessageEntity[]): MessageEntity[] {
  const base = validForHtml(text, raw);
  const lineStart = (p: number) => p === 0 || text[p - 1] === '\n';
  const quotes: MessageEntity[] = [];
  for (const e of base) {
    if (e._ !== 'messageEntityBlockquote') continue;
    const ok =
      lineStart(e.offset) &&
      (end(e) === text.length || text[end(e)] === '\n') &&
      text[end(e) - 1] !== '\n' &&
      quotes.every((q) => end(q) + 1 < e.offset || end(e) + 1 < q.offset);
    if (ok) quotes.push(e);
  }
  const codes = base.filter(isCode);
  const expandable = quotes.some((q) => (q as MessageEntity.messageEntityBlockquote).collapsed);
  const out: MessageEntity[] = [...quotes];
  for (const e of base) {
    if (e._ === 'messageEntityBlockquote') continue;
    if (isStyleKind(e._)) {
      if (e._ === 'messageEntitySpoiler' && expandable) continue;
      if (codes.some((c) => (e.offset > c.offset && e.offset < end(c)) || (end(e) > c.offset && end(e) < end(c)))) continue;
      out.push(e);
      continue;
    }
    if (codes.some((c) => c !== e && contains(c, e))) continue;
    if (!isCode(e) && base.some((k) => k !== e && !isStyleKind(k._) && !isCode(k) && k._ !== 'messageEntityBlockquote' && contains(k, e)))
      continue;
    out.push(e);
  }
  return out;
}

test('markdown round trip: parseMarkdown(unparseMarkdown(t, e)) = (t, e) for generated entity sets Markdown expresses', () => {
  fc.assert(
    fc.property(
      textArb.chain((t) => fc.tuple(fc.constant(t), fc.array(entityArb(t.length), { maxLength: 8 }))),
      ([text, raw]) => {
        const entities = validForMarkdown(text, raw);
        const md = unparseMarkdown(text, entities);
        const back = parseMarkdown(md);
        assert.is(back.text, text, md);
        assert.equal(back.entities, canonical(entities), md);
      },
    ),
    { numRuns: RUNS, seed: SEED },
  );
});

const markupChars = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 60 }).map((a) => a.join(''));
const MD_PIECES = [
  'a',
  ' ',
  '\n',
  '**',
  '__',
  '--',
  '~~',
  '||',
  '`',
  '```',
  '[',
  '](',
  ')',
  '![',
  '\\',
  '> ',
  '**> ',
  'tg://user?id=5',
  'https://x',
  '😀',
  '*',
  '_',
];
const HTML_PIECES = [
  'a',
  ' ',
  '\n',
  '<b>',
  '</b>',
  '<i>',
  '</i>',
  '<code>',
  '</code>',
  '<pre>',
  '</pre>',
  '<a href="https://x">',
  '</a>',
  '<blockquote expandable>',
  '</blockquote>',
  '&amp;',
  '&lt;',
  '<',
  '&',
  '"',
  '😀',
  '<div>',
  '<tg-emoji emoji-id="1">',
  '</tg-emoji>',
];

test('markdown: any markup parses with onError: plain, and its unparse reads back the same', () => {
  fc.assert(
    fc.property(markupChars(MD_PIECES), (md) => {
      const r = parseMarkdown(md, { onError: 'plain' });
      const again = parseMarkdown(unparseMarkdown(r.text, r.entities));
      assert.is(again.text, r.text);
      assert.equal(again.entities, canonical(validForMarkdown(r.text, r.entities)));
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

test('html: any markup parses with onError: plain, and its unparse reads back the same', () => {
  fc.assert(
    fc.property(markupChars(HTML_PIECES), (html) => {
      const r = parseHtml(html, { onError: 'plain' });
      const again = parseHtml(unparseHtml(r.text, r.entities));
      assert.is(again.text, r.text);
      assert.equal(again.entities, r.entities);
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

test.run();
