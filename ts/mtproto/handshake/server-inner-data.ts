/**
 * Reading `req_DH_params.encrypted_data` on the server: which RSA scheme the
 * client used and which `p_q_inner_data` variant it sent
 * (https://core.telegram.org/mtproto/auth_key#presenting-proof-of-work-server-authentication).
 *
 * Telegram accepts more than the current documentation describes, and real
 * clients rely on it:
 *
 * - **RSA schemes.** `RSA_PAD` (since 2021) and the earlier one,
 *   `SHA1(data) ‖ data ‖ random padding` to 255 bytes then textbook RSA
 *   (still what many older clients send).
 * - **Inner data.** `p_q_inner_data_dc` / `p_q_inner_data_temp_dc` (with the
 *   DC id), and the older `p_q_inner_data` / `p_q_inner_data_temp` without it
 *   (GramJS 2.x, Telethon, Pyrogram).
 *
 * In strict mode only RSA_PAD and the `_dc` variants pass, as the spec
 * describes today.
 */
import { bytesEqual } from '../../crypto/bytes.js';
import type { CryptoProvider } from '../../crypto/provider.js';
import { rsaDecryptRaw, rsaPadDecrypt, type RsaPrivateKeyNumbers } from '../../crypto/rsa.js';
import { CryptoError, SecurityError } from '../../errors.js';
import type { mt } from '../../tl/generated/types.js';
import { readObjectPrefix } from './common.js';

/** How a client's p_q_inner_data was encrypted. */
export type RsaScheme = 'rsa_pad' | 'sha1_padding';

/** The p_q_inner_data variants of the MTProto schema. */
type PqInnerData = mt.p_q_inner_data | mt.p_q_inner_data_dc | mt.p_q_inner_data_temp | mt.p_q_inner_data_temp_dc;

/** What the client sent in `req_DH_params`, decrypted. Secret (holds new_nonce). */
export interface DecryptedInnerData {
  readonly inner: PqInnerData;
  readonly rsaScheme: RsaScheme;
}

const STRICT_VARIANTS = new Set(['p_q_inner_data_dc', 'p_q_inner_data_temp_dc']);
const ALL_VARIANTS = new Set(['p_q_inner_data', 'p_q_inner_data_dc', 'p_q_inner_data_temp', 'p_q_inner_data_temp_dc']);

/**
 * The legacy scheme, read backwards: RSA-decrypt (the 255-byte block comes
 * out with a leading zero byte), read one TL object after the 20-byte hash,
 * and check SHA1 over exactly its bytes. Returns undefined when the block is
 * not of this form.
 */
function sha1PaddedDecrypt(encrypted: Uint8Array, key: RsaPrivateKeyNumbers, crypto: Pick<CryptoProvider, 'sha1'>): Uint8Array | undefined {
  if (encrypted.length !== 256) return undefined;
  let block: Uint8Array;
  try {
    block = rsaDecryptRaw(encrypted, key);
  } catch (e) {
    if (e instanceof CryptoError) return undefined;
    throw e;
  }
  if (block[0] !== 0) return undefined;
  let length: number;
  try {
    length = readObjectPrefix(block, 21, 'p_q_inner_data').length;
  } catch (e) {
    if (e instanceof SecurityError) return undefined;
    throw e;
  }
  const data = block.subarray(21, 21 + length);
  return bytesEqual(crypto.sha1(data), block.subarray(1, 21)) ? data : undefined;
}

/**
 * Decrypts `encrypted_data` and reads the inner data. RSA_PAD is tried
 * first; unless `strict`, a block that is not RSA_PAD is tried as the
 * SHA1-padded scheme, and the no-dc variants are accepted.
 *
 * @throws SecurityError `rsa_pad` / `rsa_pad_hash` (neither scheme fits), `p_q_inner_data` (a variant not accepted)
 */
export function decryptPqInnerData(
  encrypted: Uint8Array,
  key: RsaPrivateKeyNumbers,
  crypto: Pick<CryptoProvider, 'sha1' | 'sha256' | 'igeDecrypt'>,
  strict: boolean,
): DecryptedInnerData {
  let data: Uint8Array | undefined;
  let rsaScheme: RsaScheme = 'rsa_pad';
  let padError: SecurityError | undefined;
  try {
    data = rsaPadDecrypt(encrypted, key, crypto);
  } catch (e) {
    if (e instanceof CryptoError) padError = new SecurityError('rsa_pad', `encrypted_data: ${e.message}`);
    else if (e instanceof SecurityError) padError = e;
    else throw e;
  }
  if (!data && !strict) {
    data = sha1PaddedDecrypt(encrypted, key, crypto);
    rsaScheme = 'sha1_padding';
  }
  if (!data) throw padError!;
  const { obj } = readObjectPrefix(data, 0, 'p_q_inner_data');
  if (!(strict ? STRICT_VARIANTS : ALL_VARIANTS).has(obj._)) {
    throw new SecurityError('p_q_inner_data', `expected ${strict ? 'p_q_inner_data_dc' : 'p_q_inner_data'}, got ${obj._}`);
  }
  return { inner: obj as PqInnerData, rsaScheme };
}
