/**
 * `sendCode`: asks Telegram to send a login code to a phone number
 * (https://core.telegram.org/api/auth#sending-the-verification-code).
 * A PHONE_MIGRATE_X answer moves the home DC to X and the call is repeated
 * there by the DC pool, so the caller never sees it.
 */
import type { auth } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { WasmgramError } from '../../../errors.js';

/** What `sendCode` returns: how the code was sent and the hash the next steps need. */
export interface SentCode {
  /** Pass to `signIn` / `resendCode`. */
  phoneCodeHash: string;
  /** How the code was delivered (`auth.sentCodeTypeApp`, `...Sms`, ...). */
  type: auth.SentCodeType;
  /** How the next `resendCode` would deliver it, when Telegram says. */
  nextType?: auth.CodeType;
  /** Seconds before `resendCode` is allowed, when Telegram says. */
  timeout?: number;
}

/** Parameters of {@link sendCode}. */
export interface SendCodeParams {
  /** The phone number in international format (`+` and spaces are removed). */
  phone: string;
}

/** Digits only, as Telegram takes phone numbers. */
export function normalizePhoneNumber(phone: string): string {
  return phone.replace(/[^\d]/g, '');
}

/**
 * Sends the login code.
 *
 * @example
 * ```ts
 * const sent = await sendCode(client, { phone: '+99966 2 1234' });
 * await signIn(client, { phone: '+9996621234', phoneCodeHash: sent.phoneCodeHash, code: '22222' });
 * ```
 * @throws RpcError e.g. PHONE_NUMBER_INVALID, PHONE_NUMBER_BANNED, API_ID_INVALID
 */
export async function sendCode(client: ClientCore, params: SendCodeParams): Promise<SentCode> {
  const res = await client.invoke({
    _: 'auth.sendCode',
    phone_number: normalizePhoneNumber(params.phone),
    api_id: client.apiId,
    api_hash: client.apiHash,
    settings: { _: 'codeSettings' },
  });
  return sentCodeOf(res);
}

/** The {@link SentCode} of an `auth.SentCode` answer. */
export function sentCodeOf(res: auth.SentCode): SentCode {
  if (res._ !== 'auth.sentCode') {
    // auth.sentCodeSuccess (future auth tokens) and payment-required answers are not part of the phone flow here.
    throw new WasmgramError(`unexpected answer to auth.sendCode: ${res._}`);
  }
  const out: SentCode = { phoneCodeHash: res.phone_code_hash, type: res.type };
  if (res.next_type) out.nextType = res.next_type;
  if (res.timeout !== undefined) out.timeout = res.timeout;
  return out;
}
