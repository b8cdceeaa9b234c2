/**
 * The MTProto suite (issue 4): wasmgram's client stack against the test
 * server on loopback, with mtcute and GramJS on the same server where they
 * can run. The server runs in a child process (server-process.ts), so the
 * client's figures are the client's CPU; the server's CPU is reported next
 * to them. Each library runs its cold starts and steady-state operations in
 * a worker process of its own (client-worker.ts); the handshake anatomy and
 * the profile run here, in a process that loads no peer library.
 *
 * Operations: `handshake` (full key exchange: median, p95, and the share of
 * PQ, RSA, DH — handshake.ts), `cold-start` (new client → first answer, every
 * library), `rpc-sequential`, `rpc-pipelined-1000`, `bulk-upload-512k`,
 * `bulk-download-512k` (measure.ts), `profile` (where wasmgram's client time
 * goes — profile.ts). Writes bench/results/mtproto.{md,json}; see README.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { si } from '../lib/format.js';
import { describeMachine, loadAverage, machineBusy, machineInfo } from '../lib/machine.js';
import type { BenchOptions, Suite } from '../lib/suite.js';
import { compareMeasurements, type SuiteReport } from '../lib/summary.js';
import { gcAvailable } from '../lib/timing.js';
import { handshakeAnatomy, timeHandshakes } from './handshake.js';
import { type KeyExchangeCpuPlan, measureKeyExchangeCpu } from './key-exchange-cpu.js';
import { type ColdRunner, compareColdStarts, compareRounds, type RoundPlan } from './measure.js';
import { profile } from './profile.js';
import { renderJson, renderMarkdown, type Report } from './report.js';
import { startServerProcess } from './server.js';
import { wasmgramImpl } from './wasmgram.js';
import { ClientWorker, type WorkerInfo } from './workers.js';
import {
  BULK_WINDOW,
  BURST,
  DOWNLOAD_FILE,
  DOWNLOAD_PARTS,
  openAndCheck,
  PART,
  payloads,
  STEADY_OPS,
  UPLOAD_FILE,
  UPLOAD_PARTS,
} from './workload.js';

export const OPS = ['handshake', 'cold-start', ...STEADY_OPS, 'profile'] as const;
type Op = (typeof OPS)[number];

/** Client libraries, each run in its own worker process. */
const LIBRARIES = ['wasmgram', 'mtcute', 'gramjs'] as const;

export interface Plan {
  handshakes: { count: number; warmup: number };
  anatomy: { count: number; warmup: number };
  keyExchangeCpu: KeyExchangeCpuPlan;
  cold: { count: number; warmup: number; peerBudgetMs: number };
  rpc: RoundPlan;
  bulk: RoundPlan;
  profile: { bursts: number; parts: number };
}

/** About 2½ minutes on 2 busy cores with both peers. */
const FULL: Plan = {
  handshakes: { count: 40, warmup: 3 },
  anatomy: { count: 20, warmup: 2 },
  keyExchangeCpu: { modPowSamples: 30, exchanges: 20, peerBudgetMs: 3000 },
  cold: { count: 12, warmup: 1, peerBudgetMs: 12_000 },
  rpc: { warmupMs: 300, rounds: 5, roundMs: 800, settleMs: 50 },
  bulk: { warmupMs: 400, rounds: 5, roundMs: 1000, settleMs: 100 },
  profile: { bursts: 4, parts: 32 },
};
const QUICK: Plan = {
  handshakes: { count: 3, warmup: 1 },
  anatomy: { count: 3, warmup: 1 },
  keyExchangeCpu: { modPowSamples: 3, exchanges: 2, peerBudgetMs: 200 },
  cold: { count: 2, warmup: 0, peerBudgetMs: 3000 },
  rpc: { warmupMs: 50, rounds: 1, roundMs: 150, settleMs: 0 },
  bulk: { warmupMs: 50, rounds: 1, roundMs: 200, settleMs: 0 },
  profile: { bursts: 1, parts: 4 },
};

const log = (line: string) => process.stderr.write(`${line}\n`);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

function select(options: BenchOptions): Op[] {
  if (options.sizes) throw new Error('the mtproto suite has fixed payloads (512 KiB parts); pick operations with --ops');
  return options.ops ? OPS.filter((o) => options.ops!.includes(o)) : [...OPS];
}

async function run(options: BenchOptions): Promise<SuiteReport> {
  const started = performance.now();
  const machine = machineInfo();
  const plan = options.quick ? QUICK : FULL;
  const ops = select(options);
  log(`mtproto: ${describeMachine(machine)}${options.quick ? ' · --quick' : ''}`);
  if (options.clock === 'cpu')
    log('  note: --clock=cpu does not apply here (round trips are wall time); client and server CPU per operation are reported instead');
  if (machineBusy(machine))
    log(`  warning: load average ${machine.loadAvg1m} on ${machine.cores} cores — other work is running, wall-time figures will be noisy`);

  const crypto = await createCryptoProvider();
  const server = await startServerProcess([2]);
  log(`  server process ${server.pid} on ${server.dcs.map((d) => `${d.host}:${d.port}`).join(', ')} (crypto engine ${server.engine})`);
  const report: Report = {
    machine,
    loadAtEnd: 0,
    quick: options.quick,
    plan,
    clientEngine: crypto.engine,
    serverEngine: server.engine,
    impls: [],
    steady: [],
    unavailable: [],
    notes: [],
    seconds: 0,
  };
  const workers: { worker: ClientWorker; info: WorkerInfo }[] = [];
  try {
    const needWorkers = ops.some((o) => o === 'cold-start' || (STEADY_OPS as readonly string[]).includes(o));
    for (const name of needWorkers ? LIBRARIES : []) {
      try {
        workers.push(await ClientWorker.start(name, server));
      } catch (e) {
        for (const op of ops)
          if (op !== 'handshake' && op !== 'profile') report.unavailable.push({ impl: name, op, reason: `not loaded: ${message(e)}` });
        log(`  n/a ${name}: ${message(e)}`);
      }
    }
    report.impls = workers.length
      ? workers.map((w) => ({ name: w.info.name, version: w.info.version }))
      : [{ name: 'wasmgram', version: wasmgramImpl(server, crypto).version }];
    report.notes.push(...workers.flatMap((w) => w.info.notes));

    if (ops.includes('handshake')) {
      log(`  handshake: ${plan.handshakes.count} key exchanges through Connection, ${plan.anatomy.count} step by step…`);
      const times = await timeHandshakes(server, crypto, plan.handshakes.count, plan.handshakes.warmup);
      const anatomy = await handshakeAnatomy(server, crypto, plan.anatomy.count, plan.anatomy.warmup);
      report.handshake = { ...times, anatomy };
      log(
        `    median ${times.medianMs.toFixed(1)} ms, p95 ${times.p95Ms.toFixed(1)} ms; PQ ${(anatomy.share.pq * 100).toFixed(1)}% RSA ${(anatomy.share.rsa * 100).toFixed(1)}% ` +
          `DH ${(anatomy.share.dh * 100).toFixed(1)}% server ${(anatomy.share.server * 100).toFixed(1)}%`,
      );
      log(`  key exchange client CPU by modPow engine (${plan.keyExchangeCpu.exchanges} in-process exchanges each)…`);
      const cpu = measureKeyExchangeCpu(crypto, plan.keyExchangeCpu);
      report.keyExchangeCpu = cpu;
      log(`    modPow 2048: ${cpu.modPow.map((m) => `${m.impl} ${m.medianMs.toFixed(2)} ms`).join(' | ')}`);
      log(`    client CPU: ${cpu.exchanges.map((m) => `${m.impl} ${m.medianMs.toFixed(2)} ms`).join(' | ')}`);
    }

    if (ops.includes('cold-start')) {
      const runners: ColdRunner[] = [];
      for (const { worker, info } of workers) {
        if (info.coldStart !== true) {
          report.unavailable.push({ impl: info.name, op: 'cold-start', reason: info.coldStart });
          continue;
        }
        runners.push({ name: info.name, budgetMs: info.name === 'wasmgram' ? Infinity : plan.cold.peerBudgetMs, run: () => worker.cold() });
      }
      log(
        `  cold-start: ${runners.map((r) => r.name).join(', ')} × ${plan.cold.count} (peers stop after ${plan.cold.peerBudgetMs / 1000} s)…`,
      );
      try {
        report.cold = await compareColdStarts(runners, plan.cold.count, plan.cold.warmup);
        log(`    ${report.cold.map((c) => `${c.name} median ${c.medianMs.toFixed(0)} ms (n=${c.samples.length})`).join(' | ')}`);
      } catch (e) {
        log(`    cold-start failed: ${message(e)}`);
        report.unavailable.push({ impl: 'all', op: 'cold-start', reason: message(e) });
      }
    }

    const steadyOps = STEADY_OPS.filter((o) => ops.includes(o));
    const open: { worker: ClientWorker; info: WorkerInfo }[] = [];
    for (const w of steadyOps.length ? workers : []) {
      try {
        await w.worker.open();
        open.push(w);
      } catch (e) {
        const reason = `failed the guard (sign-in, then each request checked once): ${message(e)}`;
        log(`  n/a ${w.info.name}: ${reason}`);
        for (const op of steadyOps) report.unavailable.push({ impl: w.info.name, op, reason });
      }
    }
    for (const op of steadyOps) {
      const rounds = op.startsWith('bulk') ? plan.bulk : plan.rpc;
      const runners = open.map(({ worker, info }) => ({
        name: info.name,
        settle: (ms: number) => worker.settle(op, ms),
        slice: (ms: number) => worker.slice(op, ms),
      }));
      try {
        const results = await compareRounds(runners, rounds, server);
        report.steady.push({ op, results });
        const fmt = (v: number) => (op.startsWith('bulk') ? `${((v * PART) / 1e6).toFixed(1)} MB/s` : `${si(v)} ops/s`);
        log(
          `  ${op.padEnd(19)} ${results.map((r) => `${r.name} ${fmt(r.opsPerSec)} (client ${r.clientCpuUsPerOp.toFixed(0)} µs, server ${r.serverCpuUsPerOp.toFixed(0)} µs)`).join(' | ')}`,
        );
      } catch (e) {
        log(`  ${op}: failed: ${message(e)}`);
        report.unavailable.push({ impl: 'all', op, reason: message(e) });
      }
    }
    for (const w of workers) await w.worker.close();
    workers.length = 0;

    if (ops.includes('profile')) {
      // In this process, which has loaded no peer library.
      const data = payloads();
      const ours = await openAndCheck(wasmgramImpl(server, crypto), data);
      try {
        log(
          `  profile: ${plan.profile.bursts} bursts of ${BURST} + ${plan.profile.parts} uploads + ${plan.profile.parts} downloads (${BULK_WINDOW} in flight) under the V8 sampling profiler…`,
        );
        report.profile = await profile(async () => {
          for (let b = 0; b < plan.profile.bursts; b++) await Promise.all(Array.from({ length: BURST }, () => ours.nearestDc()));
          const windowed = async (unit: (i: number) => Promise<unknown>) => {
            let next = 0;
            await Promise.all(
              Array.from({ length: BULK_WINDOW }, async () => {
                while (next < plan.profile.parts) await unit(next++);
              }),
            );
          };
          await windowed((i) => ours.saveFilePart(UPLOAD_FILE, i % UPLOAD_PARTS, data.upload));
          await windowed((i) => ours.getFile(DOWNLOAD_FILE, (i % DOWNLOAD_PARTS) * PART, PART));
        });
      } finally {
        await ours.close();
      }
    }
    report.serverCpu = await server.cpu();
  } finally {
    for (const w of workers) w.worker.kill();
    await server.stop();
  }

  report.loadAtEnd = loadAverage();
  report.seconds = (performance.now() - started) / 1000;
  report.gc = gcAvailable();
  const markdown = renderMarkdown(report);
  process.stdout.write(markdown);
  if (options.write) {
    fs.mkdirSync(options.resultsDir, { recursive: true });
    fs.writeFileSync(path.join(options.resultsDir, 'mtproto.md'), markdown);
    fs.writeFileSync(path.join(options.resultsDir, 'mtproto.json'), renderJson(report));
    log(`mtproto: wrote ${path.relative(process.cwd(), options.resultsDir) || '.'}/mtproto.{md,json}`);
  } else {
    log('mtproto: results not written (--quick or a subset run; add --write to write them)');
  }
  log(`mtproto: done in ${report.seconds.toFixed(1)} s`);
  return { suite: 'mtproto', rows: summaryRows(report), note: SUMMARY_NOTE };
}

const SUMMARY_NOTE =
  "cases: cold start, RPCs, bulk transfers (wasmgram = its client with the Node engine), modPow 2048 per wasmgram engine vs the peers' BigInt modPow";

/** The JSON records with a peer beside them, as summary rows (the pre-WASM `bigint` engine left out). */
function summaryRows(report: Report) {
  const { records } = JSON.parse(renderJson(report)) as { records: { op: string; impl: string; value: number; unit: string }[] };
  return compareMeasurements(
    records
      .filter((r) => r.impl !== 'wasmgram bigint')
      .map((r) => ({ case: r.op, impl: r.impl, value: r.value, higherIsBetter: r.unit === 'ops/s' || r.unit === 'MB/s' })),
  );
}

export const suite: Suite = {
  name: 'mtproto',
  description:
    'handshake, RPC round trips (sequential, 1000 pipelined), 512 KiB bulk both ways, CPU profile — against the test server, vs mtcute, GramJS',
  ops: OPS,
  run,
};
