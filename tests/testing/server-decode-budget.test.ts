/**
 * One decode budget per client packet on the test server (issue 10, finding 1):
 * a 32 KB gzip_packed users.getUsers holding 8 388 605 × inputUserSelf used to
 * hold the server for seconds (and 14 of them exhausted the heap). Now the
 * query is refused at its vector count with 400 INPUT_REQUEST_TOO_LONG, the
 * way Telegram refuses a request it will not read, and every message of a
 * container shares the packet's budget.
 */
import { gzipSync } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { encodeContainer } from '../../ts/mtproto/index.js';
import { wrapWithInitConnection } from '../../ts/mtproto/session/init-connection.js';
import { SERVER_DECODE_LIMITS } from '../../ts/testing/server/message-body.js';
import { idOf, TlWriter } from '../../ts/tl/codec/index.js';
import type { AnyTlObject, mt } from '../../ts/tl/generated/types.js';
import { INIT, RawClient, withServer } from './server-harness.js';

/** users.getUsers with `n` × inputUserSelf (4 wire bytes each), gzip_packed. */
function packedGetUsers(n: number): Uint8Array {
  const plain = new Uint8Array(12 + 4 * n);
  const v = new DataView(plain.buffer);
  v.setUint32(0, idOf('users.getUsers')!, true);
  v.setUint32(4, 0x1cb5c415, true);
  v.setInt32(8, n, true);
  const self = idOf('inputUserSelf')!;
  for (let i = 0; i < n; i++) v.setUint32(12 + 4 * i, self, true);
  const w = new TlWriter();
  w.uint(idOf('gzip_packed')!);
  w.bytes(gzipSync(plain, { level: 9 }));
  return w.result();
}

/** Collects rpc_results until `count` arrived. */
async function results(raw: RawClient, count: number): Promise<mt.rpc_result[]> {
  const out: mt.rpc_result[] = [];
  for (let i = 0; i < 20 && out.length < count; i++) {
    for (const m of await raw.receive('rpc_result')) if (m.obj._ === 'rpc_result') out.push(m.obj as mt.rpc_result);
  }
  return out;
}

const errorText = (r: mt.rpc_result) => (r.result as AnyTlObject & { error_message?: string }).error_message;

test('8 388 605 × inputUserSelf in one gzip_packed query → 400 INPUT_REQUEST_TOO_LONG, no 8 M objects built', () =>
  withServer(async (server) => {
    const raw = await RawClient.connect(server);
    const bomb = packedGetUsers(8_388_605);
    assert.ok(bomb.length < 40_000, `${bomb.length} bytes on the wire`);
    const before = process.memoryUsage().heapUsed;
    const q = raw.msgId();
    raw.sendRaw({ msgId: q, seqNo: raw.seqNo(true) }, bomb);
    const [r] = await results(raw, 1);
    assert.is(r!.req_msg_id, q);
    assert.is(errorText(r!), 'INPUT_REQUEST_TOO_LONG');
    const grown = process.memoryUsage().heapUsed - before;
    assert.ok(grown < 64 * 1024 * 1024, `server heap grew ${grown} bytes`);
    // The session goes on: a normal query is answered.
    const ok = raw.send(wrapWithInitConnection({ _: 'help.getNearestDc' }, INIT), true);
    const [r2] = await results(raw, 1);
    assert.equal([r2!.req_msg_id, (r2!.result as AnyTlObject)._], [ok, 'nearestDc']);
    raw.close();
  }));

test('fourteen of them in one container share one budget: every one refused, the server stays up', () =>
  withServer(async (server) => {
    const raw = await RawClient.connect(server);
    const bomb = packedGetUsers(8_388_605);
    const items = Array.from({ length: 14 }, () => ({ msgId: raw.msgId(), seqNo: raw.seqNo(true), body: bomb }));
    raw.sendRaw({ msgId: raw.msgId(), seqNo: raw.seqNo(false) }, encodeContainer(items));
    const got = await results(raw, 14);
    assert.equal(
      got.map((r) => r.req_msg_id),
      items.map((m) => m.msgId),
    );
    assert.ok(got.every((r) => errorText(r) === 'INPUT_REQUEST_TOO_LONG'));
    raw.close();
  }));

test('the budget is per packet: queries that fit one at a time run; together past it, the later ones are refused', () =>
  withServer(async (server) => {
    const raw = await RawClient.connect(server);
    const init = raw.send(wrapWithInitConnection({ _: 'help.getNearestDc' }, INIT), true);
    assert.is((await results(raw, 1))[0]!.req_msg_id, init);
    // users.getUsers of 100 000 × inputUserSelf costs 200 001 objects: one fits the 262 144 of a packet.
    const n = 100_000;
    assert.ok(2 * n + 1 < SERVER_DECODE_LIMITS.maxObjects && 2 * (2 * n + 1) > SERVER_DECODE_LIMITS.maxObjects);
    const one = packedGetUsers(n);
    raw.sendRaw({ msgId: raw.msgId(), seqNo: raw.seqNo(true) }, one);
    assert.not.equal(errorText((await results(raw, 1))[0]!), 'INPUT_REQUEST_TOO_LONG');
    const items = [0, 1].map(() => ({ msgId: raw.msgId(), seqNo: raw.seqNo(true), body: one }));
    raw.sendRaw({ msgId: raw.msgId(), seqNo: raw.seqNo(false) }, encodeContainer(items));
    const got = await results(raw, 2);
    const byId = new Map(got.map((r) => [r.req_msg_id, errorText(r)]));
    assert.not.equal(byId.get(items[0]!.msgId), 'INPUT_REQUEST_TOO_LONG');
    assert.is(byId.get(items[1]!.msgId), 'INPUT_REQUEST_TOO_LONG');
    raw.close();
  }));

test.run();
