/**
 * The outgoing side of a session: msg_id, seq_no, containers, acks, gzip,
 * invokeWithLayer(initConnection). https://core.telegram.org/mtproto/description,
 * https://core.telegram.org/mtproto/service_messages.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { encode } from '../../ts/tl/codec/index.js';
import { LAYER } from '../../ts/tl/generated/schema.js';
import { isContainer, MsgIdGenerator, msgIdTime, SeqNo, type InitConnectionFields } from '../../ts/mtproto/index.js';
import { bodyOf, makeHarness, nameOf, SALT, T0 } from './_session.js';
import { getProvider } from './_support.js';

let crypto: CryptoProvider;
test.before(async () => {
  crypto = await getProvider();
});

const INIT: InitConnectionFields = {
  api_id: 12345,
  device_model: 'test device',
  system_version: 'test os 1',
  app_version: '0.1.0',
  system_lang_code: 'en',
  lang_pack: '',
  lang_code: 'en',
};

test('msg_id: client msg_ids are divisible by 4 and strictly increase, even within one millisecond', () => {
  const ids = new MsgIdGenerator();
  let last = 0n;
  for (let i = 0; i < 1000; i++) {
    const id = ids.next(T0);
    assert.is(id % 4n, 0n);
    assert.ok(id > last);
    last = id;
  }
  assert.is(Number(last >> 32n), T0 / 1000);
});

test('msg_id: approximately unixtime · 2^32, corrected by the time offset', () => {
  const ids = new MsgIdGenerator(100.5);
  const id = ids.next(T0 + 250);
  assert.ok(Math.abs(msgIdTime(id) - (T0 / 1000 + 0.25 + 100.5)) < 1e-6);
  ids.syncWith((BigInt(T0 / 1000 + 7) << 32n) | 1n, T0);
  assert.ok(Math.abs(ids.timeOffset - 7) < 1e-6);
});

test('msg_id: server msg_ids are 1 mod 4 for responses and 3 mod 4 for other messages', () => {
  const ids = new MsgIdGenerator();
  const a = ids.next(T0, 'server-response');
  const b = ids.next(T0, 'server-notification');
  const c = ids.next(T0, 'server-response');
  assert.is(a % 4n, 1n);
  assert.is(b % 4n, 3n);
  assert.is(c % 4n, 1n);
  assert.ok(a < b && b < c);
});

test('seq_no: content-related messages get 2n + 1, the others 2n', () => {
  const seq = new SeqNo();
  assert.equal([seq.next(true), seq.next(false), seq.next(true), seq.next(true), seq.next(false)], [1, 2, 3, 5, 6]);
});

test('msg_id / seq_no on the wire: a query is numbered when flushed, with salt and session_id', () => {
  const h = makeHarness(crypto);
  const r = h.client.send({ _: 'help.getNearestDc' });
  assert.is(r.msgId, undefined);
  const [packet] = h.toServer();
  assert.ok(packet);
  assert.is(packet!.header.msgId, r.msgId);
  assert.is(packet!.header.msgId % 4n, 0n);
  assert.is(packet!.header.seqNo, 1);
  assert.is(packet!.header.salt, SALT);
  assert.is(packet!.header.sessionId, h.client.sessionId);
  assert.is(nameOf(packet!.messages[0]!.body), 'help.getNearestDc');
  assert.equal(h.client.flush(T0), []);
});

test('msg_container: queued messages go out in one container whose msg_id is greater than theirs', () => {
  const h = makeHarness(crypto);
  h.client.send({ _: 'help.getNearestDc' });
  h.client.send({ _: 'help.getConfig' });
  h.client.send({ _: 'updates.getState' });
  const packets = h.toServer();
  assert.is(packets.length, 1);
  const p = packets[0]!;
  assert.ok(isContainer(p.header.body));
  assert.is(p.messages.length, 3);
  assert.equal(
    p.messages.map((m) => m.seqNo),
    [1, 3, 5],
  );
  assert.is(p.header.seqNo, 6); // a container is not content-related
  for (const m of p.messages) assert.ok(m.msgId < p.header.msgId);
  assert.equal(
    p.messages.map((m) => nameOf(m.body)),
    ['help.getNearestDc', 'help.getConfig', 'updates.getState'],
  );
});

test('msg_container: at most 1020 messages per container by default', () => {
  const h = makeHarness(crypto);
  for (let i = 0; i < 1021; i++) h.client.send({ _: 'help.getNearestDc' });
  const packets = h.toServer();
  assert.is(packets.length, 2);
  assert.is(packets[0]!.messages.length, 1020);
  assert.is(packets[1]!.messages.length, 1);
  assert.ok(!isContainer(packets[1]!.header.body));
});

test('msg_container: the byte limit splits containers; a message larger than the limit goes alone', () => {
  const h = makeHarness(crypto, { maxContainerBytes: 300, gzipThreshold: false });
  h.client.send({ _: 'help.getNearestDc' });
  h.client.send({ _: 'messages.sendMessage', peer: { _: 'inputPeerSelf' }, message: 'x'.repeat(400), random_id: 1n } as never);
  h.client.send({ _: 'help.getConfig' });
  const packets = h.toServer();
  assert.equal(
    packets.map((p) => p.messages.length),
    [1, 1, 1],
  );
});

test('msgs_ack: content-related messages received are acknowledged with the next query', () => {
  const h = makeHarness(crypto);
  h.push({ _: 'updatesTooLong' });
  h.push({ _: 'updatesTooLong' });
  assert.equal(h.client.flush(T0), [], 'a lone ack waits');
  h.client.send({ _: 'help.getNearestDc' });
  const [p] = h.toServer();
  const bodies = p!.messages.map((m) => bodyOf(m.body));
  assert.is(bodies[0]!._, 'msgs_ack');
  assert.is((bodies[0]!.msg_ids as bigint[]).length, 2);
  assert.is(bodies[1]!._, 'help.getNearestDc');
  assert.is(p!.messages[0]!.seqNo % 2, 0, 'msgs_ack is not content-related');
});

test('msgs_ack: a stand-alone ack once ackThreshold messages wait', () => {
  const h = makeHarness(crypto, { ackThreshold: 3 });
  h.push({ _: 'updatesTooLong' });
  h.push({ _: 'updatesTooLong' });
  assert.equal(h.client.flush(T0), []);
  h.push({ _: 'updatesTooLong' });
  assert.equal(h.flushNames(), ['msgs_ack']);
});

test('msgs_ack: a stand-alone ack once the oldest waits ackDelayMs (tick / nextDeadline)', () => {
  const h = makeHarness(crypto, { ackDelayMs: 5000 });
  h.push({ _: 'updatesTooLong' });
  assert.is(h.client.nextDeadline(T0), T0 + 5000);
  h.clock.advance(4999);
  assert.equal(h.client.flush(h.clock.now()), []);
  h.clock.advance(1);
  h.client.tick(h.clock.now());
  assert.equal(h.flushNames(), ['msgs_ack']);
});

test('msgs_ack: messages that are not content-related (even seq_no) are not acknowledged', () => {
  const h = makeHarness(crypto, { ackThreshold: 1 });
  h.deliver([{ body: encode({ _: 'updatesTooLong' }), contentRelated: false, response: false }]);
  assert.equal(h.client.flush(T0), []);
});

test('msgs_ack: every content-related message inside an incoming container is acknowledged', () => {
  const h = makeHarness(crypto, { ackThreshold: 2 });
  const { packet, msgIds: ids } = h.server.seal(
    [
      { body: encode({ _: 'updatesTooLong' }), contentRelated: true, response: false },
      { body: encode({ _: 'updatesTooLong' }), contentRelated: true, response: false },
      { body: encode({ _: 'msgs_ack', msg_ids: [] }), contentRelated: false, response: false },
    ],
    T0,
  );
  const events = h.client.receive(packet, T0);
  assert.equal(
    events.map((e) => e.type),
    ['update', 'update'],
  );
  const [p] = h.toServer();
  const ack = bodyOf(p!.messages[0]!.body);
  assert.equal(ack.msg_ids, [ids[0], ids[1]]);
});

test('gzip_packed: a large compressible query is sent packed', () => {
  const h = makeHarness(crypto);
  h.client.send({ _: 'messages.sendMessage', peer: { _: 'inputPeerSelf' }, message: 'a'.repeat(4000), random_id: 1n } as never);
  const [p] = h.toServer();
  const body = p!.header.body;
  assert.is(new DataView(body.buffer, body.byteOffset).getUint32(0, true), 0x3072cfa1);
  assert.ok(body.length < 1000);
  assert.is(bodyOf(body)._, 'messages.sendMessage'); // the codec inflates it back
});

test('gzip_packed: small queries, incompressible ones and file parts are not packed', () => {
  const h = makeHarness(crypto);
  const noise = new Uint8Array(4000);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  h.client.send({ _: 'help.getNearestDc' });
  h.client.send({ _: 'upload.saveFilePart', file_id: 1n, file_part: 0, bytes: new Uint8Array(4000) });
  h.client.send({ _: 'messages.sendMessage', peer: { _: 'inputPeerSelf' }, message: 'b'.repeat(4000), random_id: 2n } as never, {
    gzip: false,
  });
  const [p] = h.toServer();
  for (const m of p!.messages) assert.is.not(new DataView(m.body.buffer, m.body.byteOffset).getUint32(0, true), 0x3072cfa1);
});

test('invokeWithLayer(initConnection): the first API query is wrapped with the configured fields, later ones are not', () => {
  const h = makeHarness(crypto, { initConnection: INIT });
  h.client.send({ _: 'help.getConfig' });
  h.client.send({ _: 'help.getNearestDc' });
  const [p] = h.toServer();
  const first = bodyOf(p!.messages[0]!.body) as Record<string, any>;
  assert.is(first._, 'invokeWithLayer');
  assert.is(first.layer, LAYER);
  assert.is(first.query._, 'initConnection');
  assert.is(first.query.api_id, 12345);
  assert.is(first.query.device_model, 'test device');
  assert.is(first.query.lang_code, 'en');
  assert.is(first.query.query._, 'help.getConfig');
  assert.is(bodyOf(p!.messages[1]!.body)._, 'help.getNearestDc');
});

test('invokeWithLayer(initConnection): service functions (ping) are never wrapped; the layer is configurable', () => {
  const h = makeHarness(crypto, { initConnection: INIT, layer: 1 });
  h.client.send({ _: 'ping', ping_id: 1n });
  h.client.send({ _: 'help.getConfig' });
  const [p] = h.toServer();
  assert.is(bodyOf(p!.messages[0]!.body)._, 'ping');
  const wrapped = bodyOf(p!.messages[1]!.body) as Record<string, any>;
  assert.is(wrapped._, 'invokeWithLayer');
  assert.is(wrapped.layer, 1);
});

test('invokeWithLayer(initConnection): the first query after a lost connection is wrapped again', () => {
  const h = makeHarness(crypto, { initConnection: INIT });
  h.client.send({ _: 'help.getConfig' });
  h.toServer();
  h.client.onConnectionLost();
  const [p] = h.toServer(); // the unacknowledged query goes again, wrapped
  assert.is(bodyOf(p!.messages[0]!.body)._, 'invokeWithLayer');
});

test('send: a query that cannot be serialized throws a TlError at once', () => {
  const h = makeHarness(crypto);
  assert.throws(
    () => h.client.send({ _: 'help.getCdnConfig', bogus: 1 } as never) && h.client.send({ _: 'messages.sendMessage' } as never),
  );
});

test.run();
