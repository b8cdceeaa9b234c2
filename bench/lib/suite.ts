/** What every benchmark suite (crypto, and later tl, mtproto) receives and exposes. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SuiteReport } from './summary.js';
import type { Clock } from './timing.js';

export interface BenchOptions {
  /** Smoke run: a few milliseconds per implementation; results are printed, not written. */
  quick: boolean;
  /** Write result files (default: on for full runs of the whole suite, off for --quick or filtered runs). */
  write: boolean;
  /** Only these operations (suite-specific names), or all. */
  ops: readonly string[] | null;
  /** Only these sizes in bytes, or all. */
  sizes: readonly number[] | null;
  /** Where result files go (default bench/results). */
  resultsDir: string;
  /** `wall` (default) or `cpu` time; see `Clock` in lib/timing.ts. */
  clock: Clock;
}

export interface Suite {
  name: string;
  /** One line for `--help`. */
  description: string;
  /** Operation names accepted by `--ops`. */
  ops: readonly string[];
  /**
   * Measures, prints and (when `options.write`) writes the suite's own results.
   * Returning a {@link SuiteReport} puts its ratios into the cross-suite
   * summary (bench/lib/summary.ts); returning nothing lists the suite as
   * "not reported" there.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: suites written before the summary return Promise<void>
  run(options: BenchOptions): Promise<SuiteReport | undefined | void>;
}

export const DEFAULT_RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'results');

/** Parses a size such as `176`, `16k`, `16KiB`, `512kib`, `1m`. */
export function parseSize(text: string): number {
  const m = /^(\d+)\s*(b|k|kb|kib|m|mb|mib)?$/i.exec(text.trim());
  if (!m) throw new Error(`bad size "${text}" (examples: 48, 176, 16k, 512KiB)`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1;
  return Number(m[1]) * mult;
}
