/**
 * `signIn` and `signUp`: finish a phone login with the code
 * (https://core.telegram.org/api/auth#sign-in). A number without an account
 * gets `SignUpRequired` (then `signUp` creates it with a name); an account
 * with a 2FA password gets RpcError 401 SESSION_PASSWORD_NEEDED (then
 * `checkPassword`).
 */
import type { help, User } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { normalizePhoneNumber } from './send-code.js';

/** Parameters of {@link signIn}. */
export interface SignInParams {
  phone: string;
  /** From `sendCode`. */
  phoneCodeHash: string;
  /** The code the user received. Secret: never logged. */
  code: string;
}

/** `signIn`'s answer when the number has no account yet. */
export interface SignUpRequired {
  readonly signUpRequired: true;
  /** Terms of service to show before `signUp`, when Telegram sends them. */
  readonly termsOfService?: help.TermsOfService;
}

/**
 * Signs in with the login code. Resolves with the user, or with
 * `{ signUpRequired: true }` for a new number.
 *
 * @example
 * ```ts
 * const res = await signIn(client, { phone, phoneCodeHash: sent.phoneCodeHash, code: '22222' });
 * if ('signUpRequired' in res) await signUp(client, { phone, phoneCodeHash: sent.phoneCodeHash, firstName: 'Alice' });
 * ```
 * @throws RpcError PHONE_CODE_INVALID, PHONE_CODE_EXPIRED, SESSION_PASSWORD_NEEDED (401: call `checkPassword`)
 */
export async function signIn(client: ClientCore, params: SignInParams): Promise<User.user | SignUpRequired> {
  const res = await client.invoke({
    _: 'auth.signIn',
    phone_number: normalizePhoneNumber(params.phone),
    phone_code_hash: params.phoneCodeHash,
    phone_code: params.code,
  });
  if (res._ === 'auth.authorizationSignUpRequired') {
    return res.terms_of_service ? { signUpRequired: true, termsOfService: res.terms_of_service } : { signUpRequired: true };
  }
  return client.onSignedIn(res);
}

/** Parameters of {@link signUp}. */
export interface SignUpParams {
  phone: string;
  phoneCodeHash: string;
  firstName: string;
  lastName?: string;
}

/**
 * Creates the account after `signIn` answered `signUpRequired`.
 *
 * @example
 * ```ts
 * const me = await signUp(client, { phone, phoneCodeHash, firstName: 'Alice', lastName: 'Liddell' });
 * ```
 * @throws RpcError FIRSTNAME_INVALID, LASTNAME_INVALID, PHONE_NUMBER_OCCUPIED
 */
export async function signUp(client: ClientCore, params: SignUpParams): Promise<User.user> {
  const res = await client.invoke({
    _: 'auth.signUp',
    phone_number: normalizePhoneNumber(params.phone),
    phone_code_hash: params.phoneCodeHash,
    first_name: params.firstName,
    last_name: params.lastName ?? '',
  });
  return client.onSignedIn(res);
}
