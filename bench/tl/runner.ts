/**
 * Runs every measurement in its own child process (worker.ts), in several
 * alternating rounds: each round visits every (case, op) and, within it,
 * every implementation, the starting implementation rotating from round to
 * round, so drift on a shared machine spreads over all of them. The figure
 * of a measurement is the median over its rounds.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { median } from '../lib/stats.js';
import type { Clock } from '../lib/timing.js';
import type { CaseName } from './fixtures.js';
import type { ImplName, Op } from './impls.js';
import type { WorkerResult } from './worker.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const WORKER = path.join(here, 'worker.ts');
/** Inside the repository so the bundle resolves packages from its node_modules; one file per run. */
const BUNDLE = path.join(here, '..', '..', 'node_modules', '.cache', 'wasmgram-bench', `tl-worker-${process.pid}.mjs`);

/**
 * How workers are started: `node --expose-gc --import tsx bench/tl/worker.ts …`
 * costs ~0.8 s of tsx start-up per process (×125 processes), so the runner
 * first compiles worker.ts with esbuild — the transform tsx itself applies —
 * into one file with every package left external (peers run from their
 * installed files, as under tsx), and starts `node --expose-gc tl-worker.mjs …`.
 * `import.meta.url` is pinned to worker.ts's so relative paths still hold.
 * If bundling fails, workers run through tsx. Call `dispose` when done.
 */
export async function workerCommand(): Promise<{ args: string[]; how: string; dispose: () => void }> {
  const dispose = () => fs.rmSync(BUNDLE, { force: true });
  try {
    fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
    await build({
      entryPoints: [WORKER],
      outfile: BUNDLE,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(WORKER).href) },
      logLevel: 'silent',
    });
    return {
      args: ['--expose-gc', BUNDLE],
      how: 'worker.ts compiled once with esbuild (packages external), run with node --expose-gc',
      dispose,
    };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      args: ['--expose-gc', '--import', 'tsx', WORKER],
      how: `node --expose-gc --import tsx worker.ts (bundling failed: ${why})`,
      dispose,
    };
  }
}

export interface ProcessPlan {
  /** Alternating rounds; one process per measurement per round. */
  rounds: number;
  /** Timed milliseconds per process. */
  ms: number;
  /** Untimed calls per process before timing. */
  warmupMs: number;
  /** Slices the timed part is split into (median inside the process). */
  slices: number;
  clock: Clock;
}

export interface Measurement {
  impl: ImplName;
  op: Op;
  case: CaseName;
}

export interface Measured extends Measurement {
  size: number;
  /** Median over rounds. */
  opsPerSec: number;
  /** Each round's process figure, in round order. */
  perRound: number[];
}

/** Runs one worker process (`launch`: node arguments from `workerCommand`); resolves with its result line. */
export function runWorker(m: Measurement, plan: ProcessPlan, launch: readonly string[]): Promise<WorkerResult> {
  const args = [
    ...launch,
    m.impl,
    m.op,
    m.case,
    String(plan.ms),
    `--warmup=${plan.warmupMs}`,
    `--slices=${plan.slices}`,
    `--clock=${plan.clock}`,
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(`worker ${m.impl} ${m.op} ${m.case} failed: ${stderr.trim() || err.message}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop()!) as WorkerResult);
      } catch {
        reject(new Error(`worker ${m.impl} ${m.op} ${m.case} printed no result: ${stdout.slice(0, 200)}`));
      }
    });
  });
}

/**
 * Measures `groups` (each a list of implementations of one case and op) over
 * `plan.rounds` rounds. `progress` is told after every process.
 */
export async function runAll(
  groups: readonly (readonly Measurement[])[],
  plan: ProcessPlan,
  launch: readonly string[],
  progress: (done: number, total: number, last: WorkerResult) => void = () => {},
): Promise<Measured[]> {
  const samples = new Map<Measurement, WorkerResult[]>();
  const total = plan.rounds * groups.reduce((n, g) => n + g.length, 0);
  let done = 0;
  for (let r = 0; r < plan.rounds; r++) {
    for (const group of groups) {
      for (let k = 0; k < group.length; k++) {
        const m = group[(k + r) % group.length]!;
        const res = await runWorker(m, plan, launch);
        samples.set(m, [...(samples.get(m) ?? []), res]);
        progress(++done, total, res);
      }
    }
  }
  return groups.flat().map((m) => {
    const runs = samples.get(m) ?? [];
    return {
      ...m,
      size: runs[0]?.size ?? Number.NaN,
      opsPerSec: median(runs.map((x) => x.opsPerSec)),
      perRound: runs.map((x) => x.opsPerSec),
    };
  });
}
