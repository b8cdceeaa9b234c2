/**
 * The TL suite (issue 3): wasmgram's TL codec against mtcute
 * (@mtcute/tl-runtime with @mtcute/core's layer-227 maps) and GramJS
 * (`telegram`), encode and decode of four payloads, plus a memcpy floor for
 * the 512 KiB file, the bundle size and the cold import of the TL layer.
 * Writes bench/results/tl.{md,json,svg}.
 *
 * Layout: fixtures.ts (the payloads) · impls.ts (the contract) ·
 * wasmgram.ts, mtcute.ts, gramjs.ts, memcpy.ts (one implementation each) ·
 * guard.ts (outputs checked before timing) · worker.ts (one measurement in a
 * fresh process) · runner.ts (alternating rounds of workers, medians) ·
 * report.ts (table, targets, JSON, SVG) · size.ts (bundle size, cold load).
 *
 * `--ops` takes operations (`encode`, `decode`), case names and `size`, e.g.
 * `--ops=decode,history-100` or `--ops=size`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeMachine, loadAverage, machineBusy, machineInfo } from '../lib/machine.js';
import { compareMeasurements, type SuiteReport } from '../lib/summary.js';
import type { BenchOptions, Suite } from '../lib/suite.js';
import { CASES, type CaseName } from './fixtures.js';
import { check, reference } from './guard.js';
import { type Impl, type ImplName, IMPLS, loadImpl, type Op, OPS } from './impls.js';
import { type Checked, type NotRun, renderJson, renderMarkdown, renderSvg, type Report } from './report.js';
import { type Measured, type Measurement, type ProcessPlan, runAll, workerCommand } from './runner.js';
import { measureLoad, measureSizes } from './size.js';

/** ~3–4 minutes on 2 cores: 25 measurements × 7 rounds × ~1 s per process, plus the size figures. */
const FULL: Omit<ProcessPlan, 'clock'> = { rounds: 7, ms: 200, warmupMs: 200, slices: 4 };
const QUICK: Omit<ProcessPlan, 'clock'> = { rounds: 1, ms: 20, warmupMs: 10, slices: 2 };

const SELECTORS = [...OPS, ...CASES, 'size'] as const;

const log = (line: string) => process.stderr.write(`${line}\n`);

interface Selection {
  ops: Op[];
  cases: CaseName[];
  size: boolean;
}

function select(options: BenchOptions): Selection {
  if (options.sizes) throw new Error(`the tl suite has fixed payloads; pick cases with --ops=<case> (cases: ${CASES.join(', ')})`);
  const want = options.ops ?? [];
  const ops = OPS.filter((o) => want.includes(o));
  const cases = CASES.filter((c) => want.includes(c));
  const onlySize = want.length > 0 && want.every((w) => w === 'size');
  return {
    ops: onlySize ? [] : ops.length ? ops : [...OPS],
    cases: onlySize ? [] : cases.length ? cases : [...CASES],
    size: want.length === 0 || want.includes('size'),
  };
}

/** Runs the worker rounds, logging progress (every process in round 1 and in a quick run). */
async function measure(
  groups: Measurement[][],
  plan: ProcessPlan,
  quick: boolean,
  started: number,
): Promise<{ measured: Measured[]; launch: string }> {
  const launch = await workerCommand();
  const perRound = groups.reduce((n, g) => n + g.length, 0);
  let lastRound = -1;
  try {
    const measured = await runAll(groups, plan, launch.args, (done, _total, res) => {
      const round = Math.floor((done - 1) / perRound);
      if (round !== lastRound) {
        lastRound = round;
        log(`  round ${round + 1}/${plan.rounds} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      }
      if (quick || round === 0)
        log(`    ${res.case.padEnd(16)} ${res.op} ${res.impl.padEnd(18)} ${(1e6 / res.opsPerSec).toPrecision(3).padStart(8)} µs/op`);
    });
    return { measured, launch: launch.how };
  } finally {
    launch.dispose();
  }
}

async function run(options: BenchOptions): Promise<SuiteReport> {
  const started = performance.now();
  const machine = machineInfo();
  const plan: ProcessPlan = { ...(options.quick ? QUICK : FULL), clock: options.clock };
  const sel = select(options);
  log(`tl: ${describeMachine(machine)}${options.quick ? ' · --quick' : ''}`);
  if (machineBusy(machine)) {
    log(
      `  warning: load average ${machine.loadAvg1m} on ${machine.cores} cores — other work is running, timings will be noisy` +
        (options.clock === 'wall' ? " (--clock=cpu counts only each worker's CPU time)" : ''),
    );
  }

  // The guard: every implementation, every measurement, in this process (nothing is timed here).
  const impls: Impl[] = [];
  const notRun: NotRun[] = [];
  for (const name of IMPLS) {
    try {
      impls.push(await loadImpl(name));
    } catch (e) {
      for (const c of sel.cases)
        for (const op of sel.ops)
          notRun.push({ impl: name, op, case: c, reason: `not loaded: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  const checks: Checked[] = [];
  const groups: Measurement[][] = [];
  for (const c of sel.cases) {
    const ref = await reference(c);
    for (const op of sel.ops) {
      const group: Measurement[] = [];
      for (const impl of impls) {
        const res = await check(impl, op, c, ref).catch((e: unknown) => ({
          ok: false,
          detail: `threw ${e instanceof Error ? e.message : String(e)}`,
        }));
        if ('unsupported' in res) {
          notRun.push({ impl: impl.name, op, case: c, reason: res.unsupported });
        } else if (!res.ok) {
          notRun.push({ impl: impl.name, op, case: c, reason: `wrong output: ${res.detail}` });
          log(`  ${c} ${op}: ${impl.name} wrong output (${res.detail}) — not timed`);
        } else {
          checks.push({ impl: impl.name, op, case: c, detail: res.detail });
          group.push({ impl: impl.name, op, case: c });
        }
      }
      if (group.length) groups.push(group);
    }
  }
  const processes = plan.rounds * groups.reduce((n, g) => n + g.length, 0);
  if (processes)
    log(
      `  guard passed for ${checks.length} measurements; ${processes} worker processes (${plan.rounds} rounds × ${plan.ms} ms, ${plan.clock} clock)…`,
    );

  const { measured, launch } = groups.length ? await measure(groups, plan, options.quick, started) : { measured: [], launch: 'no workers' };

  let sizes: Report['sizes'];
  let load: Report['load'];
  if (sel.size) {
    log('  bundle size and cold load…');
    sizes = await measureSizes();
    load = await measureLoad(options.quick ? 2 : 7, options.clock);
  }

  const gramjs = impls.find((i) => i.name === 'telegram');
  const report: Report = {
    machine,
    loadAtEnd: loadAverage(),
    quick: options.quick,
    plan,
    launch,
    cases: sel.cases,
    ops: sel.ops,
    measured,
    notRun: notRun.filter((n) => !(n.impl === ('memcpy' as ImplName) && n.case !== 'upload-file-512k')),
    checks,
    gramjsLayer: gramjs?.layer ?? null,
    sizes,
    load,
    seconds: (performance.now() - started) / 1000,
  };
  const markdown = renderMarkdown(report);
  process.stdout.write(markdown);
  if (options.write) {
    fs.mkdirSync(options.resultsDir, { recursive: true });
    fs.writeFileSync(path.join(options.resultsDir, 'tl.md'), markdown);
    fs.writeFileSync(path.join(options.resultsDir, 'tl.json'), renderJson(report));
    const svg = renderSvg(report);
    if (svg) fs.writeFileSync(path.join(options.resultsDir, 'tl.svg'), svg);
    log(`tl: wrote ${path.relative(process.cwd(), options.resultsDir) || '.'}/tl.{md,json${svg ? ',svg' : ''}}`);
  } else {
    log('tl: results not written (--quick or a subset run; add --write to write them)');
  }
  log(`tl: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // The cross-suite summary: wasmgram against each peer per case and op (memcpy is a reference, not a peer).
  const rows = compareMeasurements(
    measured
      .filter((m) => m.impl !== 'memcpy')
      .map((m) => ({ case: `${m.case} ${m.op}`, impl: m.impl, value: m.opsPerSec, higherIsBetter: true })),
  );
  return { suite: 'tl', rows };
}

export const suite: Suite = {
  name: 'tl',
  description:
    'TL encode/decode (send-message, history-100, upload-file-512k, container-20) vs mtcute and GramJS, one process per measurement; bundle size, cold load',
  ops: SELECTORS,
  run,
};
