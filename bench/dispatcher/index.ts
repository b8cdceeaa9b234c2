/**
 * The dispatcher suite (issue 13 part B): updates per second
 * - `dispatcher`: plain message objects over 100 chats through a Dispatcher
 *   with a `command('start')` filter and a no-op handler (per-chat ordering on);
 * - `box+dispatcher`: `updateShortMessage`s fed to the message box
 *   (ts/updates), each delivered update turned into a plain message and
 *   dispatched, the batch acknowledged when its handler finished and a
 *   commit point taken every 1 024 updates (at-least-once, as a client does).
 * Target: ≥ 300 000 updates/s box + dispatcher.
 *
 * Not compared with @mtcute/dispatcher: its current release (0.27.x) depends
 * on @mtcute/core 0.27 while the repository pins 0.30 (a second core copy),
 * and it dispatches parsed `Message` objects bound to a live client (built
 * from full TL messages with a peer index), so synthetic updates would
 * measure the construction of those objects, not the dispatcher.
 *
 * Writes bench/results/dispatcher.{md,json} on a full run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { command, Dispatcher, type MessageLike } from '../../ts/dispatcher/index.js';
import type { Update, Updates } from '../../ts/tl/generated/types.js';
import { MessageBox } from '../../ts/updates/index.js';
import { si } from '../lib/format.js';
import { describeMachine, machineInfo } from '../lib/machine.js';
import type { BenchOptions, Suite } from '../lib/suite.js';
import { clockFn, collectGarbage } from '../lib/timing.js';

const OPS = ['dispatcher', 'box+dispatcher'] as const;
const CHATS = 100;
const BATCH = 1024;
const log = (line: string) => process.stderr.write(`${line}\n`);

function makeDispatcher(counter: { n: number }): Dispatcher<MessageLike> {
  const dp = new Dispatcher<MessageLike>({ concurrency: 64 });
  dp.on(command('start'), () => {
    counter.n++;
  });
  return dp;
}

function plainMessages(n: number): MessageLike[] {
  const out: MessageLike[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const id = BigInt(1000 + (i % CHATS));
    out[i] = { text: i % 2 ? '/start' : '/start ref42', chat: { id, type: 'private' }, sender: { id } };
  }
  return out;
}

function shortMessages(n: number): Updates[] {
  const out: Updates[] = new Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = {
      _: 'updateShortMessage',
      id: i + 1,
      user_id: BigInt(1000 + (i % CHATS)),
      message: '/start',
      pts: i + 1,
      pts_count: 1,
      date: 1700000000,
    };
  }
  return out;
}

/** What the client's update layer will do, reduced to the fields the filters read. */
function toMessage(u: Update): MessageLike | undefined {
  if (u._ !== 'updateNewMessage' || u.message._ !== 'message') return undefined;
  const m = u.message;
  const peer = m.peer_id;
  const id = peer._ === 'peerUser' ? peer.user_id : peer._ === 'peerChat' ? peer.chat_id : peer.channel_id;
  const from = m.from_id?._ === 'peerUser' ? m.from_id.user_id : id;
  return { text: m.message, chat: { id, type: 'private' }, sender: { id: from } };
}

async function runDispatcher(messages: MessageLike[], now: () => number): Promise<number> {
  const counter = { n: 0 };
  const dp = makeDispatcher(counter);
  const t0 = now();
  for (let i = 0; i < messages.length; i += BATCH) {
    const end = Math.min(messages.length, i + BATCH);
    const pending: Promise<unknown>[] = [];
    for (let j = i; j < end; j++) pending.push(dp.dispatch(messages[j]!));
    await Promise.all(pending);
  }
  const seconds = (now() - t0) / 1000;
  if (counter.n !== messages.length) throw new Error(`handled ${counter.n} of ${messages.length}`);
  return messages.length / seconds;
}

async function runBox(stream: Updates[], now: () => number): Promise<number> {
  const counter = { n: 0 };
  const dp = makeDispatcher(counter);
  const box = new MessageBox();
  const start = box.start(0);
  box.applyState(start.requests[0]!, { _: 'updates.state', pts: 0, qts: 0, date: 1, seq: 0, unread_count: 0 }, 0);
  const t0 = now();
  for (let i = 0; i < stream.length; i += BATCH) {
    const end = Math.min(stream.length, i + BATCH);
    const pending: Promise<unknown>[] = [];
    for (let j = i; j < end; j++) {
      const out = box.process(stream[j]!, 1000);
      for (const u of out.updates) {
        const m = toMessage(u);
        if (m) pending.push(dp.dispatch(m).then(() => box.acknowledge(out.batch)));
      }
    }
    await Promise.all(pending);
    box.commitPoint();
  }
  const seconds = (now() - t0) / 1000;
  if (counter.n !== stream.length) throw new Error(`handled ${counter.n} of ${stream.length}`);
  if (box.committedState().state?.pts !== stream.length) throw new Error('not every update committed');
  return stream.length / seconds;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

async function measure(
  name: string,
  once: () => Promise<number>,
  rounds: number,
): Promise<{ name: string; perSec: number; rounds: number[] }> {
  await once(); // warm-up
  const per: number[] = [];
  for (let r = 0; r < rounds; r++) {
    collectGarbage();
    per.push(await once());
  }
  const perSec = median(per);
  log(`  ${name.padEnd(15)} ${si(perSec)} updates/s (rounds: ${per.map((v) => si(v)).join(', ')})`);
  return { name, perSec, rounds: per };
}

export const suite: Suite = {
  name: 'dispatcher',
  description: 'updates/s through the dispatcher (command filter, no-op handler), alone and behind the message box',
  ops: OPS,
  async run(options: BenchOptions): Promise<void> {
    const want = (op: string) => !options.ops || options.ops.includes(op);
    const n = options.quick ? 20_000 : 200_000;
    const rounds = options.quick ? 1 : 5;
    const machine = machineInfo();
    const now = clockFn(options.clock);
    log(`dispatcher: ${describeMachine(machine)}`);
    const results: Array<{ name: string; perSec: number; rounds: number[] }> = [];
    if (want('dispatcher')) {
      const messages = plainMessages(n);
      results.push(await measure('dispatcher', () => runDispatcher(messages, now), rounds));
    }
    if (want('box+dispatcher')) {
      const stream = shortMessages(n);
      results.push(await measure('box+dispatcher', () => runBox(stream, now), rounds));
    }
    if (!options.write) return;
    const lines = [
      '# dispatcher: updates per second',
      '',
      `${describeMachine(machine)} · clock: ${options.clock}`,
      '',
      '| workload | updates/s (median) |',
      '| --- | ---: |',
      ...results.map((r) => `| ${r.name} | ${si(r.perSec)} |`),
      '',
      `${si(n)} updates over ${CHATS} chats, dispatched in batches of ${BATCH} (per-chat ordering on, 64 chats in parallel), \`command('start')\` filter and a no-op handler. box+dispatcher: \`updateShortMessage\`s through the message box first, each batch acknowledged when its handler finished, a commit point per ${BATCH}. Target ≥ 300 000 updates/s box + dispatcher. mtcute: not compared (see bench/dispatcher/index.ts).`,
      '',
    ];
    fs.mkdirSync(options.resultsDir, { recursive: true });
    fs.writeFileSync(path.join(options.resultsDir, 'dispatcher.md'), lines.join('\n'));
    fs.writeFileSync(path.join(options.resultsDir, 'dispatcher.json'), `${JSON.stringify({ machine, results }, null, 2)}\n`);
    log(`dispatcher: wrote ${path.join(options.resultsDir, 'dispatcher.md')}`);
  },
};
