import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WasmgramError } from '../../ts/errors.js';
import { isFormatError, parseMarkdown, unparseMarkdown } from '../../ts/parsers/index.js';
import type { MessageEntity } from '../../ts/tl/generated/types.js';
import { bold, code, date, emoji, italic, link, mention, pre, quote, spoiler, strike, underline } from './_cases.js';

interface Case {
  name: string;
  md: string;
  text: string;
  entities: MessageEntity[];
  /** What unparsing the result gives, when it is not `md` itself. */
  back?: string;
}

const CASES: Case[] = [
  // One case per entity kind.
  { name: 'bold', md: 'a **b** c', text: 'a b c', entities: [bold(2, 1)] },
  { name: 'italic', md: '__it__', text: 'it', entities: [italic(0, 2)] },
  { name: 'underline', md: '--u--', text: 'u', entities: [underline(0, 1)] },
  { name: 'strike', md: '~~s~~', text: 's', entities: [strike(0, 1)] },
  { name: 'spoiler', md: '||sp||', text: 'sp', entities: [spoiler(0, 2)] },
  { name: 'code', md: 'run `npm test` now', text: 'run npm test now', entities: [code(4, 8)] },
  { name: 'pre without language', md: '```\nline 1\nline 2\n```', text: 'line 1\nline 2', entities: [pre(0, 13)] },
  { name: 'pre with language', md: '```ts\nconst a = 1;\n```', text: 'const a = 1;', entities: [pre(0, 12, 'ts')] },
  {
    name: 'pre on one line (no language)',
    md: '```x = 1```',
    text: 'x = 1',
    entities: [pre(0, 5)],
    back: '```\nx = 1\n```',
  },
  { name: 'text link', md: '[site](https://example.com/a?b=1)', text: 'site', entities: [link(0, 4, 'https://example.com/a?b=1')] },
  { name: 'mention by id', md: '[Ann](tg://user?id=123456789)', text: 'Ann', entities: [mention(0, 3, 123456789n)] },
  {
    name: 'input mention with access hash',
    md: '[Ann](tg://user?id=7&hash=-ff)',
    text: 'Ann',
    entities: [{ _: 'inputMessageEntityMentionName', offset: 0, length: 3, user_id: { _: 'inputUser', user_id: 7n, access_hash: -255n } }],
  },
  {
    name: 'custom emoji',
    md: '![👍](tg://emoji?id=5368324170671202286)',
    text: '👍',
    entities: [emoji(0, 2, 5368324170671202286n)],
  },
  {
    name: 'custom emoji without ! (mtcute spelling)',
    md: '[👍](tg://emoji?id=-5)',
    text: '👍',
    entities: [emoji(0, 2, -5n)],
    back: '![👍](tg://emoji?id=-5)',
  },
  {
    name: 'formatted date',
    md: '![22:45](tg://time?unix=1647531900&format=wDT)',
    text: '22:45',
    entities: [date(0, 5, 1647531900, { day_of_week: true, long_date: true, long_time: true })],
  },
  {
    name: 'relative date',
    md: '![soon](tg://time?unix=1700000000&format=r)',
    text: 'soon',
    entities: [date(0, 4, 1700000000, { relative: true })],
  },
  { name: 'date without format', md: '![x](tg://time?unix=5)', text: 'x', entities: [date(0, 1, 5)] },
  { name: 'blockquote', md: '> one\n> two\nafter', text: 'one\ntwo\nafter', entities: [quote(0, 7)] },
  { name: 'blockquote without space', md: '>one\n>two', text: 'one\ntwo', entities: [quote(0, 7)], back: '> one\n> two' },
  { name: 'expandable blockquote', md: '**> one\n> two||\nafter', text: 'one\ntwo\nafter', entities: [quote(0, 7, true)] },
  { name: 'expandable blockquote at the end', md: 'x\n**> hidden||', text: 'x\nhidden', entities: [quote(2, 6, true)] },
  { name: 'two quotes apart', md: '> a\nb\n> c', text: 'a\nb\nc', entities: [quote(0, 1), quote(4, 1)] },
  // Surrogate pairs count two UTF-16 units.
  { name: 'emoji before an entity', md: '😀 **b**', text: '😀 b', entities: [bold(3, 1)] },
  { name: 'emoji inside an entity', md: '**👨‍👩‍👧**x', text: '👨‍👩‍👧x', entities: [bold(0, 8)] },
  { name: 'astral letters', md: '𝐀 __𝐁𝐂__', text: '𝐀 𝐁𝐂', entities: [italic(3, 4)] },
  // Nesting and overlapping.
  { name: 'nested styles', md: '**a __b__ c**', text: 'a b c', entities: [bold(0, 5), italic(2, 1)] },
  { name: 'overlapping styles', md: '**bold __both** italic__', text: 'bold both italic', entities: [bold(0, 9), italic(5, 11)] },
  {
    name: 'style inside a link',
    md: '[**go**](https://x.y)',
    text: 'go',
    entities: [link(0, 2, 'https://x.y'), bold(0, 2)],
    back: '**[go](https://x.y)**',
  },
  {
    name: 'style overlapping a link',
    md: '**a [b** c](https://x.y)',
    text: 'a b c',
    entities: [bold(0, 3), link(2, 3, 'https://x.y')],
  },
  { name: 'code inside a link', md: '[`x`](https://x.y)', text: 'x', entities: [link(0, 1, 'https://x.y'), code(0, 1)] },
  { name: 'same range, fixed order', md: '**__x__**', text: 'x', entities: [bold(0, 1), italic(0, 1)] },
  {
    name: 'pre inside a quote',
    md: '> ```py\n> print(1)\n> ```\nout',
    text: 'print(1)\nout',
    entities: [quote(0, 8), pre(0, 8, 'py')],
  },
  { name: 'style across quote lines', md: '> **a\n> b**', text: 'a\nb', entities: [quote(0, 3), bold(0, 3)] },
  // Escaping.
  { name: 'escaped markers', md: '\\*\\*not bold\\*\\*', text: '**not bold**', entities: [], back: '\\**not bold\\**' },
  { name: 'single markers are text', md: '2*3 = 6, snake_case, a-b, ~1, a|b', text: '2*3 = 6, snake_case, a-b, ~1, a|b', entities: [] },
  { name: 'escaped backslash', md: 'C:\\\\dir', text: 'C:\\dir', entities: [] },
  { name: 'backslash before a letter is text', md: 'a\\b', text: 'a\\b', entities: [], back: 'a\\\\b' },
  { name: 'escaped brackets', md: '\\[not a link\\](x)', text: '[not a link](x)', entities: [] },
  {
    name: 'brackets without a target are text',
    md: 'see [1] and [2]',
    text: 'see [1] and [2]',
    entities: [],
    back: 'see \\[1\\] and \\[2\\]',
  },
  { name: 'escaped > at a line start', md: '\\> not a quote', text: '> not a quote', entities: [] },
  { name: '> inside a line is text', md: 'a > b', text: 'a > b', entities: [] },
  {
    name: 'escapes inside code',
    md: '`a\\`b \\\\ C:\\dir`',
    text: 'a`b \\ C:\\dir',
    entities: [code(0, 12)],
    back: '`a\\`b \\\\ C:\\\\dir`',
  },
  { name: 'markers inside code are text', md: '`**x**`', text: '**x**', entities: [code(0, 5)] },
  {
    name: 'escaped ) in a link target',
    md: '[w](https://en.wikipedia.org/wiki/A_(b\\))',
    text: 'w',
    entities: [link(0, 1, 'https://en.wikipedia.org/wiki/A_(b)')],
  },
  { name: '! before a plain link is text', md: '\\![x](https://a.b)', text: '!x', entities: [link(1, 1, 'https://a.b')] },
  {
    name: '![ with a web link keeps the !',
    md: '![x](https://a.b)',
    text: '!x',
    entities: [link(1, 1, 'https://a.b')],
    back: '\\![x](https://a.b)',
  },
  { name: 'triple marker', md: '***x**', text: '*x', entities: [bold(0, 2)] },
  // Empty entities are dropped.
  { name: 'empty bold', md: 'a****b', text: 'ab', entities: [], back: 'ab' },
  { name: 'empty link text', md: 'a[](https://x.y)b', text: 'ab', entities: [], back: 'ab' },
  { name: 'empty link target', md: '[text]()', text: 'text', entities: [], back: 'text' },
  { name: 'empty code', md: 'a``b', text: 'ab', entities: [], back: 'ab' },
];

for (const c of CASES) {
  test(`markdown: ${c.name}`, () => {
    const r = parseMarkdown(c.md);
    assert.is(r.text, c.text);
    assert.equal(r.entities, c.entities);
    assert.is(unparseMarkdown(r.text, r.entities), c.back ?? c.md);
  });
}

test('markdown: offsets are UTF-16 code units (a surrogate pair counts 2)', () => {
  const r = parseMarkdown('🎉🎉 **x**');
  assert.is(r.entities[0]!.offset, 5);
  assert.is('🎉🎉 '.length, 5);
});

test('markdown: plain text without markup comes back unchanged', () => {
  const s = 'Hello, world! How are you? 2+2=4 (yes).';
  assert.equal(parseMarkdown(s), { text: s, entities: [] });
  assert.is(unparseMarkdown(s, []), s);
});

const MALFORMED: [name: string, md: string, reason: string, offset: number, plain: string][] = [
  ['unclosed bold', 'a **b', 'unclosed', 2, 'a **b'],
  ['unclosed italic after a closed bold', '**a** __b', 'unclosed', 6, 'a __b'],
  ['unclosed code', 'a `b', 'unclosed', 2, 'a `b'],
  ['unclosed pre', '```js\nx', 'unclosed', 0, '```js\nx'],
  ['link target never closes', '[a](https://x', 'unclosed', 0, '[a](https://x'],
  ['bad mention id', '[a](tg://user?id=x)', 'bad-attribute', 4, '[a](tg://user?id=x)'],
  ['bad emoji id', '![a](tg://emoji?id=1.5)', 'bad-attribute', 5, '![a](tg://emoji?id=1.5)'],
  ['bad date format', '![a](tg://time?unix=1&format=x)', 'bad-attribute', 5, '![a](tg://time?unix=1&format=x)'],
];

for (const [name, md, reason, offset, plain] of MALFORMED) {
  test(`markdown malformed: ${name} throws a typed error, or stays text with onError: plain`, () => {
    try {
      parseMarkdown(md);
      assert.unreachable('should throw');
    } catch (e) {
      assert.instance(e, WasmgramError);
      assert.ok(isFormatError(e));
      assert.is(e.format, 'markdown');
      assert.is(e.reason, reason);
      assert.is(e.offset, offset);
      assert.match(e.message, `offset ${offset}`);
    }
    assert.is(parseMarkdown(md, { onError: 'plain' }).text, plain);
  });
}

test('markdown malformed (plain): the rest of the markup still parses', () => {
  assert.equal(parseMarkdown('**a** `b __c__', { onError: 'plain' }), { text: 'a `b c', entities: [bold(0, 1), italic(5, 1)] });
  assert.equal(parseMarkdown('__x **y__', { onError: 'plain' }), { text: 'x **y', entities: [italic(0, 5)] });
});

test('markdown malformed: hostile input parses in bounded time', () => {
  const inputs = [
    '['.repeat(50_000),
    '[a]('.repeat(20_000),
    '`'.repeat(50_000),
    '**'.repeat(25_001),
    '```'.repeat(20_001),
    '![x]('.repeat(20_000),
  ];
  for (const s of inputs) {
    const t0 = performance.now();
    parseMarkdown(s, { onError: 'plain' });
    assert.ok(performance.now() - t0 < 2000, `${s.slice(0, 8)}… took too long`);
  }
});

test('unparseMarkdown: overlapping entities of every style kind toggle independently', () => {
  const text = 'abcdefgh';
  const ents = [bold(0, 4), italic(2, 4), underline(3, 5), strike(1, 1), spoiler(5, 3)];
  const md = unparseMarkdown(text, ents);
  assert.is(md, '**a~~b~~__c--d**e||f__gh||--');
  const back = parseMarkdown(md);
  assert.is(back.text, text);
  assert.equal(back.entities, [bold(0, 4), strike(1, 1), italic(2, 4), underline(3, 5), spoiler(5, 3)]);
});

test('unparseMarkdown: entities without a markup (url, hashtag, ...) leave the text plain; input is not changed', () => {
  const ents: MessageEntity[] = [
    { _: 'messageEntityUrl', offset: 0, length: 5 },
    { _: 'messageEntityHashtag', offset: 6, length: 3 },
    bold(6, 3),
  ];
  const copy = structuredClone(ents);
  assert.is(unparseMarkdown('a.com #hi', ents), 'a.com **#hi**');
  assert.equal(ents, copy);
});

test('unparseMarkdown: styles are kept out of code, blockquotes not on whole lines are dropped', () => {
  assert.is(unparseMarkdown('ab cd', [code(0, 2), bold(1, 3)]), '`ab`** c**d');
  assert.is(unparseMarkdown('ab cd', [quote(1, 2)]), 'ab cd');
  assert.is(unparseMarkdown('ab\ncd', [quote(0, 3)]), '> ab\ncd', 'a trailing line break is left out');
});

test('unparseMarkdown: entities out of range are clamped, empty ones dropped', () => {
  assert.is(unparseMarkdown('abc', [bold(-2, 3), italic(2, 10), underline(1, 0)]), '**a**b__c__');
});

test('unparseMarkdown: markup order past the packed sort keys (texts beyond 2^17 characters, more than 2^11 markers)', () => {
  // Style events are made after link events, so both need sorting; both sizes take the comparator sort.
  // A style ending with a link closes outside it.
  const long = `${'a'.repeat(140_000)}bcd`;
  assert.is(unparseMarkdown(long, [link(140_000, 3, 'https://x.y'), bold(140_001, 2)]), `${'a'.repeat(140_000)}[b**cd](https://x.y)**`);
  const many = 'ab'.repeat(1100);
  const ents: MessageEntity[] = [];
  for (let k = 0; k < 1100; k++) ents.push(link(2 * k, 1, 'https://x.y'), bold(2 * k + 1, 1));
  const md = unparseMarkdown(many, ents);
  assert.is(md, '[a](https://x.y)**b**'.repeat(1100));
  assert.equal(parseMarkdown(md), { text: many, entities: ents });
});

test('tg:// link parameters read as URLSearchParams reads them (first value, encoded names and values, a leading ?)', () => {
  const queries = ['id=1&id=2', 'x&id=7', '&&id=8&', 'id=%39', '%69d=5', '?id=6', 'id=+3', 'ids=1&id=4', 'id', 'hash=ff&id=9'];
  for (const q of queries) {
    const id = new URLSearchParams(q).get('id');
    const expected = id !== null && /^\d{1,20}$/.test(id) ? BigInt(id) : undefined;
    const r = parseMarkdown(`[x](tg://user?${q})`, { onError: 'plain' });
    const e = r.entities[0] as { user_id?: unknown } | undefined;
    const got = e?.user_id;
    if (expected === undefined) assert.is(r.entities.length, 0, q);
    else if (typeof got === 'bigint') assert.is(got, expected, q);
    else assert.is((got as { user_id: bigint }).user_id, expected, q);
  }
});

test('unparseMarkdown: many code spans, with and without characters to escape', () => {
  const parts = ['ab', 'c\\d', 'e`f', 'gh'];
  let text = '';
  let md = '';
  const ents: MessageEntity[] = [];
  for (let k = 0; k < 400; k++) {
    const p = parts[k % 4]!;
    ents.push(code(text.length, p.length));
    text += `${p} `;
    md += `\`${p.replace(/[\\`]/g, '\\$&')}\` `;
  }
  assert.is(unparseMarkdown(text, ents), md);
  assert.equal(parseMarkdown(md), { text, entities: ents });
});

test.run();
