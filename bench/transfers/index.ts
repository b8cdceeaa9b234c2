/**
 * Transfers suite: `npm run bench -- transfers`. Upload and download of one
 * file (64 MiB; `--sizes=16m` for another size) through the test server on
 * loopback, each library with its high-level API and its parallel defaults:
 * wasmgram `uploadFile` + `sendMedia` + `downloadToBuffer`, mtcute
 * `uploadFile` + `sendMedia` + `downloadAsBuffer`, GramJS `uploadFile`
 * (one worker, sendFile's default) + `sendFile` + `downloadMedia` (sequential).
 * GramJS speaks layer 198: the server reads and answers it through its layer
 * conversion (ts/testing/layers). The server runs in its own process
 * (bench/mtproto/server-process.ts, results never gzip_packed), so the CPU
 * reported is the client's alone (user + system of this process per MB
 * moved). Results: bench/results/transfers.{md,json}.
 *
 * Implementations alternate for `rounds` rounds; each result is the median round.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { markdownTable } from '../lib/format.js';
import { describeMachine, loadAverage, machineInfo } from '../lib/machine.js';
import type { BenchOptions, Suite } from '../lib/suite.js';
import { compareMeasurements, type SuiteReport } from '../lib/summary.js';
import { collectGarbage, gcAvailable } from '../lib/timing.js';
import { type BenchServer, startServerProcess } from '../mtproto/server.js';
import { gramjsTransfers } from './gramjs.js';
import { mtcuteTransfers } from './mtcute.js';
import { wasmgramTransfers } from './wasmgram.js';

const OPS = ['upload', 'download'] as const;

/** One library's side of the benchmark. */
export interface TransferImpl {
  readonly name: string;
  /** Uploads `data` and sends it as a document to Saved Messages; resolves with a handle for `download`. */
  upload(data: Uint8Array): Promise<unknown>;
  /** Downloads what `upload` sent; resolves with the bytes. */
  download(handle: unknown): Promise<Uint8Array>;
  close(): Promise<void>;
}

interface Sample {
  wallMs: number;
  cpuMs: number;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; sample: Sample }> {
  if (gcAvailable()) collectGarbage();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, sample: { wallMs, cpuMs: (c.user + c.system) / 1000 } };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

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

async function run(options: BenchOptions): Promise<SuiteReport> {
  const size = options.sizes?.[0] ?? (options.quick ? 4 : 64) * 1024 * 1024;
  const rounds = options.quick ? 1 : 3;
  const mb = size / (1024 * 1024);
  const data = fill(size);
  const machine = machineInfo();
  console.log(`transfers: ${mb} MiB up and down through the test server (own process), ${rounds} round(s)\n${describeMachine(machine)}\n`);

  const server: BenchServer = await startServerProcess([2]);
  const impls: TransferImpl[] = [];
  const skipped: { name: string; reason: string }[] = [];
  try {
    for (const [name, load] of [
      ['wasmgram', wasmgramTransfers],
      ['mtcute', mtcuteTransfers],
      ['GramJS', gramjsTransfers],
    ] as const) {
      try {
        impls.push(await load(server));
      } catch (e) {
        skipped.push({ name, reason: (e as Error).message });
        console.log(`${name}: skipped (${(e as Error).message})`);
      }
    }

    const samples = new Map<string, { upload: Sample[]; download: Sample[] }>();
    for (const impl of impls) samples.set(impl.name, { upload: [], download: [] });
    for (let r = 0; r < rounds; r++) {
      for (const impl of r % 2 === 0 ? impls : [...impls].reverse()) {
        const up = await timed(() => impl.upload(data));
        const down = await timed(() => impl.download(up.value));
        if (Buffer.compare(down.value, data) !== 0) throw new Error(`${impl.name}: downloaded bytes differ from the upload`);
        const s = samples.get(impl.name)!;
        s.upload.push(up.sample);
        s.download.push(down.sample);
        console.log(
          `  round ${r + 1} ${impl.name.padEnd(9)} up ${(mb / (up.sample.wallMs / 1000)).toFixed(1)} MB/s, down ${(mb / (down.sample.wallMs / 1000)).toFixed(1)} MB/s`,
        );
      }
    }

    const rows: string[][] = [];
    const json: Record<string, unknown>[] = [];
    for (const op of OPS) {
      for (const impl of impls) {
        const list = samples.get(impl.name)![op];
        const wall = median(list.map((s) => s.wallMs));
        const cpu = median(list.map((s) => s.cpuMs));
        rows.push([op, impl.name, (mb / (wall / 1000)).toFixed(1), (cpu / mb).toFixed(1), wall.toFixed(0)]);
        json.push({ op, impl: impl.name, bytes: size, mbPerS: mb / (wall / 1000), cpuMsPerMb: cpu / mb, wallMs: wall, rounds: list });
      }
    }
    const loadEnd = loadAverage();
    const table = markdownTable(['op', 'library', 'MB/s', 'client CPU ms/MB', 'wall ms'], rows, [
      'left',
      'left',
      'right',
      'right',
      'right',
    ]);
    console.log(`\n${table}`);
    if (options.write) {
      const md = [
        '# Transfers: upload and download through the test server',
        '',
        `${mb} MiB, each library's high-level upload (+ sendMedia to Saved Messages) and download with its parallel defaults; the test server in its own process on loopback, results not gzip_packed; median of ${rounds} alternating rounds. CPU is the client process's user + system time per MB moved.`,
        '',
        '- wasmgram: `uploadFile` + `sendMedia`, `downloadToBuffer` (parallel parts by default).',
        '- mtcute: `uploadFile` + `sendMedia`, `downloadAsBuffer` (its default parallelism).',
        "- GramJS: `uploadFile` (`upload.saveBigFilePart` past 10 MB, one worker: sendFile's default; called directly because sendFile refuses a buffer past 20 MB) + `sendFile`, `downloadMedia` (sequential `upload.getFile`, 512 KiB parts); it speaks layer 198, which the server reads and answers through its layer conversion (ts/testing/layers).",
        '',
        `${describeMachine(machine)}, ${loadEnd} at the end`,
        '',
        table,
        '',
        ...skipped.map((s) => `- ${s.name}: not run — ${s.reason}`),
        '',
        'Run: `npm run bench -- transfers` (bench/transfers).',
        '',
      ].join('\n');
      writeFileSync(path.join(options.resultsDir, 'transfers.md'), md);
      writeFileSync(
        path.join(options.resultsDir, 'transfers.json'),
        `${JSON.stringify({ machine, loadAvg1mAtEnd: loadEnd, size, rounds, results: json, skipped }, null, 2)}\n`,
      );
    }
    return {
      suite: 'transfers',
      rows: compareMeasurements(
        json.map((j) => ({ case: String(j.op), impl: String(j.impl), value: Number(j.mbPerS), higherIsBetter: true })),
      ),
    };
  } finally {
    for (const impl of impls) await impl.close().catch(() => undefined);
    await server.stop();
  }
}

export const suite: Suite = {
  name: 'transfers',
  description: '64 MiB upload + download through the test server: wasmgram vs mtcute vs GramJS (MB/s, client CPU per MB)',
  ops: OPS,
  run,
};
