/**
 * mtcute's TL codec: @mtcute/tl-runtime's `TlBinaryReader` / `TlBinaryWriter`
 * with the layer-227 reader/writer maps that @mtcute/core bundles in
 * `tl/binary/` (not exported by its package.json, so imported by path).
 * wasmgram objects are converted to mtcute's form: camelCase fields, `long`
 * as a `Long`, the ids mtcute declares `int53` as plain numbers.
 *
 * mtcute has no map entries for `msg_container` / `rpc_result` (its session
 * frames them by hand with the reader/writer primitives), and its reader map
 * holds no request types, so `decode` of `send-message` is unsupported. The
 * container case is framed here with the same public primitives
 * (`uint`/`long`/`int`/`raw`/`object`), each result going through the maps.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CaseName, containerItems, fixture } from './fixtures.js';
import type { Impl, Op, Prepared } from './impls.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export interface Mtcute {
  reader: Any;
  writer: Any;
  readers: Any;
  writers: Any;
  Long: Any;
  /** `${constructor}.${field}` pairs mtcute types as int53. */
  int53: Set<string>;
}

export async function loadMtcute(): Promise<Mtcute> {
  const rt = await import('@mtcute/tl-runtime');
  const r = await import(path.join(root, 'node_modules/@mtcute/core/tl/binary/reader.js'));
  const w = await import(path.join(root, 'node_modules/@mtcute/core/tl/binary/writer.js'));
  const Long = (await import('long')).default;
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@mtcute/core/tl/api-schema.json'), 'utf8')) as {
    e: { name: string; arguments: { name: string; type: string }[] }[];
  };
  const int53 = new Set<string>();
  for (const e of schema.e) for (const a of e.arguments) if (a.type === 'int53') int53.add(`${e.name}.${a.name}`);
  return { reader: rt.TlBinaryReader, writer: rt.TlBinaryWriter, readers: r.__tlReaderMap, writers: w.__tlWriterMap, Long, int53 };
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function toMtcute(m: Mtcute, v: unknown, owner = '', field = ''): Any {
  if (typeof v === 'bigint') {
    return m.int53.has(`${owner}.${field}`) ? Number(v) : m.Long.fromString(v.toString());
  }
  if (Array.isArray(v)) return v.map((x) => toMtcute(m, x, owner, field));
  if (!v || typeof v !== 'object' || v instanceof Uint8Array) return v;
  const o = v as Record<string, unknown> & { _: string };
  const out: Record<string, unknown> = { _: o._ };
  for (const [k, x] of Object.entries(o)) if (k !== '_' && x !== undefined) out[camel(k)] = toMtcute(m, x, o._, k);
  return out;
}

const ID_MSG_CONTAINER = 0x73f1f8dc;
const ID_RPC_RESULT = 0xf35c6d01;

interface Framed {
  msgId: Any;
  seqno: number;
  reqMsgId: Any;
  result: Any;
}

/** The container as mtcute's session would build it: results serialized by the map, then framed. */
function writeContainer(m: Mtcute, items: readonly Framed[]): Uint8Array {
  const bodies = items.map((it) => m.writer.serializeObject(m.writers, it.result) as Uint8Array);
  let total = 8;
  for (const b of bodies) total += 16 + 12 + b.length;
  const w = m.writer.manual(total);
  w.uint(ID_MSG_CONTAINER);
  w.uint(items.length);
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const body = bodies[i]!;
    w.long(it.msgId);
    w.int(it.seqno);
    w.uint(12 + body.length);
    w.uint(ID_RPC_RESULT);
    w.long(it.reqMsgId);
    w.raw(body);
  }
  return w.result();
}

/** Reads the container the way mtcute's session does: headers by hand, each result through the map. */
function readContainer(m: Mtcute, bytes: Uint8Array): Any {
  const r = new m.reader(m.readers, bytes);
  if (r.uint() !== ID_MSG_CONTAINER) throw new Error('not a msg_container');
  const n = r.uint();
  const messages = new Array(n);
  for (let i = 0; i < n; i++) {
    const msgId = r.long();
    const seqno = r.int();
    const length = r.uint();
    const end = r.pos + length;
    if (r.uint() !== ID_RPC_RESULT) throw new Error('not an rpc_result');
    const reqMsgId = r.long();
    const result = r.object();
    r.pos = end; // seekTo() refuses the end of the data
    messages[i] = { _: 'message', msgId, seqno, bytes: length, body: { _: 'rpc_result', reqMsgId, result } };
  }
  return { _: 'msg_container', messages };
}

function framedItems(m: Mtcute): Framed[] {
  return containerItems().map((x) => ({
    msgId: m.Long.fromString(x.msgId.toString()),
    seqno: x.seqno,
    reqMsgId: m.Long.fromString(x.reqMsgId.toString()),
    result: toMtcute(m, x.result),
  }));
}

export async function impl(): Promise<Impl> {
  const m = await loadMtcute();
  const encodeCase = (c: CaseName): (() => Uint8Array) => {
    if (c === 'container-20') {
      const items = framedItems(m);
      return () => writeContainer(m, items);
    }
    const obj = toMtcute(m, fixture(c));
    return () => m.writer.serializeObject(m.writers, obj);
  };
  async function prepare(op: Op, c: CaseName): Promise<Prepared | { unsupported: string }> {
    const write = encodeCase(c);
    const bytes = write();
    if (op === 'encode') return { run: write, size: bytes.length, output: (r) => r };
    if (c === 'send-message') return { unsupported: "mtcute's reader map holds no request types" };
    const run = c === 'container-20' ? () => readContainer(m, bytes) : () => m.reader.deserializeObject(m.readers, bytes);
    return { run, size: bytes.length, output: (r) => r };
  }
  return { name: '@mtcute/tl-runtime', layer: 227, prepare };
}
