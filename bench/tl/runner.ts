/**
 * Runs every measurement in its own child process (worker.ts), in several
 * alternating rounds: each round visits every (case, op) and, within it,
 * every implementation, the starting implementation rotating from round to
 * round, so drift on a shared machine spreads over all of them. The figure
 * of a measurement is the median over its rounds.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '../lib/stats.js';
import type { Clock } from '../lib/timing.js';
import type { CaseName } from './fixtures.js';
import type { ImplName, Op } from './impls.js';
import type { WorkerResult } from './worker.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const WORKER = path.join(here, 'worker.ts');

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

/** Runs one worker process; resolves with its result line. */
export function runWorker(m: Measurement, plan: ProcessPlan): Promise<WorkerResult> {
  const args = [
    '--expose-gc',
    '--import',
    'tsx',
    WORKER,
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
  progress: (done: number, total: number, last: WorkerResult) => void = () => {},
): Promise<Measured[]> {
  const samples = new Map<Measurement, WorkerResult[]>();
  const total = plan.rounds * groups.reduce((n, g) => n + g.length, 0);
  let done = 0;
  for (let r = 0; r < plan.rounds; r++) {
    for (const group of groups) {
      for (let k = 0; k < group.length; k++) {
        const m = group[(k + r) % group.length]!;
        const res = await runWorker(m, plan);
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
