/**
 * `wasmgram bench [suite...] [flags]`: runs the benchmark runner
 * (bench/run.ts) of a wasmgram checkout in a child process, with
 * `--expose-gc` as `npm run bench` does, and passes its exit code on. The
 * benchmarks compare wasmgram with mtcute, GramJS and others, which are dev
 * dependencies: they are not in the published package, so outside a
 * checkout the command says so and fails.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WasmgramError } from '../../errors.js';
import { type CliIo, EXIT_OK } from '../io.js';

/** Usage text of `wasmgram bench`. */
export const BENCH_USAGE = `Usage: wasmgram bench [suite...] [flags]

Runs wasmgram's benchmarks side by side with mtcute, GramJS, hash-wasm and node:crypto
(bench/run.ts of a wasmgram checkout; set WASMGRAM_ROOT to point at one).

Suites: crypto, tl, mtproto, storage, updates, dispatcher, parsers, chaos, transfers, client
(none given: all of them).

Flags (passed to the runner):
  --quick                   a smoke run: a few ms per implementation, nothing written
  --ops=a,b --sizes=a,b     a subset
  --write | --no-write      write the results to bench/results (default: on full runs)
  --out=DIR                 the results directory
  --clock=wall|cpu          time with wall clock or this process's CPU time
  --list                    the suites and their operations (the runner's --help)
  -h, --help                this text

Exit codes: 0 every suite ran, 1 a suite failed or no checkout was found, 2 wrong command line
(as the runner reports it).`;

/** The checkout root holding bench/run.ts: WASMGRAM_ROOT, else the one this file sits in. */
function findRunner(): { root: string; runner: string } {
  const candidates = [process.env.WASMGRAM_ROOT, resolve(dirname(fileURLToPath(import.meta.url)), '../../..')];
  for (const root of candidates) {
    if (!root) continue;
    const runner = join(root, 'bench', 'run.ts');
    if (existsSync(runner)) return { root, runner };
  }
  throw new WasmgramError('bench needs a wasmgram checkout (the benchmarks are not in the package): run it there, or set WASMGRAM_ROOT');
}

/** `wasmgram bench ...`: the runner's exit code. */
export async function benchCommand(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.out(BENCH_USAGE);
    return EXIT_OK;
  }
  const { root, runner } = findRunner();
  const args = argv.map((a) => (a === '--list' ? '--help' : a));
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', runner, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  const lines = (write: (line: string) => void) => {
    let rest = '';
    return {
      push: (chunk: string) => {
        rest += chunk;
        const parts = rest.split('\n');
        rest = parts.pop()!;
        for (const p of parts) write(p);
      },
      end: () => {
        if (rest) write(rest);
      },
    };
  };
  const out = lines(io.out);
  const err = lines(io.err);
  child.stdout.on('data', out.push);
  child.stderr.on('data', err.push);
  const onAbort = () => child.kill('SIGTERM');
  io.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await new Promise<number>((done, fail) => {
      child.on('error', (e) => fail(new WasmgramError(`could not start the benchmark runner: ${e.message}`)));
      child.on('close', (code, signal) => {
        out.end();
        err.end();
        done(code ?? (signal ? 1 : 0));
      });
    });
  } finally {
    io.signal?.removeEventListener('abort', onAbort);
  }
}
