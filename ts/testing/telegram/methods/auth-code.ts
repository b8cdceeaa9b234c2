/**
 * Sending the login code: `auth.sendCode`, `auth.resendCode`,
 * `auth.cancelCode` (https://core.telegram.org/api/auth#sending-the-verification-code).
 * The code of a test number `99966XYYYY` is X five times; it is "delivered"
 * in-app (`auth.sentCodeTypeApp`, length 5).
 */
import type { auth } from '../../../tl/generated/types.js';
import type { MethodTable } from '../method-call.js';
import { checkApp, liveCode, phoneOnThisDc } from './auth-checks.js';

/** Length of every login code. */
export const CODE_LENGTH = 5;

function sentCode(hash: string): auth.SentCode.sentCode {
  return { _: 'auth.sentCode', type: { _: 'auth.sentCodeTypeApp', length: CODE_LENGTH }, phone_code_hash: hash };
}

/** `auth.sendCode`, `auth.resendCode`, `auth.cancelCode`. */
export const authCodeMethods: MethodTable = {
  'auth.sendCode': {
    auth: false,
    run(call, req) {
      checkApp(req.api_id, req.api_hash);
      const phone = phoneOnThisDc(call, req.phone_number);
      return sentCode(call.backend.codes.issue(phone.phone, phone.code, call.now).hash);
    },
  },
  'auth.resendCode': {
    auth: false,
    run(call, req) {
      const phone = phoneOnThisDc(call, req.phone_number);
      const rec = liveCode(call, phone, req.phone_code_hash);
      rec.expiresAt = call.now + call.backend.codes.ttl; // same code, same hash, new lifetime
      return sentCode(rec.hash);
    },
  },
  'auth.cancelCode': {
    auth: false,
    run(call, req) {
      const phone = phoneOnThisDc(call, req.phone_number);
      call.backend.codes.consume(liveCode(call, phone, req.phone_code_hash).hash);
      return true;
    },
  },
};
