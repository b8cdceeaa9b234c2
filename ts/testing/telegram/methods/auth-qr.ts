/**
 * QR login, server side (https://core.telegram.org/api/qr-login):
 * `auth.exportLoginToken`, `auth.acceptLoginToken`, `auth.importLoginToken`.
 * Tokens live in login-tokens.ts. When the accepting account lives on
 * another DC, the exporting key gets `auth.loginTokenMigrateTo` and imports
 * the token there.
 */
import type { Authorization, auth } from '../../../tl/generated/types.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { UserRecord } from '../user-store.js';
import { checkApp } from './auth-checks.js';
import { signInOrAskPassword } from './auth-password.js';

type Deliverable = { deliver?: (updates: { _: 'updateShort'; update: { _: 'updateLoginToken' }; date: number }) => void };

function success(call: MethodCall, user: UserRecord): auth.LoginToken {
  return { _: 'auth.loginTokenSuccess', authorization: signInOrAskPassword(call, user) };
}

/** The `authorization` (session description) of the key that exported a token, as acceptLoginToken answers it. */
function authorizationOf(call: MethodCall, dcId: number, authKeyId: bigint): Authorization {
  const init = call.backend.auth.peek(dcId, authKeyId)?.init;
  return {
    _: 'authorization',
    hash: authKeyId,
    device_model: init?.device_model ?? '',
    platform: '',
    system_version: init?.system_version ?? '',
    api_id: init?.api_id ?? 0,
    app_name: '',
    app_version: init?.app_version ?? '',
    date_created: call.now,
    date_active: call.now,
    ip: '127.0.0.1',
    country: '',
    region: '',
  };
}

/** `auth.exportLoginToken`, `auth.acceptLoginToken`, `auth.importLoginToken`. */
export const authQrMethods: MethodTable = {
  'auth.exportLoginToken': {
    auth: false,
    run(call, req) {
      checkApp(req.api_id, req.api_hash);
      const tokens = call.backend.loginTokens;
      const prev = tokens.ofKey(call.dcId, call.ctx.authKeyId, call.now);
      if (prev?.acceptedBy !== undefined) {
        tokens.consume(prev.token);
        const user = call.backend.users.get(prev.acceptedBy);
        if (!user) throw badRequest('AUTH_TOKEN_INVALID');
        if (user.dcId === call.dcId) return success(call, user);
        const moved = tokens.issue(call.dcId, call.ctx.authKeyId, call.now, { importOn: user.dcId, acceptedBy: user.id });
        return { _: 'auth.loginTokenMigrateTo', dc_id: user.dcId, token: moved.token };
      }
      const ctx = call.ctx as unknown as Deliverable;
      const now = call.now;
      const rec = tokens.issue(call.dcId, call.ctx.authKeyId, now, {
        notify: () => ctx.deliver?.({ _: 'updateShort', update: { _: 'updateLoginToken' }, date: now }),
      });
      return { _: 'auth.loginToken', expires: rec.expiresAt, token: rec.token };
    },
  },
  'auth.acceptLoginToken': {
    auth: true,
    run(call, req) {
      const self = call.self();
      const rec = call.backend.loginTokens.find(req.token, call.now);
      if (!rec || rec.importOn !== undefined) throw badRequest('AUTH_TOKEN_INVALID');
      if (rec.acceptedBy !== undefined) throw badRequest('AUTH_TOKEN_ALREADY_ACCEPTED');
      rec.acceptedBy = self.id;
      rec.notify?.();
      return authorizationOf(call, rec.dcId, rec.authKeyId);
    },
  },
  'auth.importLoginToken': {
    auth: false,
    run(call, req) {
      const tokens = call.backend.loginTokens;
      const rec = tokens.find(req.token, call.now);
      if (!rec) throw badRequest('AUTH_TOKEN_EXPIRED');
      if (rec.importOn !== call.dcId || rec.acceptedBy === undefined) throw badRequest('AUTH_TOKEN_INVALID');
      tokens.consume(rec.token);
      const user = call.backend.users.get(rec.acceptedBy);
      if (!user) throw badRequest('AUTH_TOKEN_INVALID');
      return success(call, user);
    },
  },
};
