/**
 * The test server's service messages, one rule per test
 * (https://core.telegram.org/mtproto/service_messages,
 * https://core.telegram.org/mtproto/service_messages_about_messages):
 * salts, time sync, new sessions, pings, acknowledgments, state and re-send
 * requests, duplicate msg_ids, seq_no and msg_id parity, session
 * destruction, future salts, dropped answers, quick ACKs.
 */
import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MtprotoError } from '../../ts/mtproto/index.js';
import { wrapWithInitConnection } from '../../ts/mtproto/session/init-connection.js';
import { decodeRequest, encode } from '../../ts/tl/codec/index.js';
import type { mt } from '../../ts/tl/generated/types.js';
import { getCrypto, INIT, RawClient, SessionClient, until, withServer } from './server-harness.js';

const nearest = () => wrapWithInitConnection({ _: 'help.getNearestDc' }, INIT);

test('bad_server_salt (48): a wrong salt is refused with the valid one; the client re-sends with it and succeeds', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server, { session: { serverSalt: 12345n } });
    const res = await client.invoke({ _: 'help.getNearestDc' });
    assert.is(res.this_dc, 2);
    const changed = await client.event('salt_changed');
    assert.is(changed.salt, client.key.serverSalt); // the key exchange's salt is in force
    assert.is(server.stats.serviceSent.bad_server_salt, 1);
    assert.is(server.stats.rpcCalls['help.getNearestDc'], 1); // the refused message did not run
    client.close();
  }));

test('bad_server_salt by fault: a valid salt refused once, the request still answered once', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server);
    await client.invoke({ _: 'help.getNearestDc' });
    server.faults.nextBadServerSalt();
    assert.is((await client.invoke({ _: 'help.getNearestDc' })).this_dc, 2);
    assert.is(server.stats.serviceSent.bad_server_salt, 1);
    assert.is(server.stats.rpcCalls['help.getNearestDc'], 2);
    client.close();
  }));

test('bad_msg_notification 16: a msg_id more than 300 s old is refused; the client resyncs from the notification and succeeds', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server, { session: { timeOffset: -400 } });
    assert.is((await client.invoke({ _: 'help.getNearestDc' })).this_dc, 2);
    const synced = await client.event('time_synced');
    assert.ok(Math.abs(synced.timeOffset) < 5, `offset ${synced.timeOffset}`);
    assert.is(server.stats.serviceSent.bad_msg_notification, 1);
    assert.is(server.stats.rpcCalls['help.getNearestDc'], 1);
    client.close();
  }));

test('bad_msg_notification 17: a msg_id more than 30 s ahead is refused with code 17 and not processed', () =>
  withServer(async (server) => {
    const raw = await RawClient.connect(server);
    raw.ids.timeOffset += 40;
    const id = raw.send(nearest(), true);
    const bad = (await raw.expect('bad_msg_notification')).obj as mt.bad_msg_notification;
    assert.equal([bad.bad_msg_id, bad.error_code], [id, 17]);
    assert.is(server.stats.rpcCalls['help.getNearestDc'], undefined);
    raw.close();
  }));

test('new_session_created: the first message of a session is announced with its msg_id, a unique_id and the salt', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server);
    const handle = client.session.send({ _: 'help.getNearestDc' });
    client.flush();
    await handle.promise;
    const ev = await client.event('new_session');
    assert.is(ev.firstMsgId, handle.msgId);
    assert.is(ev.serverSalt, client.key.serverSalt);
    // A new session_id on the same key is a new session.
    client.session.resetSession('test');
    await client.invoke({ _: 'help.getNearestDc' });
    await until(() => client.events.filter((e) => e.type === 'new_session').length === 2, 'a second new_session');
    const [a, b] = client.events.filter((e) => e.type === 'new_session') as { uniqueId: bigint }[];
    assert.is.not(a!.uniqueId, b!.uniqueId);
    client.close();
  }));

test("ping → pong with the ping's msg_id and ping_id", () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server);
    const handle = client.session.send({ _: 'ping', ping_id: 42n });
    client.flush();
    const pong = await handle.promise;
    assert.equal(pong, { _: 'pong', msg_id: handle.msgId!, ping_id: 42n });
    client.close();
  }));

test('ping_delay_disconnect: pong, then the server closes the connection after disconnect_delay unless pinged again', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server);
    const t0 = Date.now();
    const pong = await client.invoke({ _: 'ping_delay_disconnect', ping_id: 7n, disconnect_delay: 1 });
    assert.is(pong.ping_id, 7n);
    await new Promise((r) => setTimeout(r, 600));
    // A new ping postpones the close by its own delay.
    await client.invoke({ _: 'ping_delay_disconnect', ping_id: 8n, disconnect_delay: 1 });
    const t1 = Date.now();
    await until(() => client.connectionClosed, 'the server to close the connection', 3000);
    assert.ok(Date.now() - t1 >= 900, 'closed before the second delay ran out');
    assert.ok(Date.now() - t0 >= 1500);
    client.close();
  }));

test("acknowledgments: the server acks content-related messages in its reply, and records the client's msgs_ack", () =>
  withServer(async (server) => {
    const raw = await RawClient.connect(server);
    const id = raw.send(nearest(), true);
    const msgs = await raw.receive('the answer');
    const ack = msgs.find((m) => m.obj._ === 'msgs_ack')!.obj as mt.msgs_ack;
    assert.equal(ack.msg_ids, [id]);
    const result = msgs.find((m) => m.obj._ === 'rpc_result')!;
    assert.is(result.seqNo & 1, 1); // content-related: needs our ack
    raw.send({ _: 'msgs_ack', msg_ids: [result.msgId] }, false);
    await until(() => server.stats.acksReceived === 1, 'the server to record the ack');
    raw.close();
  }));

test('msgs_state_req → msgs_state_info: one status byte per msg_id', () =>
  withServer(async (server) => {
    const raw = await RawClient.connect(server);
    const low = raw.msgId();
    const query = raw.send(nearest(), true);
    await raw.expect('rpc_result');
    await new Promise((r) => setTimeout(r, 2)); // a later millisecond, so a msg_id fits between query and ack
    const ack = raw.send({ _: 'msgs_ack', msg_ids: [] }, false);
    const middle = (query + ack) / 2n - (((query + ack) / 2n) % 4n);
    const high = raw.msgId() + (1000n << 32n);
    const req = raw.send({ _: 'msgs_state_req', msg_ids: [query, ack, low, middle, high] }, false);
    const info = (await raw.expect('msgs_state_info')).obj as mt.msgs_state_info;
    assert.is(info.req_msg_id, req);
    // query: received (4) + acked (8) + processed (32) + answered (64); ack: received + needs no ack (16);
    // low: nothing known (1); middle: not received (2); high: not received, newer than all (3).
    assert.equal([...info.info], [4 | 8 | 32 | 64, 4 | 16, 1, 2, 3]);
    raw.close();
  }));

test('msg_resend_req: a known message comes again (new msg_id); an unknown one gets msgs_state_info', () =>
  withServer(async (server) => {
    const raw = await RawClient.connect(server);
    raw.send(nearest(), true);
    const answer = await raw.expect('rpc_result');
    raw.send({ _: 'msg_resend_req', msg_ids: [answer.msgId] }, false);
    const again = await raw.expect('rpc_result');
    assert.ok(again.msgId > answer.msgId);
    assert.equal(again.obj, answer.obj);
    raw.send({ _: 'msg_resend_req', msg_ids: [answer.msgId + 1000n] }, false);
    const info = (await raw.expect('msgs_state_info')).obj as mt.msgs_state_info;
    assert.is(info.info.length, 1);
    raw.close();
  }));

test('duplicate msg_id: a query sent twice is answered twice from one run (the answer is cached)', () =>
  withServer(async (server) => {
    const raw = await RawClient.connect(server);
    const msgId = raw.msgId();
    const seqNo = raw.seqNo(true);
    raw.send(nearest(), true, { msgId, seqNo });
    const first = await raw.expect('rpc_result');
    raw.send(nearest(), true, { msgId, seqNo });
    const second = await raw.expect('rpc_result');
    assert.equal(second.obj, first.obj);
    assert.is((second.obj as mt.rpc_result).req_msg_id, msgId);
    assert.is(server.stats.rpcCalls['help.getNearestDc'], 1);
    assert.is(server.stats.cachedAnswers, 1);
    raw.close();
  }));

test('seq_no parity (strict): a query with an even seq_no → 35, a msgs_ack with an odd one → 34; neither is processed', () =>
  withServer(
    async (server) => {
      const raw = await RawClient.connect(server);
      const q = raw.send(nearest(), true, { seqNo: 0 });
      let bad = (await raw.expect('bad_msg_notification')).obj as mt.bad_msg_notification;
      assert.equal([bad.bad_msg_id, bad.error_code], [q, 35]);
      const a = raw.send({ _: 'msgs_ack', msg_ids: [] }, false, { seqNo: 1 });
      bad = (await raw.expect('bad_msg_notification')).obj as mt.bad_msg_notification;
      assert.equal([bad.bad_msg_id, bad.error_code], [a, 34]);
      assert.is(server.stats.rpcCalls['help.getNearestDc'], undefined);
      raw.close();
    },
    { strict: true },
  ));

test('msg_id parity: a client msg_id not divisible by 4 → bad_msg_notification 18', () =>
  withServer(async (server) => {
    const raw = await RawClient.connect(server);
    const msgId = raw.msgId() + 2n;
    raw.send(nearest(), true, { msgId });
    const bad = (await raw.expect('bad_msg_notification')).obj as mt.bad_msg_notification;
    assert.equal([bad.bad_msg_id, bad.error_code], [msgId, 18]);
    raw.close();
  }));

test('destroy_session: another session of the key → destroy_session_ok, an unknown one → destroy_session_none', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server);
    await client.invoke({ _: 'help.getNearestDc' });
    const old = client.session.sessionId;
    client.session.resetSession('test');
    assert.equal(await client.invoke({ _: 'destroy_session', session_id: old }), { _: 'destroy_session_ok', session_id: old });
    assert.equal(await client.invoke({ _: 'destroy_session', session_id: old }), { _: 'destroy_session_none', session_id: old });
    client.close();
  }));

test('get_future_salts → future_salts: num salts from the one in force, consecutive windows', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server);
    const res = await client.invoke({ _: 'get_future_salts', num: 3 });
    assert.is(res.salts.length, 3);
    const now = Math.floor(Date.now() / 1000);
    assert.ok(res.salts[0]!.valid_since <= now && now < res.salts[0]!.valid_until);
    assert.is(res.salts[0]!.salt, client.key.serverSalt);
    assert.ok(res.salts[1]!.valid_since > res.salts[0]!.valid_since && res.salts[1]!.valid_since < res.salts[0]!.valid_until);
    await client.event('future_salts');
    client.close();
  }));

test('rpc_drop_answer: an unacknowledged answer → rpc_answer_dropped; an unknown query → rpc_answer_unknown', () =>
  withServer(async (server) => {
    const raw = await RawClient.connect(server);
    const q = raw.send(nearest(), true);
    const answer = await raw.expect('rpc_result');
    const drop = raw.send({ _: 'rpc_drop_answer', req_msg_id: q }, true);
    let res = (await raw.expect('rpc_result')).obj as mt.rpc_result;
    assert.is(res.req_msg_id, drop);
    assert.equal(res.result, { _: 'rpc_answer_dropped', msg_id: answer.msgId, seq_no: answer.seqNo, bytes: answer.body.length });
    const unknown = raw.send({ _: 'rpc_drop_answer', req_msg_id: q + 4000n }, true);
    res = (await raw.expect('rpc_result')).obj as mt.rpc_result;
    assert.is(res.req_msg_id, unknown);
    assert.equal(res.result, { _: 'rpc_answer_unknown' });
    raw.close();
  }));

test('rpc_drop_answer through MtprotoSession.cancel: the cancelled request rejects, the session goes on', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server);
    server.faults.delay(300);
    const handle = client.session.send({ _: 'help.getNearestDc' });
    client.flush();
    await until(() => server.stats.rpcCalls['help.getNearestDc'] === 1, 'the query to run');
    assert.ok(client.session.cancel(handle.id));
    client.flush();
    await handle.promise.then(
      () => assert.unreachable('cancelled'),
      (e) => assert.instance(e, MtprotoError),
    );
    server.faults.delay(0);
    assert.is((await client.invoke({ _: 'help.getNearestDc' })).this_dc, 2);
    client.close();
  }));

test('quick ACK: a packet sent with the flag is confirmed with the first 32 bits of msg_key_large, top bit set', () =>
  withServer(async (server) => {
    const raw = await RawClient.connect(server);
    const c = await getCrypto();
    const key = c.loadAuthKey(raw.authKey.authKey);
    const packet = (await import('../../ts/mtproto/index.js')).sealEnvelope(
      key,
      { salt: raw.salt, sessionId: raw.sessionId, msgId: raw.msgId(), seqNo: raw.seqNo(true) },
      encode(nearest()),
      0,
    );
    const plain = key.open(packet, 0);
    const h = createHash('sha256').update(raw.authKey.authKey.subarray(88, 120)).update(plain).digest();
    const expected = (h.readUInt32LE(0) | 0x80000000) >>> 0;
    const tokens: number[] = [];
    raw.wire.transport.on('quick-ack', (t) => tokens.push(t));
    raw.wire.transport.send(packet, { quickAck: true });
    await until(() => tokens.length === 1, 'a quick ACK');
    assert.is(tokens[0], expected);
    await raw.expect('rpc_result');
    key.dispose();
    raw.close();
  }));

test('gzip_packed: a large result is packed and the client inflates it', () =>
  withServer(
    async (server) => {
      const client = await SessionClient.connect(server);
      const config = await client.invoke({ _: 'help.getConfig' });
      assert.is(config._, 'config');
      assert.ok(encode(config).length > 64);
      client.close();
    },
    { gzipThreshold: 64 },
  ));

test('service messages inside the request stream: decodeRequest sees ping as an MTProto function', () => {
  // Guards the dispatch table: ping is decoded as a function, msgs_ack as a constructor.
  assert.is(decodeRequest(encode({ _: 'ping', ping_id: 1n } as never))._, 'ping');
});

test.run();
