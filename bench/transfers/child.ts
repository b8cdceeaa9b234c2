/**
 * One library's side of the transfers bench in a process of its own
 * (started by `children.ts`): the library's client, its 64 MiB buffer and
 * its garbage live alone here, so no library pays for another's heap or
 * garbage collection, and the CPU measured is this process's alone.
 *
 *   argv: the library (`wasmgram`, `mtcute`, `GramJS`)
 *   stdin, first line: `{ "server": ServerInfoJson, "size": bytes }`; then
 *   `round` (upload then download once, the bytes compared) or `close`.
 *   stdout: one line per answer, `@@transfers {json}` (other lines, such
 *   as a library's own logging, are not answers):
 *   `{ "ready": true }`, `{ "up": Sample, "down": Sample }`, `{ "closed": true }` or `{ "error": message }`.
 */
import { createInterface } from 'node:readline';
import type { BenchServer, ServerInfoJson } from '../mtproto/server.js';
import { serverInfoFromJson } from '../mtproto/server.js';
import { ANSWER_PREFIX } from './children.js';
import { gramjsTransfers } from './gramjs.js';
import type { TransferImpl } from './index.js';
import { mtcuteTransfers } from './mtcute.js';
import { wasmgramTransfers } from './wasmgram.js';

const LOADERS: Record<string, (server: BenchServer) => Promise<TransferImpl>> = {
  wasmgram: wasmgramTransfers,
  mtcute: mtcuteTransfers,
  GramJS: gramjsTransfers,
};

/** The payload: xorshift words, the same bytes in every process. */
function fill(n: number): Uint8Array {
  const out = new Uint8Array(n);
  const words = new Uint32Array(out.buffer, 0, n >>> 2);
  let x = 0x9e3779b9;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return out;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; sample: { wallMs: number; cpuMs: number } }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, sample: { wallMs, cpuMs: (c.user + c.system) / 1000 } };
}

async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  const load = LOADERS[name];
  const answer = (v: unknown): void => void process.stdout.write(`${ANSWER_PREFIX}${JSON.stringify(v)}\n`);
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) return;
  const job = JSON.parse(first.value) as { server: ServerInfoJson; size: number };
  if (!load) return answer({ error: `no library ${name}` });
  let impl: TransferImpl;
  try {
    impl = await load(serverInfoFromJson(job.server) as BenchServer);
  } catch (e) {
    return answer({ error: (e as Error).message });
  }
  const data = fill(job.size);
  answer({ ready: true });
  for (let line = await lines.next(); !line.done; line = await lines.next()) {
    const cmd = line.value.trim();
    if (cmd === 'round') {
      try {
        const up = await timed(() => impl.upload(data));
        const down = await timed(() => impl.download(up.value));
        if (Buffer.compare(down.value, data) !== 0) throw new Error(`${name}: downloaded bytes differ from the upload`);
        answer({ up: up.sample, down: down.sample });
      } catch (e) {
        answer({ error: (e as Error).message });
      }
    } else if (cmd === 'close') {
      await impl.close().catch(() => undefined);
      answer({ closed: true });
      break;
    }
  }
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`transfers child: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
