/**
 * `resendCode`: sends the login code again, by the next delivery type
 * (https://core.telegram.org/method/auth.resendCode).
 */
import type { ClientCore } from '../../core.js';
import { normalizePhoneNumber, type SentCode, sentCodeOf } from './send-code.js';

/** Parameters of {@link resendCode}. */
export interface ResendCodeParams {
  phone: string;
  /** From `sendCode`. */
  phoneCodeHash: string;
}

/**
 * Resends the login code.
 *
 * @example
 * ```ts
 * const again = await resendCode(client, { phone, phoneCodeHash: sent.phoneCodeHash });
 * ```
 * @throws RpcError e.g. PHONE_CODE_EXPIRED, SEND_CODE_UNAVAILABLE
 */
export async function resendCode(client: ClientCore, params: ResendCodeParams): Promise<SentCode> {
  const res = await client.invoke({
    _: 'auth.resendCode',
    phone_number: normalizePhoneNumber(params.phone),
    phone_code_hash: params.phoneCodeHash,
  });
  return sentCodeOf(res);
}
