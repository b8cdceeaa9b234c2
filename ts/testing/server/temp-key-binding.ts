/**
 * The check behind `auth.bindTempAuthKey` (https://core.telegram.org/method/auth.bindTempAuthKey,
 * https://core.telegram.org/api/pfs): only the protocol layer holds the
 * permanent key's bytes and knows which msg_id and session the query came
 * with, so the server hands this verifier to the in-memory Telegram.
 *
 * The query must be sent on the temporary key; `encrypted_message` must
 * open under the permanent key `perm_auth_key_id` (MTProto v1), and its
 * `bind_auth_key_inner` must name this temporary key, the same nonce,
 * permanent key and expiry as the query, the msg_id of the query itself and
 * the session it was sent in. Any mismatch is 400 ENCRYPTED_MESSAGE_INVALID.
 */
import { SecurityError } from '../../errors.js';
import { openBindTempAuthKeyMessage } from '../../mtproto/server-side.js';
import { badRequest, type TempKeyVerifier } from '../telegram/index.js';
import type { DcRuntime } from './dc-runtime.js';

/** A verifier over the key stores of the server's DCs (by DC id). */
export function createTempKeyVerifier(runtimes: ReadonlyMap<number, DcRuntime>): TempKeyVerifier {
  return ({ dcId, tempAuthKeyId, request }) => {
    const rt = runtimes.get(dcId);
    const invalid = () => badRequest('ENCRYPTED_MESSAGE_INVALID');
    if (!rt) throw invalid();
    const now = Math.floor(rt.clock() / 1000);
    const temp = rt.keys.get(tempAuthKeyId, now);
    const perm = rt.keys.get(request.perm_auth_key_id, now);
    if (!temp?.temp || !perm || perm.temp) throw invalid();
    let opened;
    try {
      opened = openBindTempAuthKeyMessage(rt.crypto, perm.authKey, request.encrypted_message);
    } catch (e) {
      if (e instanceof SecurityError) throw invalid();
      throw e;
    }
    const { inner, msgId } = opened;
    const sessionId = temp.rpcInFlight.get(msgId);
    if (
      sessionId === undefined ||
      inner.temp_session_id !== sessionId ||
      inner.temp_auth_key_id !== tempAuthKeyId ||
      inner.perm_auth_key_id !== request.perm_auth_key_id ||
      inner.nonce !== request.nonce ||
      inner.expires_at !== request.expires_at
    ) {
      throw invalid();
    }
  };
}
