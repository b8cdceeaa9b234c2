/**
 * The TL suite: wasmgram's codec (generated JS readers, the WASM scanner
 * engine, the table walker) against mtcute and GramJS, side by side in one
 * process, plus the size and cold-load figures of the TL layer.
 * Writes bench/results/tl.{md,json}.
 *
 * Payloads: a `messages.channelMessages` history page (100 messages with
 * entities, 20 users, 5 channels; 26.5 KB) and a `messages.sendMessage`
 * request. mtcute reads and writes the very same bytes (its schema is layer
 * 227 too); GramJS ships layer 198, so it gets the same objects converted to
 * its classes and its own bytes (of equal length here).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { decode, decodeRequest, encode, type ReadOptions } from '../../ts/tl/codec/index.js';
import type { AnyTlObject } from '../../ts/tl/generated/types.js';
import { ms, ratio, si } from '../lib/format.js';
import { describeMachine, machineInfo } from '../lib/machine.js';
import type { BenchOptions, Suite } from '../lib/suite.js';
import { compareThroughput, type ThroughputPlan } from '../lib/timing.js';
import { markdownTable } from '../lib/format.js';
import { historyPage, newMessageUpdate, sendMessageRequest } from './fixtures.js';
import { loadGramJs, toGramJs } from './gramjs.js';
import { loadMtcute, toMtcute } from './mtcute.js';
import { measureLoad, measureSizes } from './size.js';

const OPS = ['decode-page', 'encode-page', 'decode-update', 'encode-request', 'size'] as const;

const FULL: ThroughputPlan = { warmupMs: 200, rounds: 7, roundMs: 250 };
const QUICK: ThroughputPlan = { warmupMs: 10, rounds: 2, roundMs: 10 };

const log = (line: string) => process.stderr.write(`${line}\n`);

interface Impl {
  name: string;
  run: () => unknown;
}

/** The object an op works on. */
function payloadObject(op: string): AnyTlObject {
  if (op.endsWith('page')) return historyPage();
  if (op.endsWith('update')) return newMessageUpdate();
  return sendMessageRequest() as unknown as AnyTlObject;
}

async function cases(op: string): Promise<{ impls: Impl[]; notes: string[] }> {
  const notes: string[] = [];
  const obj = payloadObject(op);
  const payload = encode(obj);
  const read: (b: Uint8Array, o?: ReadOptions) => unknown = op.endsWith('request')
    ? (b, o) => decodeRequest(b, o) as unknown
    : (b, o) => decode(b, o) as unknown;
  const impls: Impl[] = [];

  if (op.startsWith('decode')) {
    const want = read(payload, { engine: 'js' });
    for (const [name, options] of [
      ['wasmgram-js', { engine: 'js' }],
      ['wasmgram-wasm', { engine: 'wasm' }],
      ['wasmgram-table', { engine: 'js', compile: false }],
    ] as const) {
      if (!isDeepStrictEqual(read(payload, options), want)) throw new Error(`${name} decodes differently`);
      impls.push({ name, run: () => read(payload, options) });
    }
  } else {
    for (const [name, options] of [
      ['wasmgram-js', undefined],
      ['wasmgram-table', { compile: false }],
    ] as const) {
      if (!Buffer.from(encode(obj, options)).equals(payload)) throw new Error(`${name} encodes differently`);
      impls.push({ name, run: () => encode(obj, options) });
    }
  }

  try {
    const mt = await loadMtcute();
    const mtObj = toMtcute(mt, obj);
    if (op.startsWith('decode')) {
      impls.push({ name: 'mtcute', run: () => mt.reader.deserializeObject(mt.readers, payload) });
    } else {
      const bytes: Uint8Array = mt.writer.serializeObject(mt.writers, mtObj);
      if (!Buffer.from(bytes).equals(payload)) throw new Error('mtcute encodes differently');
      impls.push({ name: 'mtcute', run: () => mt.writer.serializeObject(mt.writers, mtObj) });
    }
  } catch (e) {
    notes.push(`mtcute not run: ${e instanceof Error ? e.message : String(e)}`);
  }

  try {
    const g = loadGramJs();
    const gObj = toGramJs(g, obj);
    const gBytes: Buffer = gObj.getBytes();
    if (op.startsWith('decode')) {
      impls.push({ name: 'gramjs', run: () => new g.BinaryReader(gBytes).tgReadObject() });
    } else {
      impls.push({ name: 'gramjs', run: () => gObj.getBytes() });
    }
    if (op === 'decode-page') notes.push(`GramJS uses its own layer ${g.layer}: same objects, its bytes (${gBytes.length} B vs ${payload.length} B).`);
  } catch (e) {
    notes.push(`gramjs not run: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { impls, notes };
}

interface OpResult {
  op: string;
  bytes: number;
  rows: { name: string; opsPerSec: number; perRound: number[] }[];
  notes: string[];
}

async function runOp(op: string, plan: ThroughputPlan): Promise<OpResult> {
  const { impls, notes } = await cases(op);
  log(`tl ${op}: ${impls.map((i) => i.name).join(', ')}`);
  const results = await compareThroughput(impls, plan);
  const bytes = encode(payloadObject(op)).length;
  return { op, bytes, rows: results, notes };
}

function render(results: OpResult[], sizes: Awaited<ReturnType<typeof measureSizes>> | undefined, load: Awaited<ReturnType<typeof measureLoad>> | undefined): string {
  const out: string[] = ['# TL codec benchmark', '', describeMachine(machineInfo()), ''];
  for (const r of results) {
    const base = r.rows.find((x) => x.name === 'wasmgram-js')?.opsPerSec ?? Number.NaN;
    out.push(`## ${r.op} (${r.bytes} bytes)`, '');
    out.push(
      markdownTable(
        ['implementation', 'ops/s', 'µs/op', 'wasmgram-js is ×'],
        r.rows
          .slice()
          .sort((a, b) => b.opsPerSec - a.opsPerSec)
          .map((x) => [x.name, si(x.opsPerSec), (1e6 / x.opsPerSec).toFixed(1), ratio(base / x.opsPerSec)]),
        ['left', 'right', 'right', 'right'],
      ),
      '',
    );
    for (const n of r.notes) out.push(`- ${n}`);
    if (r.notes.length) out.push('');
  }
  if (sizes) {
    out.push('## Size', '', markdownTable(['what', 'raw', 'gzip'], sizes.map((s) => [s.what, `${(s.raw / 1024).toFixed(1)} KiB`, `${(s.gzip / 1024).toFixed(1)} KiB`]), ['left', 'right', 'right']), '');
  }
  if (load) {
    out.push(
      `## Cold load (fresh process, median of ${load.runs})`,
      '',
      markdownTable(
        ['step', 'time'],
        [
          ['import the bundled TL layer', ms(load.importMs)],
          ['first decode of a 20-message page (unpacks the table, builds readers)', ms(load.firstDecodeMs)],
          ['second decode', ms(load.secondDecodeMs)],
        ],
        ['left', 'right'],
      ),
      '',
    );
  }
  return out.join('\n');
}

export const suite: Suite = {
  name: 'tl',
  description: 'TL encode/decode vs mtcute and GramJS; bundle size and cold load',
  ops: OPS,
  async run(options: BenchOptions): Promise<void> {
    const plan = options.quick ? QUICK : FULL;
    const selected = options.ops ?? OPS;
    const results: OpResult[] = [];
    for (const op of selected) if (op !== 'size') results.push(await runOp(op, plan));
    const sizes = selected.includes('size') ? await measureSizes() : undefined;
    const load = selected.includes('size') ? await measureLoad(options.quick ? 2 : 9) : undefined;
    const md = render(results, sizes, load);
    console.log(md);
    if (options.write) {
      fs.mkdirSync(options.resultsDir, { recursive: true });
      fs.writeFileSync(path.join(options.resultsDir, 'tl.md'), md + '\n');
      fs.writeFileSync(
        path.join(options.resultsDir, 'tl.json'),
        JSON.stringify({ machine: machineInfo(), results, sizes, load }, null, 1) + '\n',
      );
    }
  },
};
