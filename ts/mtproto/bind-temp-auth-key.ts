/**
 * Binding a temporary auth key to the permanent one (perfect forward
 * secrecy, https://core.telegram.org/api/pfs and
 * https://core.telegram.org/method/auth.bindTempAuthKey).
 *
 * `bind_auth_key_inner` is encrypted "in the usual way, but with MTProto v1"
 * under the PERMANENT key: `random:int128 ‖ msg_id ‖ seqno=0 ‖ length=40 ‖
 * bind_auth_key_inner ‖ padding to 16`, msg_key = the lower 128 bits of
 * SHA1 of the unpadded plaintext, the v1 SHA1 KDF with x = 0, AES-256-IGE;
 * then `perm_auth_key_id ‖ msg_key ‖ encrypted_data`
 * (https://core.telegram.org/mtproto/description_v1#defining-aes-key-and-initialization-vector).
 * The msg_id inside must be the msg_id of the auth.bindTempAuthKey query
 * itself, sent with the temporary key — hence the `build(msgId)` form, which
 * `MtprotoSession.send(..., { build })` calls when it numbers the message.
 */

import { bytesEqual, concatBytes, randomBytesFrom } from '../crypto/bytes.js';
import { authKeyHashes } from '../crypto/handshake-kdf.js';
import type { CryptoProvider, RandomSource } from '../crypto/provider.js';
import { SecurityError } from '../errors.js';
import { encode, TlReader } from '../tl/codec/index.js';
import type { auth, mt } from '../tl/generated/types.js';
import { longFromBytes } from './handshake/common.js';

/** The serialized length of bind_auth_key_inner: id, four longs, an int. */
const INNER_LENGTH = 40;

/** MTProto v1 AES key and IV from msg_key (x = 0: client → server). */
function kdfV1(crypto: CryptoProvider, authKey: Uint8Array, msgKey: Uint8Array, x: 0 | 8): { key: Uint8Array; iv: Uint8Array } {
  const a = crypto.sha1([msgKey, authKey.subarray(x, x + 32)]);
  const b = crypto.sha1([authKey.subarray(32 + x, 48 + x), msgKey, authKey.subarray(48 + x, 64 + x)]);
  const c = crypto.sha1([authKey.subarray(64 + x, 96 + x), msgKey]);
  const d = crypto.sha1([msgKey, authKey.subarray(96 + x, 128 + x)]);
  return {
    key: concatBytes(a.subarray(0, 8), b.subarray(8, 20), c.subarray(4, 16)),
    iv: concatBytes(a.subarray(8, 20), b.subarray(0, 8), c.subarray(16, 20), d.subarray(0, 8)),
  };
}

/** Parameters of {@link bindTempAuthKeyRequest}. */
export interface BindTempAuthKeyParams {
  crypto: CryptoProvider;
  /** The permanent key (256 bytes). Secret. */
  permAuthKey: Uint8Array;
  /** auth_key_id of the temporary key (8 wire bytes, as `AuthKeyResult.authKeyId`). */
  tempAuthKeyId: Uint8Array;
  /** session_id of the temporary-key session that sends the query. */
  tempSessionId: bigint;
  /** When the temporary key expires, unix seconds (server time). */
  expiresAt: number;
  /** Randomness for nonce, random:int128 and padding (default `crypto.random`). */
  random?: RandomSource;
}

/** A binding query waiting for its msg_id. */
export interface BindTempAuthKeyRequest {
  /** The random nonce of the binding (also in the query). */
  nonce: bigint;
  /** The query for the message numbered `msgId`. Call again for a re-send (new msg_id, new encryption). */
  build(msgId: bigint): auth.bindTempAuthKey;
}

/** Prepares auth.bindTempAuthKey; send it with `session.send(req.build(0n), { build: req.build })`. */
export function bindTempAuthKeyRequest(params: BindTempAuthKeyParams): BindTempAuthKeyRequest {
  const { crypto } = params;
  const random = params.random ?? crypto.random;
  const perm = authKeyHashes(params.permAuthKey, crypto);
  const permAuthKeyId = longFromBytes(perm.id);
  const nonce = longFromBytes(randomBytesFrom(random, 8));
  const inner: mt.bind_auth_key_inner = {
    _: 'bind_auth_key_inner',
    nonce,
    temp_auth_key_id: longFromBytes(params.tempAuthKeyId),
    perm_auth_key_id: permAuthKeyId,
    temp_session_id: params.tempSessionId,
    expires_at: params.expiresAt,
  };
  const innerBytes = encode(inner);
  return {
    nonce,
    build(msgId) {
      const plain = new Uint8Array(32 + INNER_LENGTH);
      random(plain.subarray(0, 16));
      const view = new DataView(plain.buffer);
      view.setBigInt64(16, BigInt.asIntN(64, msgId), true);
      view.setInt32(24, 0, true);
      view.setInt32(28, INNER_LENGTH, true);
      plain.set(innerBytes, 32);
      const msgKey = crypto.sha1(plain).subarray(4, 20);
      const padded = new Uint8Array((plain.length + 15) & ~15);
      padded.set(plain);
      random(padded.subarray(plain.length));
      const { key, iv } = kdfV1(crypto, params.permAuthKey, msgKey, 0);
      return {
        _: 'auth.bindTempAuthKey',
        perm_auth_key_id: permAuthKeyId,
        nonce,
        expires_at: params.expiresAt,
        encrypted_message: concatBytes(perm.id, msgKey, crypto.igeEncrypt(padded, key, iv)),
      };
    },
  };
}

/** What the server learns from a binding message. */
export interface OpenedBindMessage {
  /** The msg_id inside: must equal the msg_id of the auth.bindTempAuthKey query. */
  msgId: bigint;
  inner: mt.bind_auth_key_inner;
}

/**
 * The server side: decrypts `encrypted_message` with the permanent key and
 * checks it (test server). The caller then compares `msgId`,
 * `inner.temp_auth_key_id`, `inner.temp_session_id`, `inner.nonce` and
 * `inner.expires_at` with the query and the connection it came on.
 *
 * @throws SecurityError `bind_auth_key_id` (not this permanent key), `bind_length`, `bind_msg_key`, `bind_inner`
 */
export function openBindTempAuthKeyMessage(crypto: CryptoProvider, permAuthKey: Uint8Array, encrypted: Uint8Array): OpenedBindMessage {
  const perm = authKeyHashes(permAuthKey, crypto);
  if (encrypted.length < 24 + 80 || (encrypted.length - 24) % 16 !== 0) {
    throw new SecurityError('bind_length', `encrypted_message of ${encrypted.length} bytes`);
  }
  if (!bytesEqual(encrypted.subarray(0, 8), perm.id)) {
    throw new SecurityError('bind_auth_key_id', 'encrypted_message is not under this permanent key');
  }
  const msgKey = encrypted.subarray(8, 24);
  const { key, iv } = kdfV1(crypto, permAuthKey, msgKey, 0);
  const plain = crypto.igeDecrypt(encrypted.subarray(24), key, iv);
  const view = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
  const length = view.getInt32(28, true);
  if (length !== INNER_LENGTH || view.getInt32(24, true) !== 0 || plain.length - 32 - length > 15) {
    throw new SecurityError('bind_length', 'binding message has the wrong length, seqno or padding');
  }
  if (!bytesEqual(crypto.sha1(plain.subarray(0, 32 + INNER_LENGTH)).subarray(4, 20), msgKey)) {
    throw new SecurityError('bind_msg_key', 'binding message msg_key does not match');
  }
  const r = new TlReader(plain.subarray(32, 32 + INNER_LENGTH));
  const inner = r.object() as mt.bind_auth_key_inner;
  if (inner._ !== 'bind_auth_key_inner') throw new SecurityError('bind_inner', `expected bind_auth_key_inner, got ${inner._}`);
  if (inner.perm_auth_key_id !== longFromBytes(perm.id)) throw new SecurityError('bind_inner', 'perm_auth_key_id does not match the key');
  return { msgId: view.getBigInt64(16, true), inner };
}
