/**
 * The cross-suite summary: what a suite hands back from `run()` and how
 * `bench/run.ts` turns every suite's answer into one table and one JSON file.
 *
 * The interface a suite implements is one return value (see `SuiteReport`):
 *
 * ```ts
 * async run(options) {
 *   // … measure, print, write as before …
 *   return { suite: 'parsers', rows: compareMeasurements(measurements) };
 * }
 * ```
 *
 * A row says "in this case, this wasmgram implementation ran `ratio` times as
 * fast as that peer" (> 1: wasmgram faster), measured side by side in the same
 * run. The summary groups rows by (suite, wasmgram implementation, peer) and
 * gives the median ratio over the cases, with the range. A suite that returns
 * nothing is listed as "no summary rows" with the change it needs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownTable, ratio } from './format.js';
import type { MachineInfo } from './machine.js';
import { median } from './stats.js';

/** One comparison: wasmgram's speed ÷ a peer's in one case of one suite. */
export interface SummaryRow {
  /** What was measured, e.g. `ige-decrypt 16 KiB` or `cold-start`. */
  case: string;
  /** The wasmgram implementation (e.g. `wasmgram-wasm-simd`, `wasmgram`). */
  impl: string;
  /** The peer it is compared with (e.g. `@mtcute/wasm`, `mtcute`, `gramjs`, `node:crypto`). */
  peer: string;
  /** > 1: wasmgram faster. From throughputs: ours ÷ peer's; from times: peer's ÷ ours. */
  ratio: number;
}

/** What `Suite.run` may return: its comparisons with peers (an empty list when the suite has no peers). */
export interface SuiteReport {
  suite: string;
  rows: SummaryRow[];
  /** One line shown under the table (e.g. "no peers: absolute figures only"). */
  note?: string;
}

/** One measured figure of one implementation in one case. */
export interface Measurement {
  case: string;
  impl: string;
  value: number;
  /** true for ops/s, MB/s; false for ms. */
  higherIsBetter: boolean;
}

/** Default rule: an implementation is ours when its name starts with `wasmgram`. */
const isWasmgram = (impl: string): boolean => impl.startsWith('wasmgram');

/**
 * Every (ours × peer) pair of each case, as summary rows. Non-finite or
 * non-positive values are skipped (an implementation that could not run).
 *
 * @example
 * compareMeasurements([
 *   { case: 'parse-markdown', impl: 'wasmgram', value: 7.4e5, higherIsBetter: true },
 *   { case: 'parse-markdown', impl: 'mtcute', value: 2.4e5, higherIsBetter: true },
 * ]); // [{ case: 'parse-markdown', impl: 'wasmgram', peer: 'mtcute', ratio: 3.08… }]
 */
export function compareMeasurements(measurements: readonly Measurement[], ours: (impl: string) => boolean = isWasmgram): SummaryRow[] {
  const byCase = new Map<string, Measurement[]>();
  for (const m of measurements) {
    if (!Number.isFinite(m.value) || m.value <= 0) continue;
    const list = byCase.get(m.case) ?? [];
    list.push(m);
    byCase.set(m.case, list);
  }
  const rows: SummaryRow[] = [];
  for (const [name, list] of byCase) {
    for (const a of list.filter((m) => ours(m.impl))) {
      for (const b of list.filter((m) => !ours(m.impl))) {
        rows.push({ case: name, impl: a.impl, peer: b.impl, ratio: a.higherIsBetter ? a.value / b.value : b.value / a.value });
      }
    }
  }
  return rows;
}

/** Shorthand for a case measured as a rate per implementation, e.g. `{ wasmgram: 7.4e5, mtcute: 2.4e5 }`. */
export function compareRates(name: string, rates: Readonly<Record<string, number>>, higherIsBetter = true): SummaryRow[] {
  return compareMeasurements(
    Object.entries(rates).map(([impl, value]) => ({ case: name, impl, value, higherIsBetter })),
    (impl) => impl.toLowerCase().startsWith('wasmgram'),
  );
}

/** How one suite's run ended. */
export interface SuiteOutcome {
  suite: string;
  /** `reported`: returned a SuiteReport; `no-summary`: returned nothing; `failed`: threw. */
  status: 'reported' | 'no-summary' | 'failed';
  seconds: number;
  rows: SummaryRow[];
  note?: string;
  error?: string;
}

/** One line of the summary table: the median over the cases of one (suite, ours, peer). */
export interface SummaryLine {
  suite: string;
  impl: string;
  peer: string;
  cases: number;
  median: number;
  min: number;
  max: number;
}

/** The JSON written for every run (`bench/results/runs/*.json`; format in bench/results/README.md). */
export interface RunSummary {
  format: 'wasmgram-bench-summary/1';
  mode: 'full' | 'quick' | 'subset';
  clock: string;
  argv: string[];
  machine: MachineInfo & { loadAvg1mAtEnd: number };
  versions: Record<string, string>;
  seconds: number;
  suites: SuiteOutcome[];
  summary: SummaryLine[];
}

/** Groups rows by (suite, ours, peer), in first-seen order. */
export function summarize(outcomes: readonly SuiteOutcome[]): SummaryLine[] {
  const lines: SummaryLine[] = [];
  for (const o of outcomes) {
    const groups = new Map<string, SummaryRow[]>();
    for (const r of o.rows) {
      if (!Number.isFinite(r.ratio) || r.ratio <= 0) continue;
      const key = `${r.impl}\u0000${r.peer}`;
      const list = groups.get(key) ?? [];
      list.push(r);
      groups.set(key, list);
    }
    for (const list of groups.values()) {
      const ratios = list.map((r) => r.ratio);
      lines.push({
        suite: o.suite,
        impl: list[0]!.impl,
        peer: list[0]!.peer,
        cases: list.length,
        median: median(ratios),
        min: Math.min(...ratios),
        max: Math.max(...ratios),
      });
    }
  }
  return lines;
}

/** Packages whose versions the summary states (when installed). */
const VERSIONED = [
  '@mtcute/core',
  '@mtcute/wasm',
  '@mtcute/tl-runtime',
  '@mtcute/markdown-parser',
  '@mtcute/html-parser',
  'telegram',
  'hash-wasm',
  '@chainsafe/as-sha256',
  '@libsql/client',
  'assemblyscript',
] as const;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** wasmgram's version and the peers' (read from node_modules), plus the Node version. */
export function packageVersions(): Record<string, string> {
  const read = (file: string): string | undefined => {
    try {
      return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version;
    } catch {
      return undefined;
    }
  };
  const out: Record<string, string> = { wasmgram: read(path.join(ROOT, 'package.json')) ?? 'unknown', node: process.version };
  for (const name of VERSIONED) {
    const v = read(path.join(ROOT, 'node_modules', name, 'package.json'));
    if (v) out[name] = v;
  }
  return out;
}

/** What a suite that returns nothing needs (shown under the table; the same text is in bench/results/README.md). */
const NO_SUMMARY_HINT = 'return { suite, rows: compareMeasurements(…) } from run() (bench/lib/summary.ts)';

/** The summary as markdown: machine, versions, one table, then the suites without rows. */
export function renderSummary(run: RunSummary): string {
  const m = run.machine;
  const out = [
    '# wasmgram benchmark summary',
    '',
    `Machine: ${m.cpu} · ${m.cores} cores · Node ${m.node} · ${m.platform}/${m.arch} · ${m.date} · load avg ${m.loadAvg1m} at start, ${m.loadAvg1mAtEnd} at end · clock: ${run.clock} · ${run.mode} run, ${run.seconds.toFixed(0)} s`,
    '',
    `Versions: ${Object.entries(run.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}`,
    '',
    'Median over the cases of each suite of wasmgram ÷ peer speed (> 1×: wasmgram faster), every pair measured side by side in this run; the range is the lowest and highest case.',
    '',
  ];
  const table: string[][] = [];
  for (const o of run.suites) {
    const lines = run.summary.filter((l) => l.suite === o.suite);
    if (lines.length > 0) {
      for (const l of lines) table.push([o.suite, l.impl, l.peer, String(l.cases), ratio(l.median), `${ratio(l.min)} – ${ratio(l.max)}`]);
    } else if (o.status === 'failed') {
      table.push([o.suite, '—', '—', '—', 'failed', (o.error ?? '').split('\n')[0]!.slice(0, 80)]);
    } else if (o.status === 'no-summary') {
      table.push([o.suite, '—', '—', '—', 'not reported', 'suite returns no summary rows yet']);
    } else {
      table.push([o.suite, '—', '—', '—', 'no peers', o.note ?? 'nothing to compare against']);
    }
  }
  out.push(
    markdownTable(['suite', 'wasmgram', 'peer', 'cases', 'median', 'range'], table, ['left', 'left', 'left', 'right', 'right', 'left']),
  );
  const notes = run.suites.filter((o) => o.note && o.rows.length > 0);
  if (notes.length) out.push('', ...notes.map((o) => `- ${o.suite}: ${o.note}`));
  const missing = run.suites.filter((o) => o.status === 'no-summary');
  if (missing.length) {
    out.push('', `Suites without summary rows (${missing.map((o) => o.suite).join(', ')}): each needs to ${NO_SUMMARY_HINT}.`);
  }
  out.push('', `Seconds per suite: ${run.suites.map((o) => `${o.suite} ${o.seconds.toFixed(1)}`).join(' · ')}`);
  return `${out.join('\n')}\n`;
}
