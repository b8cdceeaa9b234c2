/**
 * GramJS (`telegram`) through its exported API: `Api` classes' `getBytes()`
 * and `BinaryReader.tgReadObject()`. GramJS ships an older layer (198), so it
 * gets the same objects converted to its classes (camelCase fields, bigint →
 * big-integer; fields its layer lacks are dropped) and reads and writes its
 * own bytes — identical to ours where the constructors did not change.
 *
 * The container case follows GramJS's own path: decoding is
 * `tgReadObject()` on the container (async: `MessageContainer.fromReader`
 * keeps each `rpc_result` body as raw bytes) and then, per result, what
 * `MTProtoSender._handleRPCResult` does — `tgReadObject()` on the body.
 * Encoding serializes each result with `getBytes()` and frames it like
 * `MTProtoState.writeDataAsMessage` / `MessagePacker` (`toSignedLittleBuffer`,
 * `BinaryWriter`, `Buffer.concat`).
 */
import { createRequire } from 'node:module';
import { type CaseName, containerItems, fixture } from './fixtures.js';
import type { Impl, Op, Prepared } from './impls.js';

const require = createRequire(import.meta.url);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export interface GramJs {
  Api: Any;
  BinaryReader: new (data: Buffer) => { tgReadObject(): Any };
  BinaryWriter: new (stream: Buffer) => { write(b: Buffer): void; getValue(): Buffer };
  toSignedLittleBuffer: (v: Any, n: number) => Buffer;
  bigInt: (v: string) => Any;
  layer: number;
}

export function loadGramJs(): GramJs {
  const { Api } = require('telegram');
  const { BinaryReader, BinaryWriter } = require('telegram/extensions');
  const { toSignedLittleBuffer } = require('telegram/Helpers');
  const { LAYER } = require('telegram/tl/AllTLObjects');
  const bigInt = require('big-integer');
  return { Api, BinaryReader, BinaryWriter, toSignedLittleBuffer, bigInt, layer: LAYER };
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function toGramJs(g: GramJs, v: unknown): Any {
  if (typeof v === 'bigint') return g.bigInt(v.toString());
  if (Array.isArray(v)) return v.map((x) => toGramJs(g, x));
  if (v instanceof Uint8Array) return Buffer.from(v);
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown> & { _: string };
  const parts = o._.split('.');
  let cls: Any = g.Api;
  for (const p of parts.slice(0, -1)) cls = cls?.[p];
  cls = cls?.[pascal(parts[parts.length - 1]!)];
  if (!cls) throw new Error(`GramJS has no ${o._}`);
  const args: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) {
    if (k === '_' || x === undefined) continue;
    args[camel(k)] = toGramJs(g, x);
  }
  return new cls(args);
}

const ID_MSG_CONTAINER = 0x73f1f8dc;
const ID_RPC_RESULT = 0xf35c6d01;

interface Framed {
  msgId: Any;
  seqno: number;
  reqMsgId: Any;
  result: Any;
}

function writeContainer(g: GramJs, items: readonly Framed[]): Buffer {
  const buffer = new g.BinaryWriter(Buffer.alloc(0));
  for (const it of items) {
    const head = Buffer.alloc(4);
    head.writeUInt32LE(ID_RPC_RESULT, 0);
    const body = Buffer.concat([head, g.toSignedLittleBuffer(it.reqMsgId, 8), it.result.getBytes()]);
    const s = Buffer.alloc(4);
    s.writeInt32LE(it.seqno, 0);
    const b = Buffer.alloc(4);
    b.writeInt32LE(body.length, 0);
    buffer.write(Buffer.concat([g.toSignedLittleBuffer(it.msgId, 8), s, b]));
    buffer.write(body);
  }
  const h = Buffer.alloc(8);
  h.writeUInt32LE(ID_MSG_CONTAINER, 0);
  h.writeInt32LE(items.length, 4);
  return Buffer.concat([h, buffer.getValue()]);
}

interface ReadContainer {
  container: Any;
  rpcs: Any[];
  results: Any[];
}

async function readContainer(g: GramJs, bytes: Buffer): Promise<ReadContainer> {
  const container = await new g.BinaryReader(bytes).tgReadObject();
  const rpcs: Any[] = [];
  const results: Any[] = [];
  for (const m of container.messages) {
    const rpc = await m.obj;
    rpcs.push(rpc);
    results.push(new g.BinaryReader(rpc.body).tgReadObject());
  }
  return { container, rpcs, results };
}

/** A decoded container in wasmgram's shape (GramJS keeps no `bytes` length per message). */
function containerShape(r: ReadContainer): unknown {
  return {
    _: 'msg_container',
    messages: r.container.messages.map((m: Any, i: number) => ({
      _: 'message',
      msgId: m.msgId,
      seqno: m.seqNo,
      body: { _: 'rpc_result', reqMsgId: r.rpcs[i].reqMsgId, result: r.results[i] },
    })),
  };
}

function framedItems(g: GramJs): Framed[] {
  return containerItems().map((x) => ({
    msgId: g.bigInt(x.msgId.toString()),
    seqno: x.seqno,
    reqMsgId: g.bigInt(x.reqMsgId.toString()),
    result: toGramJs(g, x.result),
  }));
}

export async function impl(): Promise<Impl> {
  const g = loadGramJs();
  const encodeCase = (c: CaseName): (() => Buffer) => {
    if (c === 'container-20') {
      const items = framedItems(g);
      return () => writeContainer(g, items);
    }
    const obj = toGramJs(g, fixture(c));
    return () => obj.getBytes();
  };
  async function prepare(op: Op, c: CaseName): Promise<Prepared> {
    const write = encodeCase(c);
    const bytes = write();
    if (op === 'encode') return { run: write, size: bytes.length, output: (r) => new Uint8Array(r as Buffer) };
    if (c === 'container-20') {
      return { run: () => readContainer(g, bytes), async: true, size: bytes.length, output: (r) => containerShape(r as ReadContainer) };
    }
    return { run: () => new g.BinaryReader(bytes).tgReadObject(), size: bytes.length, output: (r) => r };
  }
  async function readBack(c: CaseName, bytes: Uint8Array): Promise<unknown> {
    const buf = Buffer.from(bytes);
    return c === 'container-20' ? containerShape(await readContainer(g, buf)) : new g.BinaryReader(buf).tgReadObject();
  }
  return { name: 'telegram', layer: g.layer, prepare, readBack };
}
