/**
 * Real-looking messages for the parsers benchmark, written once in wasmgram
 * Markdown and turned into text + entities; every library then gets the same
 * content in its own dialect (its own unparse of those entities).
 */
import { parseMarkdown } from '../../ts/parsers/index.js';
import type { FormattedText } from '../../ts/parsers/index.js';

const CHAT = [
  'ok 👍',
  'see you at **8pm** 🙂',
  'lol that was __so__ good',
  'check [this](https://example.com/articles/2024/fast-parsers?ref=chat) out',
  '[Ann](tg://user?id=123456789) can you review `ts/parsers`?',
  '||spoiler: he was the villain all along|| 😱😱',
  'done ✅ ~~tomorrow~~ today',
  '**Reminder:** standup in 5 min ![⏰](tg://emoji?id=5368324170671202286)',
];

const POST = `**📣 Weekly digest — issue #42**

Hello everyone! Here is what happened this week in __wasmgram__ land 🚀

**1. Faster parsers.** The new [Markdown and HTML parsers](https://github.com/example/wasmgram/pull/123) are hand-written and run in one pass over the input. They handle **nested __and overlapping__** styles, --underline--, ~~strike~~ and ||spoilers||, plus [mentions](tg://user?id=987654321) and custom emoji ![🔥](tg://emoji?id=5368324170671202286) ![✨](tg://emoji?id=5368324170671202287).

**2. Releases.** Version \`0.4.0\` is out: see the [changelog](https://github.com/example/wasmgram/blob/main/CHANGELOG.md) and the [migration guide](https://example.com/docs/migrate?from=0.3&to=0.4#breaking-changes).

> A quote from our users: "the __fastest__ client I have tried" 😍
> — someone on the internet

**3. Events.** Meetup on ![Friday 18:00](tg://time?unix=1735923600&format=wDT) at the usual place 🍕🍺. Bring friends! 🎉🎉🎉

Links: [docs](https://example.com/docs) · [issues](https://github.com/example/wasmgram/issues) · [chat](https://t.me/wasmgram_chat)

**> Changelog details
> - parsers: UTF-16 offsets, emoji 😀 and surrogate pairs
> - html: Bot API subset with tg-emoji and tg-time
> - markdown: escapes with \\\\ and \\* everywhere||
Thanks for reading 💙`;

const CODE = `Here is the fix 🛠️:

\`\`\`ts
export function parseMarkdown(markdown: string, options?: ParseOptions): FormattedText {
  const plain = options?.onError === 'plain';
  let result = new MarkdownParser(markdown, plain, null).run();
  while (Array.isArray(result)) result = again(result); // <- rare
  return result;
}
\`\`\`

and the test: \`npm test -- tests/parsers\`, then run \`node --expose-gc bench/run.ts parsers\` **twice**.

\`\`\`
$ npm run bench -- parsers
parse  markdown  1.2 M msg/s
\`\`\``;

/** The corpus: chat lines, a long formatted post, code blocks. */
export function corpus(): FormattedText[] {
  return [...CHAT, POST, CODE].map((m) => parseMarkdown(m));
}
