/**
 * Builds the package once (rollup), packs it (`npm pack`) and installs the
 * tarball into a scratch consumer project in a temp dir, as a user would.
 * Every child process has a deadline.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** A binary of the repository's node_modules. */
export const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

/** What a finished child process left. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `cmd args` and resolves when it exits; kills it (and fails) after `timeoutMs` or when `signal` aborts. */
export function run(
  cmd: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number; signal?: AbortSignal },
): Promise<RunResult> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: { ...process.env, NO_COLOR: '1', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: opts.signal,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${path.basename(cmd)} ${args.join(' ')} took over ${opts.timeoutMs} ms\n${stdout}\n${stderr}`));
    }, opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

/** Runs and throws with the output when the exit code is not 0. */
export async function runOk(
  cmd: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<RunResult> {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** The packed package installed in a scratch project. */
export interface ScratchPackage {
  /** The tarball `npm pack` wrote. */
  tarball: string;
  /** The consumer project (package.json + node_modules/wasmgram). */
  dir: string;
  /** Bytes of the consumer's node_modules: the package with its dependencies, as installed. */
  installedBytes: number;
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) n += dirBytes(p);
    else if (e.isFile()) n += fs.statSync(p).size;
  }
  return n;
}

// The package's inputs: a build newer than all of them is reused by the next test file of the same run.
const BUILD_INPUTS = ['ts', 'rollup.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
const BUILD_STAMP = path.join(root, 'build/.cache/package-build-stamp');

function newestMtime(p: string): number {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/**
 * Runs rollup unless dist/ was built (by this helper) after the last change to
 * any input; the stamp holds the time the build started, so an edit made
 * during a build triggers the next one.
 */
export async function buildPackage(): Promise<void> {
  const started = Date.now();
  const stamp = Number(fs.existsSync(BUILD_STAMP) ? fs.readFileSync(BUILD_STAMP, 'utf8') : 0);
  const newest = Math.max(...BUILD_INPUTS.map((p) => newestMtime(path.join(root, p))));
  if (stamp > newest && fs.existsSync(path.join(root, 'dist/index.js'))) return;
  fs.rmSync(BUILD_STAMP, { force: true });
  await runOk(bin('rollup'), ['-c', 'rollup.config.mjs', '--silent'], { cwd: root, timeoutMs: 240_000 });
  fs.mkdirSync(path.dirname(BUILD_STAMP), { recursive: true });
  fs.writeFileSync(BUILD_STAMP, String(started));
}

/** Builds (see buildPackage), packs and installs into a new temp dir (removed by `cleanup`). */
export async function packAndInstall(): Promise<ScratchPackage> {
  await buildPackage();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wasmgram-runtimes-'));
  const packed = await runOk('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, timeoutMs: 60_000 });
  const tarball = path.join(work, packed.stdout.trim().split('\n').pop()!);
  const dir = path.join(work, 'consumer');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // From the npm cache where it can (ws is the one dependency).
  await runOk('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
    cwd: dir,
    timeoutMs: 120_000,
  });
  return { tarball, dir, installedBytes: dirBytes(path.join(dir, 'node_modules')) };
}
