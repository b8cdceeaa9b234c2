/**
 * RSA as MTProto uses it: server public keys, their fingerprints, raw
 * (textbook) encryption, the RSA_PAD scheme of the auth key exchange and the
 * older SHA1-padded form.
 *
 * Spec: https://core.telegram.org/mtproto/auth_key (steps 2 and 4.1).
 */

import { CryptoError, SecurityError } from '../errors.js';
import { bigIntToBytes, byteLength, bytesToBigInt } from './bigint.js';
import { bytesEqual, concatBytes, randomBytesFrom, reverseBytes, xorBytes } from './bytes.js';
import { DER_TAG, decodePem, derUnsignedInteger, expectDer } from './der.js';
import { modExp } from './modexp.js';
import type { CryptoProvider, RandomSource } from './provider.js';

/** An RSA public key: modulus and exponent. */
export interface RsaKeyNumbers {
  /** Modulus. */
  readonly n: bigint;
  /** Public exponent. */
  readonly e: bigint;
}

/** An RSA public key with its MTProto fingerprint. */
export interface RsaPublicKey extends RsaKeyNumbers {
  /**
   * The 64 lower-order bits of SHA1 of the TL-serialized key, as an unsigned
   * 64-bit integer (the `long` the server lists in `resPQ`).
   */
  readonly fingerprint: bigint;
}

/** An RSA private key (test server, tests): modulus and private exponent. */
export interface RsaPrivateKeyNumbers {
  /** Modulus. */
  readonly n: bigint;
  /** Private exponent. */
  readonly d: bigint;
}

/** rsaEncryption, 1.2.840.113549.1.1.1, DER-encoded OID body. */
const RSA_ENCRYPTION_OID = new Uint8Array([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]);

/** PKCS#1 RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } */
function parsePkcs1(der: Uint8Array): RsaKeyNumbers {
  const seq = expectDer(der, 0, DER_TAG.SEQUENCE);
  if (seq.end !== der.length) throw new CryptoError('RSA key: trailing bytes after RSAPublicKey');
  const n = expectDer(seq.value, 0, DER_TAG.INTEGER);
  const e = expectDer(seq.value, n.end, DER_TAG.INTEGER);
  if (e.end !== seq.value.length) throw new CryptoError('RSA key: unexpected fields in RSAPublicKey');
  return checkNumbers({ n: bytesToBigInt(derUnsignedInteger(n.value)), e: bytesToBigInt(derUnsignedInteger(e.value)) });
}

/** SubjectPublicKeyInfo ::= SEQUENCE { AlgorithmIdentifier, BIT STRING (RSAPublicKey) } */
function parseSpki(der: Uint8Array): RsaKeyNumbers {
  const seq = expectDer(der, 0, DER_TAG.SEQUENCE);
  if (seq.end !== der.length) throw new CryptoError('RSA key: trailing bytes after SubjectPublicKeyInfo');
  const algorithm = expectDer(seq.value, 0, DER_TAG.SEQUENCE);
  const oid = expectDer(algorithm.value, 0, DER_TAG.OBJECT_IDENTIFIER);
  if (!bytesEqual(oid.value, RSA_ENCRYPTION_OID)) throw new CryptoError('RSA key: SPKI algorithm is not rsaEncryption');
  const bits = expectDer(seq.value, algorithm.end, DER_TAG.BIT_STRING);
  if (bits.value.length < 1 || bits.value[0] !== 0) throw new CryptoError('RSA key: BIT STRING has unused bits');
  return parsePkcs1(bits.value.subarray(1));
}

function checkNumbers(key: RsaKeyNumbers): RsaKeyNumbers {
  if (key.n < 3n || (key.n & 1n) === 0n) throw new CryptoError('RSA key: modulus must be odd and > 2');
  if (key.e < 3n || key.e >= key.n) throw new CryptoError('RSA key: bad public exponent');
  return key;
}

/**
 * Parses a PEM RSA public key: `-----BEGIN RSA PUBLIC KEY-----` (PKCS#1, as
 * Telegram publishes them) or `-----BEGIN PUBLIC KEY-----` (SPKI).
 * @throws CryptoError for any other label or malformed DER.
 */
export function parseRsaPublicKeyPem(pem: string): RsaKeyNumbers {
  const block = decodePem(pem);
  if (block.label === 'RSA PUBLIC KEY') return parsePkcs1(block.der);
  if (block.label === 'PUBLIC KEY') return parseSpki(block.der);
  throw new CryptoError(`RSA key: unsupported PEM label "${block.label}"`);
}

/**
 * TL `bytes` serialization (https://core.telegram.org/mtproto/serialize#base-types):
 * a 1-byte length below 254, otherwise 0xFE and a 3-byte little-endian
 * length; then the data; then zero padding to a multiple of 4.
 */
export function tlSerializeBytes(data: Uint8Array): Uint8Array {
  const len = data.length;
  if (len > 0xffffff) throw new CryptoError('TL bytes: longer than 2^24 - 1');
  const header = len < 254 ? 1 : 4;
  const out = new Uint8Array((header + len + 3) & ~3);
  if (header === 1) {
    out[0] = len;
  } else {
    out[0] = 0xfe;
    out[1] = len & 0xff;
    out[2] = (len >> 8) & 0xff;
    out[3] = (len >> 16) & 0xff;
  }
  out.set(data, header);
  return out;
}

/**
 * The bare TL object `rsa_public_key n:bytes e:bytes = RSAPublicKey`, whose
 * SHA1 gives the fingerprint (https://core.telegram.org/mtproto/auth_key#2-server-sends-response-of-the-form).
 * Numbers are big-endian without leading zero bytes.
 */
export function serializeRsaPublicKeyTl(key: RsaKeyNumbers): Uint8Array {
  return concatBytes(tlSerializeBytes(bigIntToBytes(key.n)), tlSerializeBytes(bigIntToBytes(key.e)));
}

/**
 * The key fingerprint: the 64 lower-order bits of SHA1(rsa_public_key), i.e.
 * the last 8 bytes of the hash read as a little-endian unsigned integer.
 */
export function rsaKeyFingerprint(key: RsaKeyNumbers, crypto: Pick<CryptoProvider, 'sha1'>): bigint {
  const hash = crypto.sha1(serializeRsaPublicKeyTl(key));
  let fp = 0n;
  for (let i = 19; i >= 12; i--) fp = (fp << 8n) | BigInt(hash[i]!);
  return fp;
}

/** Parses a PEM key and computes its fingerprint. */
export function loadRsaPublicKey(pem: string, crypto: Pick<CryptoProvider, 'sha1'>): RsaPublicKey {
  const numbers = parseRsaPublicKeyPem(pem);
  return { n: numbers.n, e: numbers.e, fingerprint: rsaKeyFingerprint(numbers, crypto) };
}

/**
 * Textbook RSA: `data` (a big-endian integer) raised to `e` mod `n`, written
 * big-endian in exactly as many bytes as the modulus.
 * @throws CryptoError when the integer value of `data` is not below `n`.
 */
export function rsaEncryptRaw(data: Uint8Array, key: RsaKeyNumbers): Uint8Array {
  const m = bytesToBigInt(data);
  if (m >= key.n) throw new CryptoError('RSA: message is not smaller than the modulus');
  return bigIntToBytes(modExp(m, key.e, key.n, { secret: false }), byteLength(key.n));
}

/**
 * Textbook RSA decryption with a private exponent (test server side).
 * Output is `byteLength(n)` bytes.
 * @throws CryptoError when the ciphertext is not below `n`.
 */
export function rsaDecryptRaw(data: Uint8Array, key: RsaPrivateKeyNumbers): Uint8Array {
  const c = bytesToBigInt(data);
  if (c >= key.n) throw new CryptoError('RSA: ciphertext is not smaller than the modulus');
  return bigIntToBytes(modExp(c, key.d, key.n), byteLength(key.n)); // d is secret: constant time
}

/** The most `data` RSA_PAD accepts (spec: "check that data is not longer than 144 bytes"). */
export const RSA_PAD_MAX_DATA = 144;
const RSA_PAD_PADDED = 192;
const RSA_PAD_ZERO_IV = new Uint8Array(32);

/** What {@link rsaPadEncrypt} needs from the engine. */
export type RsaPadCrypto = Pick<CryptoProvider, 'sha256' | 'igeEncrypt' | 'random'>;

/**
 * RSA_PAD(data, server_public_key), the OAEP+-like scheme of
 * https://core.telegram.org/mtproto/auth_key#41-rsa-paddata-server-public-key-mentioned-above-is-implemented-as-follows:
 *
 * 1. data_with_padding := data ‖ random bytes, 192 bytes in all;
 * 2. data_pad_reversed := BYTE_REVERSE(data_with_padding);
 * 3. temp_key := 32 random bytes;
 * 4. data_with_hash := data_pad_reversed ‖ SHA256(temp_key ‖ data_with_padding) (224 bytes);
 * 5. aes_encrypted := AES256_IGE(data_with_hash, temp_key, zero IV);
 * 6. temp_key_xor := temp_key XOR SHA256(aes_encrypted);
 * 7. key_aes_encrypted := temp_key_xor ‖ aes_encrypted (256 bytes);
 * 8. if key_aes_encrypted ≥ n as a big-endian number, repeat from 3 with a new temp_key;
 * 9. encrypted_data := key_aes_encrypted^e mod n, 256 bytes big-endian.
 *
 * @param random  overrides `crypto.random` (padding and temp_key).
 * @throws CryptoError when `data` is longer than 144 bytes, the modulus is not
 *   2048 bits, or no temp_key below the modulus was found in 64 draws.
 */
export function rsaPadEncrypt(
  data: Uint8Array,
  key: RsaKeyNumbers,
  crypto: RsaPadCrypto,
  random: RandomSource = crypto.random,
): Uint8Array {
  if (data.length > RSA_PAD_MAX_DATA) {
    throw new CryptoError(`RSA_PAD: data is ${data.length} bytes, at most ${RSA_PAD_MAX_DATA} allowed`);
  }
  if (byteLength(key.n) !== 256) throw new CryptoError('RSA_PAD: the key must have a 2048-bit modulus');

  const dataWithPadding = new Uint8Array(RSA_PAD_PADDED);
  dataWithPadding.set(data);
  random(dataWithPadding.subarray(data.length));
  const dataPadReversed = reverseBytes(dataWithPadding);

  // Each draw is below n with probability n / 2^2048 > 1/2.
  for (let attempt = 0; attempt < 64; attempt++) {
    const tempKey = randomBytesFrom(random, 32);
    const dataWithHash = concatBytes(dataPadReversed, crypto.sha256([tempKey, dataWithPadding]));
    const aesEncrypted = crypto.igeEncrypt(dataWithHash, tempKey, RSA_PAD_ZERO_IV);
    const tempKeyXor = xorBytes(tempKey, crypto.sha256(aesEncrypted));
    const keyAesEncrypted = concatBytes(tempKeyXor, aesEncrypted);
    if (bytesToBigInt(keyAesEncrypted) >= key.n) continue;
    return rsaEncryptRaw(keyAesEncrypted, key);
  }
  throw new CryptoError('RSA_PAD: no temp_key gave a value below the modulus in 64 draws (broken random source?)');
}

/** What {@link rsaPadDecrypt} needs from the engine. */
export type RsaPadDecryptCrypto = Pick<CryptoProvider, 'sha256' | 'igeDecrypt'>;

/**
 * The inverse of {@link rsaPadEncrypt}, for the server side (the test
 * server's handshake): RSA-decrypts, recovers temp_key, AES-IGE-decrypts and
 * verifies SHA256(temp_key ‖ data_with_padding).
 *
 * Returns the 192-byte `data_with_padding`; the TL layer reads the inner
 * data from its start and ignores the random tail.
 * @throws CryptoError when the input is not 256 bytes or not below the modulus.
 * @throws SecurityError (`rsa_pad_hash`) when the embedded hash does not match.
 */
export function rsaPadDecrypt(encrypted: Uint8Array, key: RsaPrivateKeyNumbers, crypto: RsaPadDecryptCrypto): Uint8Array {
  if (encrypted.length !== 256 || byteLength(key.n) !== 256) {
    throw new CryptoError('RSA_PAD: expected 256 bytes and a 2048-bit key');
  }
  const keyAesEncrypted = rsaDecryptRaw(encrypted, key);
  const tempKeyXor = keyAesEncrypted.subarray(0, 32);
  const aesEncrypted = keyAesEncrypted.subarray(32);
  const tempKey = xorBytes(tempKeyXor, crypto.sha256(aesEncrypted));
  const dataWithHash = crypto.igeDecrypt(aesEncrypted, tempKey, RSA_PAD_ZERO_IV);
  const dataWithPadding = reverseBytes(dataWithHash.subarray(0, RSA_PAD_PADDED));
  const hash = dataWithHash.subarray(RSA_PAD_PADDED);
  if (!bytesEqual(hash, crypto.sha256([tempKey, dataWithPadding]))) {
    throw new SecurityError('rsa_pad_hash', 'RSA_PAD: SHA256(temp_key + data_with_padding) mismatch');
  }
  return dataWithPadding;
}

/** The most data the SHA1-padded scheme accepts: 255 − 20 bytes of hash. */
export const RSA_SHA1_MAX_DATA = 235;

/**
 * The pre-2021 encryption of p_q_inner_data (still accepted by some servers
 * and used by older test tools): `data_with_hash := SHA1(data) ‖ data ‖
 * random padding` to exactly 255 bytes, then textbook RSA. 255 bytes are
 * always below a 2048-bit modulus, so no retry is needed.
 *
 * @throws CryptoError when `data` is longer than 235 bytes or the modulus is not 2048 bits.
 */
export function rsaEncryptSha1Padded(
  data: Uint8Array,
  key: RsaKeyNumbers,
  crypto: Pick<CryptoProvider, 'sha1'>,
  random: RandomSource,
): Uint8Array {
  if (data.length > RSA_SHA1_MAX_DATA) {
    throw new CryptoError(`RSA (SHA1 padding): data is ${data.length} bytes, at most ${RSA_SHA1_MAX_DATA} allowed`);
  }
  if (byteLength(key.n) !== 256) throw new CryptoError('RSA (SHA1 padding): the key must have a 2048-bit modulus');
  const block = new Uint8Array(255);
  block.set(crypto.sha1(data), 0);
  block.set(data, 20);
  random(block.subarray(20 + data.length));
  return rsaEncryptRaw(block, key);
}
