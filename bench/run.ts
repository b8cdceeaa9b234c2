/**
 * Benchmark entry point: `npm run bench [-- <suite>... [flags]]`.
 *
 *   npm run bench                      every suite
 *   npm run bench -- crypto            one suite
 *   npm run bench -- crypto --quick    smoke run (a few ms per implementation, nothing written)
 *   npm run bench -- crypto --ops=sha256,seal --sizes=176,16k
 *
 * Flags: --quick, --write / --no-write, --ops=a,b, --sizes=a,b, --out=DIR,
 * --clock=wall|cpu (cpu: time only this process's CPU — steadier on a busy machine), --help.
 * Each suite is a module exporting `suite: Suite` (bench/lib/suite.ts); add new
 * ones to SUITES. After the suites, one summary across them (bench/lib/summary.ts):
 * printed, written as JSON to <out>/runs/<date>-<mode>.json on every run, and to
 * <out>/summary.{md,json} on a full run of every suite. A suite that throws is reported as
 * failed and the others still run (exit code 1).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadAverage, machineInfo } from './lib/machine.js';
import { type BenchOptions, DEFAULT_RESULTS_DIR, parseSize, type Suite } from './lib/suite.js';
import { packageVersions, type RunSummary, renderSummary, type SuiteOutcome, summarize } from './lib/summary.js';
import { type Clock, gcAvailable } from './lib/timing.js';

const SUITES: Record<string, () => Promise<Suite>> = {
  crypto: async () => (await import('./crypto/index.js')).suite,
  tl: async () => (await import('./tl/index.js')).suite,
  mtproto: async () => (await import('./mtproto/index.js')).suite,
  storage: async () => (await import('./storage/index.js')).suite,
  updates: async () => (await import('./updates/index.js')).suite,
  dispatcher: async () => (await import('./dispatcher/index.js')).suite,
  parsers: async () => (await import('./parsers/index.js')).suite,
  chaos: async () => (await import('./chaos/index.js')).suite,
  transfers: async () => (await import('./transfers/index.js')).suite,
  client: async () => (await import('./client/index.js')).suite,
  history: async () => (await import('./history/index.js')).suite,
};

function usage(suites: readonly Suite[]): string {
  const lines = [
    'usage: npm run bench [-- <suite>... [--quick] [--write|--no-write] [--ops=a,b] [--sizes=48,16k] [--out=DIR] [--clock=wall|cpu]]',
    '',
    'suites:',
    ...suites.map((s) => `  ${s.name.padEnd(10)} ${s.description}\n  ${''.padEnd(10)} ops: ${s.ops.join(', ')}`),
    '',
    '  --quick      smoke run: a few ms per implementation; prints, writes nothing unless --write',
    '  --ops, --sizes  run a subset (results are not written unless --write)',
    '  --out=DIR    results directory (default bench/results)',
    "  --clock=cpu  time with this process's CPU time instead of wall time (steadier when other work shares the machine)",
  ];
  return lines.join('\n');
}

async function main(argv: readonly string[]): Promise<void> {
  const names: string[] = [];
  let quick = false;
  let write: boolean | undefined;
  let ops: string[] | null = null;
  let sizes: number[] | null = null;
  let resultsDir = DEFAULT_RESULTS_DIR;
  let clock: Clock = 'wall';
  let help = false;
  for (const arg of argv) {
    const [flag, value] = arg.startsWith('--') ? [arg.slice(2).split('=')[0]!, arg.split('=').slice(1).join('=')] : ['', ''];
    if (!arg.startsWith('--')) names.push(arg);
    else if (flag === 'quick') quick = true;
    else if (flag === 'write') write = true;
    else if (flag === 'no-write') write = false;
    else if (flag === 'ops') ops = value.split(',').filter(Boolean);
    else if (flag === 'sizes') sizes = value.split(',').filter(Boolean).map(parseSize);
    else if (flag === 'out') resultsDir = path.resolve(value);
    else if (flag === 'clock') {
      if (value !== 'wall' && value !== 'cpu') throw new Error(`--clock must be wall or cpu, got "${value}"`);
      clock = value;
    } else if (flag === 'help' || flag === 'h') help = true;
    else throw new Error(`unknown flag ${arg} (see --help)`);
  }
  for (const n of names) {
    if (!(n in SUITES)) throw new Error(`unknown suite "${n}"; available: ${Object.keys(SUITES).join(', ')}`);
  }
  // A suite whose module does not load is reported as failed; the others still run.
  const loadFailures: SuiteOutcome[] = [];
  const selected: Suite[] = [];
  for (const name of names.length ? names : Object.keys(SUITES)) {
    try {
      selected.push(await SUITES[name]!());
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      console.error(`${name}: could not load: ${error}`);
      loadFailures.push({
        suite: name,
        status: 'failed',
        seconds: 0,
        rows: [],
        error: `could not load: ${e instanceof Error ? e.message : e}`,
      });
      process.exitCode = 1;
    }
  }
  if (help) {
    console.log(usage(await Promise.all(Object.values(SUITES).map((load) => load()))));
    return;
  }
  if (!gcAvailable()) console.warn('warning: run with node --expose-gc (npm run bench does) so GC runs between implementations\n');
  if (ops) {
    const known = new Set(selected.flatMap((s) => s.ops));
    const unknown = ops.filter((o) => !known.has(o));
    if (unknown.length) throw new Error(`no selected suite has op ${unknown.join(', ')}; ops: ${[...known].join(', ')}`);
  }
  const machine = machineInfo();
  const started = performance.now();
  const outcomes: SuiteOutcome[] = [...loadFailures];
  const writeResults = write ?? (!quick && ops === null && sizes === null);
  for (const suite of selected) {
    const own = ops ? ops.filter((o) => suite.ops.includes(o)) : null;
    if (own && own.length === 0) continue;
    const options: BenchOptions = { quick, write: writeResults, ops: own, sizes, resultsDir, clock };
    const t0 = performance.now();
    // One progress line per suite on stderr (bench-smoke.test.ts names the suite a stalled run is in from these).
    console.error(`bench: suite ${suite.name} started`);
    try {
      const report = await suite.run(options);
      const seconds = (performance.now() - t0) / 1000;
      console.error(`bench: suite ${suite.name} finished in ${seconds.toFixed(1)} s`);
      outcomes.push(
        report
          ? { suite: suite.name, status: 'reported', seconds, rows: report.rows, ...(report.note ? { note: report.note } : {}) }
          : { suite: suite.name, status: 'no-summary', seconds, rows: [] },
      );
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      console.error(`${suite.name}: failed: ${error}`);
      console.error(`bench: suite ${suite.name} finished in ${((performance.now() - t0) / 1000).toFixed(1)} s (failed)`);
      outcomes.push({ suite: suite.name, status: 'failed', seconds: (performance.now() - t0) / 1000, rows: [], error });
      process.exitCode = 1;
    }
  }
  const order = names.length ? names : Object.keys(SUITES);
  outcomes.sort((a, b) => order.indexOf(a.suite) - order.indexOf(b.suite));
  const run: RunSummary = {
    format: 'wasmgram-bench-summary/1',
    mode: quick ? 'quick' : names.length === 0 && ops === null && sizes === null ? 'full' : 'subset',
    clock,
    argv: [...argv],
    machine: { ...machine, loadAvg1mAtEnd: loadAverage() },
    versions: packageVersions(),
    seconds: (performance.now() - started) / 1000,
    suites: outcomes,
    summary: summarize(outcomes),
  };
  const markdown = renderSummary(run);
  process.stdout.write(`\n${markdown}`);
  const json = `${JSON.stringify(run, null, 2)}\n`;
  const runsDir = path.join(resultsDir, 'runs');
  fs.mkdirSync(runsDir, { recursive: true });
  const file = path.join(runsDir, `${machine.date.replace(/[:.]/g, '-')}-${run.mode}.json`);
  fs.writeFileSync(file, json);
  if (writeResults && run.mode === 'full') {
    fs.writeFileSync(path.join(resultsDir, 'summary.md'), markdown);
    fs.writeFileSync(path.join(resultsDir, 'summary.json'), json);
  }
  console.error(
    `summary: wrote ${path.relative(process.cwd(), file)}${writeResults && run.mode === 'full' ? ' and summary.{md,json}' : ''}`,
  );
}

main(process.argv.slice(2))
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(() => {
    // Every suite has finished: a handle a suite left open (a socket, a timer,
    // a child process) must not keep the run alive (CI would wait forever).
    // Name what is left so the suite can be fixed, then exit.
    const left = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap' && r !== 'PipeWrap');
    if (left.length) console.error(`bench: still open after the last suite: ${left.join(', ')} — exiting anyway`);
    process.exit();
  });
