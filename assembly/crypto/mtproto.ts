// The MTProto 2.0 message pipeline in one call each way.
// https://core.telegram.org/mtproto/description#defining-aes-key-and-initialization-vector
//
//   msg_key_large = SHA256(substr(auth_key, 88+x, 32) ‖ plaintext ‖ random_padding)
//   msg_key       = substr(msg_key_large, 8, 16)
//   sha256_a      = SHA256(msg_key ‖ substr(auth_key, x, 36))
//   sha256_b      = SHA256(substr(auth_key, 40+x, 36) ‖ msg_key)
//   aes_key       = substr(a, 0, 8) ‖ substr(b, 8, 16) ‖ substr(a, 24, 8)
//   aes_iv        = substr(b, 0, 8) ‖ substr(a, 8, 16) ‖ substr(b, 24, 8)
//
// x = 0 for client→server messages and 8 for server→client.
import {
  AK_KEY, AK_ID, MSG_KEY_LARGE, SHA_A, SHA_B, AES_KEY, AES_IV, KDF_IN,
  MSG_KEY_CHECK, CTX_TMP, ENC_RK, DEC_RK, KEY_FLAGS,
} from './layout';
import { sha256Init } from './sha256';
import { sha256Update, sha256Final } from './hash-stream';
import { aesExpandEnc, aesExpandDec } from './aes';
import { igeEncrypt256, igeDecrypt256 } from './aes-ige256';

// Derives AES_KEY / AES_IV from the msg_key at `msgKey` and the auth key.
function kdf(authKey: usize, x: usize, msgKey: usize): void {
  // sha256_a = SHA256(msg_key ‖ auth_key[x .. x+36])
  memory.copy(KDF_IN, msgKey, 16);
  memory.copy(KDF_IN + 16, authKey + x, 36);
  sha256Init(CTX_TMP);
  sha256Update(CTX_TMP, KDF_IN, 52);
  sha256Final(CTX_TMP, SHA_A);
  // sha256_b = SHA256(auth_key[40+x .. 76+x] ‖ msg_key)
  memory.copy(KDF_IN, authKey + 40 + x, 36);
  memory.copy(KDF_IN + 36, msgKey, 16);
  sha256Init(CTX_TMP);
  sha256Update(CTX_TMP, KDF_IN, 52);
  sha256Final(CTX_TMP, SHA_B);
  store<u64>(AES_KEY, load<u64>(SHA_A));
  store<u64>(AES_KEY, load<u64>(SHA_B, 8), 8);
  store<u64>(AES_KEY, load<u64>(SHA_B, 16), 16);
  store<u64>(AES_KEY, load<u64>(SHA_A, 24), 24);
  store<u64>(AES_IV, load<u64>(SHA_B));
  store<u64>(AES_IV, load<u64>(SHA_A, 8), 8);
  store<u64>(AES_IV, load<u64>(SHA_A, 16), 16);
  store<u64>(AES_IV, load<u64>(SHA_B, 24), 24);
}

// Writes msg_key_large of (auth_key part ‖ data[0..len]) to `out`.
function msgKeyLarge(authKey: usize, x: usize, data: usize, len: usize, out: usize): void {
  sha256Init(CTX_TMP);
  sha256Update(CTX_TMP, authKey + 88 + x, 32);
  sha256Update(CTX_TMP, data, len);
  sha256Final(CTX_TMP, out);
}

/**
 * Seals `len` bytes at `src` (plaintext already padded: len % 16 == 0) into
 * `dst` as auth_key_id ‖ msg_key ‖ encrypted_data (len + 24 bytes).
 * `src` and `dst + 24` may be the same address.
 */
export function mtpSeal(slot: usize, x: usize, src: usize, len: usize, dst: usize): void {
  const authKey = slot + AK_KEY;
  msgKeyLarge(authKey, x, src, len, MSG_KEY_LARGE);
  const msgKey = MSG_KEY_LARGE + 8;
  kdf(authKey, x, msgKey);
  store<u64>(dst, load<u64>(slot + AK_ID));
  store<u64>(dst, load<u64>(msgKey), 8);
  store<u64>(dst, load<u64>(msgKey, 8), 16);
  // The per-message schedule goes where the fixed-address IGE reads it; the
  // one-shot igeEncrypt's cached key is then stale.
  aesExpandEnc(AES_KEY, 32, ENC_RK);
  store<u32>(KEY_FLAGS, 0);
  igeEncrypt256(AES_IV, src, dst + 24, len);
}

/**
 * Opens the packet at `src` (auth_key_id ‖ msg_key ‖ encrypted, `len` bytes)
 * into `dst` (len - 24 bytes of plaintext with padding).
 * Returns 0 on success, 1 for a bad length, 2 for an auth_key_id mismatch,
 * 3 for a msg_key mismatch (dst then holds garbage and must be discarded).
 */
export function mtpOpen(slot: usize, x: usize, src: usize, len: usize, dst: usize): u32 {
  if (len < 24 + 16 || ((len - 24) & 15) != 0) return 1;
  if (load<u64>(src) != load<u64>(slot + AK_ID)) return 2;
  const authKey = slot + AK_KEY;
  // Keep msg_key aside: dst may overlap src.
  store<u64>(MSG_KEY_CHECK, load<u64>(src, 8));
  store<u64>(MSG_KEY_CHECK, load<u64>(src, 16), 8);
  kdf(authKey, x, MSG_KEY_CHECK);
  aesExpandDec(AES_KEY, 32, DEC_RK);
  store<u32>(KEY_FLAGS, 0, 4);
  const n = len - 24;
  igeDecrypt256(AES_IV, src + 24, dst, n);
  msgKeyLarge(authKey, x, dst, n, MSG_KEY_LARGE);
  // Constant-time comparison of the 16-byte msg_key.
  const diff = (load<u64>(MSG_KEY_LARGE, 8) ^ load<u64>(MSG_KEY_CHECK)) |
    (load<u64>(MSG_KEY_LARGE, 16) ^ load<u64>(MSG_KEY_CHECK, 8));
  return diff == 0 ? 0 : 3;
}
