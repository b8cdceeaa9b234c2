/**
 * Signing in and out with a phone number: `auth.signIn`, `auth.signUp`,
 * `auth.logOut` (https://core.telegram.org/api/auth). A number with no
 * account gets `auth.authorizationSignUpRequired` from `auth.signIn`, and
 * `auth.signUp` with the same code hash then creates the account.
 */
import type { MethodTable } from '../method-call.js';
import { badRequest, notImplemented } from '../rpc-errors.js';
import { liveCode, phoneOnThisDc, signInAs } from './auth-checks.js';
import { signInOrAskPassword } from './auth-password.js';

/** Longest first or last name Telegram accepts. */
const NAME_MAX = 64;

/** `auth.signIn`, `auth.signUp`, `auth.logOut`. */
export const authSignInMethods: MethodTable = {
  'auth.signIn': {
    auth: false,
    run(call, req) {
      const phone = phoneOnThisDc(call, req.phone_number);
      if (req.phone_code_hash === '') throw badRequest('PHONE_CODE_HASH_EMPTY');
      if (req.phone_code === undefined || req.phone_code === '') {
        // Email login (https://core.telegram.org/api/auth#email-verification) has no emulation.
        if (req.email_verification !== undefined) throw notImplemented('auth.signIn.email_verification', 'auth.signIn');
        throw badRequest('PHONE_CODE_EMPTY');
      }
      const code = liveCode(call, phone, req.phone_code_hash);
      if (req.phone_code !== code.code) throw badRequest('PHONE_CODE_INVALID');
      const user = call.backend.users.byPhone(phone.phone);
      if (!user) {
        code.verified = true;
        return { _: 'auth.authorizationSignUpRequired' };
      }
      call.backend.codes.consume(code.hash);
      return signInOrAskPassword(call, user);
    },
  },
  'auth.signUp': {
    auth: false,
    run(call, req) {
      const phone = phoneOnThisDc(call, req.phone_number);
      const code = liveCode(call, phone, req.phone_code_hash);
      // The code is checked by auth.signIn; sign-up is only allowed after it said "sign up required".
      if (!code.verified) throw badRequest('PHONE_CODE_INVALID');
      if (call.backend.users.byPhone(phone.phone)) throw badRequest('PHONE_NUMBER_OCCUPIED');
      const first = req.first_name.trim();
      const last = req.last_name.trim();
      if (first === '' || first.length > NAME_MAX) throw badRequest('FIRSTNAME_INVALID');
      if (last.length > NAME_MAX) throw badRequest('LASTNAME_INVALID');
      const user = call.backend.users.addUser({ phone: phone.phone, firstName: first, lastName: last });
      call.backend.codes.consume(code.hash);
      return signInAs(call, user);
    },
  },
  'auth.logOut': {
    auth: true,
    run(call) {
      call.backend.auth.logOut(call.dcId, call.ctx.authKeyId, call.now);
      return { _: 'auth.loggedOut' };
    },
  },
};
