/**
 * `start`: the whole login in one call — does nothing when the stored
 * session is signed in, else signs in with a bot token, by QR code, or with
 * the phone number, the code, a name for a new account, and the 2FA
 * password (https://core.telegram.org/api/auth). Each input is a value or an
 * (async) function called only when needed.
 */
import { RpcError, WasmgramError } from '../../../errors.js';
import type { User } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { getMe } from '../users/get-me.js';
import { checkPassword } from './check-password.js';
import { sendCode, type SentCode } from './send-code.js';
import { signIn, signUp } from './sign-in.js';
import { signInBot } from './sign-in-bot.js';
import { type QrLoginParams, signInQr } from './sign-in-qr.js';

/** A value, or a function (possibly async) that produces it when needed. */
export type MaybeAsk<T, A extends unknown[] = []> = T | ((...args: A) => T | Promise<T>);

/** Parameters of {@link start}. Give `botToken`, `qr`, or `phone` (+ `code`). */
export interface StartParams {
  /** Log in as a bot. */
  botToken?: MaybeAsk<string>;
  /** Log in by QR code (see `signInQr`). */
  qr?: Omit<QrLoginParams, 'password'>;
  /** The phone number. */
  phone?: MaybeAsk<string>;
  /** The login code; the function form gets how it was sent. Secret. */
  code?: MaybeAsk<string, [SentCode]>;
  /** The 2FA password; the function form gets the hint. Secret. */
  password?: MaybeAsk<string, [string | undefined]>;
  /** Name for a new account (sign-up), when the number has none. */
  firstName?: MaybeAsk<string>;
  lastName?: string;
  /** Tries for a wrong code or password before giving up (default 3). */
  maxAttempts?: number;
}

async function ask<T, A extends unknown[]>(v: MaybeAsk<T, A> | undefined, what: string, ...args: A): Promise<T> {
  if (v === undefined) throw new WasmgramError(`start: ${what} is needed to sign in`);
  return typeof v === 'function' ? (v as (...a: A) => T | Promise<T>)(...args) : v;
}

/**
 * Signs in unless already signed in; resolves with the account.
 *
 * @example
 * ```ts
 * const me = await start(client, { phone: '+9996621234', code: async () => prompt('code?') });
 * const bot = await start(client, { botToken: process.env.BOT_TOKEN });
 * ```
 */
export async function start(client: ClientCore, params: StartParams): Promise<User.user> {
  if (await client.storage.getAccount()) {
    try {
      return await getMe(client);
    } catch (e) {
      // The stored login is gone on the server (logged out elsewhere): sign in again.
      if (!(e instanceof RpcError && e.code === 401)) throw e;
      await client.onSignedOut();
    }
  }
  if (params.botToken !== undefined) return signInBot(client, await ask(params.botToken, 'botToken'));
  const password = params.password;
  const withPassword = password === undefined ? undefined : (hint: string | undefined) => ask(password, 'password', hint);
  if (params.qr) return signInQr(client, { ...params.qr, ...(withPassword && { password: withPassword }) });

  const phone = await ask(params.phone, 'phone');
  const attempts = params.maxAttempts ?? 3;
  const sent = await sendCode(client, { phone });
  for (let i = 1; ; i++) {
    const code = await ask(params.code, 'code', sent);
    try {
      const res = await signIn(client, { phone, phoneCodeHash: sent.phoneCodeHash, code });
      if (!('signUpRequired' in res)) return res;
      const firstName = await ask(params.firstName, 'firstName (the number has no account: sign-up)');
      return await signUp(client, {
        phone,
        phoneCodeHash: sent.phoneCodeHash,
        firstName,
        ...(params.lastName !== undefined && { lastName: params.lastName }),
      });
    } catch (e) {
      if (RpcError.is(e, 'SESSION_PASSWORD_NEEDED')) break;
      if (RpcError.is(e, 'PHONE_CODE_INVALID') && i < attempts && typeof params.code === 'function') continue;
      throw e;
    }
  }
  for (let i = 1; ; i++) {
    try {
      return await checkPassword(client, (hint) => ask(password, 'password (the account has 2FA)', hint));
    } catch (e) {
      if (RpcError.is(e, 'PASSWORD_HASH_INVALID') && i < attempts && typeof password === 'function') continue;
      throw e;
    }
  }
}
