/**
 * The SHA1-based derivations of the auth key exchange: the temporary AES
 * key/IV that protect server_DH_inner_data and client_DH_inner_data, the
 * auth key's id and aux hash, new_nonce_hash1/2/3, the first server salt, and
 * the `SHA1(data) ‖ data ‖ padding` framing of the encrypted inner data.
 *
 * Spec: https://core.telegram.org/mtproto/auth_key (steps 6–9) and
 * https://core.telegram.org/mtproto/security_guidelines#checking-sha1-hash-values-during-key-generation.
 * All functions are pure: hashing comes from the injected provider.
 */

import { CryptoError, SecurityError } from '../errors.js';
import { bytesEqual, concatBytes } from './bytes.js';
import type { CryptoProvider, RandomSource } from './provider.js';

type Sha1 = Pick<CryptoProvider, 'sha1'>;

function expectLength(name: string, data: Uint8Array, length: number): void {
  if (data.length !== length) throw new CryptoError(`${name} must be ${length} bytes, got ${data.length}`);
}

/** AES-256-IGE key and IV for the handshake's encrypted messages. */
export interface TmpAesKeyIv {
  /** tmp_aes_key, 32 bytes. */
  key: Uint8Array;
  /** tmp_aes_iv, 32 bytes. */
  iv: Uint8Array;
}

/**
 * tmp_aes_key := SHA1(new_nonce ‖ server_nonce) ‖ substr(SHA1(server_nonce ‖ new_nonce), 0, 12);
 * tmp_aes_iv := substr(SHA1(server_nonce ‖ new_nonce), 12, 8) ‖ SHA1(new_nonce ‖ new_nonce) ‖ substr(new_nonce, 0, 4)
 * (https://core.telegram.org/mtproto/auth_key#6-server-responds-with).
 *
 * @param newNonce     int256 new_nonce, 32 bytes as serialized (little-endian wire bytes).
 * @param serverNonce  int128 server_nonce, 16 bytes as serialized.
 * @throws CryptoError on wrong lengths.
 */
export function deriveTmpAesKeyIv(newNonce: Uint8Array, serverNonce: Uint8Array, crypto: Sha1): TmpAesKeyIv {
  expectLength('new_nonce', newNonce, 32);
  expectLength('server_nonce', serverNonce, 16);
  const newServer = crypto.sha1([newNonce, serverNonce]);
  const serverNew = crypto.sha1([serverNonce, newNonce]);
  const newNew = crypto.sha1([newNonce, newNonce]);
  const key = concatBytes(newServer, serverNew.subarray(0, 12));
  const iv = concatBytes(serverNew.subarray(12, 20), newNew, newNonce.subarray(0, 4));
  return { key, iv };
}

/** The two 64-bit values derived from SHA1(auth_key). */
export interface AuthKeyHashes {
  /** auth_key_id: the 64 lower-order bits of SHA1(auth_key) = its last 8 bytes (read little-endian as a `long`). */
  id: Uint8Array;
  /** auth_key_aux_hash: the 64 higher-order bits = the first 8 bytes (also `retry_id` after dh_gen_retry). */
  auxHash: Uint8Array;
}

/**
 * auth_key_id and auth_key_aux_hash from one SHA1 of the 256-byte key
 * (https://core.telegram.org/mtproto/auth_key#9-server-responds-in-one-of-three-ways;
 * https://core.telegram.org/mtproto/description#key-identifier-auth-key-id).
 * @throws CryptoError when the key is not 256 bytes.
 */
export function authKeyHashes(authKey: Uint8Array, crypto: Sha1): AuthKeyHashes {
  expectLength('auth_key', authKey, 256);
  const hash = crypto.sha1(authKey);
  return { id: hash.slice(12, 20), auxHash: hash.slice(0, 8) };
}

/** auth_key_id alone (see {@link authKeyHashes}). */
export function authKeyId(authKey: Uint8Array, crypto: Sha1): Uint8Array {
  return authKeyHashes(authKey, crypto).id;
}

/** auth_key_aux_hash alone (see {@link authKeyHashes}). */
export function authKeyAuxHash(authKey: Uint8Array, crypto: Sha1): Uint8Array {
  return authKeyHashes(authKey, crypto).auxHash;
}

/**
 * new_nonce_hash1/2/3: the 128 lower-order bits (last 16 bytes) of
 * SHA1(new_nonce ‖ byte(n) ‖ auth_key_aux_hash); 1 goes with dh_gen_ok,
 * 2 with dh_gen_retry, 3 with dh_gen_fail
 * (https://core.telegram.org/mtproto/auth_key#9-server-responds-in-one-of-three-ways).
 * @throws CryptoError on wrong lengths or `n` ∉ {1, 2, 3}.
 */
export function newNonceHash(newNonce: Uint8Array, n: 1 | 2 | 3, auxHash: Uint8Array, crypto: Sha1): Uint8Array {
  expectLength('new_nonce', newNonce, 32);
  expectLength('auth_key_aux_hash', auxHash, 8);
  if (n !== 1 && n !== 2 && n !== 3) throw new CryptoError('new_nonce_hash number must be 1, 2 or 3');
  return crypto.sha1([newNonce, new Uint8Array([n]), auxHash]).slice(4, 20);
}

/**
 * Checks a received new_nonce_hashN in constant time.
 * @throws SecurityError (`new_nonce_hash1`, `new_nonce_hash2` or `new_nonce_hash3`) on mismatch.
 */
export function checkNewNonceHash(received: Uint8Array, newNonce: Uint8Array, n: 1 | 2 | 3, auxHash: Uint8Array, crypto: Sha1): void {
  if (!bytesEqual(received, newNonceHash(newNonce, n, auxHash, crypto))) {
    throw new SecurityError(`new_nonce_hash${n}`, `new_nonce_hash${n} does not match`);
  }
}

/**
 * The first server_salt: substr(new_nonce, 0, 8) XOR substr(server_nonce, 0, 8)
 * (https://core.telegram.org/mtproto/auth_key#9-server-responds-in-one-of-three-ways).
 * Returned as the 8 wire bytes of the `long` (little-endian).
 * @throws CryptoError on wrong lengths.
 */
export function initialServerSalt(newNonce: Uint8Array, serverNonce: Uint8Array): Uint8Array {
  expectLength('new_nonce', newNonce, 32);
  expectLength('server_nonce', serverNonce, 16);
  const salt = new Uint8Array(8);
  for (let i = 0; i < 8; i++) salt[i] = newNonce[i]! ^ serverNonce[i]!;
  return salt;
}

/**
 * Frames inner data for AES-IGE as the handshake requires
 * (`client_DH_inner_data` in step 7, `server_DH_inner_data` in step 6 on the server):
 * `SHA1(data) ‖ data ‖ 0–15 random bytes`, total length a multiple of 16.
 */
export function withSha1AndPadding(data: Uint8Array, crypto: Sha1, random: RandomSource): Uint8Array {
  const unpadded = 20 + data.length;
  const total = (unpadded + 15) & ~15;
  const out = new Uint8Array(total);
  out.set(crypto.sha1(data), 0);
  out.set(data, 20);
  random(out.subarray(unpadded));
  return out;
}

/**
 * Verifies a decrypted `answer_with_hash := SHA1(answer) ‖ answer ‖ (0–15
 * random bytes)` (https://core.telegram.org/mtproto/security_guidelines#checking-sha1-hash-values-during-key-generation).
 *
 * The TL layer finds `answerLength` by parsing the object that starts at byte
 * 20; this function checks the rest: the total is a multiple of 16, the
 * padding is shorter than 16 bytes, and the first 20 bytes equal SHA1 of
 * exactly `answerLength` bytes. Returns the answer (a view, no copy).
 *
 * @throws SecurityError `answer_length` when the length does not fit the data,
 *   `answer_padding` when there are 16 or more padding bytes,
 *   `answer_hash` when the SHA1 differs.
 */
export function checkAnswerWithHash(decrypted: Uint8Array, answerLength: number, crypto: Sha1): Uint8Array {
  if (!Number.isInteger(answerLength) || answerLength < 0 || decrypted.length % 16 !== 0 || 20 + answerLength > decrypted.length) {
    throw new SecurityError('answer_length', 'decrypted answer length does not fit the encrypted data');
  }
  const padding = decrypted.length - 20 - answerLength;
  if (padding > 15) throw new SecurityError('answer_padding', `answer has ${padding} padding bytes (at most 15 allowed)`);
  const answer = decrypted.subarray(20, 20 + answerLength);
  if (!bytesEqual(crypto.sha1(answer), decrypted.subarray(0, 20))) {
    throw new SecurityError('answer_hash', 'SHA1(answer) does not match the hash in answer_with_hash');
  }
  return answer;
}
