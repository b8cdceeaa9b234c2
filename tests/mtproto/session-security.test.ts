/**
 * The checks on every incoming encrypted message
 * (https://core.telegram.org/mtproto/security_guidelines#mtproto-encrypted-messages):
 * each failure drops the message and is reported as a `security_error`
 * event with its own check name — never thrown, never processed.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { SecurityError } from '../../ts/errors.js';
import { encode } from '../../ts/tl/codec/index.js';
import { encodeContainer, encodeEnvelope, MtprotoSession } from '../../ts/mtproto/index.js';
import { encodeRpcResult, openClientPacket, ServerSession } from '../../ts/mtproto/server-side.js';
import { checks, makeHarness, SALT, T0, testAuthKey, type Harness } from './_session.js';
import { getProvider, seededRandom } from './_support.js';

let crypto: CryptoProvider;
test.before(async () => {
  crypto = await getProvider();
});

const UPDATE = encode({ _: 'updatesTooLong' });
const sec = (check: string) => [check];

/** A valid server msg_id for now (3 mod 4). */
const serverId = (h: Harness, offsetSeconds = 0) => h.server.msgIds.next(T0 + offsetSeconds * 1000, 'server-notification');

test('auth_key_id: a packet for another key is dropped (auth_key_id)', () => {
  const h = makeHarness(crypto);
  const other = new ServerSession({ crypto, authKey: testAuthKey('other'), sessionId: h.client.sessionId });
  const packet = other.seal([{ body: UPDATE, contentRelated: true, response: false }], T0).packet;
  assert.equal(checks(h.client.receive(packet, T0)), sec('auth_key_id'));
});

test('msg_key: a tampered ciphertext fails the msg_key check (msg_key)', () => {
  const h = makeHarness(crypto);
  const packet = h.server.seal([{ body: UPDATE, contentRelated: true, response: false }], T0).packet.slice();
  packet[40]! ^= 0x80;
  assert.equal(checks(h.client.receive(packet, T0)), sec('msg_key'));
  const msgKeyFlip = h.server.seal([{ body: UPDATE, contentRelated: true, response: false }], T0).packet.slice();
  msgKeyFlip[8]! ^= 1;
  assert.equal(checks(h.client.receive(msgKeyFlip, T0)), sec('msg_key'));
});

test('length: a packet that is not 24 + 16k bytes is dropped (length)', () => {
  const h = makeHarness(crypto);
  const packet = h.server.seal([{ body: UPDATE, contentRelated: true, response: false }], T0).packet;
  assert.equal(checks(h.client.receive(packet.subarray(0, packet.length - 4), T0)), sec('length'));
  assert.equal(checks(h.client.receive(new Uint8Array(3), T0)), sec('length'));
});

/**
 * Seals a plaintext whose message_data_length field says `claimed` while the
 * body really has `body.length` bytes (seal adds 12..27 bytes of padding).
 */
function sealWithLength(h: Harness, body: Uint8Array, claim: (realLength: number, sealPadding: number) => number): Uint8Array {
  const plain = encodeEnvelope({ salt: SALT, sessionId: h.client.sessionId, msgId: serverId(h), seqNo: 1 }, body);
  const pad = 12 + ((16 - ((plain.length + 12) & 15)) & 15);
  new DataView(plain.buffer).setInt32(28, claim(body.length, pad), true);
  return h.server.key.seal(plain, 8);
}

test('padding: fewer than 12 padding bytes after message_data (padding)', () => {
  const h = makeHarness(crypto);
  // Claim the body runs 8 bytes short of the end: 8 bytes of padding.
  const packet = sealWithLength(h, UPDATE, (len, pad) => len + pad - 8);
  assert.equal(checks(h.client.receive(packet, T0)), sec('padding'));
});

test('padding: more than 1024 padding bytes after message_data (padding)', () => {
  const h = makeHarness(crypto);
  const big = new Uint8Array(1100);
  big.set(UPDATE);
  const packet = sealWithLength(h, big, () => 4);
  assert.equal(checks(h.client.receive(packet, T0)), sec('padding'));
});

test('message_data_length: not divisible by 4, negative, or past the end (message_length)', () => {
  const h = makeHarness(crypto);
  assert.equal(
    checks(
      h.client.receive(
        sealWithLength(h, UPDATE, (len) => len + 1),
        T0,
      ),
    ),
    sec('message_length'),
  );
  assert.equal(
    checks(
      h.client.receive(
        sealWithLength(h, UPDATE, () => -4),
        T0,
      ),
    ),
    sec('message_length'),
  );
  assert.equal(
    checks(
      h.client.receive(
        sealWithLength(h, UPDATE, (len, pad) => len + pad + 4),
        T0,
      ),
    ),
    sec('message_length'),
  );
});

test('session_id: a message of another session is dropped (session_id)', () => {
  const h = makeHarness(crypto);
  const packet = h.server.sealRaw({ msgId: serverId(h), seqNo: 1, sessionId: 77n }, UPDATE);
  assert.equal(checks(h.client.receive(packet, T0)), sec('session_id'));
});

test('msg_id parity: a server msg_id must be odd (msg_id_parity)', () => {
  const h = makeHarness(crypto);
  const even = serverId(h) + 1n; // 3 mod 4 → 0 mod 4
  assert.equal(checks(h.client.receive(h.server.sealRaw({ msgId: even, seqNo: 1 }, UPDATE), T0)), sec('msg_id_parity'));
  // ... also inside a container.
  const inner = encodeContainer([
    { msgId: serverId(h) + 1n, seqNo: 1, body: UPDATE },
    { msgId: serverId(h), seqNo: 3, body: UPDATE },
  ]);
  const events = h.client.receive(h.server.sealRaw({ msgId: serverId(h), seqNo: 4 }, inner), T0);
  assert.equal(checks(events), sec('msg_id_parity'));
  assert.is(events.filter((e) => e.type === 'update').length, 1);
});

test('msg_id time: more than 300 s in the past or 30 s in the future of the synced time is dropped (msg_id_time)', () => {
  const h = makeHarness(crypto);
  assert.equal(checks(h.client.receive(h.server.sealRaw({ msgId: serverId(h, -301), seqNo: 1 }, UPDATE), T0)), sec('msg_id_time'));
  assert.equal(checks(h.client.receive(h.server.sealRaw({ msgId: serverId(h, 31), seqNo: 1 }, UPDATE), T0)), sec('msg_id_time'));
  // Within the window (and with the client's offset applied) it is accepted.
  h.client.timeOffset = 100;
  const events = h.client.receive(h.server.sealRaw({ msgId: serverId(h, 120), seqNo: 1 }, UPDATE), T0);
  assert.equal(
    events.map((e) => e.type),
    ['update'],
  );
});

test('msg_id time: the window is not applied when checkMsgIdTime is false', () => {
  const h = makeHarness(crypto, { checkMsgIdTime: false });
  assert.equal(
    h.client.receive(h.server.sealRaw({ msgId: serverId(h, 5000), seqNo: 1 }, UPDATE), T0).map((e) => e.type),
    ['update'],
  );
});

test('msg_id replay: a msg_id received before is dropped (msg_id_replay)', () => {
  const h = makeHarness(crypto);
  const packet = h.server.seal([{ body: UPDATE, contentRelated: true, response: false }], T0).packet;
  assert.equal(
    h.client.receive(packet, T0).map((e) => e.type),
    ['update'],
  );
  assert.equal(checks(h.client.receive(packet, T0)), sec('msg_id_replay'));
});

test('msg_id replay: once N ids are stored, a msg_id lower than all of them is dropped (msg_id_replay)', () => {
  const h = makeHarness(crypto, { replayWindowSize: 4 });
  const old = serverId(h);
  for (let i = 0; i < 4; i++) h.client.receive(h.server.sealRaw({ msgId: serverId(h), seqNo: 1 }, UPDATE), T0);
  assert.equal(checks(h.client.receive(h.server.sealRaw({ msgId: old, seqNo: 1 }, UPDATE), T0)), sec('msg_id_replay'));
});

test('msg_id replay: a message repeated inside a container is processed once', () => {
  const h = makeHarness(crypto);
  const id = serverId(h);
  const body = encodeContainer([
    { msgId: id, seqNo: 1, body: UPDATE },
    { msgId: id, seqNo: 1, body: UPDATE },
  ]);
  const events = h.client.receive(h.server.sealRaw({ msgId: serverId(h), seqNo: 2 }, body), T0);
  assert.equal(
    events.map((e) => e.type),
    ['update', 'security_error'],
  );
  assert.equal(checks(events), sec('msg_id_replay'));
});

test('msg_container: a container whose lengths do not fit is dropped (container)', () => {
  const h = makeHarness(crypto);
  const body = encodeContainer([{ msgId: serverId(h), seqNo: 1, body: UPDATE }]);
  new DataView(body.buffer).setInt32(8 + 12, 4000, true);
  assert.equal(checks(h.client.receive(h.server.sealRaw({ msgId: serverId(h), seqNo: 2 }, body), T0)), sec('container'));
  const nested = encodeContainer([{ msgId: serverId(h), seqNo: 2, body: encodeContainer([]) }]);
  assert.equal(checks(h.client.receive(h.server.sealRaw({ msgId: serverId(h), seqNo: 2 }, nested), T0)), sec('container'));
});

test('a dropped message is not acknowledged and settles nothing', async () => {
  const h = makeHarness(crypto, { ackThreshold: 1 });
  const handle = h.client.send({ _: 'help.getNearestDc' });
  const [p] = h.client.flush(T0).map((x) => openClientPacket(h.server.key, x));
  const result = encodeRpcResult(p!.header.msgId, encode({ _: 'nearestDc', country: 'X', this_dc: 1, nearest_dc: 1 }));
  const bad = h.server.sealRaw({ msgId: serverId(h, 1000), seqNo: 1 }, result);
  assert.equal(checks(h.client.receive(bad, T0)), sec('msg_id_time'));
  assert.equal(h.client.flush(T0), []);
  let settled = false;
  void handle.promise.then(() => (settled = true));
  await Promise.resolve();
  assert.not.ok(settled);
});

test('undecodable body: reported as decode_error, the session carries on', () => {
  const h = makeHarness(crypto);
  const junk = new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 0]);
  const events = h.client.receive(h.server.sealRaw({ msgId: serverId(h), seqNo: 1 }, junk), T0);
  assert.equal(
    events.map((e) => e.type),
    ['decode_error'],
  );
  assert.equal(
    h.client.receive(h.server.sealRaw({ msgId: serverId(h), seqNo: 3 }, UPDATE), T0).map((e) => e.type),
    ['update'],
  );
});

test('garbage never throws: random packets of many sizes are dropped as security errors', () => {
  const h = makeHarness(crypto);
  const random = seededRandom('garbage');
  for (let len = 0; len < 600; len += 7) {
    const packet = new Uint8Array(len);
    random(packet);
    if (len >= 8) packet.set(h.client.authKeyId, 0); // get past the auth_key_id check sometimes
    const events = h.client.receive(packet, T0);
    assert.is(events.length, 1);
    assert.is(events[0]!.type, 'security_error');
    if (events[0]!.type === 'security_error') assert.instance(events[0]!.error, SecurityError);
  }
});

test('server helpers: openClientPacket opens client packets (x = 0) and refuses server ones', () => {
  const h = makeHarness(crypto);
  h.client.send({ _: 'help.getNearestDc' });
  const [packet] = h.client.flush(T0);
  const opened = openClientPacket(h.server.key, packet!);
  assert.is(opened.header.sessionId, h.client.sessionId);
  assert.is(opened.messages.length, 1);
  const serverPacket = h.server.seal([{ body: UPDATE, contentRelated: true, response: false }], T0).packet;
  assert.throws(
    () => openClientPacket(h.server.key, serverPacket),
    (e: unknown) => e instanceof SecurityError && e.check === 'msg_key',
  );
});

test('MtprotoSession accepts an already loaded key and leaves it loaded on close', () => {
  const key = crypto.loadAuthKey(testAuthKey());
  const s = new MtprotoSession({ crypto, authKey: key, ping: false });
  s.close();
  assert.is(key.exportKey().length, 256);
  key.dispose();
});

test.run();
