/**
 * Moving a login between DCs and keys:
 * `auth.exportAuthorization` / `auth.importAuthorization`
 * (https://core.telegram.org/api/datacenter#authorization-transfer) and
 * `auth.bindTempAuthKey` (https://core.telegram.org/api/pfs).
 */
import type { MethodTable } from '../method-call.js';
import { badRequest, notImplemented } from '../rpc-errors.js';
import { signInAs } from './auth-checks.js';

/** `auth.exportAuthorization`, `auth.importAuthorization`, `auth.bindTempAuthKey`. */
export const authTransferMethods: MethodTable = {
  'auth.exportAuthorization': {
    auth: true,
    run(call, req) {
      const self = call.self();
      if (!call.backend.dcs.has(req.dc_id)) throw badRequest('DC_ID_INVALID');
      const bytes = call.backend.auth.exportAuthorization(self.id, req.dc_id, call.now);
      return { _: 'auth.exportedAuthorization', id: self.id, bytes };
    },
  },
  'auth.importAuthorization': {
    auth: false,
    run(call, req) {
      const userId = call.backend.auth.importAuthorization(call.dcId, req.id, req.bytes, call.now);
      const user = userId === undefined ? undefined : call.backend.users.get(userId);
      if (!user) throw badRequest('AUTH_BYTES_INVALID');
      return signInAs(call, user);
    },
  },
  'auth.bindTempAuthKey': {
    auth: false,
    async run(call, req) {
      // Checking `encrypted_message` needs the permanent key's bytes, which only
      // the protocol layer holds: it supplies the check as a hook.
      const verify = call.backend.verifyTempKeyBinding;
      if (!verify) throw notImplemented('auth.bindTempAuthKey');
      await verify({ dcId: call.dcId, tempAuthKeyId: call.ctx.authKeyId, request: req });
      const failure = call.backend.auth.bindTemp(call.dcId, call.ctx.authKeyId, req.perm_auth_key_id, req.expires_at, call.now);
      if (failure) throw badRequest(failure);
      return true;
    },
  },
};
