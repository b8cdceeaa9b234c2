import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { constants, createHash, createPublicKey, generateKeyPairSync, privateDecrypt, publicEncrypt, randomBytes } from 'node:crypto';
import { bigIntToBytes, bytesToBigInt, bytesToBigIntLE } from '../../ts/crypto/bigint.js';
import { bytesToHex, concatBytes, hexToBytes } from '../../ts/crypto/bytes.js';
import { decodeBase64, decodePem, readDerElement } from '../../ts/crypto/der.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import {
  RSA_PAD_MAX_DATA,
  loadRsaPublicKey,
  parseRsaPublicKeyPem,
  rsaDecryptRaw,
  rsaEncryptRaw,
  rsaEncryptSha1Padded,
  rsaKeyFingerprint,
  rsaPadDecrypt,
  rsaPadEncrypt,
  serializeRsaPublicKeyTl,
  tlSerializeBytes,
} from '../../ts/crypto/rsa.js';
import {
  TELEGRAM_PRODUCTION_RSA_KEY,
  TELEGRAM_RSA_KEYS,
  TELEGRAM_TEST_RSA_KEY,
  pickRsaKey,
  telegramRsaPublicKeys,
} from '../../ts/crypto/rsa-keys.js';
import { CryptoError, SecurityError } from '../../ts/errors.js';
import { SAMPLE } from './_auth-key-sample.js';
import { getProvider, referenceIge, replayRandom } from './_support.js';

let crypto: CryptoProvider;
test.before(async () => {
  crypto = await getProvider();
});

const isCrypto = (e: unknown) => e instanceof CryptoError;
const isSecurity = (check: string) => (e: unknown) => e instanceof SecurityError && e.check === check;
const b64url = (s: string) => new Uint8Array(Buffer.from(s, 'base64url'));
const sha256 = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

/** Reference modular exponentiation written independently in this test. */
function refPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  for (; e > 0n; e >>= 1n, b = (b * b) % m) if (e & 1n) r = (r * b) % m;
  return r;
}

// A 2048-bit key pair made by node:crypto: the independent side of every RSA check.
const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = pair.privateKey.export({ format: 'jwk' });
const N = bytesToBigInt(b64url(jwk.n!));
const E = bytesToBigInt(b64url(jwk.e!));
const D = bytesToBigInt(b64url(jwk.d!));
const pkcs1Pem = pair.publicKey.export({ format: 'pem', type: 'pkcs1' }) as string;
const spkiPem = pair.publicKey.export({ format: 'pem', type: 'spki' }) as string;
const nodeRawEncrypt = (m: Uint8Array) => new Uint8Array(publicEncrypt({ key: pair.publicKey, padding: constants.RSA_NO_PADDING }, m));
const nodeRawDecrypt = (c: Uint8Array) => new Uint8Array(privateDecrypt({ key: pair.privateKey, padding: constants.RSA_NO_PADDING }, c));

// ---------------------------------------------------------------- PEM / DER

test('PKCS#1 and SPKI PEM parse to the modulus and exponent node:crypto reports', () => {
  for (const pem of [pkcs1Pem, spkiPem]) {
    const key = parseRsaPublicKeyPem(pem);
    assert.is(key.n, N);
    assert.is(key.e, E);
  }
});

test('Telegram keys parse to the same numbers as node:crypto reads from the PEM', () => {
  for (const k of TELEGRAM_RSA_KEYS) {
    const ours = parseRsaPublicKeyPem(k.pem);
    const theirs = createPublicKey({ key: k.pem, format: 'pem', type: 'pkcs1' }).export({ format: 'jwk' });
    assert.is(ours.n, bytesToBigInt(b64url(theirs.n!)));
    assert.is(ours.e, 65537n);
    assert.is(bigIntToBytes(ours.n).length, 256);
  }
});

test('malformed keys are rejected with CryptoError', () => {
  const body = decodePem(pkcs1Pem).der;
  const wrap = (label: string, der: Uint8Array) =>
    `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64')}\n-----END ${label}-----`;
  assert.throws(() => parseRsaPublicKeyPem('no pem here'), isCrypto);
  assert.throws(() => parseRsaPublicKeyPem(wrap('RSA PRIVATE KEY', body)), isCrypto);
  assert.throws(() => parseRsaPublicKeyPem(wrap('RSA PUBLIC KEY', body.subarray(0, body.length - 1))), isCrypto);
  assert.throws(() => parseRsaPublicKeyPem(wrap('RSA PUBLIC KEY', concatBytes(body, new Uint8Array([0])))), isCrypto);
  assert.throws(() => parseRsaPublicKeyPem(wrap('PUBLIC KEY', body)), isCrypto); // PKCS#1 body under the SPKI label
  assert.throws(() => parseRsaPublicKeyPem('-----BEGIN RSA PUBLIC KEY-----\n@@@@\n-----END RSA PUBLIC KEY-----'), isCrypto);
  // SEQUENCE { INTEGER -1, INTEGER 3 }
  assert.throws(
    () => parseRsaPublicKeyPem(wrap('RSA PUBLIC KEY', new Uint8Array([0x30, 0x06, 0x02, 0x01, 0xff, 0x02, 0x01, 0x03]))),
    isCrypto,
  );
  // SEQUENCE { INTEGER 15 (odd), INTEGER 3 } parses; an even modulus does not
  assert.is(parseRsaPublicKeyPem(wrap('RSA PUBLIC KEY', new Uint8Array([0x30, 0x06, 0x02, 0x01, 0x0f, 0x02, 0x01, 0x03]))).n, 15n);
  assert.throws(
    () => parseRsaPublicKeyPem(wrap('RSA PUBLIC KEY', new Uint8Array([0x30, 0x06, 0x02, 0x01, 0x10, 0x02, 0x01, 0x03]))),
    isCrypto,
  );
  // SPKI with a non-RSA algorithm (an EC key)
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'pem', type: 'spki' }) as string;
  assert.throws(() => parseRsaPublicKeyPem(ec), isCrypto);
});

test('DER reader: long-form lengths, and lengths past the end are refused', () => {
  const el = readDerElement(new Uint8Array([0x04, 0x81, 0x80, ...new Uint8Array(0x80)]));
  assert.is(el.value.length, 0x80);
  assert.throws(() => readDerElement(new Uint8Array([0x04, 0x82, 0x01, 0x00, 0x00])), isCrypto);
  assert.throws(() => readDerElement(new Uint8Array([0x04, 0x80])), isCrypto); // indefinite
  assert.throws(() => readDerElement(new Uint8Array([0x04, 0x81, 0x05, 1, 2, 3, 4, 5])), isCrypto); // non-minimal
  assert.throws(() => readDerElement(new Uint8Array([0x04, 0x85, 0xff, 0xff, 0xff, 0xff, 0xff])), isCrypto);
  assert.throws(() => readDerElement(new Uint8Array([0x04])), isCrypto);
  assert.equal(Array.from(decodeBase64('AQID')), [1, 2, 3]);
  assert.equal(Array.from(decodeBase64('AQ==')), [1]);
  assert.throws(() => decodeBase64('A'), isCrypto);
});

// ---------------------------------------------------------------- fingerprints

test('TL bytes encoding: 1-byte length below 254, else 0xFE + 3-byte LE length; padded to 4', () => {
  assert.equal(Array.from(tlSerializeBytes(new Uint8Array(0))), [0, 0, 0, 0]);
  assert.equal(Array.from(tlSerializeBytes(new Uint8Array([1, 1, 1]))), [3, 1, 1, 1]);
  assert.equal(Array.from(tlSerializeBytes(new Uint8Array([9, 9, 9, 9]))), [4, 9, 9, 9, 9, 0, 0, 0]);
  assert.is(tlSerializeBytes(new Uint8Array(253)).length, 256);
  const b254 = tlSerializeBytes(new Uint8Array(254));
  assert.equal(Array.from(b254.subarray(0, 4)), [0xfe, 254, 0, 0]);
  assert.is(b254.length, 260);
  const b256 = tlSerializeBytes(new Uint8Array(256).fill(1));
  assert.equal(Array.from(b256.subarray(0, 4)), [0xfe, 0x00, 0x01, 0x00]);
  assert.is(b256.length, 260);
  // the sample's pq string: 08 | 8 bytes | 3 bytes of padding
  assert.is(bytesToHex(tlSerializeBytes(hexToBytes('1460E7D3FA727791'))), '081460e7d3fa727791000000');
});

test('rsa_public_key serialization is n:bytes e:bytes (260 + 4 bytes for a 2048-bit key, e = 65537)', () => {
  const key = parseRsaPublicKeyPem(TELEGRAM_PRODUCTION_RSA_KEY.pem);
  const tl = serializeRsaPublicKeyTl(key);
  assert.is(tl.length, 264);
  assert.equal(Array.from(tl.subarray(0, 4)), [0xfe, 0x00, 0x01, 0x00]);
  assert.equal(Array.from(tl.subarray(260)), [0x03, 0x01, 0x00, 0x01]);
});

test('fingerprint of the production key is 0xd09d1d85de64fd85 (the samples-auth_key resPQ lists 85FD64DE851D9DD0)', () => {
  const fp = rsaKeyFingerprint(parseRsaPublicKeyPem(TELEGRAM_PRODUCTION_RSA_KEY.pem), crypto);
  assert.is(fp, 0xd09d1d85de64fd85n);
  assert.is(bytesToBigIntLE(hexToBytes('85FD64DE851D9DD0')), fp);
  assert.is(TELEGRAM_PRODUCTION_RSA_KEY.fingerprint, fp);
});

test('fingerprint of the test-DC key is 0xb25898df208d2603 (official clients)', () => {
  const key = loadRsaPublicKey(TELEGRAM_TEST_RSA_KEY.pem, crypto);
  assert.is(key.fingerprint, 0xb25898df208d2603n);
  assert.is(TELEGRAM_TEST_RSA_KEY.fingerprint, key.fingerprint);
});

test('fingerprint is the same for the SPKI form of a key', () => {
  const spki = createPublicKey({ key: TELEGRAM_PRODUCTION_RSA_KEY.pem, format: 'pem', type: 'pkcs1' }).export({
    format: 'pem',
    type: 'spki',
  }) as string;
  assert.is(loadRsaPublicKey(spki, crypto).fingerprint, 0xd09d1d85de64fd85n);
});

test('pickRsaKey chooses the known key from the sample resPQ list, in server order', () => {
  // resPQ of samples-auth_key: A5B7F709355FC30B, 216BE86C022BB4C3, 85FD64DE851D9DD0 (little-endian longs)
  const list = ['A5B7F709355FC30B', '216BE86C022BB4C3', '85FD64DE851D9DD0'].map((h) => bytesToBigIntLE(hexToBytes(h)));
  const key = pickRsaKey(list);
  assert.is(key.fingerprint, 0xd09d1d85de64fd85n);
  assert.is(key.n, parseRsaPublicKeyPem(TELEGRAM_PRODUCTION_RSA_KEY.pem).n);
  // a TL long read as signed still matches
  assert.is(pickRsaKey([BigInt.asIntN(64, 0xd09d1d85de64fd85n)]).fingerprint, 0xd09d1d85de64fd85n);
  // test DCs
  assert.is(pickRsaKey([0xb25898df208d2603n], telegramRsaPublicKeys({ testServers: true })).fingerprint, 0xb25898df208d2603n);
  assert.throws(() => pickRsaKey([0xb25898df208d2603n]), isSecurity('rsa_fingerprint'));
  assert.throws(() => pickRsaKey([]), isSecurity('rsa_fingerprint'));
  // server order wins when several are known
  const mine = loadRsaPublicKey(pkcs1Pem, crypto);
  const both = [...telegramRsaPublicKeys(), mine];
  assert.is(pickRsaKey([mine.fingerprint, 0xd09d1d85de64fd85n], both), mine);
});

// ---------------------------------------------------------------- raw RSA

test('rsaEncryptRaw equals BigInt reference and node:crypto RSA_NO_PADDING', () => {
  for (let i = 0; i < 4; i++) {
    const m = new Uint8Array(randomBytes(256));
    m[0] = i === 0 ? 0 : m[0]! & 0x7f; // below n (n > 2^2047)
    const ours = rsaEncryptRaw(m, { n: N, e: E });
    assert.is(ours.length, 256);
    assert.is(bytesToHex(ours), bytesToHex(bigIntToBytes(refPow(bytesToBigInt(m), E, N), 256)));
    assert.is(bytesToHex(ours), bytesToHex(nodeRawEncrypt(m)));
    assert.is(bytesToHex(rsaDecryptRaw(ours, { n: N, d: D })), bytesToHex(m));
  }
  // short messages are numbers too; output keeps leading zeros
  const small = rsaEncryptRaw(new Uint8Array([2]), { n: N, e: 3n });
  assert.is(bytesToBigInt(small), 8n);
  assert.is(small.length, 256);
});

test('rsaEncryptRaw refuses a message not below the modulus', () => {
  assert.throws(() => rsaEncryptRaw(bigIntToBytes(N, 256), { n: N, e: E }), isCrypto);
  assert.throws(() => rsaEncryptRaw(new Uint8Array(256).fill(0xff), { n: N, e: E }), isCrypto);
  assert.throws(() => rsaDecryptRaw(bigIntToBytes(N, 256), { n: N, d: D }), isCrypto);
});

// ---------------------------------------------------------------- RSA_PAD

/** RSA_PAD's key_aes_encrypted, computed step by step from the spec with node:crypto only. */
function referenceKeyAesEncrypted(data: Uint8Array, padding: Uint8Array, tempKey: Uint8Array): Uint8Array {
  const dataWithPadding = concatBytes(data, padding);
  assert.is(dataWithPadding.length, 192);
  const reversed = dataWithPadding.slice().reverse();
  const dataWithHash = concatBytes(reversed, sha256(tempKey, dataWithPadding));
  const aesEncrypted = referenceIge.encrypt(dataWithHash, tempKey, new Uint8Array(32));
  const h = sha256(aesEncrypted);
  const tempKeyXor = tempKey.map((b, i) => b ^ h[i]!);
  return concatBytes(tempKeyXor, aesEncrypted);
}

test('RSA_PAD with fixed randomness equals a step-by-step reference encrypted by node:crypto', () => {
  const data = SAMPLE.pqInnerData; // the sample's p_q_inner_data_dc, 100 bytes
  const padding = new Uint8Array(randomBytes(192 - data.length));
  let tempKey: Uint8Array;
  let expectedPlain: Uint8Array;
  do {
    tempKey = new Uint8Array(randomBytes(32));
    expectedPlain = referenceKeyAesEncrypted(data, padding, tempKey);
  } while (bytesToBigInt(expectedPlain) >= N);
  const ours = rsaPadEncrypt(data, { n: N, e: E }, crypto, replayRandom(padding, tempKey));
  assert.is(ours.length, 256);
  assert.is(bytesToHex(ours), bytesToHex(nodeRawEncrypt(expectedPlain)));
});

test('RSA_PAD output decrypts with the private key back to the input (node:crypto decrypt + spec inverse)', () => {
  for (const len of [0, 1, 100, RSA_PAD_MAX_DATA]) {
    const data = new Uint8Array(randomBytes(len));
    const encrypted = rsaPadEncrypt(data, { n: N, e: E }, crypto);
    const keyAesEncrypted = nodeRawDecrypt(encrypted);
    const tempKeyXor = keyAesEncrypted.subarray(0, 32);
    const aesEncrypted = keyAesEncrypted.subarray(32);
    const h = sha256(aesEncrypted);
    const tempKey = tempKeyXor.map((b, i) => b ^ h[i]!);
    const dataWithHash = referenceIge.decrypt(aesEncrypted, tempKey, new Uint8Array(32));
    const dataWithPadding = dataWithHash.slice(0, 192).reverse();
    assert.is(bytesToHex(dataWithHash.subarray(192)), bytesToHex(sha256(tempKey, dataWithPadding)));
    assert.is(bytesToHex(dataWithPadding.subarray(0, len)), bytesToHex(data));
    // and our own server-side inverse agrees
    assert.is(bytesToHex(rsaPadDecrypt(encrypted, { n: N, d: D }, crypto)), bytesToHex(dataWithPadding));
  }
});

test('RSA_PAD draws a new temp_key (same padding) while key_aes_encrypted >= modulus', () => {
  // A modulus just above 2^2047 makes roughly half of all temp_keys too large.
  const n = (1n << 2047n) + 0x1234567n;
  const e = 65537n;
  const data = new Uint8Array(randomBytes(40));
  const padding = new Uint8Array(randomBytes(152));
  const draw = (wantBelow: boolean) => {
    for (;;) {
      const tk = new Uint8Array(randomBytes(32));
      const value = bytesToBigInt(referenceKeyAesEncrypted(data, padding, tk));
      if (value < n === wantBelow) return { tk, value };
    }
  };
  const tooBig = draw(false);
  const good = draw(true);
  const ours = rsaPadEncrypt(data, { n, e }, crypto, replayRandom(padding, tooBig.tk, tooBig.tk, good.tk));
  assert.is(bytesToHex(ours), bytesToHex(bigIntToBytes(refPow(good.value, e, n), 256)));
  // a source that never yields a usable temp_key ends with CryptoError, not a hang
  const zeros = new Uint8Array(40);
  const allOnes = (out: Uint8Array) => void out.fill(0xff);
  const stuck = bytesToBigInt(referenceKeyAesEncrypted(zeros, new Uint8Array(152).fill(0xff), new Uint8Array(32).fill(0xff)));
  const lowN = (1n << 2040n) + 1n; // still a 256-byte modulus
  assert.ok(stuck >= lowN, 'precondition: the stuck value is above the modulus');
  assert.throws(() => rsaPadEncrypt(zeros, { n: lowN, e }, crypto, allOnes), isCrypto);
});

test('RSA_PAD refuses data over 144 bytes and non-2048-bit keys', () => {
  assert.throws(() => rsaPadEncrypt(new Uint8Array(145), { n: N, e: E }, crypto), isCrypto);
  const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
  assert.throws(() => rsaPadEncrypt(new Uint8Array(10), { n: bytesToBigInt(b64url(small.n!)), e: E }, crypto), isCrypto);
});

test('rsaPadDecrypt detects tampering with rsa_pad_hash', () => {
  const encrypted = rsaPadEncrypt(new Uint8Array([1, 2, 3]), { n: N, e: E }, crypto);
  // change the plaintext (not the ciphertext) so the value stays below n
  const plain = nodeRawDecrypt(encrypted);
  plain[100]! ^= 1;
  const tampered = nodeRawEncrypt(plain);
  assert.throws(() => rsaPadDecrypt(tampered, { n: N, d: D }, crypto), isSecurity('rsa_pad_hash'));
  assert.throws(() => rsaPadDecrypt(encrypted.subarray(1), { n: N, d: D }, crypto), isCrypto);
});

// ---------------------------------------------------------------- SHA1-padded form

test('SHA1-padded RSA: SHA1(data) ‖ data ‖ random padding to 255 bytes, decryptable by node:crypto', () => {
  const data = SAMPLE.pqInnerData;
  const padding = new Uint8Array(randomBytes(255 - 20 - data.length));
  const encrypted = rsaEncryptSha1Padded(data, { n: N, e: E }, crypto, replayRandom(padding));
  const plain = nodeRawDecrypt(encrypted);
  assert.is(plain[0], 0);
  const expected = concatBytes(new Uint8Array(createHash('sha1').update(data).digest()), data, padding);
  assert.is(bytesToHex(plain.subarray(1)), bytesToHex(expected));
  assert.throws(() => rsaEncryptSha1Padded(new Uint8Array(236), { n: N, e: E }, crypto, replayRandom()), isCrypto);
});

test.run();
