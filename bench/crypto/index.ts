/**
 * The crypto suite: wasmgram's WASM crypto against mtcute, GramJS, hash-wasm,
 * @chainsafe/as-sha256 and node:crypto, side by side in one process.
 * Writes bench/results/crypto.{md,json,svg}; see bench/README.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createNodeProvider } from '../../ts/crypto/node-provider.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { createWasmProvider } from '../../ts/crypto/wasm-provider.js';
import { wasmSimdSupported } from '../../ts/wasm/crypto-module.js';
import { si, sizeLabel } from '../lib/format.js';
import { describeMachine, loadAverage, machineBusy, machineInfo } from '../lib/machine.js';
import type { BenchOptions, Suite } from '../lib/suite.js';
import { compareMeasurements, type SuiteReport } from '../lib/summary.js';
import { compareThroughput, gcAvailable, type ThroughputPlan } from '../lib/timing.js';
import { buildCases, type CryptoOp, type Engines, isTimed, type NotRun, OPS, OURS, type ThroughputOp, type Timed } from './cases.js';
import { Fixtures } from './fixtures.js';
import { loadPeers, type Loaded, type Peers } from './peers.js';
import { type PqPlan, runPq } from './pq.js';
import { HAS_ONE_SHOT_HASH } from './reference.js';
import { type Report, type Row, renderJson, renderMarkdown, renderSvg } from './report.js';

export const SIZES = [48, 176, 1024, 16384, 524288] as const;
/** --quick: one small and one mid size (a smoke run: every implementation loads, checks and runs). */
const QUICK_SIZES = [176, 16384] as const;

const FULL: { plan: ThroughputPlan; pq: PqPlan } = {
  plan: { warmupMs: 60, rounds: 7, roundMs: 85, settleMs: 10, fullGc: true },
  pq: { count: 300, warmup: 3, peerBudgetMs: 10_000 },
};
const QUICK: { plan: ThroughputPlan; pq: PqPlan } = {
  plan: { warmupMs: 3, rounds: 2, roundMs: 4, settleMs: 0, fullGc: false },
  pq: { count: 8, warmup: 1, peerBudgetMs: 100 },
};

const log = (line: string) => process.stderr.write(`${line}\n`);

async function attempt<T>(f: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await f() };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

async function loadEngines(): Promise<Engines> {
  return {
    'wasmgram-wasm-simd': wasmSimdSupported()
      ? await attempt<CryptoProvider>(() => createWasmProvider({ simd: true }))
      : { ok: false, reason: 'this engine does not support WebAssembly SIMD' },
    'wasmgram-wasm': await attempt<CryptoProvider>(() => createWasmProvider({ simd: false })),
    'wasmgram-node': await attempt<CryptoProvider>(() => createNodeProvider()),
  };
}

/**
 * What `createNodeProvider()` routes to node:crypto in this build, read from
 * the provider itself (its thresholds, and whether its CTR stream is a
 * different class from the WASM one), so the report stays true as the
 * routes are tuned.
 */
function nodeRoutes(engines: Engines): string | null {
  const node = engines['wasmgram-node'];
  const wasm = engines['wasmgram-wasm-simd'].ok ? engines['wasmgram-wasm-simd'] : engines['wasmgram-wasm'];
  if (!node.ok || !wasm.ok) return null;
  const p = node.value as CryptoProvider & { hashThreshold?: number; igeThreshold?: number; sealThreshold?: number };
  const key = new Uint8Array(32);
  const iv = new Uint8Array(16);
  const a = p.createCtr(key, iv);
  const b = wasm.value.createCtr(key, iv);
  const ctrRouted = Object.getPrototypeOf(a) !== Object.getPrototypeOf(b);
  a.dispose();
  b.dispose();
  const routed: string[] = [];
  const same: string[] = ['IGE decryption', 'pq'];
  if (p.hashThreshold !== undefined) {
    routed.push(`SHA-1/SHA-256 from ${sizeLabel(p.hashThreshold)}`);
    same.push(`SHA under ${sizeLabel(p.hashThreshold)}`);
  }
  if (p.igeThreshold !== undefined) {
    routed.push(`IGE encryption from ${sizeLabel(p.igeThreshold)} (CBC construction)`);
    same.push(`IGE encryption under ${sizeLabel(p.igeThreshold)}`);
  }
  if (p.sealThreshold !== undefined) {
    routed.push(`seal/open from ${sizeLabel(p.sealThreshold)} (OpenSSL hashing and CBC-IGE)`);
    same.push(`seal/open under ${sizeLabel(p.sealThreshold)}`);
  }
  if (ctrRouted) routed.push('AES-CTR streams');
  else same.push('CTR');
  return (
    `\`wasmgram-node\` routes to node:crypto in this build: ${routed.length ? routed.join('; ') : 'nothing'}. ` +
    `Everything else (${same.join(', ')}) runs the very same WASM code as \`wasmgram-${wasm === engines['wasmgram-wasm-simd'] ? 'wasm-simd' : 'wasm'}\`, ` +
    'so the gap between those two columns in such cells shows the measurement noise of the run.'
  );
}

function peerNotes(peers: Peers): string[] {
  const notes: string[] = [];
  if (peers.mtcuteWasm.ok)
    notes.push(`@mtcute/wasm build: ${peers.mtcuteWasm.value.simd ? 'mtcute-simd.wasm' : 'mtcute.wasm (no SIMD in this engine)'}.`);
  if (peers.asSha256.ok) notes.push(`@chainsafe/as-sha256 SIMD: ${peers.asSha256.value.simd ? 'on' : 'off'}.`);
  if (peers.mtcute.ok) {
    notes.push(
      "`mtcute` runs with an ICryptoProvider built here from @mtcute/core's exported `BaseCryptoProvider` the way @mtcute/node's " +
        '`NodeCryptoProvider` is composed (node:crypto `createHash` for SHA, @mtcute/wasm for IGE), because @mtcute/node is not installed. ' +
        '`AuthKey` is imported from its module file (the package entry points do not re-export it); a no-op logger is passed.',
    );
  }
  if (!HAS_ONE_SHOT_HASH) notes.push('This Node has no one-shot `crypto.hash()`; node:crypto SHA rows use `createHash`.');
  return notes;
}

async function checkAll(candidates: Awaited<ReturnType<typeof buildCases>>): Promise<{ timed: Timed[]; notRun: NotRun[] }> {
  const timed: Timed[] = [];
  const notRun: NotRun[] = [];
  for (const c of candidates) {
    if (!isTimed(c)) {
      notRun.push(c);
      continue;
    }
    try {
      await c.check();
      timed.push(c);
    } catch (e) {
      notRun.push({ impl: c.impl, reason: `wrong output: ${e instanceof Error ? e.message : String(e)}` });
      c.dispose?.();
    }
  }
  return { timed, notRun };
}

async function run(options: BenchOptions): Promise<SuiteReport> {
  const base = options.quick ? QUICK : FULL;
  const plan: ThroughputPlan = { ...base.plan, clock: options.clock };
  const pqPlan = base.pq;
  const machine = machineInfo();
  const started = performance.now();
  log(`crypto: ${describeMachine(machine)}${options.quick ? ' · --quick' : ''}`);
  if (machineBusy(machine)) {
    log(
      `  warning: load average ${machine.loadAvg1m} on ${machine.cores} cores — other work is running, timings will be noisy` +
        (options.clock === 'wall' ? " (--clock=cpu counts only this process's CPU time)" : ''),
    );
  }

  const sizes = options.sizes ?? (options.quick ? QUICK_SIZES : SIZES);
  for (const s of sizes) {
    if (s < 48 || s % 16 !== 0) throw new Error(`crypto sizes must be multiples of 16 from 48 up, got ${s}`);
  }
  const ops = (options.ops ?? OPS) as readonly CryptoOp[];

  const engines = await loadEngines();
  const peers = await loadPeers();
  for (const [name, lib] of [...Object.entries(engines), ...Object.entries(peers)] as [string, Loaded<unknown>][]) {
    if (!lib.ok) log(`  n/a ${name}: ${lib.reason}`);
  }
  const routes = nodeRoutes(engines);
  const fx = new Fixtures();
  const rows: Row[] = [];

  for (const op of OPS) {
    if (!ops.includes(op) || op === 'pq') continue;
    for (const size of sizes) {
      const candidates = await buildCases(op as ThroughputOp, size, engines, peers, fx);
      const { timed, notRun } = await checkAll(candidates);
      for (const n of notRun) if (n.reason.startsWith('wrong output')) log(`  ${op} ${sizeLabel(size)}: ${n.impl} ${n.reason} — not timed`);
      const results = await compareThroughput(
        timed.map((t) => ({ name: t.impl, run: t.run, ...(t.async ? { async: true } : {}) })),
        plan,
      );
      for (const t of timed) t.dispose?.();
      rows.push({
        op,
        size,
        impls: candidates.map((c) => c.impl),
        measured: results.map((r) => ({ impl: r.name, opsPerSec: r.opsPerSec, perRound: r.perRound })),
        notRun,
      });
      const best = [...results].sort((a, b) => b.opsPerSec - a.opsPerSec)[0];
      log(
        `  ${op.padEnd(11)} ${sizeLabel(size).padStart(7)}  ${results.map((r) => `${r.name} ${si(r.opsPerSec)}`).join(' | ')}  → ${best?.name ?? 'n/a'}`,
      );
    }
  }

  if (ops.includes('pq')) {
    log(`  pq: ${pqPlan.count} semiprimes (peers stop after ${pqPlan.peerBudgetMs} ms each)…`);
    const res = runPq(engines, peers, pqPlan, options.clock);
    const impls = [...OURS, 'gramjs', 'mtcute'];
    rows.push({
      op: 'pq',
      size: 8,
      impls,
      measured: res.latencies
        .filter((l) => l.samples.length > 0)
        .map((l) => ({ impl: l.name, opsPerSec: 1000 / l.medianMs, medianMs: l.medianMs, p99Ms: l.p99Ms, samples: l.samples.length })),
      notRun: res.notRun,
    });
    log(
      `  pq: ${res.latencies.map((l) => `${l.name} median ${l.medianMs.toFixed(3)} ms p99 ${l.p99Ms.toFixed(3)} ms (n=${l.samples.length})`).join(' | ')}`,
    );
  }

  const report: Report = {
    machine,
    loadAtEnd: loadAverage(),
    quick: options.quick,
    plan,
    pqPlan,
    gc: gcAvailable(),
    rows,
    notes: [...(routes ? [routes] : []), ...peerNotes(peers)],
  };
  const markdown = renderMarkdown(report);
  process.stdout.write(markdown);
  if (options.write) {
    fs.mkdirSync(options.resultsDir, { recursive: true });
    fs.writeFileSync(path.join(options.resultsDir, 'crypto.md'), markdown);
    fs.writeFileSync(path.join(options.resultsDir, 'crypto.json'), renderJson(report));
    const svg = renderSvg(report);
    if (svg) fs.writeFileSync(path.join(options.resultsDir, 'crypto.svg'), svg);
    log(`crypto: wrote ${path.relative(process.cwd(), options.resultsDir) || '.'}/crypto.{md,json${svg ? ',svg' : ''}}`);
  } else {
    log('crypto: results not written (--quick or a subset run; add --write to write them)');
  }
  log(`crypto: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { suite: 'crypto', rows: summaryRows(rows), note: SUMMARY_NOTE };
}

/** The engines the cross-suite summary shows: the portable WASM build and Node's default. */
const SUMMARY_ENGINES = new Set(['wasmgram-wasm-simd', 'wasmgram-node']);
const SUMMARY_NOTE = 'cases = op × size; wasmgram-wasm-simd is the portable core, wasmgram-node the default on Node (OpenSSL routes)';

/** Every measured (op, size) as summary rows (pq: from its median latency). */
function summaryRows(rows: readonly Row[]) {
  return compareMeasurements(
    rows.flatMap((r) =>
      r.measured.map((m) => ({
        case: `${r.op} ${r.op === 'pq' ? '' : sizeLabel(r.size)}`.trim(),
        impl: m.impl,
        value: m.opsPerSec,
        higherIsBetter: true,
      })),
    ),
  ).filter((row) => SUMMARY_ENGINES.has(row.impl));
}

export const suite: Suite = {
  name: 'crypto',
  description: 'AES-IGE, AES-CTR, SHA-1, SHA-256, seal/open, PQ vs mtcute, GramJS, hash-wasm, as-sha256, node:crypto',
  ops: OPS,
  run,
};
