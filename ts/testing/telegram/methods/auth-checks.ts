/**
 * Checks shared by the `auth.*` methods, in the order Telegram applies them:
 * app credentials, then the phone number and its DC, then the code hash.
 * https://core.telegram.org/api/auth
 */
import { RpcError } from '../../../errors.js';
import type { auth } from '../../../tl/generated/types.js';
import type { SentCodeRecord } from '../login-codes.js';
import type { MethodCall } from '../method-call.js';
import { badRequest, migrate } from '../rpc-errors.js';
import { parseTestPhone, type TestPhone } from '../test-phone.js';
import { toTlUser } from '../tl-user.js';
import type { UserRecord } from '../user-store.js';

/**
 * `api_id` and `api_hash` must be given (any values: the emulator has no app registry).
 *
 * @throws RpcError 400 API_ID_INVALID
 */
export function checkApp(apiId: number, apiHash: string): void {
  if (!(apiId > 0) || apiHash === '') throw badRequest('API_ID_INVALID');
}

/**
 * The test phone number `input`, which must live on the answering DC.
 *
 * @throws RpcError 406 PHONE_NUMBER_INVALID when it is not `99966XYYYY` with X one of our DCs
 * @throws RpcError 303 PHONE_MIGRATE_X when it lives on DC X (https://core.telegram.org/api/datacenter)
 */
export function phoneOnThisDc(call: MethodCall, input: string): TestPhone {
  const phone = parseTestPhone(input, call.backend.dcs.count);
  if (!phone) throw new RpcError(406, 'PHONE_NUMBER_INVALID');
  if (phone.dcId !== call.dcId) throw migrate('PHONE', phone.dcId);
  return phone;
}

/**
 * The live code `hash` sent to `phone`.
 *
 * @throws RpcError 400 PHONE_CODE_HASH_EMPTY when `hash` is empty
 * @throws RpcError 400 PHONE_CODE_EXPIRED when it is unknown, for another number, expired or already used
 */
export function liveCode(call: MethodCall, phone: TestPhone, hash: string): SentCodeRecord {
  if (hash === '') throw badRequest('PHONE_CODE_HASH_EMPTY');
  const rec = call.backend.codes.find(hash, phone.phone, call.now);
  if (!rec) throw badRequest('PHONE_CODE_EXPIRED');
  return rec;
}

/** Signs the connection's key in as `user` and builds the `auth.authorization` answer. */
export function signInAs(call: MethodCall, user: UserRecord): auth.Authorization.authorization {
  call.backend.auth.authorize(call.dcId, call.ctx.authKeyId, user.id, call.now);
  return { _: 'auth.authorization', user: toTlUser(user, user.id, call.now) };
}
