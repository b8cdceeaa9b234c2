/**
 * Side-by-side timing. Every implementation of one operation is measured in
 * the same process, in alternating rounds (round-robin, the starting
 * implementation rotating each round) so that drift — CPU frequency, other
 * load, GC pressure — spreads over all of them instead of favouring whoever
 * ran first.
 *
 * Garbage (with node --expose-gc): a full GC before each comparison, and a
 * young-generation GC before every slice, so one implementation's
 * short-lived garbage is not collected on the next one's clock. Not a full GC
 * per slice: on V8 a forced full GC (`gc()`) costs ~100 ms with the peer
 * libraries loaded and leaves background sweeping that slows the next
 * ~20 ms of whatever runs — it would cost minutes and add noise. Each slice
 * also starts with a short untimed re-warm (`settleMs`).
 */
import { median, percentile } from './stats.js';

/** One implementation of an operation, ready to call. */
export interface Subject {
  name: string;
  /** One operation. A promise-returning subject is awaited per call (set `async`). */
  run: () => unknown;
  async?: boolean;
}

/**
 * What a slice is timed with. `wall`: elapsed real time (performance.now).
 * `cpu`: CPU time of this process (user + system, all its threads), which
 * leaves out the time the OS gives to other processes — far steadier on a
 * shared or loaded machine, and it still charges an implementation for its
 * own GC and compiler threads.
 */
export type Clock = 'wall' | 'cpu';

function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** A millisecond reading of `clock`. */
export function clockFn(clock: Clock = 'wall'): () => number {
  return clock === 'cpu' ? cpuNow : () => performance.now();
}

export interface ThroughputPlan {
  /** Untimed calls per subject before the rounds (JIT, caches, batch calibration). */
  warmupMs: number;
  /** Number of alternating rounds; the reported figure is the median over rounds. */
  rounds: number;
  /** Time per subject per round. */
  roundMs: number;
  /** Untimed calls at the start of every slice, after the GC (default 0: none). */
  settleMs?: number;
  /** Run a full GC before the comparison (default true; slow, so smoke runs turn it off). */
  fullGc?: boolean;
  /** Default `wall`. */
  clock?: Clock;
}

export interface Throughput {
  name: string;
  /** Median over rounds of operations per second. */
  opsPerSec: number;
  /** Operations per second of each round, in round order. */
  perRound: number[];
}

const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;
/** Keeps results observable so no call can be optimized away. */
let sink: unknown;

/** `full`: V8's full forced GC (slow, see the module comment); `minor`: a scavenge of the young generation. */
export function collectGarbage(kind: 'full' | 'minor' = 'full'): void {
  if (!gc) return;
  if (kind === 'full') gc();
  else gc({ type: 'minor' });
}

export function gcAvailable(): boolean {
  return typeof gc === 'function';
}

/** Runs `run` in batches for at least `ms`; returns [operations, elapsed ms]. */
async function timeSlice(subject: Subject, batch: number, ms: number, now: () => number): Promise<[number, number]> {
  const run = subject.run;
  let n = 0;
  const t0 = now();
  let t = t0;
  if (subject.async) {
    do {
      for (let i = 0; i < batch; i++) sink = await run();
      n += batch;
      t = now();
    } while (t - t0 < ms);
  } else {
    do {
      for (let i = 0; i < batch; i++) sink = run();
      n += batch;
      t = now();
    } while (t - t0 < ms);
  }
  return [n, t - t0];
}

/** Warms a subject up and returns a batch size that takes roughly a quarter of a millisecond. */
async function warmUp(subject: Subject, ms: number, now: () => number): Promise<number> {
  const [n, elapsed] = await timeSlice(subject, 1, ms, now);
  const perOp = elapsed / n;
  return Math.max(1, Math.min(100_000, Math.floor(0.25 / perOp)));
}

/** Measures the throughput of each subject side by side (see the module comment). */
export async function compareThroughput(subjects: readonly Subject[], plan: ThroughputPlan): Promise<Throughput[]> {
  const now = clockFn(plan.clock);
  if (plan.fullGc ?? true) collectGarbage('full');
  const batches: number[] = [];
  for (const s of subjects) {
    collectGarbage('minor');
    batches.push(await warmUp(s, plan.warmupMs, now));
  }
  const perRound: number[][] = subjects.map(() => []);
  for (let r = 0; r < plan.rounds; r++) {
    for (let k = 0; k < subjects.length; k++) {
      const i = (k + r) % subjects.length;
      collectGarbage('minor');
      if (plan.settleMs) await timeSlice(subjects[i]!, batches[i]!, plan.settleMs, now);
      const [n, elapsed] = await timeSlice(subjects[i]!, batches[i]!, plan.roundMs, now);
      perRound[i]!.push(n / (elapsed / 1000));
    }
  }
  void sink;
  return subjects.map((s, i) => ({ name: s.name, opsPerSec: median(perRound[i]!), perRound: perRound[i]! }));
}

/** One implementation of a latency-measured operation over a list of inputs. */
export interface LatencySubject<T> {
  name: string;
  run: (input: T) => unknown;
  /** Stop timing this subject after this much accumulated time (slow peers run a prefix of the inputs). */
  budgetMs: number;
}

export interface Latency {
  name: string;
  /** Milliseconds per input, for inputs[0 .. samples.length). */
  samples: number[];
  medianMs: number;
  p99Ms: number;
}

/**
 * Times one call per input for every subject, interleaved per input (the
 * subject order rotating), after calling each subject on `warmup` untimed
 * inputs. A subject whose accumulated time passes its budget stops, so its
 * samples cover a prefix of `inputs`.
 */
export function compareLatency<T>(
  subjects: readonly LatencySubject<T>[],
  inputs: readonly T[],
  warmup: readonly T[],
  clock: Clock = 'wall',
): Latency[] {
  const now = clockFn(clock);
  for (const s of subjects) for (const w of warmup) sink = s.run(w);
  const samples: number[][] = subjects.map(() => []);
  const spent = subjects.map(() => 0);
  for (let j = 0; j < inputs.length; j++) {
    for (let k = 0; k < subjects.length; k++) {
      const i = (k + j) % subjects.length;
      const s = subjects[i]!;
      if (spent[i]! >= s.budgetMs) continue;
      const t0 = now();
      sink = s.run(inputs[j]!);
      const dt = now() - t0;
      spent[i]! += dt;
      samples[i]!.push(dt);
    }
  }
  return subjects.map((s, i) => ({
    name: s.name,
    samples: samples[i]!,
    medianMs: median(samples[i]!),
    p99Ms: percentile(samples[i]!, 99),
  }));
}
