/**
 * Runs `wasmgram` as a process (`node --import tsx ts/cli/index.ts ...`),
 * with stdin given, and resolves with its exit code and output; a process
 * that outlives the deadline is killed and fails the test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const entry = path.join(root, 'ts/cli/index.ts');

/** What a finished run printed. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A running CLI process, for commands that need a reply while they run (QR login). */
export interface Running {
  proc: ChildProcess;
  /** Resolves once stderr contains a match of `pattern`, with the match. */
  waitForStderr(pattern: RegExp, ms?: number): Promise<RegExpExecArray>;
  done: Promise<RunResult>;
}

/** Starts `wasmgram ...args`; `input` is written to stdin, which is then closed. */
export function start(
  args: readonly string[],
  options: { input?: string; env?: Record<string, string>; deadlineMs?: number } = {},
): Running {
  const proc = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  let stdout = '';
  let stderr = '';
  const watchers: (() => void)[] = [];
  proc.stdout!.on('data', (d) => (stdout += d));
  proc.stderr!.on('data', (d) => {
    stderr += d;
    for (const w of watchers.slice()) w();
  });
  proc.stdin!.end(options.input ?? '');
  const deadlineMs = options.deadlineMs ?? 20_000;
  const done = new Promise<RunResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`wasmgram ${args.join(' ')} ran longer than ${deadlineMs} ms; stderr: ${stderr}`));
    }, deadlineMs);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      // Let the pipes drain.
      setImmediate(() => resolve({ code, stdout, stderr }));
    });
  });
  const waitForStderr = (pattern: RegExp, ms = 15_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${pattern} on stderr within ${ms} ms: ${stderr}`)), ms);
      const check = () => {
        const m = pattern.exec(stderr);
        if (!m) return;
        clearTimeout(timer);
        watchers.splice(watchers.indexOf(check), 1);
        resolve(m);
      };
      watchers.push(check);
      check();
    });
  return { proc, waitForStderr, done };
}

/** Runs `wasmgram ...args` to the end. */
export function run(
  args: readonly string[],
  options: { input?: string; env?: Record<string, string>; deadlineMs?: number } = {},
): Promise<RunResult> {
  return start(args, options).done;
}
