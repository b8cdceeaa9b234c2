/**
 * Chaos benchmark (`npm run bench -- chaos`): the attacks of issue 10 run one
 * after another against the test server in its own process while a
 * well-behaved client (another process) calls `help.getConfig` every 100 ms.
 * For each attack: the good client's p50/p99/max latency and failed calls
 * during it, the server's RSS before / peak during / 2 s after, and whether
 * the server survived. A report, not a test: writes bench/results/chaos.{md,json}.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { loadAverage, machineInfo } from '../lib/machine.js';
import { markdownTable } from '../lib/format.js';
import { percentile } from '../lib/stats.js';
import type { BenchOptions, Suite } from '../lib/suite.js';
import type { SuiteReport } from '../lib/summary.js';
import { type BenchServer, serverInfoToJson, startServerProcess } from '../mtproto/server.js';
import { ATTACKS, type Attack } from './attacks.js';

interface Sample {
  t: number;
  ms: number;
  ok: boolean;
}

export interface ChaosRow {
  attack: string;
  description: string;
  note: string;
  calls: number;
  failed: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  rssBeforeMiB: number;
  rssPeakMiB: number;
  rssAfterMiB: number;
  /** Server CPU time during the attack / its wall time, % (100 = one core busy). */
  serverCpuPct: number;
  survived: boolean;
}

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'good-client.ts');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** Starts the good client process; its samples accumulate in the returned array. */
async function startGoodClient(server: BenchServer): Promise<{ samples: Sample[]; stop: () => void }> {
  const child: ChildProcessByStdio<Writable, Readable, null> = spawn(
    process.execPath,
    ['--import', 'tsx', SCRIPT, JSON.stringify(serverInfoToJson(server))],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const samples: Sample[] = [];
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const v = JSON.parse(buffered.slice(0, nl)) as Sample & { ready?: boolean };
      buffered = buffered.slice(nl + 1);
      if (v.ready) ready();
      else samples.push(v);
    }
  });
  await isReady;
  return { samples, stop: () => child.stdin.end() };
}

async function runAttack(attack: Attack, server: BenchServer, samples: Sample[], scale: number): Promise<ChaosRow> {
  const crypto = await createCryptoProvider();
  const before = await server.cpu();
  let peak = before.rssMiB;
  let survived = true;
  const start = Date.now();
  const until = start + attack.durationMs * scale;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      try {
        peak = Math.max(peak, (await server.cpu()).rssMiB);
      } catch {
        survived = false;
        return;
      }
      await sleep(250);
    }
  })();
  let note: string;
  try {
    note = await attack.run({ target: { ...server.dcs[0]!, rsaPublicKey: server.rsaPublicKey }, crypto, until });
  } catch (e) {
    note = `attack failed: ${e instanceof Error ? e.message : String(e)}`;
  }
  const end = Date.now();
  sampling = false;
  await sampler;
  let serverCpuPct = Number.NaN;
  try {
    serverCpuPct = (100 * ((await server.cpu()).cpuMs - before.cpuMs)) / Math.max(1, Date.now() - start);
  } catch {
    survived = false;
  }
  await sleep(2000);
  let after = Number.NaN;
  try {
    after = (await server.cpu()).rssMiB;
  } catch {
    survived = false;
  }
  const during = samples.filter((s) => s.t >= start && s.t <= end);
  const latencies = during.filter((s) => s.ok).map((s) => s.ms);
  return {
    attack: attack.name,
    description: attack.description,
    note,
    calls: during.length,
    failed: during.filter((s) => !s.ok).length,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.length ? Math.max(...latencies) : Number.NaN,
    rssBeforeMiB: before.rssMiB,
    rssPeakMiB: peak,
    rssAfterMiB: after,
    serverCpuPct,
    survived,
  };
}

function report(rows: readonly ChaosRow[], baseline: ChaosRow, load: number): string {
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '—');
  const table = markdownTable(
    [
      'attack',
      'calls',
      'failed',
      'p50 ms',
      'p99 ms',
      'max ms',
      'server CPU',
      'RSS before → peak → after (MiB)',
      'survived',
      'what the attacker saw',
    ],
    [baseline, ...rows].map((r) => [
      r.attack,
      String(r.calls),
      String(r.failed),
      f(r.p50Ms),
      f(r.p99Ms),
      f(r.maxMs),
      `${r.serverCpuPct.toFixed(0)} %`,
      `${r.rssBeforeMiB} → ${r.rssPeakMiB} → ${f(r.rssAfterMiB)}`,
      r.survived ? 'yes' : '**no**',
      r.note,
    ]),
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'left', 'left'],
  );
  const m = machineInfo();
  return [
    '# Chaos benchmark',
    '',
    'The attacks of issue 10 against the test server (own process, default `limits`) while a well-behaved',
    'client (own process) calls `help.getConfig` every 100 ms. Latency and failures are the good client’s,',
    'measured during each attack; RSS is the server’s (peak sampled every 250 ms; "after" is 2 s after the attack);',
    'server CPU is its CPU time over the attack’s wall time (100 % = one core). Three processes share the machine,',
    'so latencies include CPU contention with the attacker.',
    'Targets: the server survives everything, RSS back within 50 MB of its start, p99 < 50 ms during garbage,',
    'slow drip, idle connections and partial frames, < 250 ms during 100 concurrent key exchanges.',
    '',
    table,
    '',
    ...[baseline, ...rows].map((r) => `- **${r.attack}**: ${r.description}`),
    '',
    `Machine: ${m.cpu} × ${m.cores}, Node ${process.version}, 1-minute load average at the end ${load.toFixed(1)}. Run: \`npm run bench -- chaos\`.`,
    '',
  ].join('\n');
}

export const suite: Suite = {
  name: 'chaos',
  description: 'attacks on the test server (gzip bomb, garbage, slow drip, idle, partial frames, key exchanges, replays) vs a good client',
  ops: ATTACKS.map((a) => slug(a.name)),
  async run(options: BenchOptions): Promise<SuiteReport> {
    // --quick is a smoke run (bench-smoke.test.ts): a tenth of each attack's length.
    const scale = options.quick ? 0.1 : 1;
    const server = await startServerProcess([2]);
    const good = await startGoodClient(server);
    try {
      const quiet: Attack = {
        name: 'baseline (no attack)',
        description: 'nothing but the good client',
        durationMs: 3000,
        run: async (ctx) => {
          await sleep(ctx.until - Date.now());
          return '—';
        },
      };
      const baseline = await runAttack(quiet, server, good.samples, scale);
      console.log(`baseline: p50 ${baseline.p50Ms.toFixed(1)} ms, p99 ${baseline.p99Ms.toFixed(1)} ms`);
      const rows: ChaosRow[] = [];
      for (const attack of ATTACKS) {
        if (options.ops && !options.ops.includes(slug(attack.name))) continue;
        const row = await runAttack(attack, server, good.samples, scale);
        rows.push(row);
        console.log(
          `${attack.name}: ${row.calls} calls, ${row.failed} failed, p50 ${row.p50Ms.toFixed(1)} / p99 ${row.p99Ms.toFixed(1)} / max ${row.maxMs.toFixed(1)} ms, server CPU ${row.serverCpuPct.toFixed(0)} %, RSS ${row.rssBeforeMiB} → ${row.rssPeakMiB} → ${row.rssAfterMiB} MiB, survived ${row.survived} — ${row.note}`,
        );
        if (!row.survived) break;
      }
      const load = loadAverage();
      const md = report(rows, baseline, load);
      console.log(`\n${md}`);
      if (options.write) {
        writeFileSync(path.join(options.resultsDir, 'chaos.md'), md);
        writeFileSync(
          path.join(options.resultsDir, 'chaos.json'),
          `${JSON.stringify({ date: new Date().toISOString(), node: process.version, loadAverage: load, baseline, attacks: rows }, null, 2)}\n`,
        );
        console.log(`wrote ${path.join(options.resultsDir, 'chaos.{md,json}')}`);
      }
      return { suite: 'chaos', rows: [], note: 'no peers: p50/p99 of a good client under each attack (chaos.md)' };
    } finally {
      good.stop();
      await server.stop();
    }
  },
};
