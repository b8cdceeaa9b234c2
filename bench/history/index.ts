/**
 * The `history` suite (issue 12): iterating the history of a chat from the
 * test server — wasmgram `client.iterHistory` vs mtcute `tg.iterHistory`
 * vs GramJS `client.iterMessages`, each library's high-level iterator with
 * its defaults (pages of 100 `messages.getHistory`), side by side in one run.
 *
 * The server runs in this process with one public broadcast channel holding
 * 10 000 posts (1 000 with --quick) of real-looking text (lengths 5..600,
 * a third with entities); every client runs in a child process of its own
 * (bench/history/child-*), signs in to its own account, iterates once to
 * warm up (1 000 messages), then iterates the whole channel `rounds` times.
 * Per pass: messages/s (wall), the child's CPU per 1 000 messages, and the
 * heap's peak above where the pass started (sampled every 100 messages after
 * a forced GC) — what an iterator keeps alive while it runs. Each child
 * checks the order (newest first, no repeats) and the count.
 *
 * GramJS's `iterMessages` sleeps about 1 ms between pages above 3 000
 * messages (its flood-wait guard); that is its default behaviour and is kept.
 * Answers are gzip_packed as Telegram packs them; `WASMGRAM_HISTORY_GZIP=off`
 * turns that off on the server, to see how much of a client's CPU goes to
 * inflating. Results: bench/results/history.{md,json} on full runs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { ScriptedWorld, TestServer } from '../../ts/testing/index.js';
import type { MessageEntity } from '../../ts/tl/generated/types.js';
import { markdownTable } from '../lib/format.js';
import { describeMachine, machineInfo } from '../lib/machine.js';
import { median } from '../lib/stats.js';
import type { BenchOptions, Suite } from '../lib/suite.js';
import { compareMeasurements, type Measurement, type SuiteReport } from '../lib/summary.js';
import type { HistoryJob, HistoryResult } from './job.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const CHANNEL = 'bench_history';

interface Plan {
  count: number;
  rounds: number;
  warmup: number;
}
const FULL: Plan = { count: 10_000, rounds: 3, warmup: 1_000 };
const QUICK: Plan = { count: 1_000, rounds: 1, warmup: 200 };

interface Peer {
  name: string;
  args: string[];
}
const TSX = ['--import', 'tsx'];
const PEERS: Peer[] = [
  { name: 'wasmgram', args: [...TSX, path.join(here, 'child-wasmgram.ts')] },
  { name: 'mtcute', args: [...TSX, path.join(here, 'child-mtcute.ts')] },
  { name: 'gramjs', args: [...TSX, path.join(here, 'child-gramjs.cjs')] },
];

/** Runs one child with `job` on stdin; its one JSON line back; killed past `deadlineMs`. */
function runChild(peer: Peer, job: HistoryJob, deadlineMs: number): Promise<HistoryResult> {
  return new Promise((resolve, reject) => {
    // WASMGRAM_HISTORY_PROF=<dir>: a V8 CPU profile of each child in <dir>/<client> (node --cpu-prof, 100 µs samples), to see
    // where a client spends its time; one directory per client, as the loader thread tsx starts writes a profile of its own.
    // WASMGRAM_HISTORY_NODE_ARGS: more node flags for the children (e.g. `--heap-prof --heap-prof-dir=/tmp/h`).
    const dir = process.env.WASMGRAM_HISTORY_PROF;
    const prof = dir ? ['--cpu-prof', '--cpu-prof-interval=100', `--cpu-prof-dir=${path.join(dir, peer.name)}`] : [];
    prof.push(...(process.env.WASMGRAM_HISTORY_NODE_ARGS?.split(' ').filter(Boolean) ?? []));
    const child: ChildProcess = spawn(process.execPath, ['--expose-gc', ...prof, ...peer.args], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) {
        const why = signal === 'SIGKILL' ? ` (over ${deadlineMs} ms)` : '';
        reject(new Error(`${peer.name}: exit ${signal ?? code}${why}: ${err.trim().split('\n').slice(-4).join(' | ').slice(-600)}`));
        return;
      }
      resolve(JSON.parse(line) as HistoryResult);
    });
    child.stdin!.end(JSON.stringify(job));
  });
}

const WORDS =
  'the a message from channel history bench telegram client wasm fast iterate page offset peer update pts reply link photo'.split(' ');

/** Post `i`: deterministic text of 5..600 characters; every third with a bold and a link entity. */
export function post(i: number): { text: string; entities?: MessageEntity[] } {
  let x = (i * 2654435761) >>> 0;
  const next = () => (x = (x * 1103515245 + 12345) >>> 0);
  const len = 5 + (next() % 596);
  let text = `#${i} `;
  while (text.length < len) text += `${WORDS[next() % WORDS.length]} `;
  text = text.slice(0, len);
  if (i % 3 !== 0 || len < 20) return { text };
  return {
    text,
    entities: [
      { _: 'messageEntityBold', offset: 0, length: 5 },
      { _: 'messageEntityTextUrl', offset: 6, length: 10, url: `https://example.com/${i}` },
    ],
  };
}

/** The server with the channel filled, and one registered account per client. */
async function startFilledServer(count: number): Promise<{ server: TestServer; world: ScriptedWorld; messages: number }> {
  const server = await TestServer.start({
    dcs: [2],
    crypto: await createCryptoProvider(),
    websocket: false,
    ...(process.env.WASMGRAM_HISTORY_GZIP === 'off' && { gzipThreshold: false }),
  });
  const world = new ScriptedWorld(server.backend);
  const feeder = world.user({ firstName: 'Feeder', phone: '9996629000' });
  const channel = await feeder.createChannel('History bench', { broadcast: true, username: CHANNEL });
  for (let i = 0; i < count; i++) {
    const p = post(i);
    await feeder.sendMessage(channel, p.text, p.entities ? { entities: p.entities } : {});
  }
  // The channel also holds its service message ("channel created").
  return { server, world, messages: feeder.history(channel).length };
}

interface Row {
  impl: string;
  version?: string;
  msgsPerSec?: number;
  cpuMsPer1k?: number;
  peakHeapMiB?: number;
  heapAfterMiB?: number;
  unavailable?: string;
}

async function measure(plan: Plan, log: (s: string) => void): Promise<{ rows: Row[]; messages: number }> {
  const t0 = performance.now();
  const { server, world, messages } = await startFilledServer(plan.count);
  log(`server: channel @${CHANNEL} with ${messages} messages (filled in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const rows: Row[] = [];
  try {
    const dc = server.dcs.find((d) => d.id === 2)!;
    const { n, e, fingerprint } = server.rsaPublicKey;
    let phoneSeq = 9100;
    // WASMGRAM_HISTORY_PEERS=wasmgram,mtcute: only those clients (all by default).
    const only = process.env.WASMGRAM_HISTORY_PEERS?.split(',');
    for (const peer of PEERS) {
      if (only && !only.includes(peer.name)) continue;
      const phone = `999662${phoneSeq++}`;
      world.user({ firstName: peer.name, phone });
      const job: HistoryJob = {
        dcs: [{ id: 2, host: dc.host, port: dc.port }],
        rsa: { n: n.toString(16), e: e.toString(16), fingerprint: fingerprint.toString(16) },
        publicKeyPem: server.publicKeyPem,
        phone,
        code: server.backend.loginCode(phone),
        channel: CHANNEL,
        count: messages,
        rounds: plan.rounds,
        warmup: Math.min(plan.warmup, messages),
      };
      try {
        // A quick run (the smoke test) gives a stuck peer a minute, so it is reported as failed well before the test's deadline.
        const r = await runChild(peer, job, plan === QUICK ? 60_000 : 120_000 + plan.rounds * 60_000);
        const ms = median(r.rounds.map((x) => x.ms));
        const row: Row = {
          impl: peer.name,
          version: r.version,
          msgsPerSec: (messages / ms) * 1000,
          cpuMsPer1k: (median(r.rounds.map((x) => x.cpuMs)) / messages) * 1000,
          peakHeapMiB: median(r.rounds.map((x) => x.peakHeapMiB)),
          heapAfterMiB: r.heapAfterMiB,
        };
        rows.push(row);
        log(
          `${peer.name}: ${Math.round(row.msgsPerSec!)} msg/s, CPU ${row.cpuMsPer1k!.toFixed(1)} ms per 1 000, heap peak +${row.peakHeapMiB!.toFixed(1)} MiB`,
        );
      } catch (err) {
        const why = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);
        rows.push({ impl: peer.name, unavailable: why });
        log(`${peer.name}: failed: ${why}`);
      }
    }
  } finally {
    world.close();
    await server.stop();
  }
  return { rows, messages };
}

function table(rows: readonly Row[]): string {
  const base = rows.find((r) => r.impl === 'wasmgram');
  return markdownTable(
    ['client', 'messages/s', 'vs wasmgram', 'CPU ms / 1 000 msgs', 'heap peak during pass (MiB)', 'heap after (MiB)'],
    rows.map((r) =>
      r.unavailable
        ? [r.impl, 'n/a', '', '', '', r.unavailable]
        : [
            `${r.impl}${r.version && r.version !== 'sources' ? ` ${r.version}` : ''}`,
            Math.round(r.msgsPerSec!).toLocaleString('en-US'),
            base?.msgsPerSec ? `${(r.msgsPerSec! / base.msgsPerSec).toFixed(2)}x` : '',
            r.cpuMsPer1k!.toFixed(1),
            r.peakHeapMiB!.toFixed(1),
            r.heapAfterMiB!.toFixed(1),
          ],
    ),
    ['left', 'right', 'right', 'right', 'right', 'right'],
  );
}

export const suite: Suite = {
  name: 'history',
  description: 'iterate 10 000 channel messages from the test server: wasmgram iterHistory vs mtcute iterHistory vs GramJS iterMessages',
  ops: ['iterate'],
  async run(options: BenchOptions): Promise<SuiteReport> {
    const plan = options.quick ? QUICK : FULL;
    const log = (s: string) => console.log(`  ${s}`);
    console.log(`history: ${plan.count} messages, ${plan.rounds} pass(es) per client after a ${plan.warmup}-message warm-up`);
    const { rows, messages } = await measure(plan, log);
    const md = table(rows);
    console.log(`\n${md}\n`);
    const measurements: Measurement[] = [];
    for (const r of rows) {
      if (r.unavailable) continue;
      measurements.push({ case: `iterate ${messages}`, impl: r.impl, value: r.msgsPerSec!, higherIsBetter: true });
      measurements.push({ case: `iterate CPU`, impl: r.impl, value: r.cpuMsPer1k!, higherIsBetter: false });
      measurements.push({ case: `iterate heap peak`, impl: r.impl, value: Math.max(r.peakHeapMiB!, 0.01), higherIsBetter: false });
    }
    if (options.write) {
      const machine = machineInfo();
      const head = `# history\n\nIterating ${messages} messages of a public channel from the test server (same process as the runner; every client in a child process, signed in to its own account). ${plan.rounds} passes per client after a warm-up; medians.\n\n${describeMachine(machine)}\n\n`;
      writeFileSync(path.join(options.resultsDir, 'history.md'), `${head}${md}\n`);
      writeFileSync(path.join(options.resultsDir, 'history.json'), `${JSON.stringify({ machine, messages, plan, rows }, null, 2)}\n`);
    }
    return { suite: 'history', rows: compareMeasurements(measurements) };
  },
};
