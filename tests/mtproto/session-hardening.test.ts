/**
 * The client session under hostile input (issue 10): one decode budget per
 * received packet (finding 1), container items checked like outer messages
 * and the container's msg_id above those inside (finding 7,
 * https://core.telegram.org/mtproto/service_messages#simple-container), and
 * the session printing as `[redacted]` (finding 8).
 */
import { inspect } from 'node:util';
import { gzipSync } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { TlError, WasmgramError } from '../../ts/errors.js';
import { encodeContainer } from '../../ts/mtproto/index.js';
import { encodeRpcResult, ServerSession } from '../../ts/mtproto/server-side.js';
import { encode, idOf, TlWriter } from '../../ts/tl/codec/index.js';
import { SessionProtocol } from '../../ts/mtproto/session/protocol.js';
import { checks, makeHarness, T0, testAuthKey, type Harness } from './_session.js';
import { getProvider } from './_support.js';

let crypto: CryptoProvider;
test.before(async () => {
  crypto = await getProvider();
});

const UPDATE = encode({ _: 'updatesTooLong' });
const serverId = (h: Harness, offsetSeconds = 0) => h.server.msgIds.next(T0 + offsetSeconds * 1000, 'server-notification');
const gzipPacked = (inner: Uint8Array): Uint8Array => {
  const w = new TlWriter();
  w.uint(idOf('gzip_packed')!);
  w.bytes(gzipSync(inner));
  return w.result();
};
const types = (events: { type: string }[]) => events.map((e) => e.type);

// ---- container items (finding 7)

test('container item: a msg_id more than 300 s old is refused like an outer one (msg_id_time), the rest processed', () => {
  const h = makeHarness(crypto);
  const old = serverId(h, -400);
  const body = encodeContainer([
    { msgId: old, seqNo: 1, body: UPDATE },
    { msgId: serverId(h), seqNo: 3, body: UPDATE },
  ]);
  const events = h.client.receive(h.server.sealRaw({ msgId: serverId(h), seqNo: 4 }, body), T0);
  assert.equal(checks(events), ['msg_id_time']);
  assert.equal(events.filter((e) => e.type === 'update').length, 1);
});

test('container item: a msg_id lower than every remembered one is refused (msg_id_replay)', () => {
  const h = makeHarness(crypto, { replayWindowSize: 4 });
  const old = serverId(h);
  for (let i = 0; i < 4; i++) h.client.receive(h.server.sealRaw({ msgId: serverId(h), seqNo: 1 }, UPDATE), T0);
  const body = encodeContainer([{ msgId: old, seqNo: 1, body: UPDATE }]);
  const events = h.client.receive(h.server.sealRaw({ msgId: serverId(h), seqNo: 2 }, body), T0);
  assert.equal(checks(events), ['msg_id_replay']);
  assert.not.ok(events.some((e) => e.type === 'update'));
});

test('container: its msg_id must exceed those of the messages inside (container), nothing inside is processed', () => {
  const h = makeHarness(crypto);
  const containerId = serverId(h);
  const body = encodeContainer([
    { msgId: serverId(h), seqNo: 1, body: UPDATE },
    { msgId: serverId(h), seqNo: 3, body: UPDATE },
  ]);
  const events = h.client.receive(h.server.sealRaw({ msgId: containerId, seqNo: 4 }, body), T0);
  assert.equal(checks(events), ['container']);
  assert.not.ok(events.some((e) => e.type === 'update'));
});

// ---- one decode budget per packet (finding 1)

test('decode budget: inflated bytes are counted across the messages of one container, not per message', () => {
  const h = makeHarness(crypto, { decodeLimits: { maxInflated: 1 << 20 } });
  const big = encode({ _: 'updates', updates: [], users: [], chats: [], date: 1, seq: 0 });
  // Each message inflates ~600 KB (the object, then zeros a gzip_packed reader does not look at).
  const payload = new Uint8Array(big.length + 600_000);
  payload.set(big);
  const packed = gzipPacked(payload);
  const body = encodeContainer([
    { msgId: serverId(h), seqNo: 1, body: packed },
    { msgId: serverId(h), seqNo: 3, body: packed },
  ]);
  const events = h.client.receive(h.server.sealRaw({ msgId: serverId(h), seqNo: 4 }, body), T0);
  // The first fits the 1 MiB of the packet, the second does not.
  assert.equal(types(events), ['update', 'decode_error']);
  const error = events[1] as { error: Error };
  assert.match(error.error.message, /inflates past the 1048576-byte limit of one packet/);
  // A fresh packet has a fresh budget.
  assert.equal(types(h.client.receive(h.server.sealRaw({ msgId: serverId(h), seqNo: 5 }, packed), T0)), ['update']);
});

test('decode budget: objects are counted across messages; a hostile vector count fails at once', () => {
  const h = makeHarness(crypto, { decodeLimits: { maxObjects: 1000 } });
  const ack = (n: number) => encode({ _: 'msgs_ack', msg_ids: Array.from({ length: n }, (_, i) => BigInt(i * 4 + 1)) });
  const body = encodeContainer([
    { msgId: serverId(h), seqNo: 0, body: ack(600) },
    { msgId: serverId(h), seqNo: 0, body: ack(600) },
  ]);
  const events = h.client.receive(h.server.sealRaw({ msgId: serverId(h), seqNo: 2 }, body), T0);
  const errors = events.flatMap((e) => (e.type === 'decode_error' ? [e.error.message] : []));
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /more than 1000 objects/);
  // The next packet has a budget of its own.
  assert.equal(types(h.client.receive(h.server.sealRaw({ msgId: serverId(h), seqNo: 0 }, ack(600)), T0)), []);
});

test('decode budget: an rpc_result past the budget rejects its request with TlError', async () => {
  const h = makeHarness(crypto, { decodeLimits: { maxObjects: 10_000 } });
  const handle = h.client.send({ _: 'contacts.getContactIDs', hash: 0n });
  const [p] = h.toServer();
  const reqId = p!.messages[0]!.msgId;
  // Vector<int> of 2 000 000 ints, gzip_packed: ~8 MB inflated from ~8 KB.
  const ints = new Uint8Array(8 + 4 * 2_000_000);
  new DataView(ints.buffer).setUint32(0, 0x1cb5c415, true);
  new DataView(ints.buffer).setInt32(4, 2_000_000, true);
  h.deliver([{ body: encodeRpcResult(reqId, gzipPacked(ints)), contentRelated: true, response: true }]);
  const e = await handle.promise.then(
    () => undefined,
    (x: unknown) => x,
  );
  assert.instance(e, TlError);
  assert.match((e as Error).message, /more than 10000 objects/);
});

test('decode budget: the defaults fit a gzip_packed 512 KiB upload.file', async () => {
  const h = makeHarness(crypto);
  const location = { _: 'inputDocumentFileLocation', id: 1n, access_hash: 2n, file_reference: new Uint8Array(0), thumb_size: '' } as const;
  const handle = h.client.send({ _: 'upload.getFile', location, offset: 0n, limit: 524288 });
  const [p] = h.toServer();
  const file = encode({ _: 'upload.file', type: { _: 'storage.filePartial' }, mtime: 1, bytes: new Uint8Array(524288).fill(7) });
  h.deliver([{ body: encodeRpcResult(p!.messages[0]!.msgId, gzipPacked(file)), contentRelated: true, response: true }]);
  const r = (await handle.promise) as { bytes: Uint8Array };
  assert.is(r.bytes.length, 524288);
});

// ---- redaction (finding 8)

test('ServerSession.seal of no messages throws TlError (a WasmgramError), not a RangeError', () => {
  const server = new ServerSession({ crypto, authKey: testAuthKey(), sessionId: 1n });
  assert.throws(
    () => server.seal([], T0),
    (e: unknown) => e instanceof TlError && e instanceof WasmgramError,
  );
});

test('MtprotoSession, its SessionProtocol and ServerSession print as [redacted]: no key bytes in inspect, console.log or JSON', () => {
  const key = testAuthKey();
  const h = makeHarness(crypto);
  const hexKey = Buffer.from(key).toString('hex');
  const decimals = Array.from(key.subarray(0, 6)).join(', ');
  for (const [label, obj] of [
    ['MtprotoSession', h.client],
    ['ServerSession', h.server],
    ['ServerSession', new ServerSession({ crypto, authKey: key, sessionId: 1n })],
    [
      'SessionProtocol',
      new SessionProtocol({ crypto, authKey: key, sessionId: 1n, timeOffset: 0, replayWindowSize: 10, checkMsgIdTime: true }),
    ],
  ] as const) {
    for (const text of [
      inspect(obj, { depth: 10, showHidden: true }),
      String(JSON.stringify({ obj })),
      inspect({ nested: obj }, { depth: 10 }),
    ]) {
      assert.not.ok(text.toLowerCase().includes(hexKey.slice(0, 32)), `${label}: hex key bytes in ${text.slice(0, 200)}`);
      assert.not.ok(text.includes(decimals), `${label}: decimal key bytes in ${text.slice(0, 200)}`);
      assert.match(text, `${label} [redacted]`);
    }
  }
});

test.run();
