/**
 * How big the TL layer is and how long it takes to load: bundles
 * ts/tl/index.ts with esbuild (ESM, minified), measures raw and gzip sizes,
 * then imports the bundle in fresh Node processes to time the cold import,
 * the first decode (unpacks the schema table, builds the readers it needs)
 * (of the history-100 payload) and a second decode. mtcute's generated TL
 * codec files are sized for comparison.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { median } from '../lib/stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SizeRow {
  what: string;
  raw: number;
  gzip: number;
}

export interface LoadTimes {
  importMs: number;
  firstDecodeMs: number;
  secondDecodeMs: number;
  /** First decode of container-20 (1 000 bytes, 20 rpc_results) right after import, in its own fresh process. */
  firstSmallMs: number;
  /** Second decode of container-20 in that process (first − second ≈ the one-time cost: table unpack, reader compilation). */
  secondSmallMs: number;
  /** First decode of the start-up container (new_session_created + rpc_result(config)) after import, in its own fresh process. */
  firstStartupMs: number;
  /** Second decode of it in that process. */
  secondStartupMs: number;
  /** How each step was timed: `wall` (performance.now) or `cpu` (process.cpuUsage, all threads of the process). */
  clock: 'wall' | 'cpu';
  runs: number;
}

const gz = (b: Uint8Array | string) => gzipSync(b, { level: 9 }).length;

async function bundle(entry: string, external: string[]): Promise<string> {
  const out = await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    minify: true,
    write: false,
    external,
    logLevel: 'silent',
    // The bundle a browser gets: the web file of `#platform/zlib` (pako inflates and gzips), as package.json's imports map gives it.
    plugins: [
      {
        name: 'web-inflate',
        setup(b) {
          b.onResolve({ filter: /\/platform\/node\/zlib\.js$/ }, () => ({ path: path.join(root, 'ts/platform/web/zlib.ts') }));
        },
      },
    ],
  });
  return out.outputFiles[0]!.text;
}

export async function measureSizes(): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  const full = await bundle('ts/tl/index.ts', []);
  rows.push({ what: 'ts/tl (whole TL layer, pako included), minified', raw: full.length, gzip: gz(full) });
  const own = await bundle('ts/tl/index.ts', ['pako']);
  rows.push({ what: 'ts/tl without pako, minified', raw: own.length, gzip: gz(own) });
  const schema = fs.readFileSync(path.join(root, 'ts/tl/generated/schema.ts'), 'utf8');
  rows.push({ what: '  of which generated/schema.ts (names + table)', raw: schema.length, gzip: gz(schema) });
  const types = fs.readFileSync(path.join(root, 'ts/tl/generated/types.ts'), 'utf8');
  rows.push({ what: 'generated/types.ts (type-only, emits no JS)', raw: types.length, gzip: gz(types) });
  const mt = (f: string) => fs.readFileSync(path.join(root, 'node_modules', f));
  const mtFiles = ['@mtcute/core/tl/binary/reader.js', '@mtcute/core/tl/binary/writer.js', '@mtcute/core/tl/inner-tl.js'];
  const mtAll = Buffer.concat(mtFiles.map(mt));
  rows.push({ what: 'mtcute generated TL codec (reader.js + writer.js + inner-tl.js), unminified', raw: mtAll.length, gzip: gz(mtAll) });
  return rows;
}

/**
 * Cold-start timings of the bundled TL layer, in fresh processes (median of
 * `runs`): import, then the first and second decode of history-100; and, in
 * other fresh processes each run, the first and second decode of the small
 * container-20 and of the start-up container (`startupContainer`: what a
 * serverless function decodes first is small — new_session_created and the
 * config). With `clock: 'cpu'` each step is
 * the process's CPU time (it includes V8's background compiler threads), so
 * other load on the machine does not count.
 */
export async function measureLoad(runs = 7, clock: 'wall' | 'cpu' = 'wall'): Promise<LoadTimes> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasmgram-tl-'));
  try {
    const file = path.join(dir, 'tl.mjs');
    fs.writeFileSync(file, await bundle('ts/tl/index.ts', []));
    // Real payloads: history-100 (messages.messages, 100 messages, 20 users) and container-20.
    const { wasmgramObject } = await import('./wasmgram.js');
    const { containerWithSizes, startupContainer } = await import('./fixtures.js');
    const { encode } = await import('../../ts/tl/codec/index.js');
    type AnyTlObject = Parameters<typeof encode>[0];
    fs.writeFileSync(path.join(dir, 'history-100.bin'), encode(wasmgramObject('history-100')));
    fs.writeFileSync(path.join(dir, 'container-20.bin'), encode(wasmgramObject('container-20')));
    const startup = containerWithSizes(startupContainer(), (body) => encode(body as unknown as AnyTlObject).length);
    fs.writeFileSync(path.join(dir, 'startup.bin'), encode(startup as unknown as AnyTlObject));
    const script = (payload: string) => `
      const fs = await import('node:fs');
      const bytes = new Uint8Array(fs.readFileSync(${JSON.stringify(path.join(dir, payload))}));
      const now = ${clock === 'cpu' ? '() => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }' : '() => performance.now()'};
      const t0 = now();
      const tl = await import(${JSON.stringify(pathToUrl(file))});
      const t1 = now();
      tl.decode(bytes);
      const t2 = now();
      tl.decode(bytes);
      const t3 = now();
      console.log(JSON.stringify([t1 - t0, t2 - t1, t3 - t2]));`;
    const run = (payload: string) =>
      JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script(payload)], { encoding: 'utf8' }).trim()) as number[];
    const big: number[][] = [];
    const small: number[][] = [];
    const start: number[][] = [];
    for (let i = 0; i < runs; i++) {
      big.push(run('history-100.bin'));
      small.push(run('container-20.bin'));
      start.push(run('startup.bin'));
    }
    return {
      importMs: median(big.map((s) => s[0]!)),
      firstDecodeMs: median(big.map((s) => s[1]!)),
      secondDecodeMs: median(big.map((s) => s[2]!)),
      firstSmallMs: median(small.map((s) => s[1]!)),
      secondSmallMs: median(small.map((s) => s[2]!)),
      firstStartupMs: median(start.map((s) => s[1]!)),
      secondStartupMs: median(start.map((s) => s[2]!)),
      clock,
      runs,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function pathToUrl(p: string): string {
  return new URL(`file://${p}`).href;
}
