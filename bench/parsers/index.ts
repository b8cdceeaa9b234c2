/**
 * Parsers suite: `npm run bench -- parsers`. Parse and unparse of real-looking
 * messages (chat lines, a long post with links and emoji, code blocks — see
 * corpus.ts) in Markdown and HTML: wasmgram vs @mtcute/markdown-parser,
 * @mtcute/html-parser and GramJS's parsers (telegram/extensions/markdown,
 * telegram/extensions/html), side by side in one process, alternating rounds.
 * Results: bench/results/parsers.{md,json}.
 *
 * Every library gets the same content in its own dialect: the markup it parses
 * is its own unparse of the corpus entities (GramJS's Markdown has no links or
 * mentions, so its input is lighter). One operation = the whole corpus.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { html as mtHtml } from '@mtcute/html-parser';
import { md as mtMd } from '@mtcute/markdown-parser';
import Long from 'long';
import { Api } from 'telegram';
import { HTMLParser } from 'telegram/extensions/html.js';
import { MarkdownParser } from 'telegram/extensions/markdown.js';
import bigInt from 'big-integer';
import { type FormattedText, parseHtml, parseMarkdown, unparseHtml, unparseMarkdown } from '../../ts/parsers/index.js';
import type { MessageEntity } from '../../ts/tl/generated/types.js';
import { markdownTable, ratio, si } from '../lib/format.js';
import { describeMachine, machineBusy, machineInfo } from '../lib/machine.js';
import type { BenchOptions, Suite } from '../lib/suite.js';
import { compareRates, type SuiteReport } from '../lib/summary.js';
import { compareThroughput, type Subject, type ThroughputPlan } from '../lib/timing.js';
import { corpus } from './corpus.js';

const OPS = [
  'parse-markdown',
  'unparse-markdown',
  'parse-html',
  'unparse-html',
  'parse-markdown-common',
  'unparse-markdown-common',
] as const;
type Op = (typeof OPS)[number];

const CAMEL: Record<string, string> = {
  user_id: 'userId',
  document_id: 'documentId',
  day_of_week: 'dayOfWeek',
  short_date: 'shortDate',
  long_date: 'longDate',
  short_time: 'shortTime',
  long_time: 'longTime',
};

/** Our entities in mtcute's shape (camelCase, Long ids). */
function toMtcute(m: FormattedText): { text: string; entities: never[] } {
  const entities = m.entities.map((e) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(e)) {
      const key = CAMEL[k] ?? k;
      out[key] = typeof v === 'bigint' ? (k === 'user_id' ? Number(v) : Long.fromString(v.toString())) : v;
    }
    return out;
  });
  return { text: m.text, entities: entities as never[] };
}

/** Our entities as GramJS `Api.MessageEntity*` instances. */
function toGramjs(m: FormattedText): Api.TypeMessageEntity[] {
  const out: Api.TypeMessageEntity[] = [];
  for (const e of m.entities as MessageEntity[]) {
    const base = { offset: e.offset, length: e.length };
    switch (e._) {
      case 'messageEntityBold':
        out.push(new Api.MessageEntityBold(base));
        break;
      case 'messageEntityItalic':
        out.push(new Api.MessageEntityItalic(base));
        break;
      case 'messageEntityUnderline':
        out.push(new Api.MessageEntityUnderline(base));
        break;
      case 'messageEntityStrike':
        out.push(new Api.MessageEntityStrike(base));
        break;
      case 'messageEntitySpoiler':
        out.push(new Api.MessageEntitySpoiler(base));
        break;
      case 'messageEntityCode':
        out.push(new Api.MessageEntityCode(base));
        break;
      case 'messageEntityPre':
        out.push(new Api.MessageEntityPre({ ...base, language: e.language }));
        break;
      case 'messageEntityTextUrl':
        out.push(new Api.MessageEntityTextUrl({ ...base, url: e.url }));
        break;
      case 'messageEntityMentionName':
        out.push(new Api.MessageEntityMentionName({ ...base, userId: bigInt(e.user_id.toString()) }));
        break;
      case 'messageEntityCustomEmoji':
        out.push(new Api.MessageEntityCustomEmoji({ ...base, documentId: bigInt(e.document_id.toString()) }));
        break;
      case 'messageEntityBlockquote':
        out.push(new Api.MessageEntityBlockquote({ ...base, collapsed: e.collapsed }));
        break;
      default:
        break; // GramJS has no markup for dates
    }
  }
  return out;
}

/** Kinds all three Markdown dialects write the same way: `**` `__` `~~` and a backtick. */
const COMMON_KINDS = new Set(['messageEntityBold', 'messageEntityItalic', 'messageEntityStrike', 'messageEntityCode']);

/**
 * The fair Markdown subset: the corpus with only the common kinds, keeping the
 * messages whose markup is byte-identical in all three libraries (nothing to
 * escape, no markup one of them lacks), so every parser reads the same input
 * and every unparser writes the same output.
 */
export function commonMarkdown(messages: FormattedText[]): FormattedText[] {
  const out: FormattedText[] = [];
  for (const m of messages) {
    const c = { text: m.text, entities: m.entities.filter((e) => COMMON_KINDS.has(e._)) };
    if (c.entities.length === 0) continue;
    const ours = unparseMarkdown(c.text, c.entities);
    if (ours === mtMd.unparse(toMtcute(c)) && ours === MarkdownParser.unparse(c.text, toGramjs(c))) out.push(c);
  }
  return out;
}

function subjects(op: Op, messages: FormattedText[]): Subject[] {
  const mt = messages.map(toMtcute);
  const gram = messages.map((m) => ({ text: m.text, entities: toGramjs(m) }));
  const each =
    <T>(items: readonly T[], f: (x: T) => unknown) =>
    () => {
      let last: unknown;
      for (const x of items) last = f(x);
      return last;
    };
  switch (op) {
    case 'parse-markdown': {
      const ours = messages.map((m) => unparseMarkdown(m.text, m.entities));
      const theirs = mt.map((m) => mtMd.unparse(m));
      const gramMd = gram.map((m) => MarkdownParser.unparse(m.text, m.entities));
      return [
        { name: 'wasmgram', run: each(ours, (s) => parseMarkdown(s)) },
        { name: 'mtcute', run: each(theirs, (s) => mtMd(s)) },
        { name: 'GramJS', run: each(gramMd, (s) => MarkdownParser.parse(s)) },
      ];
    }
    case 'parse-html': {
      const ours = messages.map((m) => unparseHtml(m.text, m.entities));
      const theirs = mt.map((m) => mtHtml.unparse(m));
      const gramHtml = gram.map((m) => HTMLParser.unparse(m.text, m.entities));
      return [
        { name: 'wasmgram', run: each(ours, (s) => parseHtml(s)) },
        { name: 'mtcute', run: each(theirs, (s) => mtHtml(s)) },
        { name: 'GramJS', run: each(gramHtml, (s) => HTMLParser.parse(s)) },
      ];
    }
    case 'parse-markdown-common':
      return subjects('parse-markdown', messages);
    case 'unparse-markdown-common':
      return subjects('unparse-markdown', messages);
    case 'unparse-markdown':
      return [
        { name: 'wasmgram', run: each(messages, (m) => unparseMarkdown(m.text, m.entities)) },
        { name: 'mtcute', run: each(mt, (m) => mtMd.unparse(m)) },
        { name: 'GramJS', run: each(gram, (m) => MarkdownParser.unparse(m.text, m.entities)) },
      ];
    case 'unparse-html':
      return [
        { name: 'wasmgram', run: each(messages, (m) => unparseHtml(m.text, m.entities)) },
        { name: 'mtcute', run: each(mt, (m) => mtHtml.unparse(m)) },
        { name: 'GramJS', run: each(gram, (m) => HTMLParser.unparse(m.text, m.entities)) },
      ];
  }
}

interface Row {
  op: Op;
  /** Messages per second (median over rounds) per library. */
  messagesPerSec: Record<string, number>;
  /** wasmgram over the fastest peer. */
  ratioToBestPeer: number;
}

async function run(options: BenchOptions): Promise<SuiteReport> {
  const machine = machineInfo();
  console.log(`parsers: ${describeMachine(machine)}${options.quick ? ' · --quick' : ''}`);
  if (machineBusy(machine)) console.log('parsers: warning — the machine is busy; ratios are steadier than absolute numbers');
  const messages = corpus();
  const common = commonMarkdown(messages);
  const chars = messages.reduce((n, m) => n + m.text.length, 0);
  const plan: ThroughputPlan = options.quick
    ? { warmupMs: 20, rounds: 2, roundMs: 20, fullGc: false, clock: options.clock }
    : { warmupMs: 300, rounds: 9, roundMs: 150, settleMs: 10, clock: options.clock };
  const ops = OPS.filter((o) => !options.ops || options.ops.includes(o));
  const rows: Row[] = [];
  for (const op of ops) {
    const set = op.endsWith('-common') ? common : messages;
    const results = await compareThroughput(subjects(op, set), plan);
    const perSec: Record<string, number> = {};
    for (const r of results) perSec[r.name] = r.opsPerSec * set.length;
    const best = Math.max(...results.filter((r) => r.name !== 'wasmgram').map((r) => r.opsPerSec));
    const row: Row = { op, messagesPerSec: perSec, ratioToBestPeer: results.find((r) => r.name === 'wasmgram')!.opsPerSec / best };
    rows.push(row);
    console.log(
      `parsers  ${op.padEnd(24)} ${results.map((r) => `${r.name} ${si(r.opsPerSec * set.length)} msg/s`).join(' · ')} · ×${ratio(row.ratioToBestPeer)} vs best peer`,
    );
  }
  const names = ['wasmgram', 'mtcute', 'GramJS'];
  const table = markdownTable(
    ['operation', ...names.map((n) => `${n} (msg/s)`), 'wasmgram / best peer'],
    rows.map((r) => [r.op, ...names.map((n) => si(r.messagesPerSec[n] ?? Number.NaN)), ratio(r.ratioToBestPeer)]),
    ['left', 'right', 'right', 'right', 'right'],
  );
  const md = [
    '# Formatting parsers: Markdown and HTML, parse and unparse',
    '',
    `${describeMachine(machine)} · ${plan.rounds} alternating rounds × ${plan.roundMs} ms, median · clock: ${options.clock}`,
    '',
    `Corpus: ${messages.length} messages (8 chat lines, a ${messages[8]!.text.length}-character post with links, mentions, custom emoji, a date, quotes; a message with two code blocks), ${chars} characters and ${messages.reduce((n, m) => n + m.entities.length, 0)} entities in all. One operation = the whole corpus; the table gives messages per second.`,
    '',
    table,
    '',
    '- Peers: `@mtcute/markdown-parser` and `@mtcute/html-parser` 0.30.3 (the HTML one on htmlparser2), GramJS 2.26 `MarkdownParser` and `HTMLParser` (htmlparser2).',
    "- Each library parses its own unparse of the corpus, so every one reads its own dialect. GramJS's Markdown has no links, mentions, emoji or quotes: its markup carries fewer entities, which favours it.",
    `- \`*-common\` rows: the fair subset — the corpus with bold, italic, strike and inline code only, keeping the ${common.length} messages (${common.reduce((n, m) => n + m.text.length, 0)} characters, ${common.reduce((n, m) => n + m.entities.length, 0)} entities) whose Markdown is byte-identical in all three libraries, so all parse the same input and write the same output. GramJS's Markdown does no escaping and has no markup for links, mentions, emoji, underline, spoilers, quotes or pre languages, so in the full rows its unparse skips most of the work the others do (its output cannot be parsed back to the same entities).`,
    "- GramJS's HTML unparse does not escape `<`, `>`, `&` in text or attributes (the others do) and has no markup for dates.",
    "- Unparse: from each library's own entity objects (mtcute: plain objects with `Long` ids; GramJS: `Api.MessageEntity*` instances), built before timing.",
    '',
  ].join('\n');
  console.log(`\n${md}`);
  if (options.write) {
    writeFileSync(path.join(options.resultsDir, 'parsers.md'), md);
    writeFileSync(
      path.join(options.resultsDir, 'parsers.json'),
      `${JSON.stringify({ machine, plan, messages: messages.length, chars, rows }, null, 2)}\n`,
    );
  }
  return { suite: 'parsers', rows: rows.flatMap((r) => compareRates(r.op, r.messagesPerSec)) };
}

export const suite: Suite = {
  name: 'parsers',
  description: 'Markdown and HTML parse/unparse: wasmgram vs @mtcute/markdown-parser, @mtcute/html-parser, GramJS',
  ops: OPS,
  run,
};
