/**
 * Timing over a live connection. Every client library runs in its own
 * worker process (client-worker.ts), so neither its heap, its GC nor its
 * JIT state lands on another library's clock. The operations alternate
 * between libraries in rounds (the starting library rotating each round, as
 * in lib/timing.ts), one slice per library per round. A slice keeps
 * `window` units in flight until `roundMs` has passed, then waits for the
 * ones still running; it records
 *
 * - wall time (the figure: operations per second, median over rounds),
 * - the worker's CPU time (user + system) → client CPU µs per operation,
 * - the server process's CPU time → server CPU µs per operation,
 *
 * so a loaded machine shows up as wall time that the two CPU figures do not
 * explain. Before every slice the worker runs a full GC and then `settleMs`
 * of untimed units, which also absorbs the GC's background sweeping.
 */
import { median, percentile } from '../lib/stats.js';
import type { BenchServer } from './server.js';
import type { OpShape } from './workload.js';

export interface RoundPlan {
  warmupMs: number;
  rounds: number;
  roundMs: number;
  settleMs: number;
}

/** What one slice did. */
export interface Slice {
  ops: number;
  wallMs: number;
  cpuMs: number;
}

/** One library's way of running slices of one operation (in its worker). */
export interface SliceRunner {
  name: string;
  /** A full GC, then `ms` of untimed units. */
  settle(ms: number): Promise<void>;
  /** A timed slice of at least `ms`. */
  slice(ms: number): Promise<Slice>;
}

export interface RoundResult {
  name: string;
  /** Median over rounds. */
  opsPerSec: number;
  perRound: number[];
  /** Median over rounds of the client process's CPU time per operation. */
  clientCpuUsPerOp: number;
  /** Median over rounds of the server process's CPU time per operation. */
  serverCpuUsPerOp: number;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Runs `unit` with `shape.window` in flight for at least `ms`, draining at the end. */
export async function runSlice(unit: (i: number) => Promise<unknown>, shape: OpShape, ms: number, counter: { i: number }): Promise<Slice> {
  const t0 = performance.now();
  const c0 = cpuMs();
  let units = 0;
  await new Promise<void>((resolve, reject) => {
    let inFlight = 0;
    let failed = false;
    const launch = () => {
      while (!failed && inFlight < shape.window && performance.now() - t0 < ms) {
        inFlight++;
        unit(counter.i++).then(
          () => {
            inFlight--;
            units++;
            if (performance.now() - t0 < ms) launch();
            else if (inFlight === 0) resolve();
          },
          (e: unknown) => {
            failed = true;
            reject(e instanceof Error ? e : new Error(String(e)));
          },
        );
      }
      if (inFlight === 0) resolve();
    };
    launch();
  });
  return { ops: units * shape.opsPerUnit, wallMs: performance.now() - t0, cpuMs: cpuMs() - c0 };
}

/** Side-by-side rounds of one operation; see the module comment. */
export async function compareRounds(runners: readonly SliceRunner[], plan: RoundPlan, server: BenchServer): Promise<RoundResult[]> {
  for (const r of runners) await r.settle(plan.warmupMs);
  const rates: number[][] = runners.map(() => []);
  const client: number[][] = runners.map(() => []);
  const serverCpu: number[][] = runners.map(() => []);
  for (let round = 0; round < plan.rounds; round++) {
    for (let k = 0; k < runners.length; k++) {
      const i = (k + round) % runners.length;
      await runners[i]!.settle(plan.settleMs);
      const s0 = (await server.cpu()).cpuMs;
      const s = await runners[i]!.slice(plan.roundMs);
      const s1 = (await server.cpu()).cpuMs;
      rates[i]!.push(s.ops / (s.wallMs / 1000));
      client[i]!.push((s.cpuMs * 1000) / s.ops);
      serverCpu[i]!.push(((s1 - s0) * 1000) / s.ops);
    }
  }
  return runners.map((r, i) => ({
    name: r.name,
    opsPerSec: median(rates[i]!),
    perRound: rates[i]!,
    clientCpuUsPerOp: median(client[i]!),
    serverCpuUsPerOp: median(serverCpu[i]!),
  }));
}

/** One library's cold start, run in its worker: the time to a new client's first answer (closing not timed). */
export interface ColdRunner {
  name: string;
  run: () => Promise<number>;
  /** Stop after this much accumulated time (slow libraries cover a prefix of the runs). */
  budgetMs: number;
}

export interface ColdResult {
  name: string;
  samples: number[];
  medianMs: number;
  p95Ms: number;
}

/** `count` cold starts per library, interleaved one by one (the order rotating), after `warmup` untimed ones each. */
export async function compareColdStarts(runners: readonly ColdRunner[], count: number, warmup: number): Promise<ColdResult[]> {
  for (const r of runners) for (let i = 0; i < warmup; i++) await r.run();
  const samples: number[][] = runners.map(() => []);
  const spent = runners.map(() => 0);
  for (let j = 0; j < count; j++) {
    for (let k = 0; k < runners.length; k++) {
      const i = (k + j) % runners.length;
      if (spent[i]! >= runners[i]!.budgetMs) continue;
      const dt = await runners[i]!.run();
      spent[i]! += dt;
      samples[i]!.push(dt);
    }
  }
  return runners.map((r, i) => ({ name: r.name, samples: samples[i]!, medianMs: median(samples[i]!), p95Ms: percentile(samples[i]!, 95) }));
}
