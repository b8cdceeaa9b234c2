/**
 * The incoming side of a session: rpc_result, service messages and the
 * session's reactions to them (https://core.telegram.org/mtproto/service_messages,
 * https://core.telegram.org/mtproto/service_messages_about_messages).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { deflateSync, gzipSync } from 'node:zlib';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { RpcError, TlError } from '../../ts/errors.js';
import { encode } from '../../ts/tl/codec/index.js';
import { MtprotoError, type SessionEvent } from '../../ts/mtproto/index.js';
import { encodeRpcError, encodeRpcResult, openClientPacket } from '../../ts/mtproto/server-side.js';
import { bodyOf, makeHarness, nameOf, T0, types, type Harness } from './_session.js';
import { getProvider } from './_support.js';

let crypto: CryptoProvider;
test.before(async () => {
  crypto = await getProvider();
});

const NEAREST = { _: 'nearestDc', country: 'NL', this_dc: 2, nearest_dc: 4 } as const;

/** Sends one query and returns its handle and the msg_id the server saw. */
function sendOne(h: Harness, request: Parameters<Harness['client']['send']>[0] = { _: 'help.getNearestDc' }) {
  const handle = h.client.send(request);
  const [p] = h.toServer();
  return { handle, msgId: p!.messages[p!.messages.length - 1]!.msgId, packet: p! };
}
const answer = (h: Harness, body: Uint8Array) => h.deliver([{ body, contentRelated: true, response: true }]);
const service = (h: Harness, obj: Parameters<typeof encode>[0], contentRelated = false) =>
  h.deliver([{ body: encode(obj), contentRelated, response: false }]);
async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

// ------------------------------------------------------------------ rpc_result

test('rpc_result: settles the request with its typed result', async () => {
  const h = makeHarness(crypto);
  const { handle, msgId } = sendOne(h);
  assert.equal(answer(h, encodeRpcResult(msgId, encode(NEAREST))), []);
  assert.equal(await handle.promise, NEAREST);
});

test('rpc_result: results that are bare vectors are typed by the request (Vector<int>)', async () => {
  const h = makeHarness(crypto);
  const { handle, msgId } = sendOne(h, { _: 'contacts.getContactIDs', hash: 0n });
  const vec = new Uint8Array(16);
  const v = new DataView(vec.buffer);
  v.setUint32(0, 0x1cb5c415, true);
  v.setInt32(4, 2, true);
  v.setInt32(8, 7, true);
  v.setInt32(12, -9, true);
  answer(h, encodeRpcResult(msgId, vec));
  assert.equal(await handle.promise, [7, -9]);
});

test('rpc_result + rpc_error: rejects with RpcError(code, message, method)', async () => {
  const h = makeHarness(crypto);
  const { handle, msgId } = sendOne(h);
  answer(h, encodeRpcError(msgId, 420, 'FLOOD_WAIT_30'));
  const e = await rejection(handle.promise);
  assert.instance(e, RpcError);
  assert.is((e as RpcError).code, 420);
  assert.is((e as RpcError).text, 'FLOOD_WAIT_30');
  assert.is((e as RpcError).method, 'help.getNearestDc');
  assert.is((e as RpcError).waitSeconds, 30);
});

test('rpc_result: each request settles exactly once (a repeated answer is ignored)', async () => {
  const h = makeHarness(crypto);
  const { handle, msgId } = sendOne(h);
  answer(h, encodeRpcResult(msgId, encode(NEAREST)));
  answer(h, encodeRpcError(msgId, 500, 'LATE'));
  assert.equal(await handle.promise, NEAREST);
});

test('rpc_result: an undecodable result rejects the request with TlError', async () => {
  const h = makeHarness(crypto);
  const { handle, msgId } = sendOne(h);
  answer(h, encodeRpcResult(msgId, new Uint8Array([1, 2, 3, 4])));
  assert.instance(await rejection(handle.promise), TlError);
});

test('gzip_packed: a packed result (gzip or zlib framing) is inflated, and a packed rpc_error recognized', async () => {
  const h = makeHarness(crypto);
  const a = sendOne(h);
  answer(h, encodeRpcResult(a.msgId, encode({ _: 'gzip_packed', packed_data: new Uint8Array(gzipSync(encode(NEAREST))) })));
  assert.equal(await a.handle.promise, NEAREST);
  const b = sendOne(h);
  const err = encode({ _: 'rpc_error', error_code: 400, error_message: 'PEER_ID_INVALID' });
  answer(h, encodeRpcResult(b.msgId, encode({ _: 'gzip_packed', packed_data: new Uint8Array(deflateSync(err)) })));
  assert.is(((await rejection(b.handle.promise)) as RpcError).text, 'PEER_ID_INVALID');
});

test('updates: messages that are neither answers nor service messages are reported as update events', () => {
  const h = makeHarness(crypto);
  const events = h.push({ _: 'updateShort', update: { _: 'updateConfig' }, date: 5 });
  assert.is(events.length, 1);
  const e = events[0]!;
  assert.is(e.type, 'update');
  if (e.type === 'update') assert.equal(e.update, { _: 'updateShort', update: { _: 'updateConfig' }, date: 5 });
});

// ------------------------------------------------------------------ bad_server_salt

test('bad_server_salt: the salt is replaced and the message re-sent with it and a new msg_id', async () => {
  const h = makeHarness(crypto);
  const { handle, msgId } = sendOne(h);
  const events = service(h, { _: 'bad_server_salt', bad_msg_id: msgId, bad_msg_seqno: 1, error_code: 48, new_server_salt: 777n });
  assert.equal(events, [{ type: 'salt_changed', salt: 777n }]);
  assert.is(h.client.serverSalt, 777n);
  const [p] = h.toServer();
  assert.is(p!.header.salt, 777n);
  assert.ok(p!.header.msgId > msgId);
  assert.is(handle.msgId, p!.header.msgId);
  assert.is(nameOf(p!.messages[0]!.body), 'help.getNearestDc');
  answer(h, encodeRpcResult(p!.header.msgId, encode(NEAREST)));
  assert.equal(await handle.promise, NEAREST);
});

test('bad_server_salt: about a container, every message inside is re-sent', () => {
  const h = makeHarness(crypto);
  h.client.send({ _: 'help.getNearestDc' });
  h.client.send({ _: 'help.getConfig' });
  const [p] = h.toServer();
  service(h, { _: 'bad_server_salt', bad_msg_id: p!.header.msgId, bad_msg_seqno: 4, error_code: 48, new_server_salt: 9n });
  const [again] = h.toServer();
  assert.equal(
    again!.messages.map((m) => nameOf(m.body)),
    ['help.getNearestDc', 'help.getConfig'],
  );
  assert.is(again!.header.salt, 9n);
});

test('bad_server_salt: a notification about a msg_id we never sent changes nothing', () => {
  const h = makeHarness(crypto);
  sendOne(h);
  assert.equal(service(h, { _: 'bad_server_salt', bad_msg_id: 4n, bad_msg_seqno: 1, error_code: 48, new_server_salt: 5n }), []);
  assert.is.not(h.client.serverSalt, 5n);
  assert.equal(h.client.flush(T0), []);
});

// ------------------------------------------------------------------ bad_msg_notification

test('bad_msg_notification 17 with the client clock ahead: the clock moves back and a new session re-sends with msg_ids the server accepts', () => {
  const h = makeHarness(crypto, { timeOffset: 400 });
  const { msgId } = sendOne(h);
  assert.ok(Number(msgId >> 32n) >= T0 / 1000 + 399);
  const oldSession = h.client.sessionId;
  const events = service(h, { _: 'bad_msg_notification', bad_msg_id: msgId, bad_msg_seqno: 1, error_code: 17 });
  assert.equal(types(events), ['time_synced', 'session_reset']);
  assert.ok(Math.abs(h.client.timeOffset) < 1, String(h.client.timeOffset));
  assert.not.equal(h.client.sessionId, oldSession);
  const [p] = h.toServer();
  assert.is(p!.header.sessionId, h.client.sessionId);
  assert.ok(Math.abs(Number(p!.header.msgId >> 32n) - T0 / 1000) <= 1, 'msg_id follows the corrected clock');
  assert.is(nameOf(p!.messages[0]!.body), 'help.getNearestDc');
});

test('bad_msg_notification 16/17: the clock is re-synced from the notification msg_id and the message re-sent', () => {
  const h = makeHarness(crypto);
  const { msgId } = sendOne(h);
  // The server is 1000 s ahead: its notification is outside the ±300/30 s window, yet must be processed.
  h.server.msgIds.timeOffset = 1000;
  const events = service(h, { _: 'bad_msg_notification', bad_msg_id: msgId, bad_msg_seqno: 1, error_code: 16 });
  assert.equal(types(events), ['time_synced']);
  assert.ok(Math.abs(h.client.timeOffset - 1000) < 1, String(h.client.timeOffset));
  const [p] = h.toServer();
  assert.ok(Math.abs(Number(p!.header.msgId >> 32n) - (T0 / 1000 + 1000)) <= 1);
  assert.is(nameOf(p!.messages[0]!.body), 'help.getNearestDc');
});

test('bad_msg_notification 32/33: seq_no is moved and the message re-sent; repeated failures start a new session', () => {
  const h = makeHarness(crypto);
  const { msgId } = sendOne(h);
  service(h, { _: 'bad_msg_notification', bad_msg_id: msgId, bad_msg_seqno: 1, error_code: 32 });
  const [p] = h.toServer();
  assert.ok(p!.header.seqNo > 64, `seq_no ${p!.header.seqNo}`);
  let last = p!.header.msgId;
  let events: SessionEvent[] = [];
  const oldSession = h.client.sessionId;
  for (let i = 0; i < 3 && !events.some((e) => e.type === 'session_reset'); i++) {
    events = service(h, { _: 'bad_msg_notification', bad_msg_id: last, bad_msg_seqno: 1, error_code: 33 });
    const [q] = h.toServer();
    last = q!.header.msgId;
  }
  assert.ok(events.some((e) => e.type === 'session_reset'));
  assert.is.not(h.client.sessionId, oldSession);
});

test('bad_msg_notification (other codes): re-sent with a new msg_id; after maxResends the request fails with MtprotoError', async () => {
  const h = makeHarness(crypto, { maxResends: 2 });
  let { handle, msgId } = sendOne(h);
  for (let i = 0; i < 2; i++) {
    service(h, { _: 'bad_msg_notification', bad_msg_id: msgId, bad_msg_seqno: 1, error_code: 35 });
    const [p] = h.toServer();
    assert.ok(p!.header.msgId > msgId);
    msgId = p!.header.msgId;
  }
  service(h, { _: 'bad_msg_notification', bad_msg_id: msgId, bad_msg_seqno: 1, error_code: 35 });
  assert.equal(h.client.flush(T0), []);
  const e = await rejection(handle.promise);
  assert.instance(e, MtprotoError);
  assert.is((e as MtprotoError).reason, 'resend_limit');
});

// ------------------------------------------------------------------ new_session_created

test('new_session_created: new salt, an event, an acknowledgment, and queries older than first_msg_id re-sent', () => {
  const h = makeHarness(crypto);
  sendOne(h);
  const second = sendOne(h, { _: 'help.getConfig' });
  const events = service(h, { _: 'new_session_created', first_msg_id: second.msgId, unique_id: 42n, server_salt: 1234n }, true);
  assert.equal(types(events), ['salt_changed', 'new_session']);
  const ev = events[1]!;
  if (ev.type === 'new_session') {
    assert.is(ev.firstMsgId, second.msgId);
    assert.is(ev.uniqueId, 42n);
    assert.is(ev.serverSalt, 1234n);
  }
  const [p] = h.toServer();
  const names = p!.messages.map((m) => nameOf(m.body));
  assert.equal(names, ['msgs_ack', 'help.getNearestDc']); // only the query before first_msg_id
  assert.is(p!.header.salt, 1234n);
});

// ------------------------------------------------------------------ msgs_ack from the server

test('msgs_ack: acknowledged queries are not listed by pendingForResend; after a lost connection every unanswered query is re-sent under its msg_id', async () => {
  const h = makeHarness(crypto);
  const a = sendOne(h);
  const b = sendOne(h, { _: 'help.getConfig' });
  assert.equal(
    h.client.pendingForResend().map((r) => r.method),
    ['help.getNearestDc', 'help.getConfig'],
  );
  service(h, { _: 'msgs_ack', msg_ids: [a.msgId] });
  assert.equal(
    h.client.pendingForResend().map((r) => r.method),
    ['help.getConfig'],
  );
  h.client.onConnectionLost();
  const [p] = h.toServer();
  // The acknowledged one too: its answer may have been lost with the connection.
  assert.equal(
    p!.messages.map((m) => nameOf(m.body)),
    ['help.getNearestDc', 'help.getConfig'],
  );
  assert.equal(
    p!.messages.map((m) => m.msgId),
    [a.msgId, b.msgId],
  );
  answer(h, encodeRpcResult(a.msgId, encode(NEAREST)));
  assert.equal(await a.handle.promise, NEAREST);
});

// ------------------------------------------------------------------ pings

test('ping_delay_disconnect / pong: tick pings when due, the pong reports the round trip', () => {
  const h = makeHarness(crypto, { ping: { intervalMs: 60_000, disconnectDelay: 75 } });
  assert.equal(h.client.tick(T0), []);
  assert.equal(h.client.flush(T0), []);
  h.clock.advance(60_000);
  h.client.tick(h.clock.now());
  const [p] = h.toServer();
  const ping = bodyOf(p!.messages[0]!.body);
  assert.is(ping._, 'ping_delay_disconnect');
  assert.is(ping.disconnect_delay, 75);
  h.clock.advance(120);
  const events = service(h, { _: 'pong', msg_id: p!.header.msgId, ping_id: ping.ping_id as bigint });
  assert.equal(events, [{ type: 'pong', pingId: ping.ping_id as bigint, rttMs: 120 }]);
});

test('ping: no pong within timeoutMs → ping_timeout', () => {
  const h = makeHarness(crypto, { ping: { intervalMs: 1000, timeoutMs: 500 } });
  h.client.tick(T0);
  h.clock.advance(1000);
  h.client.tick(h.clock.now());
  h.toServer();
  h.clock.advance(500);
  assert.ok(types(h.client.tick(h.clock.now())).includes('ping_timeout'));
});

test('ping: a ping sent with send() resolves with the pong (bare or in rpc_result)', async () => {
  const h = makeHarness(crypto);
  const a = sendOne(h, { _: 'ping', ping_id: 5n });
  service(h, { _: 'pong', msg_id: a.msgId, ping_id: 5n });
  assert.equal(await a.handle.promise, { _: 'pong', msg_id: a.msgId, ping_id: 5n });
  const b = sendOne(h, { _: 'ping', ping_id: 6n });
  answer(h, encodeRpcResult(b.msgId, encode({ _: 'pong', msg_id: b.msgId, ping_id: 6n })));
  assert.equal(await b.handle.promise, { _: 'pong', msg_id: b.msgId, ping_id: 6n });
});

// ------------------------------------------------------------------ messages about messages

test('msgs_state_req: answered with msgs_state_info, one status byte per msg_id (1, 2, 3, 4 +8 +16)', () => {
  const h = makeHarness(crypto);
  const u1 = h.server.seal([{ body: encode({ _: 'updatesTooLong' }), contentRelated: true, response: false }], T0);
  const gap = h.server.nextMsgId(T0, false);
  const u2 = h.server.seal([{ body: encode({ _: 'updatesTooLong' }), contentRelated: false, response: false }], T0);
  h.client.receive(u1.packet, T0);
  h.client.receive(u2.packet, T0);
  h.client.send({ _: 'help.getNearestDc' });
  h.toServer(); // the ack for u1 goes out: u1 becomes "received and acknowledged"
  const high = h.server.nextMsgId(T0, false) + 1000n;
  const { packet, msgIds } = h.server.seal(
    [
      {
        body: encode({ _: 'msgs_state_req', msg_ids: [3n, gap, high, u1.msgIds[0]!, u2.msgIds[0]!] }),
        contentRelated: false,
        response: false,
      },
    ],
    T0,
  );
  h.client.receive(packet, T0);
  const [p] = h.toServer();
  const info = bodyOf(p!.messages[0]!.body);
  assert.is(info._, 'msgs_state_info');
  assert.is(info.req_msg_id, msgIds[0]);
  assert.equal([...(info.info as Uint8Array)], [1, 2, 3, 4 + 8, 4 + 16]);
});

test('msg_resend_req: known messages are re-sent with new msg_ids; unknown ones get msgs_state_info', () => {
  const h = makeHarness(crypto);
  const { msgId } = sendOne(h);
  service(h, { _: 'msg_resend_req', msg_ids: [msgId] });
  const [p] = h.toServer();
  assert.equal(
    p!.messages.map((m) => nameOf(m.body)),
    ['help.getNearestDc'],
  );
  assert.ok(p!.header.msgId > msgId);
  service(h, { _: 'msg_resend_req', msg_ids: [8n] });
  const [q] = h.toServer();
  const info = bodyOf(q!.messages[0]!.body);
  assert.is(info._, 'msgs_state_info');
  assert.equal([...(info.info as Uint8Array)], [1]);
});

test('msg_detailed_info: an answer already received is acknowledged again, a missing one is requested', () => {
  const h = makeHarness(crypto);
  const { msgId } = sendOne(h);
  h.push({ _: 'updatesTooLong' });
  const received = h.server.msgIds.lastId;
  service(h, { _: 'msg_detailed_info', msg_id: msgId, answer_msg_id: received, bytes: 10, status: 0 });
  service(h, { _: 'msg_new_detailed_info', answer_msg_id: received + 4000n, bytes: 10, status: 0 });
  h.client.send({ _: 'help.getConfig' });
  const [p] = h.toServer();
  const bodies = p!.messages.map((m) => bodyOf(m.body));
  const ack = bodies.find((b) => b._ === 'msgs_ack')!;
  assert.ok((ack.msg_ids as bigint[]).includes(received));
  const resend = bodies.find((b) => b._ === 'msg_resend_req')!;
  assert.equal(resend.msg_ids, [received + 4000n]);
  assert.equal(
    h.client.pendingForResend().map((r) => r.method),
    ['help.getConfig'],
    'msg_detailed_info acknowledges the query',
  );
});

// ------------------------------------------------------------------ future salts, destroy_session

test('future_salts: answer to get_future_salts is stored and the salt switches when the current one expires', () => {
  const h = makeHarness(crypto);
  h.client.requestFutureSalts(2);
  const [p] = h.toServer();
  const req = bodyOf(p!.messages[0]!.body);
  assert.is(req._, 'get_future_salts');
  assert.is(req.num, 2);
  const now = T0 / 1000;
  const events = service(h, {
    _: 'future_salts',
    req_msg_id: p!.header.msgId,
    now,
    salts: [
      { _: 'future_salt', valid_since: now - 10, valid_until: now + 100, salt: 71n },
      { _: 'future_salt', valid_since: now + 100, valid_until: now + 200, salt: 72n },
    ],
  });
  assert.equal(types(events), ['future_salts', 'salt_changed']);
  assert.is(h.client.serverSalt, 71n);
  h.clock.advance(150_000);
  assert.equal(h.client.tick(h.clock.now()), [{ type: 'salt_changed', salt: 72n }]);
});

test('destroy_session: destroy_session_ok (bare or in rpc_result) settles the query', async () => {
  const h = makeHarness(crypto);
  const a = sendOne(h, { _: 'destroy_session', session_id: 99n });
  service(h, { _: 'destroy_session_ok', session_id: 99n });
  assert.equal(await a.handle.promise, { _: 'destroy_session_ok', session_id: 99n });
  const b = sendOne(h, { _: 'destroy_session', session_id: 98n });
  answer(h, encodeRpcResult(b.msgId, encode({ _: 'destroy_session_none', session_id: 98n })));
  assert.equal(await b.handle.promise, { _: 'destroy_session_none', session_id: 98n });
});

test('destroy_auth_key: the bare destroy_auth_key_ok answer settles the request (it is not an update)', async () => {
  const h = makeHarness(crypto);
  const req = h.client.send({ _: 'destroy_auth_key' });
  h.toServer();
  const events = h.push({ _: 'destroy_auth_key_ok' }, true);
  assert.equal(types(events), []);
  assert.equal(await req.promise, { _: 'destroy_auth_key_ok' });
});

// ------------------------------------------------------------------ lifecycle

test('connection loss: unanswered queries are re-sent under the same msg_id and seq_no (the server can recognise the duplicate)', async () => {
  const h = makeHarness(crypto);
  const a = sendOne(h);
  assert.equal(h.client.pendingForResend(), [{ id: a.handle.id, method: 'help.getNearestDc', msgId: a.msgId }]);
  h.client.onConnectionLost();
  assert.equal(h.client.pendingForResend(), []);
  const [p] = h.toServer();
  assert.is(p!.header.msgId, a.msgId);
  assert.is(p!.header.seqNo % 2, 1, 'still content-related');
  answer(h, encodeRpcResult(p!.header.msgId, encode(NEAREST)));
  assert.equal(await a.handle.promise, NEAREST);
  answer(h, encodeRpcResult(a.msgId, encode(NEAREST))); // a second answer to the same msg_id is ignored
});

test('connection loss: a query older than 240 s goes out with a new msg_id (the old one would fail the 300 s window)', async () => {
  const h = makeHarness(crypto);
  const a = sendOne(h);
  h.clock.advance(241_000);
  h.client.onConnectionLost();
  const [p] = h.toServer();
  assert.ok(p!.header.msgId > a.msgId);
  answer(h, encodeRpcResult(p!.header.msgId, encode(NEAREST)));
  assert.equal(await a.handle.promise, NEAREST);
});

test('cancel: a queued query is dropped; a sent one is dropped on the server with rpc_drop_answer', async () => {
  const h = makeHarness(crypto);
  const queued = h.client.send({ _: 'help.getConfig' });
  assert.ok(h.client.cancel(queued.id));
  assert.is(((await rejection(queued.promise)) as MtprotoError).reason, 'cancelled');
  assert.equal(h.client.flush(T0), []);
  const sent = sendOne(h);
  assert.ok(h.client.cancel(sent.handle.id));
  assert.not.ok(h.client.cancel(sent.handle.id));
  const [p] = h.toServer();
  const drop = bodyOf(p!.messages[0]!.body);
  assert.is(drop._, 'rpc_drop_answer');
  assert.is(drop.req_msg_id, sent.msgId);
  answer(h, encodeRpcResult(sent.msgId, encode(NEAREST))); // ignored
});

test('resetSession: new session_id, seq_no from 1 again, pending queries re-sent', () => {
  const h = makeHarness(crypto);
  sendOne(h);
  const old = h.client.sessionId;
  const events = h.client.resetSession();
  assert.equal(types(events), ['session_reset']);
  assert.is.not(h.client.sessionId, old);
  const packets = h.client.flush(T0);
  const opened = openClientPacket(h.server.key, packets[0]!);
  assert.is(opened.header.sessionId, h.client.sessionId);
  assert.is(opened.header.seqNo, 1);
});

test('close: pending queries are rejected with MtprotoError("closed")', async () => {
  const h = makeHarness(crypto);
  const a = h.client.send({ _: 'help.getConfig' });
  h.client.close();
  assert.is(((await rejection(a.promise)) as MtprotoError).reason, 'closed');
  assert.throws(
    () => h.client.send({ _: 'help.getConfig' }),
    (e: unknown) => e instanceof MtprotoError,
  );
});

test.run();
