import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WasmgramError } from '../../ts/errors.js';
import { compareEntities, escapeHtml, isFormatError, parseHtml, unparseHtml } from '../../ts/parsers/index.js';
import type { MessageEntity } from '../../ts/tl/generated/types.js';
import { bold, code, date, emoji, italic, link, mention, pre, quote, spoiler, strike, underline } from './_cases.js';

interface Case {
  name: string;
  html: string;
  text: string;
  entities: MessageEntity[];
  /** What unparsing the result gives, when it is not `html` itself. */
  back?: string;
}

const CASES: Case[] = [
  // Every tag of the subset and its aliases.
  { name: 'b', html: 'a <b>b</b> c', text: 'a b c', entities: [bold(2, 1)] },
  { name: 'strong', html: '<strong>x</strong>', text: 'x', entities: [bold(0, 1)], back: '<b>x</b>' },
  { name: 'i', html: '<i>x</i>', text: 'x', entities: [italic(0, 1)] },
  { name: 'em', html: '<em>x</em>', text: 'x', entities: [italic(0, 1)], back: '<i>x</i>' },
  { name: 'u', html: '<u>x</u>', text: 'x', entities: [underline(0, 1)] },
  { name: 'ins', html: '<ins>x</ins>', text: 'x', entities: [underline(0, 1)], back: '<u>x</u>' },
  { name: 's', html: '<s>x</s>', text: 'x', entities: [strike(0, 1)] },
  { name: 'strike', html: '<strike>x</strike>', text: 'x', entities: [strike(0, 1)], back: '<s>x</s>' },
  { name: 'del', html: '<del>x</del>', text: 'x', entities: [strike(0, 1)], back: '<s>x</s>' },
  { name: 'tg-spoiler', html: '<tg-spoiler>x</tg-spoiler>', text: 'x', entities: [spoiler(0, 1)] },
  {
    name: 'span class=tg-spoiler',
    html: '<span class="tg-spoiler">x</span>',
    text: 'x',
    entities: [spoiler(0, 1)],
    back: '<tg-spoiler>x</tg-spoiler>',
  },
  { name: 'code', html: '<code>a &lt; b</code>', text: 'a < b', entities: [code(0, 5)] },
  { name: 'pre', html: '<pre>line 1\n  line 2</pre>', text: 'line 1\n  line 2', entities: [pre(0, 15)] },
  {
    name: 'pre with code class=language-x',
    html: '<pre><code class="language-python">print(1)</code></pre>',
    text: 'print(1)',
    entities: [pre(0, 8, 'python')],
  },
  {
    name: 'pre language= (mtcute spelling)',
    html: '<pre language="c">x</pre>',
    text: 'x',
    entities: [pre(0, 1, 'c')],
    back: '<pre><code class="language-c">x</code></pre>',
  },
  { name: 'pre with a language with spaces', html: '<pre language="objective c">x</pre>', text: 'x', entities: [pre(0, 1, 'objective c')] },
  {
    name: 'a href',
    html: '<a href="https://example.com/?a=1&amp;b=2">site</a>',
    text: 'site',
    entities: [link(0, 4, 'https://example.com/?a=1&b=2')],
  },
  { name: 'mention by id', html: '<a href="tg://user?id=42">Bob</a>', text: 'Bob', entities: [mention(0, 3, 42n)] },
  {
    name: 'tg-emoji',
    html: '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
    text: '👍',
    entities: [emoji(0, 2, 5368324170671202286n)],
  },
  {
    name: 'tg-time',
    html: '<tg-time unix="1647531900" format="wDT">22:45 tomorrow</tg-time>',
    text: '22:45 tomorrow',
    entities: [date(0, 14, 1647531900, { day_of_week: true, long_date: true, long_time: true })],
  },
  { name: 'tg-time without format', html: '<tg-time unix="1">x</tg-time>', text: 'x', entities: [date(0, 1, 1)] },
  { name: 'blockquote', html: '<blockquote>q\nq</blockquote>', text: 'q\nq', entities: [quote(0, 3)] },
  { name: 'blockquote expandable', html: '<blockquote expandable>q</blockquote>', text: 'q', entities: [quote(0, 1, true)] },
  { name: 'br', html: 'a<br>b<br/>c', text: 'a\nb\nc', entities: [], back: 'a\nb\nc' },
  // Surrogate pairs.
  { name: 'emoji before an entity', html: '😀 <b>b</b>', text: '😀 b', entities: [bold(3, 1)] },
  { name: 'ZWJ sequence inside an entity', html: '<i>👨‍👩‍👧</i>', text: '👨‍👩‍👧', entities: [italic(0, 8)] },
  {
    name: 'numeric reference to an astral character',
    html: '<b>&#x1F600;&#128512;</b>',
    text: '😀😀',
    entities: [bold(0, 4)],
    back: '<b>😀😀</b>',
  },
  // Nesting and overlapping.
  { name: 'nested', html: '<b>a <i>b</i> c</b>', text: 'a b c', entities: [bold(0, 5), italic(2, 1)] },
  {
    name: 'overlapping tags',
    html: '<b>1<i>2</b>3</i>',
    text: '123',
    entities: [bold(0, 2), italic(1, 2)],
    back: '<b>1<i>2</i></b><i>3</i>',
  },
  {
    name: 'link inside bold',
    html: '<b>a <a href="https://x.y">b</a></b>',
    text: 'a b',
    entities: [bold(0, 3), link(2, 1, 'https://x.y')],
  },
  {
    name: 'bold overlapping a link is split, the link is not',
    html: '<b>ab</b><a href="https://x.y"><b>c</b>d</a>',
    text: 'abcd',
    entities: [bold(0, 3), link(2, 2, 'https://x.y')],
  },
  { name: 'same range, fixed order', html: '<i><b>x</b></i>', text: 'x', entities: [bold(0, 1), italic(0, 1)], back: '<b><i>x</i></b>' },
  { name: 'nested same tag merges', html: '<b>a<b>b</b>c</b>', text: 'abc', entities: [bold(0, 3)], back: '<b>abc</b>' },
  { name: 'touching runs merge', html: '<b>a</b><b>b</b>', text: 'ab', entities: [bold(0, 2)], back: '<b>ab</b>' },
  // Text, references, attributes.
  { name: 'named references', html: '&lt;&gt;&amp;&quot;&apos;', text: '<>&"\'', entities: [], back: '&lt;&gt;&amp;"\'' },
  { name: 'nbsp', html: 'a&nbsp;b', text: 'a\u00a0b', entities: [], back: 'a\u00a0b' },
  {
    name: 'unknown reference is text',
    html: 'AT&T &copy; &#xZZ; &#0; &#x110000; &constructor;',
    text: 'AT&T &copy; &#xZZ; &#0; &#x110000; &constructor;',
    entities: [],
    back: 'AT&amp;T &amp;copy; &amp;#xZZ; &amp;#0; &amp;#x110000; &amp;constructor;',
  },
  { name: 'lone < is text', html: 'a < b, 1<2, <3', text: 'a < b, 1<2, <3', entities: [], back: 'a &lt; b, 1&lt;2, &lt;3' },
  {
    name: 'single-quoted attribute',
    html: '<a href=\'https://x.y/?q="a"\'>l</a>',
    text: 'l',
    entities: [link(0, 1, 'https://x.y/?q="a"')],
    back: '<a href="https://x.y/?q=&quot;a&quot;">l</a>',
  },
  {
    name: 'unquoted attribute',
    html: '<a href=https://x.y>l</a>',
    text: 'l',
    entities: [link(0, 1, 'https://x.y')],
    back: '<a href="https://x.y">l</a>',
  },
  {
    name: 'attribute with > inside quotes',
    html: '<a href="https://x.y/?a>b">l</a>',
    text: 'l',
    entities: [link(0, 1, 'https://x.y/?a>b')],
    back: '<a href="https://x.y/?a&gt;b">l</a>',
  },
  {
    name: 'upper-case tags and attributes',
    html: '<B>x</B> <A HREF="https://x.y">y</A>',
    text: 'x y',
    entities: [bold(0, 1), link(2, 1, 'https://x.y')],
    back: '<b>x</b> <a href="https://x.y">y</a>',
  },
  { name: 'whitespace is kept', html: '  a \n\n b  ', text: '  a \n\n b  ', entities: [] },
  // Empty entities are dropped.
  { name: 'empty tag', html: 'a<b></b>b', text: 'ab', entities: [], back: 'ab' },
  { name: 'self-closing tag', html: 'a<b/>b', text: 'ab', entities: [], back: 'ab' },
];

for (const c of CASES) {
  test(`html: ${c.name}`, () => {
    const r = parseHtml(c.html);
    assert.is(r.text, c.text);
    assert.equal(r.entities, c.entities);
    assert.is(unparseHtml(r.text, r.entities), c.back ?? c.html);
  });
}

const MALFORMED: [name: string, html: string, reason: string, offset: number, plain: string][] = [
  ['unclosed tag', 'a <b>b', 'unclosed', 2, 'a <b>b'],
  ['stray closing tag', 'a</b> b', 'unexpected-close', 1, 'a</b> b'],
  ['unknown tag', '<div>x</div>', 'unknown-tag', 0, '<div>x</div>'],
  ['span without the spoiler class', '<span class="x">y</span>', 'bad-attribute', 0, '<span class="x">y</span>'],
  ['a without href', '<a>x</a>', 'bad-attribute', 0, '<a>x</a>'],
  ['tg-emoji without a numeric id', '<tg-emoji emoji-id="abc">x</tg-emoji>', 'bad-attribute', 0, '<tg-emoji emoji-id="abc">x</tg-emoji>'],
  ['tg-time with a bad format', '<tg-time unix="1" format="q">x</tg-time>', 'bad-attribute', 0, '<tg-time unix="1" format="q">x</tg-time>'],
  ['tag that never ends', 'a <b class="x>b', 'bad-tag', 2, 'a <b class="x>b'],
];

for (const [name, html, reason, offset, plain] of MALFORMED) {
  test(`html malformed: ${name} throws a typed error, or stays text with onError: plain`, () => {
    try {
      parseHtml(html);
      assert.unreachable('should throw');
    } catch (e) {
      assert.instance(e, WasmgramError);
      assert.ok(isFormatError(e));
      assert.is(e.format, 'html');
      assert.is(e.reason, reason);
      assert.is(e.offset, offset);
    }
    assert.is(parseHtml(html, { onError: 'plain' }).text, plain);
  });
}

test('html malformed (plain): the rest of the markup still parses', () => {
  assert.equal(parseHtml('<b>a</b> <i>b <div>c</div> <u>d', { onError: 'plain' }), {
    text: 'a <i>b <div>c</div> <u>d',
    entities: [bold(0, 1)],
  });
  assert.equal(parseHtml('<i>x <b>y</i>', { onError: 'plain' }), { text: 'x <b>y', entities: [italic(0, 6)] });
});

test('html malformed: hostile input parses in bounded time', () => {
  const inputs = [
    '<b>'.repeat(30_000) + '</i>'.repeat(30_000),
    '<'.repeat(50_000),
    '&'.repeat(50_000),
    '<a href="'.repeat(10_000),
    '&#'.repeat(30_000),
  ];
  for (const s of inputs) {
    const t0 = performance.now();
    parseHtml(s, { onError: 'plain' });
    assert.ok(performance.now() - t0 < 2000, `${s.slice(0, 8)}… took too long`);
  }
});

test('unparseHtml: text and attributes are escaped', () => {
  assert.is(unparseHtml('<a> & "b"', []), '&lt;a&gt; &amp; "b"');
  assert.is(unparseHtml('x', [link(0, 1, 'https://a.b/?x="1"&y=<2>')]), '<a href="https://a.b/?x=&quot;1&quot;&amp;y=&lt;2&gt;">x</a>');
  assert.is(escapeHtml('"&"', true), '&quot;&amp;&quot;');
});

test('unparseHtml: input mentions, entities without a markup, clamping', () => {
  const input: MessageEntity = {
    _: 'inputMessageEntityMentionName',
    offset: 0,
    length: 1,
    user_id: { _: 'inputUser', user_id: 7n, access_hash: 255n },
  };
  assert.is(unparseHtml('x', [input]), '<a href="tg://user?id=7&amp;hash=ff">x</a>');
  assert.equal(parseHtml(unparseHtml('x', [input])).entities, [input]);
  assert.is(unparseHtml('a #b', [{ _: 'messageEntityHashtag', offset: 2, length: 2 }, bold(-1, 2), italic(3, 9)]), '<b>a</b> #<i>b</i>');
});

test('unparseHtml: a link partly overlapping a code span (not allowed by Telegram) is split so the tags still nest', () => {
  const out = unparseHtml('abcdef', [link(0, 4, 'https://x.y'), code(2, 4)]);
  assert.is(out, '<a href="https://x.y">ab</a><code><a href="https://x.y">cd</a>ef</code>');
});

test("unparseHtml: many entities at once (past the walk's first scratch size), nested and split", () => {
  const text = 'x'.repeat(200);
  const links = Array.from({ length: 60 }, (_, k) => link(k, 200 - 2 * k, `https://e.x/${k}`));
  const html = unparseHtml(text, links);
  assert.is(html.split('<a ').length - 1, 60);
  assert.equal(parseHtml(html), { text, entities: links });
  // Bold runs crossing every link boundary are split to nest and merged back.
  const mixed = [...links, ...Array.from({ length: 40 }, (_, k) => bold(5 * k + 1, 3))];
  assert.equal(parseHtml(unparseHtml(text, mixed)).entities, [...mixed].sort(compareEntities));
});

test.run();
