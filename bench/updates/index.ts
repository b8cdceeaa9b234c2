/**
 * The updates suite (issue 13): updates per second through wasmgram's message
 * box alone — in-order account updates, and a mix with channel updates in
 * seq-numbered containers — with the at-least-once bookkeeping a client does
 * per batch (acknowledge, and a commit point every 1 000 updates); the
 * heap after 1 000 000 updates (it must stay flat); and (`latency`) the
 * push → handler latency at 10 000 updates/s from the test server in its own
 * process, side by side with mtcute (bench/updates/latency.ts).
 *
 * Not compared with mtcute: its `UpdatesManager` (@mtcute/core
 * highlevel/updates/manager.js) is not separable from `BaseTelegramClient` —
 * it reads and writes pts through the client's storage, resolves peers
 * through the storage's peer index, runs an async loop with locks and timers
 * and calls the network for differences — so "the box alone" has no mtcute
 * counterpart; a like-for-like comparison needs the dispatcher and the test
 * server (issue 13, part B).
 *
 * Writes bench/results/updates.{md,json} on a full run.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Updates } from '../../ts/tl/generated/types.js';
import { MessageBox } from '../../ts/updates/index.js';
import { si } from '../lib/format.js';
import { describeMachine, machineInfo } from '../lib/machine.js';
import type { BenchOptions, Suite } from '../lib/suite.js';
import { collectGarbage } from '../lib/timing.js';
import { type LatencyResult, latency } from './latency.js';
import { inOrderShort, makeShort, mixed } from './workload.js';

const OPS = ['in-order', 'mixed', 'heap', 'latency'] as const;
const log = (line: string) => process.stderr.write(`${line}\n`);

function freshBox(): MessageBox {
  // A box past updates.getState (pts 0, seq 0), far from any deadline.
  const box = new MessageBox();
  const out = box.start(0);
  box.applyState(out.requests[0]!, { _: 'updates.state', pts: 0, qts: 0, date: 1, seq: 0, unread_count: 0 }, 0);
  return box;
}

/** Feeds every item once through a fresh box with per-batch acknowledge; returns updates/s and checks all were delivered. */
function run(stream: Updates[]): number {
  const box = freshBox();
  let delivered = 0;
  const t0 = performance.now();
  for (let i = 0; i < stream.length; i++) {
    const out = box.process(stream[i]!, 1000);
    delivered += out.updates.length;
    box.acknowledge(out.batch);
    if ((i & 1023) === 1023) box.commitPoint();
  }
  const seconds = (performance.now() - t0) / 1000;
  if (delivered !== stream.length) throw new Error(`delivered ${delivered} of ${stream.length}`);
  return stream.length / seconds;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function throughput(name: string, make: () => Updates[], rounds: number): { name: string; perSec: number; rounds: number[] } {
  const stream = make();
  run(stream); // warm-up: one whole pass, so the JIT has seen this workload's shapes
  const per: number[] = [];
  for (let r = 0; r < rounds; r++) {
    collectGarbage();
    per.push(run(stream));
  }
  const perSec = median(per);
  log(`  ${name.padEnd(10)} ${si(perSec)} updates/s (rounds: ${per.map((v) => si(v)).join(', ')})`);
  return { name, perSec, rounds: per };
}

function heap(total: number): { atWarmup: number; atEnd: number; total: number } {
  const box = freshBox();
  const sample = () => {
    collectGarbage();
    return process.memoryUsage().heapUsed;
  };
  let atWarmup = 0;
  for (let i = 1; i <= total; i++) {
    const out = box.process(makeShort(i, i), 1000);
    box.acknowledge(out.batch);
    if ((i & 1023) === 0) box.commitPoint();
    if (i === total / 10) atWarmup = sample();
  }
  const atEnd = sample();
  if (box.getState().state!.pts !== total) throw new Error('heap run: not every update applied');
  log(
    `  heap       ${(atWarmup / 2 ** 20).toFixed(1)} MiB after ${si(total / 10)} updates, ${(atEnd / 2 ** 20).toFixed(1)} MiB after ${si(total)}`,
  );
  return { atWarmup, atEnd, total };
}

export const suite: Suite = {
  name: 'updates',
  description: 'message box throughput (in-order, mixed with channels), heap after 1M updates, push → handler latency vs mtcute',
  ops: OPS,
  async run(options: BenchOptions): Promise<void> {
    const want = (op: string) => !options.ops || options.ops.includes(op);
    const n = options.quick ? 50_000 : 500_000;
    const rounds = options.quick ? 1 : 5;
    const machine = machineInfo();
    log(`updates: ${describeMachine(machine)}`);
    const results: Array<{ name: string; perSec: number; rounds: number[] }> = [];
    if (want('in-order')) results.push(throughput('in-order', () => inOrderShort(n, 0), rounds));
    if (want('mixed')) results.push(throughput('mixed', () => mixed(n, 0, 0, 16), rounds));
    const mem = want('heap') ? heap(options.quick ? 100_000 : 1_000_000) : undefined;
    let lat: LatencyResult[] = [];
    if (want('latency')) {
      const load = (await import('node:os')).loadavg()[0]!;
      log(`  latency: server process pushes ${options.quick ? '2 000' : '10 000'} updates/s (load average ${load.toFixed(1)})`);
      lat = options.quick ? await latency(2000, 4000, log) : await latency(10_000, 50_000, log);
    }
    if (!options.write) return;
    const lines = [
      '# updates: the message box alone',
      '',
      describeMachine(machine),
      '',
      '| workload | updates/s (median) |',
      '| --- | ---: |',
      ...results.map((r) => `| ${r.name} | ${si(r.perSec)} |`),
      '',
      mem
        ? `Heap after ${si(mem.total / 10)} updates: ${(mem.atWarmup / 2 ** 20).toFixed(1)} MiB; after ${si(mem.total)}: ${(mem.atEnd / 2 ** 20).toFixed(1)} MiB.`
        : '',
      '',
      ...(lat.length > 0
        ? [
            '## push → handler latency (server in its own process, 10 000 updates/s)',
            '',
            '| client | p50 ms | p90 ms | p99 ms | max ms | received | server rate/s | client CPU µs/update |',
            '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
            ...lat.map(
              (r) =>
                `| ${r.name} | ${r.p50.toFixed(2)} | ${r.p90.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.max.toFixed(1)} | ${r.received}/${r.total} | ${Math.round(r.pushedPerSecond)} | ${r.cpuUsPerUpdate.toFixed(1)} |`,
            ),
            '',
            'wasmgram: updates runner + client dispatcher (a command filter, then the recording handler). mtcute 0.30: its updates manager → `onNewMessage` (`@mtcute/dispatcher` 0.27.9 needs `@mtcute/core ^0.27.9`, not the 0.30 used here). See bench/updates/latency.ts.',
            '',
          ]
        : []),
      'in-order: `updateShort(updateNewMessage)` with consecutive pts. mixed: `updates` containers with consecutive seq, 3 account messages per channel message over 16 channels. Each batch is acknowledged and a commit point taken every 1 024 updates, as a client with at-least-once delivery does. mtcute: not comparable in isolation (see bench/updates/index.ts).',
      '',
    ];
    fs.mkdirSync(options.resultsDir, { recursive: true });
    fs.writeFileSync(path.join(options.resultsDir, 'updates.md'), lines.join('\n'));
    fs.writeFileSync(
      path.join(options.resultsDir, 'updates.json'),
      `${JSON.stringify({ machine, results, heap: mem, latency: lat }, null, 2)}\n`,
    );
    log(`updates: wrote ${path.join(options.resultsDir, 'updates.md')}`);
  },
};
