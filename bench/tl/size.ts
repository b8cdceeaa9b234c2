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

/** Cold-start timings of the bundled TL layer, in fresh processes (median of `runs`). */
export async function measureLoad(runs = 7): Promise<LoadTimes> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasmgram-tl-'));
  try {
    const file = path.join(dir, 'tl.mjs');
    fs.writeFileSync(file, await bundle('ts/tl/index.ts', []));
    // A real response: the bytes of the history-100 case (messages.messages, 100 messages, 20 users).
    const { wasmgramObject } = await import('./wasmgram.js');
    const { encode } = await import('../../ts/tl/codec/index.js');
    fs.writeFileSync(path.join(dir, 'page.bin'), encode(wasmgramObject('history-100')));
    const script = `
      const t0 = performance.now();
      const tl = await import(${JSON.stringify(pathToUrl(file))});
      const t1 = performance.now();
      const bytes = new Uint8Array((await import('node:fs')).readFileSync(${JSON.stringify(path.join(dir, 'page.bin'))}));
      const t2 = performance.now();
      tl.decode(bytes);
      const t3 = performance.now();
      tl.decode(bytes);
      const t4 = performance.now();
      console.log(JSON.stringify([t1 - t0, t3 - t2, t4 - t3]));`;
    const samples: number[][] = [];
    for (let i = 0; i < runs; i++) {
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      samples.push(JSON.parse(out.trim()) as number[]);
    }
    return {
      importMs: median(samples.map((s) => s[0]!)),
      firstDecodeMs: median(samples.map((s) => s[1]!)),
      secondDecodeMs: median(samples.map((s) => s[2]!)),
      runs,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function pathToUrl(p: string): string {
  return new URL(`file://${p}`).href;
}
