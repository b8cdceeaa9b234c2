/**
 * Cross-checks with an independent implementation: @mtcute/markdown-parser
 * and @mtcute/html-parser (0.30.3) on inputs where the dialects agree (mtcute
 * trims, dedents Markdown lines and collapses HTML whitespace, so the inputs
 * have single spaces and no indentation), both directions: the same text and
 * entities from the same markup, and our parser reading mtcute's unparse output.
 */
import { html } from '@mtcute/html-parser';
import { md } from '@mtcute/markdown-parser';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sortEntities } from '../../ts/parsers/entities.js';
import { parseHtml, parseMarkdown } from '../../ts/parsers/index.js';
import type { MessageEntity } from '../../ts/tl/generated/types.js';
import { bold, code, date, emoji, italic, link, mention, pre, quote, spoiler, strike, underline } from './_cases.js';
import { fromMtcute } from './_cases.js';

type MtInput = Parameters<typeof md.unparse>[0];
const mtParsed = (r: { text: string; entities?: readonly unknown[] }) => ({
  text: r.text,
  entities: sortEntities(fromMtcute((r.entities ?? []) as Record<string, unknown>[])),
});

const MD_INPUTS = [
  '**bold** and __italic__ and --under-- ~~strike~~ ||spoiler||',
  'run `npm test` now',
  '```js\nconst x = 1\nlet y = 2\n```',
  '[link](https://example.com/?a=1) and [Ann](tg://user?id=123456)',
  '**bold __both** italic__',
  '> quote\n> more\nafter',
  'emoji [👍](tg://emoji?id=5368324170671202286) 😀 **😀bold😀**',
  '\\*\\*not bold\\*\\* \\[x\\]',
  'at [22:45](tg://time?unix=1647531900&format=wDT) and [then](tg://time?unix=1700000000&format=r)',
  '**a [b** c](https://x.y)',
  '__𝐀𝐁__ ~~👨‍👩‍👧~~',
];

for (const input of MD_INPUTS) {
  test(`cross-check markdown with mtcute: ${JSON.stringify(input).slice(0, 50)}`, () => {
    assert.equal(parseMarkdown(input), mtParsed(md(input)));
  });
}

const HTML_INPUTS = [
  '<b>bold</b> <i>it</i> <u>u</u> <s>s</s> <tg-spoiler>sp</tg-spoiler> <code>c</code>',
  '<strong>a</strong> <em>b</em> <ins>c</ins> <del>d</del> <strike>e</strike> <span class="tg-spoiler">f</span>',
  '<pre><code class="language-python">print(1)</code></pre>',
  '<a href="https://example.com/?a=1&amp;b=2">link</a> <a href="tg://user?id=123">m</a>',
  '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> 😀 <b>😀x</b>',
  '<blockquote expandable>hidden</blockquote> <blockquote>shown</blockquote>',
  '&lt;b&gt; &amp; &quot; &#128512; &#x1F600;',
  '<b>a <i>b</i> c</b>',
  '<tg-time unix="1647531900" format="wDT">t</tg-time>',
  '<B>upper</B> <a href=\'https://x.y/?q="1"\'>q</a>',
];

for (const input of HTML_INPUTS) {
  test(`cross-check html with mtcute: ${JSON.stringify(input).slice(0, 50)}`, () => {
    assert.equal(parseHtml(input), mtParsed(html(input)));
  });
}

/** Entity sets mtcute's unparsers handle (nested, not overlapping), in its field names. */
const UNPARSE_SETS: [text: string, entities: MessageEntity[]][] = [
  ['bold italic code', [bold(0, 4), italic(5, 6), code(12, 4)]],
  ['a *b* [c] _d_ `e` \\f', [underline(0, 1), strike(2, 3), spoiler(6, 3)]],
  ['hello 😀 world', [bold(0, 14), italic(6, 2), link(9, 5, 'https://x.y/a?b=c')]],
  ['print(1)\nok', [pre(0, 8, 'python')]],
  ['Ann waves 👍', [mention(0, 3, 42n), emoji(10, 2, 5368324170671202286n)]],
  ['at 22:45', [date(3, 5, 1647531900, { short_time: true })]],
];

function toMtcute(text: string, entities: MessageEntity[]): MtInput {
  const rename: Record<string, string> = {
    user_id: 'userId',
    document_id: 'documentId',
    short_time: 'shortTime',
    long_time: 'longTime',
    short_date: 'shortDate',
    long_date: 'longDate',
    day_of_week: 'dayOfWeek',
  };
  return {
    text,
    entities: entities.map((e) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(e))
        out[rename[k] ?? k] = typeof v === 'bigint' ? (k === 'user_id' ? Number(v) : v.toString()) : v;
      if ('documentId' in out) {
        const id = out.documentId as string;
        out.documentId = { toString: () => id };
      }
      return out;
    }),
  } as unknown as MtInput;
}

for (const [text, entities] of UNPARSE_SETS) {
  test(`cross-check: our parsers read mtcute's unparse output back (${text})`, () => {
    const mtMd = md.unparse(toMtcute(text, entities));
    assert.equal(parseMarkdown(mtMd), { text, entities: sortEntities([...entities]) }, mtMd);
    if (!text.includes('\n') && !entities.some((e) => e._ === 'messageEntityCustomEmoji')) {
      const mtHtml = html.unparse(toMtcute(text, entities));
      assert.equal(parseHtml(mtHtml), { text, entities: sortEntities([...entities]) }, mtHtml);
    }
  });
}

test('cross-check: mtcute reads our blockquotes and styles the same', () => {
  const ours = parseMarkdown('> **q** __i__\nx');
  assert.equal(ours, mtParsed(md('> **q** __i__\nx')));
  assert.equal(ours.entities[0], quote(0, 3));
});

test.run();
