/**
 * Transfers suite: `npm run bench -- transfers`. Upload and download of one
 * file (64 MiB; `--sizes=16m` for another size) through the test server on
 * loopback, each library with its high-level API and its parallel defaults:
 * wasmgram `uploadFile` + `sendMedia` + `downloadToBuffer`, mtcute
 * `uploadFile` + `sendMedia` + `downloadAsBuffer`, GramJS `uploadFile`
 * (one worker, sendFile's default) + `sendFile` + `downloadMedia` (sequential).
 * GramJS speaks layer 198: the server reads and answers it through its layer
 * conversion (ts/testing/layers). The server runs in its own process
 * (bench/mtproto/server-process.ts, results never gzip_packed), and so does
 * each library (child.ts): the CPU reported is one client's alone (user +
 * system of its process per MB moved), and no library's heap or garbage
 * collection falls into another's time. (In one shared process with a
 * forced full GC before each operation, GramJS's upload measured about
 * twice the CPU per MB it uses in a process of its own: it regrows the
 * shrunk heap while allocating per part.) Results: bench/results/transfers.{md,json}.
 *
 * Implementations alternate for `rounds` rounds; each result is the median round.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { markdownTable } from '../lib/format.js';
import { describeMachine, loadAverage, machineInfo } from '../lib/machine.js';
import type { BenchOptions, Suite } from '../lib/suite.js';
import { compareMeasurements, type SuiteReport } from '../lib/summary.js';
import { type BenchServer, startServerProcess } from '../mtproto/server.js';
import { type Sample, startTransferChild, type TransferChild } from './children.js';

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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The libraries, in the order they sign in (wasmgram first: it signs the bench number up). */
const LIBRARIES = ['wasmgram', 'mtcute', 'GramJS'] as const;

async function run(options: BenchOptions): Promise<SuiteReport> {
  const size = options.sizes?.[0] ?? (options.quick ? 4 : 64) * 1024 * 1024;
  const rounds = options.quick ? 1 : 3;
  const mb = size / (1024 * 1024);
  const machine = machineInfo();
  console.log(`transfers: ${mb} MiB up and down through the test server (own process), ${rounds} round(s)\n${describeMachine(machine)}\n`);

  const server: BenchServer = await startServerProcess([2]);
  const impls: TransferChild[] = [];
  const skipped: { name: string; reason: string }[] = [];
  try {
    for (const name of LIBRARIES) {
      try {
        impls.push(await startTransferChild(name, server, size));
      } catch (e) {
        skipped.push({ name, reason: (e as Error).message });
        console.log(`${name}: skipped (${(e as Error).message})`);
      }
    }

    const samples = new Map<string, { upload: Sample[]; download: Sample[] }>();
    for (const impl of impls) samples.set(impl.name, { upload: [], download: [] });
    for (let r = 0; r < rounds; r++) {
      for (const impl of r % 2 === 0 ? impls : [...impls].reverse()) {
        const { up, down } = await impl.round();
        const s = samples.get(impl.name)!;
        s.upload.push(up);
        s.download.push(down);
        console.log(
          `  round ${r + 1} ${impl.name.padEnd(9)} up ${(mb / (up.wallMs / 1000)).toFixed(1)} MB/s, down ${(mb / (down.wallMs / 1000)).toFixed(1)} MB/s`,
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
        `${mb} MiB, each library's high-level upload (+ sendMedia to Saved Messages) and download with its parallel defaults; the test server in its own process on loopback, results not gzip_packed, and each library in a process of its own (signed in once); median of ${rounds} alternating rounds. CPU is that library's process's user + system time per MB moved.`,
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
