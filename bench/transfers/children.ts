/**
 * The parent's side of `child.ts`: one process per library, each signed in
 * once and then asked for rounds (upload + download of the same bytes).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchServer, serverInfoToJson } from '../mtproto/server.js';

/** Marks the child's answer lines (a library may log to stdout too). */
export const ANSWER_PREFIX = '@@transfers ';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'child.ts');
/** Longest wait for one answer (sign-in, or a 64 MiB round on a loaded machine); a quick run's 4 MiB get a minute. */
const answerMs = (size: number) => (size <= 4 * 1024 * 1024 ? 60_000 : 10 * 60_000);

/** CPU and wall time of one operation, measured in the child. */
export interface Sample {
  wallMs: number;
  cpuMs: number;
}

/** A library's process. */
export interface TransferChild {
  readonly name: string;
  /** Uploads and downloads once; the child checks the bytes. */
  round(): Promise<{ up: Sample; down: Sample }>;
  close(): Promise<void>;
}

/** Starts the library `name`'s process, signed in to `server`, holding `size` bytes to move. */
export async function startTransferChild(name: string, server: BenchServer, size: number): Promise<TransferChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, name], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: ((v: Record<string, unknown>) => void)[] = [];
  let gone: Error | undefined;
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith(ANSWER_PREFIX)) waiting.shift()?.(JSON.parse(line.slice(ANSWER_PREFIX.length)) as Record<string, unknown>);
  });
  const fail = (e: Error) => {
    gone = e;
    for (const w of waiting.splice(0)) w({ error: e.message });
  };
  child.on('exit', (code, signal) => fail(new Error(`${name} process exited (${signal ?? code})`)));
  child.on('error', fail);
  const next = (): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      if (gone) return reject(gone);
      const timer = setTimeout(() => reject(new Error(`${name}: no answer in ${answerMs(size) / 1000} s`)), answerMs(size));
      waiting.push((v) => {
        clearTimeout(timer);
        if (typeof v.error === 'string') reject(new Error(v.error));
        else resolve(v);
      });
    });
  const ask = (line: string) => {
    const p = next();
    child.stdin.write(`${line}\n`);
    return p;
  };
  try {
    await ask(JSON.stringify({ server: serverInfoToJson(server), size }));
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  return {
    name,
    round: async () => (await ask('round')) as unknown as { up: Sample; down: Sample },
    async close() {
      if (gone) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // A child that does not answer and exit within 5 s is killed.
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await Promise.race([ask('close').catch(() => undefined), exited]);
      await exited;
      clearTimeout(timer);
    },
  };
}
