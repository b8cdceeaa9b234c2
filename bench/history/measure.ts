/**
 * The timing loop every child of the history bench shares: a warm-up pass,
 * then `rounds` passes over every message of the channel, each with wall
 * time, this process's CPU time, and the peak of the heap above where the
 * pass started (sampled every 100 messages, after a forced GC before the pass).
 */
import { getHeapStatistics } from 'node:v8';
import type { HistoryJob, HistoryResult } from './job.js';

const MIB = 2 ** 20;

/** `iterate(limit, onMessage)` walks the channel's history and resolves with how many messages it saw. */
export async function measureIterations(
  job: HistoryJob,
  iterate: (limit: number, onMessage: (id: number) => void) => Promise<number>,
): Promise<Omit<HistoryResult, 'version'>> {
  const gc = (globalThis as { gc?: () => void }).gc;
  await iterate(job.warmup, () => {});
  const rounds: HistoryResult['rounds'] = [];
  for (let r = 0; r < job.rounds; r++) {
    gc?.();
    const base = getHeapStatistics().used_heap_size;
    let peak = base;
    let seen = 0;
    let lastId = Number.POSITIVE_INFINITY;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const n = await iterate(job.count, (id) => {
      // Newest first, no gaps or repeats: the iteration is checked, not only timed.
      if (id >= lastId) throw new Error(`history out of order: ${id} after ${lastId}`);
      lastId = id;
      if (++seen % 100 === 0) peak = Math.max(peak, getHeapStatistics().used_heap_size);
    });
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (n !== job.count) throw new Error(`iterated ${n} messages, the channel has ${job.count}`);
    rounds.push({ ms, cpuMs: (c.user + c.system) / 1000, peakHeapMiB: (peak - base) / MIB });
  }
  gc?.();
  return { rounds, heapAfterMiB: getHeapStatistics().used_heap_size / MIB };
}
