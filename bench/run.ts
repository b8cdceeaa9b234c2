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
 * ones to SUITES.
 */
import path from 'node:path';
import { type BenchOptions, DEFAULT_RESULTS_DIR, parseSize, type Suite } from './lib/suite.js';
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
  const selected = await Promise.all((names.length ? names : Object.keys(SUITES)).map((n) => SUITES[n]!()));
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
  for (const suite of selected) {
    const own = ops ? ops.filter((o) => suite.ops.includes(o)) : null;
    if (own && own.length === 0) continue;
    const options: BenchOptions = {
      quick,
      write: write ?? (!quick && ops === null && sizes === null),
      ops: own,
      sizes,
      resultsDir,
      clock,
    };
    await suite.run(options);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
