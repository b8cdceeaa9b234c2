/**
 * auth.bindTempAuthKey (https://core.telegram.org/method/auth.bindTempAuthKey):
 * the MTProto v1 encryption of bind_auth_key_inner under the permanent key,
 * its msg_id tied to the query's own, and the server-side opening.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { decodeRequest, encode } from '../../ts/tl/codec/index.js';
import type { auth } from '../../ts/tl/generated/types.js';
import { bindTempAuthKeyRequest, longFromBytes } from '../../ts/mtproto/index.js';
import { openBindTempAuthKeyMessage, openClientPacket } from '../../ts/mtproto/server-side.js';
import { referenceIge } from '../crypto/_support.js';
import { makeHarness, T0, testAuthKey } from './_session.js';
import { getProvider, isSecurity, seededRandom } from './_support.js';

let crypto: CryptoProvider;
test.before(async () => {
  crypto = await getProvider();
});

const sha1 = (...parts: Uint8Array[]) => {
  const h = createHash('sha1');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

test('bind_auth_key_inner: encrypted with MTProto v1 under the permanent key (independent node:crypto decryption)', () => {
  const perm = testAuthKey('perm');
  const tempId = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
  const req = bindTempAuthKeyRequest({
    crypto,
    permAuthKey: perm,
    tempAuthKeyId: tempId,
    tempSessionId: 55n,
    expiresAt: 1_700_086_400,
    random: seededRandom('bind'),
  });
  const q = req.build(0x6553f10000000004n);
  const permId = sha1(perm).subarray(12, 20);
  assert.is(q.perm_auth_key_id, longFromBytes(permId));
  assert.is(q.nonce, req.nonce);
  assert.is(q.expires_at, 1_700_086_400);
  const enc = q.encrypted_message;
  assert.equal([...enc.subarray(0, 8)], [...permId]);
  const msgKey = enc.subarray(8, 24);
  // MTProto v1 KDF, x = 0.
  const a = sha1(msgKey, perm.subarray(0, 32));
  const b = sha1(perm.subarray(32, 48), msgKey, perm.subarray(48, 64));
  const c = sha1(perm.subarray(64, 96), msgKey);
  const d = sha1(msgKey, perm.subarray(96, 128));
  const key = cat(a.subarray(0, 8), b.subarray(8, 20), c.subarray(4, 16));
  const iv = cat(a.subarray(8, 20), b.subarray(0, 8), c.subarray(16, 20), d.subarray(0, 8));
  const plain = referenceIge.decrypt(enc.subarray(24), key, iv);
  const view = new DataView(plain.buffer, plain.byteOffset);
  assert.is(view.getBigInt64(16, true), 0x6553f10000000004n);
  assert.is(view.getInt32(24, true), 0);
  assert.is(view.getInt32(28, true), 40);
  assert.equal([...sha1(plain.subarray(0, 72)).subarray(4, 20)], [...msgKey]);
  const inner = encode({
    _: 'bind_auth_key_inner',
    nonce: req.nonce,
    temp_auth_key_id: longFromBytes(tempId),
    perm_auth_key_id: longFromBytes(permId),
    temp_session_id: 55n,
    expires_at: 1_700_086_400,
  });
  assert.equal([...plain.subarray(32, 72)], [...inner]);
});

test('bindTempAuthKey through a session: the inner msg_id follows the query msg_id, also on re-send', () => {
  const perm = testAuthKey('perm');
  const h = makeHarness(crypto); // the harness key plays the temporary key
  const req = bindTempAuthKeyRequest({
    crypto,
    permAuthKey: perm,
    tempAuthKeyId: h.client.authKeyId,
    tempSessionId: h.client.sessionId,
    expiresAt: T0 / 1000 + 86400,
  });
  h.client.send(req.build(0n), { build: req.build });
  for (let round = 0; round < 2; round++) {
    const [packet] = h.client.flush(T0).map((p) => openClientPacket(h.server.key, p));
    const m = packet!.messages[0]!;
    const q = decodeRequest(m.body) as auth.bindTempAuthKey;
    assert.is(q._, 'auth.bindTempAuthKey');
    const opened = openBindTempAuthKeyMessage(crypto, perm, q.encrypted_message);
    assert.is(opened.msgId, m.msgId);
    assert.is(opened.inner.temp_session_id, h.client.sessionId);
    assert.is(opened.inner.temp_auth_key_id, longFromBytes(h.client.authKeyId));
    assert.is(opened.inner.nonce, q.nonce);
    // Round 2: the server refuses the salt; the query is rebuilt for its new msg_id.
    h.deliver([
      {
        body: encode({ _: 'bad_server_salt', bad_msg_id: m.msgId, bad_msg_seqno: m.seqNo, error_code: 48, new_server_salt: 3n }),
        contentRelated: false,
        response: false,
      },
    ]);
  }
});

test('openBindTempAuthKeyMessage: another permanent key (bind_auth_key_id), tampering (bind_msg_key)', () => {
  const perm = testAuthKey('perm');
  const req = bindTempAuthKeyRequest({ crypto, permAuthKey: perm, tempAuthKeyId: new Uint8Array(8), tempSessionId: 1n, expiresAt: 1 });
  const enc = req.build(4n).encrypted_message;
  assert.throws(() => openBindTempAuthKeyMessage(crypto, testAuthKey('other'), enc), isSecurity('bind_auth_key_id'));
  const tampered = enc.slice();
  tampered[40]! ^= 1;
  assert.throws(
    () => openBindTempAuthKeyMessage(crypto, perm, tampered),
    (e: unknown) => isSecurity('bind_msg_key')(e) || isSecurity('bind_length')(e),
  );
  assert.throws(() => openBindTempAuthKeyMessage(crypto, perm, enc.subarray(0, 50)), isSecurity('bind_length'));
});

test.run();
