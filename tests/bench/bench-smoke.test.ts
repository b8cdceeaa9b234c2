/**
 * `npm run bench -- --quick` as CI runs it: every suite in smoke mode (tiny
 * sizes, a few iterations, no thresholds) in a child process with a deadline,
 * so a bench that no longer loads, throws or hangs fails the tests instead of
 * rotting until the next full run. Timings are not checked — only that every
 * suite ran and the cross-suite summary (bench/lib/summary.ts) was written in
 * its documented format (bench/results/README.md).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RunSummary } from '../../bench/lib/summary.js';
import { buildPackage } from '../runtimes/_package.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Hard deadline for the whole quick run (60–75 s on 2 idle cores; each step of it has its own deadline, a minute at most). */
const DEADLINE_MS = 360_000;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The last 20 000 characters the run printed (stdout and stderr). */
  output: string;
  /** The runner's progress lines (`bench: suite X started` / `finished in N s`), kept whole. */
  progress: string[];
}

/** Where a run stands from its progress lines: the suite still running and the ones finished, with their seconds. */
function whereItStands(progress: readonly string[]): string {
  const finished = progress.map((l) => /^bench: suite (\S+) finished in (\S+) s/.exec(l)).filter((m) => m !== null);
  const started = progress.map((l) => /^bench: suite (\S+) started/.exec(l)?.[1]).filter((n) => n !== undefined);
  const running = started.filter((n) => !finished.some((m) => m[1] === n));
  const done = finished.map((m) => `${m[1]} ${m[2]} s`).join(', ') || 'none';
  return `${running.length ? `in suite ${running.join(', ')}` : 'after the last suite'} (finished: ${done})`;
}

/**
 * Runs the bench runner like `npm run bench` does, in its own process group.
 * Resolves when the runner exits; whatever it leaves behind (a server or
 * peer process that outlived it) is killed with the group then, and the
 * whole group is killed at the deadline.
 */
function runBench(args: string[], deadlineMs: number): Promise<Exit> {
  // Coverage of the parent (c8) must not follow the child: it slows it and bench/ is not measured.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_V8_COVERAGE;
  delete env.FORCE_COLOR; // Node warns when both are set
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/run.ts', ...args], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let partial = '';
  const progress: string[] = [];
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-20_000);
    const lines = (partial + text).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (line.startsWith('bench: suite ')) progress.push(line);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL'); // the runner and the servers/workers it started
    } catch {
      child.kill('SIGKILL');
    }
  };
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, deadlineMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // Output still in the pipes comes within moments; a process that inherited them and outlived the runner does not end the wait.
      const settle = setTimeout(() => {
        killGroup();
        resolve({ code, signal, timedOut, output, progress });
      }, 2000);
      child.on('close', () => {
        clearTimeout(settle);
        killGroup();
        resolve({ code, signal, timedOut, output, progress });
      });
    });
  });
}

test('npm run bench -- --quick: every suite runs, the summary is printed and written as JSON, before the deadline', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wasmgram-bench-smoke-'));
  try {
    // The client suite times the built package (dist/): build it as the runtime suite does (which then reuses it).
    await buildPackage();
    const started = Date.now();
    const exit = await runBench(['--quick', `--out=${out}`], DEADLINE_MS);
    const seconds = (Date.now() - started) / 1000;
    const tail = exit.output.slice(-2500);
    // The first line says where a stalled run stands (a CI log may show only the start of the message).
    assert.not.ok(exit.timedOut, `bench --quick still running after ${DEADLINE_MS / 1000} s, ${whereItStands(exit.progress)}:\n${tail}`);
    assert.is(exit.code, 0, `bench --quick exited with ${exit.code ?? exit.signal}:\n${tail}`);
    assert.match(exit.output, '# wasmgram benchmark summary');

    const runs = fs.readdirSync(path.join(out, 'runs')).filter((f) => f.endsWith('-quick.json'));
    assert.is(runs.length, 1, 'one JSON file per run');
    const run = JSON.parse(fs.readFileSync(path.join(out, 'runs', runs[0]!), 'utf8')) as RunSummary;
    assert.is(run.format, 'wasmgram-bench-summary/1');
    assert.is(run.mode, 'quick');
    assert.ok(run.machine.cpu && run.machine.cores > 0 && run.machine.node === process.version);
    assert.ok(run.versions.wasmgram && run.versions['@mtcute/core'] && run.versions.telegram);

    // Every suite the runner knows ran and none failed; the ones with peers report ratios.
    const runner = fs.readFileSync(path.join(ROOT, 'bench', 'run.ts'), 'utf8');
    const known = [...runner.matchAll(/^ {2}([a-z-]+): async \(\) =>/gm)].map((m) => m[1]!);
    assert.ok(known.length >= 5, `suites found in bench/run.ts: ${known.join(', ')}`);
    assert.equal(run.suites.map((s) => s.suite).sort(), [...known].sort());
    for (const s of run.suites) assert.is.not(s.status, 'failed', `${s.suite}: ${s.error}`);
    assert.not.match(exit.output, 'client suite: skipped', 'the client suite ran (dist/ was built)');
    for (const name of ['crypto', 'mtproto']) {
      const lines = run.summary.filter((l) => l.suite === name);
      assert.ok(lines.length > 0, `${name} reports summary rows`);
      for (const l of lines) assert.ok(Number.isFinite(l.median) && l.median > 0 && l.cases > 0, JSON.stringify(l));
    }
    // A quick run never overwrites the published results.
    assert.not.ok(fs.existsSync(path.join(out, 'summary.json')));
    // A peer library that failed inside a suite (the suite reports it and goes on) is shown, not failed on: the peers are not ours.
    for (const line of exit.output.split('\n').filter((l) => /^\s*\S+: (failed|skipped)\b/.test(l)))
      console.log(`    bench --quick: ${line.trim()}`);
    console.log(`    bench --quick: ${seconds.toFixed(0)} s (${run.suites.map((s) => `${s.suite} ${s.seconds.toFixed(0)}`).join(', ')})`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test.run();
