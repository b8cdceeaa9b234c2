/**
 * The shortcuts the parsers take for speed must not change results: the
 * searched-ahead escaping in unparseMarkdown (the next special character is
 * found once and reused across segments), the one-pass merge check of style
 * runs, and the in-place `tg://` prefix check (with a lower-casing fallback).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseHtml, parseMarkdown, unparseMarkdown } from '../../ts/parsers/index.js';
import type { MessageEntity } from '../../ts/tl/generated/types.js';

const b = (offset: number, length: number): MessageEntity => ({ _: 'messageEntityBold', offset, length });
const i = (offset: number, length: number): MessageEntity => ({ _: 'messageEntityItalic', offset, length });

test('unparse escapes specials found in a later segment than the search started in', () => {
  // The first segment has no special character: the search runs ahead into the bold run and the tail.
  const text = 'plain words then a*b [x] and tail ** end';
  const md = unparseMarkdown(text, [b(5, 6), i(17, 5)]);
  assert.is(md, 'plain** words** then __a*b \\[__x\\] and tail \\** end');
  assert.equal(parseMarkdown(md), { text, entities: [b(5, 6), i(17, 5)] });
});

test('unparse: a doubled marker split across a segment boundary is escaped by the next output character', () => {
  const text = 'a*b*c';
  const md = unparseMarkdown(text, [b(2, 1)]);
  assert.equal(parseMarkdown(md), { text, entities: [b(2, 1)] });
  const text2 = 'x**y';
  const md2 = unparseMarkdown(text2, [i(0, 2)]);
  assert.equal(parseMarkdown(md2), { text: text2, entities: [i(0, 2)] });
});

test('unparse: line breaks inside a quote continue it after a search skipped plain text', () => {
  const text = 'intro\nline one\nline two *\nafter';
  const q: MessageEntity = { _: 'messageEntityBlockquote', offset: 6, length: 19 };
  const md = unparseMarkdown(text, [q]);
  assert.is(md, 'intro\n> line one\n> line two *\nafter');
  assert.equal(parseMarkdown(md), { text, entities: [q] });
});

test('unparse with no specials at all returns the text unchanged', () => {
  const text = 'nothing to escape here at all 👍';
  assert.is(unparseMarkdown(text, [b(0, 7), i(11, 6)]), '**nothing** to __escape__ here at all 👍');
});

test('parse merges touching style runs of one kind with other kinds between them', () => {
  // `**a****b**` is two bold runs that touch: one entity; italic between keeps its own run.
  assert.equal(parseMarkdown('**a****b** __c__ **d**'), {
    text: 'ab c d',
    entities: [b(0, 2), i(3, 1), b(5, 1)],
  });
  assert.equal(parseHtml('<b>a</b><b>b</b><i>c</i><b>d</b>'), { text: 'abcd', entities: [b(0, 2), i(2, 1), b(3, 1)] });
});

test('tg:// links are recognised in any letter case', () => {
  assert.equal(parseMarkdown('[Ann](TG://User?id=42)').entities, [{ _: 'messageEntityMentionName', offset: 0, length: 3, user_id: 42n }]);
  assert.equal(parseMarkdown('[Ann](tg://user?id=42)').entities, [{ _: 'messageEntityMentionName', offset: 0, length: 3, user_id: 42n }]);
});

test('delimiter searches honour escapes before, inside and after the searched range', () => {
  const url = (u: string, offset: number, length: number): MessageEntity => ({ _: 'messageEntityTextUrl', offset, length, url: u });
  // No backslash anywhere: the native search path.
  assert.equal(parseMarkdown('a [b](https://x.y/1) `c` d'), {
    text: 'a b c d',
    entities: [url('https://x.y/1', 2, 1), { _: 'messageEntityCode', offset: 4, length: 1 }],
  });
  // An escaped `]` and `)` inside the searched ranges.
  assert.equal(parseMarkdown('[a\\]b](https://x.y/\\)z)'), { text: 'a]b', entities: [url('https://x.y/)z', 0, 3)] });
  // A backslash only after the match (the match stands) and only before the range (irrelevant).
  assert.equal(parseMarkdown('`x` and \\* end'), { text: 'x and * end', entities: [{ _: 'messageEntityCode', offset: 0, length: 1 }] });
  assert.equal(parseMarkdown('\\* then `y`'), { text: '* then y', entities: [{ _: 'messageEntityCode', offset: 7, length: 1 }] });
  // An escaped backtick inside code, and ``` blocks with an escaped backtick before the closing one.
  assert.equal(parseMarkdown('`a\\`b`'), { text: 'a`b', entities: [{ _: 'messageEntityCode', offset: 0, length: 3 }] });
  assert.equal(parseMarkdown('```\na\\`\n```'), { text: 'a`', entities: [{ _: 'messageEntityPre', offset: 0, length: 2, language: '' }] });
  // An escaped delimiter is no delimiter: the link never closes, so in plain mode it is text.
  assert.equal(parseMarkdown('[a](b\\)', { onError: 'plain' }), { text: '[a](b)', entities: [] });
  // A delimiter found only past the link text's end does not close code inside it.
  assert.equal(parseMarkdown('[a `b](https://x.y) c`', { onError: 'plain' }).text, 'a `b c`');
});

test('unparse: `>` is escaped only at a line start, found by the search and checked after it', () => {
  const text = 'a > b\n> c >\n>';
  const md = unparseMarkdown(text, [b(0, 1)]);
  assert.is(md, '**a** > b\n\\> c >\n\\>');
  assert.equal(parseMarkdown(md), { text, entities: [b(0, 1)] });
});

test('unparse: the last character of a segment is escaped by the markup that follows it, not by the text', () => {
  const url = (offset: number, length: number): MessageEntity => ({ _: 'messageEntityTextUrl', offset, length, url: 'https://x.y' });
  // `!` before a link's `[`; `*` before a bold's `**`; `-` before `[` needs nothing.
  assert.is(unparseMarkdown('wow!link', [url(4, 4)]), 'wow\\![link](https://x.y)');
  assert.is(unparseMarkdown('a*bold', [b(2, 4)]), 'a\\***bold**');
  assert.is(unparseMarkdown('a-link', [url(2, 4)]), 'a-[link](https://x.y)');
  // A doubled character split by markup: the text after it does not count, the markup does.
  assert.is(unparseMarkdown('x**y', [i(2, 2)]), 'x*__*y__');
  assert.is(unparseMarkdown('x**y', [b(1, 1)]), 'x**\\****y');
  for (const [text, entities] of [
    ['wow!link', [url(4, 4)]],
    ['a*bold', [b(2, 4)]],
    ['x**y', [i(2, 2)]],
    ['x**y', [b(1, 1)]],
  ] as const) {
    assert.equal(parseMarkdown(unparseMarkdown(text, [...entities])), { text, entities: [...entities] });
  }
});

test('unparse: in a quote, line breaks continue it and escapes next to them still apply', () => {
  const q: MessageEntity = { _: 'messageEntityBlockquote', offset: 0, length: 11 };
  const text = '**a\n> b\n[c]';
  const md = unparseMarkdown(text, [q]);
  assert.is(md, '> \\**a\n> \\> b\n> \\[c\\]');
  assert.equal(parseMarkdown(md), { text, entities: [q] });
});

test('unparse: emoji (surrogate pairs) next to escapes and entity edges keep UTF-16 offsets', () => {
  const text = '😀*😀**x😀';
  const entities = [b(0, 2), i(5, 3)];
  const md = unparseMarkdown(text, entities);
  assert.is(md, '**😀***😀__\\**x__😀');
  assert.equal(parseMarkdown(md), { text, entities });
});

test('unparse: messages with more entities than the shared scratch holds (256) give the same markup, before and after', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
  const bolds = (n: number): MessageEntity[] =>
    Array.from({ length: n }, (_, i) => ({ _: 'messageEntityBold', offset: i === 0 ? 0 : words(i).length + 1, length: `w${i}`.length }));
  const expected = (n: number) => Array.from({ length: n }, (_, i) => `**w${i}**`).join(' ');
  const small = { text: words(3), entities: bolds(3) };
  assert.is(unparseMarkdown(small.text, small.entities), expected(3));
  for (const n of [256, 257, 600, 300, 1500]) {
    assert.is(unparseMarkdown(words(n), bolds(n)), expected(n), `${n} entities`);
    // The shared unparser still answers small messages the same way after a large one.
    assert.is(unparseMarkdown(small.text, small.entities), expected(3));
  }
  // Nested entities past the capacity: 400 code spans each inside a link.
  const n = 400;
  const text = words(n);
  const nested: MessageEntity[] = [];
  for (let i = 0; i < n; i++) {
    const offset = i === 0 ? 0 : words(i).length + 1;
    const length = `w${i}`.length;
    nested.push({ _: 'messageEntityTextUrl', offset, length, url: 'https://x.y' }, { _: 'messageEntityCode', offset, length });
  }
  const md = unparseMarkdown(text, nested);
  assert.is(md, Array.from({ length: n }, (_, i) => `[\`w${i}\`](https://x.y)`).join(' '));
  assert.equal(parseMarkdown(md), { text, entities: nested });
});

test.run();
