/**
 * `checkPassword`: the 2FA step after SESSION_PASSWORD_NEEDED — fetches the
 * SRP parameters (`account.getPassword`) and proves the password without
 * sending it (https://core.telegram.org/api/srp), via ts/crypto/srp.ts.
 */
import { computeSrpCheck } from '../../../crypto/srp.js';
import { WasmgramError } from '../../../errors.js';
import type { account, User } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';

/**
 * The account's password hint (`account.getPassword`), or undefined when it
 * has none.
 *
 * @example
 * ```ts
 * console.log(`password hint: ${await getPasswordHint(client)}`);
 * ```
 */
export async function getPasswordHint(client: ClientCore): Promise<string | undefined> {
  const pw = await client.invoke({ _: 'account.getPassword' });
  return pw.hint;
}

/**
 * Signs in with the 2FA password. `password` may be a function that gets
 * the hint (for prompting).
 *
 * @example
 * ```ts
 * try { await signIn(client, { phone, phoneCodeHash, code }) }
 * catch (e) { if (RpcError.is(e, 'SESSION_PASSWORD_NEEDED')) await checkPassword(client, 'hunter2') }
 * ```
 * @throws RpcError PASSWORD_HASH_INVALID (wrong password), SRP_ID_INVALID
 * @throws SecurityError when the server's SRP parameters fail the checks
 */
export async function checkPassword(
  client: ClientCore,
  password: string | ((hint: string | undefined) => string | Promise<string>),
): Promise<User.user> {
  const pw = await client.invoke({ _: 'account.getPassword' });
  const secret = typeof password === 'function' ? await password(pw.hint) : password;
  const input = await srpInput(client, pw, secret);
  const res = await client.invoke({ _: 'auth.checkPassword', password: input });
  return client.onSignedIn(res);
}

/** `inputCheckPasswordSRP` for `password` and the answer of `account.getPassword`. */
export async function srpInput(client: ClientCore, pw: account.Password, password: string) {
  const algo = pw.current_algo;
  if (!pw.has_password || !algo || pw.srp_B === undefined || pw.srp_id === undefined) {
    throw new WasmgramError('the account has no 2FA password');
  }
  if (algo._ !== 'passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow') {
    throw new WasmgramError(`unsupported 2FA password algorithm ${algo._} (update the library)`);
  }
  const check = await computeSrpCheck(
    password,
    { salt1: algo.salt1, salt2: algo.salt2, g: algo.g, p: algo.p, srpB: pw.srp_B, srpId: pw.srp_id },
    client.crypto,
  );
  return { _: 'inputCheckPasswordSRP' as const, srp_id: check.srpId, A: check.A, M1: check.M1 };
}
