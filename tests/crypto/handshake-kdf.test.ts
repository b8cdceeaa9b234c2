import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { bytesToHex } from '../../ts/crypto/bytes.js';
import {
  authKeyAuxHash,
  authKeyHashes,
  authKeyId,
  checkAnswerWithHash,
  checkNewNonceHash,
  deriveTmpAesKeyIv,
  initialServerSalt,
  newNonceHash,
  withSha1AndPadding,
} from '../../ts/crypto/handshake-kdf.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { CryptoError, SecurityError } from '../../ts/errors.js';
import { SAMPLE } from './_auth-key-sample.js';
import { getProvider, replayRandom } from './_support.js';

let crypto: CryptoProvider;
test.before(async () => {
  crypto = await getProvider();
});

const hex = (b: Uint8Array) => bytesToHex(b).toUpperCase();
const nodeSha1 = (...parts: Uint8Array[]) => {
  const h = createHash('sha1');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const isSecurity = (check: string) => (e: unknown) => e instanceof SecurityError && e.check === check;

test('tmp_aes_key / tmp_aes_iv match samples-auth_key (step 6)', () => {
  const { key, iv } = deriveTmpAesKeyIv(SAMPLE.newNonce, SAMPLE.serverNonce, crypto);
  assert.is(hex(key), hex(SAMPLE.tmpAesKey));
  assert.is(hex(iv), hex(SAMPLE.tmpAesIv));
});

test('tmp_aes_key / tmp_aes_iv follow the spec formula (independent node:crypto reference)', () => {
  const nn = SAMPLE.newNonce;
  const sn = SAMPLE.serverNonce;
  const refKey = [...nodeSha1(nn, sn), ...nodeSha1(sn, nn).subarray(0, 12)];
  const refIv = [...nodeSha1(sn, nn).subarray(12, 20), ...nodeSha1(nn, nn), ...nn.subarray(0, 4)];
  const { key, iv } = deriveTmpAesKeyIv(nn, sn, crypto);
  assert.equal(Array.from(key), refKey);
  assert.equal(Array.from(iv), refIv);
});

test('deriveTmpAesKeyIv rejects wrong nonce lengths', () => {
  assert.throws(
    () => deriveTmpAesKeyIv(SAMPLE.newNonce.subarray(0, 16), SAMPLE.serverNonce, crypto),
    (e: unknown) => e instanceof CryptoError,
  );
  assert.throws(
    () => deriveTmpAesKeyIv(SAMPLE.newNonce, SAMPLE.newNonce, crypto),
    (e: unknown) => e instanceof CryptoError,
  );
});

test('encrypted_answer decrypts to the sample answer_with_hash and passes the SHA1 check', () => {
  const { key, iv } = deriveTmpAesKeyIv(SAMPLE.newNonce, SAMPLE.serverNonce, crypto);
  const decrypted = crypto.igeDecrypt(SAMPLE.encryptedAnswer, key, iv);
  assert.is(hex(decrypted), hex(SAMPLE.answerWithHash));
  const answer = checkAnswerWithHash(decrypted, SAMPLE.answerLength, crypto);
  assert.is(answer.length, 564);
  // server_DH_inner_data#b5890dba, little-endian constructor id
  assert.equal(Array.from(answer.subarray(0, 4)), [0xba, 0x0d, 0x89, 0xb5]);
  assert.is(hex(answer.subarray(4, 20)), hex(SAMPLE.nonce));
});

test('answer hash check: a flipped answer byte fails with answer_hash', () => {
  const tampered = SAMPLE.answerWithHash.slice();
  tampered[100]! ^= 1;
  assert.throws(() => checkAnswerWithHash(tampered, SAMPLE.answerLength, crypto), isSecurity('answer_hash'));
  const badHash = SAMPLE.answerWithHash.slice();
  badHash[0]! ^= 0x80;
  assert.throws(() => checkAnswerWithHash(badHash, SAMPLE.answerLength, crypto), isSecurity('answer_hash'));
});

test('answer hash check: the wrong parsed length fails (hash over the wrong bytes)', () => {
  assert.throws(() => checkAnswerWithHash(SAMPLE.answerWithHash, SAMPLE.answerLength - 4, crypto), isSecurity('answer_hash'));
  assert.throws(() => checkAnswerWithHash(SAMPLE.answerWithHash, SAMPLE.answerLength + 4, crypto), isSecurity('answer_hash'));
});

test('answer hash check: 16 or more padding bytes fail with answer_padding', () => {
  // A valid SHA1 over a shorter answer followed by 16 bytes of padding.
  const answer = SAMPLE.answerWithHash.slice(20, 20 + 556);
  const framed = new Uint8Array(592);
  framed.set(nodeSha1(answer), 0);
  framed.set(answer, 20);
  assert.throws(() => checkAnswerWithHash(framed, 556, crypto), isSecurity('answer_padding'));
});

test('answer hash check: impossible lengths fail with answer_length', () => {
  assert.throws(() => checkAnswerWithHash(SAMPLE.answerWithHash, 600, crypto), isSecurity('answer_length'));
  assert.throws(() => checkAnswerWithHash(SAMPLE.answerWithHash, -1, crypto), isSecurity('answer_length'));
  assert.throws(() => checkAnswerWithHash(SAMPLE.answerWithHash.subarray(0, 590), 564, crypto), isSecurity('answer_length'));
  assert.throws(() => checkAnswerWithHash(new Uint8Array(0), 0, crypto), isSecurity('answer_length'));
});

test('client_DH_inner_data framing + IGE reproduces the sample encrypted_data (step 7)', () => {
  const framed = withSha1AndPadding(SAMPLE.clientDhInnerData, crypto, replayRandom(SAMPLE.clientPadding));
  assert.is(framed.length, 336);
  const { key, iv } = deriveTmpAesKeyIv(SAMPLE.newNonce, SAMPLE.serverNonce, crypto);
  assert.is(hex(crypto.igeEncrypt(framed, key, iv)), hex(SAMPLE.clientEncryptedData));
});

test('withSha1AndPadding pads 0..15 bytes to a multiple of 16', () => {
  for (let len = 0; len < 40; len++) {
    const data = new Uint8Array(len).fill(7);
    let asked = -1;
    const out = withSha1AndPadding(data, crypto, (buf) => {
      asked = buf.length;
      buf.fill(0xee);
    });
    assert.is(out.length % 16, 0);
    assert.ok(asked >= 0 && asked <= 15, `padding ${asked}`);
    assert.is(out.length, 20 + len + asked);
    assert.equal(Array.from(out.subarray(0, 20)), Array.from(nodeSha1(data)));
    assert.equal(checkAnswerWithHash(out, len, crypto).length, len);
  }
});

test('new_nonce_hash1 matches the sample dh_gen_ok', () => {
  const aux = authKeyAuxHash(SAMPLE.authKey, crypto);
  assert.is(hex(newNonceHash(SAMPLE.newNonce, 1, aux, crypto)), hex(SAMPLE.newNonceHash1));
  checkNewNonceHash(SAMPLE.newNonceHash1, SAMPLE.newNonce, 1, aux, crypto);
});

test('new_nonce_hash2/3 differ from hash1 and a swapped answer fails with its check name', () => {
  const aux = authKeyAuxHash(SAMPLE.authKey, crypto);
  const h2 = newNonceHash(SAMPLE.newNonce, 2, aux, crypto);
  const h3 = newNonceHash(SAMPLE.newNonce, 3, aux, crypto);
  assert.is.not(hex(h2), hex(SAMPLE.newNonceHash1));
  assert.is.not(hex(h3), hex(h2));
  // reference: lower 128 bits of SHA1(new_nonce ‖ 2 ‖ aux)
  assert.is(hex(h2), hex(nodeSha1(SAMPLE.newNonce, new Uint8Array([2]), aux).subarray(4)));
  // dh_gen_ok turned into dh_gen_retry by an attacker: the hash no longer matches
  assert.throws(() => checkNewNonceHash(SAMPLE.newNonceHash1, SAMPLE.newNonce, 2, aux, crypto), isSecurity('new_nonce_hash2'));
  assert.throws(() => checkNewNonceHash(SAMPLE.newNonceHash1, SAMPLE.newNonce, 3, aux, crypto), isSecurity('new_nonce_hash3'));
  const wrong = SAMPLE.newNonceHash1.slice();
  wrong[15]! ^= 1;
  assert.throws(() => checkNewNonceHash(wrong, SAMPLE.newNonce, 1, aux, crypto), isSecurity('new_nonce_hash1'));
  assert.throws(
    () => newNonceHash(SAMPLE.newNonce, 4 as 1, aux, crypto),
    (e: unknown) => e instanceof CryptoError,
  );
});

test('auth_key_id is the low 64 bits (last 8 bytes) and aux_hash the high 64 bits of SHA1(auth_key)', () => {
  const sha = nodeSha1(SAMPLE.authKey);
  const { id, auxHash } = authKeyHashes(SAMPLE.authKey, crypto);
  assert.is(hex(id), hex(sha.subarray(12, 20)));
  assert.is(hex(auxHash), hex(sha.subarray(0, 8)));
  assert.is(hex(authKeyId(SAMPLE.authKey, crypto)), hex(id));
  assert.throws(
    () => authKeyId(SAMPLE.authKey.subarray(1), crypto),
    (e: unknown) => e instanceof CryptoError,
  );
});

test('initial server_salt = substr(new_nonce, 0, 8) XOR substr(server_nonce, 0, 8)', () => {
  const salt = initialServerSalt(SAMPLE.newNonce, SAMPLE.serverNonce);
  // 84^D6 5F^70 AD^1F 32^CD D1^21 0A^2C 4C^EB 79^87
  assert.is(hex(salt), '522FB2FFF026A7FE');
  assert.throws(
    () => initialServerSalt(SAMPLE.serverNonce, SAMPLE.serverNonce),
    (e: unknown) => e instanceof CryptoError,
  );
});

test.run();
