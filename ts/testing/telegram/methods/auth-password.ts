/**
 * 2FA: `account.getPassword` and `auth.checkPassword` with the server side
 * of SRP (https://core.telegram.org/api/srp, state in passwords.ts). A login
 * by code or QR for an account with a password answers 401
 * SESSION_PASSWORD_NEEDED and leaves the key "password pending".
 */
import { RpcError } from '../../../errors.js';
import { TELEGRAM_DH_PRIME_BYTES } from '../../../crypto/dh.js';
import type { auth } from '../../../tl/generated/types.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { SRP_G } from '../passwords.js';
import { badRequest } from '../rpc-errors.js';
import type { UserRecord } from '../user-store.js';
import { signInAs } from './auth-checks.js';

/**
 * Signs the key in as `user`, unless the account has a password: then the
 * key becomes password pending and the call fails with 401 SESSION_PASSWORD_NEEDED.
 */
export function signInOrAskPassword(call: MethodCall, user: UserRecord): auth.Authorization.authorization {
  if (call.backend.passwords.get(user.id)) {
    call.backend.passwords.setPending(call.dcId, call.ctx.authKeyId, user.id);
    throw new RpcError(401, 'SESSION_PASSWORD_NEEDED');
  }
  return signInAs(call, user);
}

/** The user whose password this key may check: the signed-in user, or the pending one. */
function passwordUser(call: MethodCall): UserRecord {
  const id = call.ctx.userId ?? call.backend.passwords.pendingUser(call.dcId, call.ctx.authKeyId);
  const user = id === undefined ? undefined : call.backend.users.get(id);
  if (!user) throw new RpcError(401, 'AUTH_KEY_UNREGISTERED');
  return user;
}

const algo = (salt1: Uint8Array, salt2: Uint8Array) => ({
  _: 'passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow' as const,
  salt1,
  salt2,
  g: SRP_G,
  p: TELEGRAM_DH_PRIME_BYTES,
});

/** `account.getPassword`, `auth.checkPassword`. */
export const authPasswordMethods: MethodTable = {
  'account.getPassword': {
    auth: false,
    run(call) {
      const user = passwordUser(call);
      const rec = call.backend.passwords.get(user.id);
      // new_algo: the parameters a client uses to set a password (salt1 gets 32 client bytes appended).
      const base = {
        _: 'account.password' as const,
        new_algo: algo(randomSalt(call), randomSalt(call, 16)),
        new_secure_algo: { _: 'securePasswordKdfAlgoPBKDF2HMACSHA512iter100000' as const, salt: randomSalt(call) },
        secure_random: randomSalt(call, 32),
      };
      if (!rec) return base;
      const round = call.backend.passwords.startRound(user.id);
      return {
        ...base,
        has_password: true,
        current_algo: algo(rec.salt1, rec.salt2),
        srp_B: round.B,
        srp_id: round.srpId,
        ...(rec.hint !== undefined && { hint: rec.hint }),
      };
    },
  },
  'auth.checkPassword': {
    auth: false,
    run(call, req) {
      const user = passwordUser(call);
      if (req.password._ !== 'inputCheckPasswordSRP') throw badRequest('PASSWORD_HASH_INVALID');
      if (!call.backend.passwords.get(user.id)) throw badRequest('PASSWORD_EMPTY');
      const verdict = call.backend.passwords.check(user.id, req.password.srp_id, req.password.A, req.password.M1);
      if (verdict === 'srp_id') throw badRequest('SRP_ID_INVALID');
      if (verdict === 'hash') throw badRequest('PASSWORD_HASH_INVALID');
      call.backend.passwords.clearPending(call.dcId, call.ctx.authKeyId);
      return signInAs(call, user);
    },
  },
};

function randomSalt(call: MethodCall, n = 8): Uint8Array {
  return call.backend.randomBytes(n);
}
