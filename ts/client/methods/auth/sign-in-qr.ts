/**
 * QR login (https://core.telegram.org/api/qr-login): `auth.exportLoginToken`
 * gives a token to show as `tg://login?token=<base64url>`; a signed-in app
 * scans it (`auth.acceptLoginToken`, see {@link acceptLoginToken}), the
 * server pushes `updateLoginToken`, and exporting again answers
 * `auth.loginTokenSuccess` — or `auth.loginTokenMigrateTo` when the account
 * lives on another DC, where `auth.importLoginToken` finishes the login.
 */
import { RpcError, TimeoutError, WasmgramError } from '../../../errors.js';
import type { auth, Authorization, User } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { checkPassword } from './check-password.js';

/** Parameters of {@link signInQr}. */
export interface QrLoginParams {
  /** Called with every new login URL and when it expires: show it as a QR code. */
  onToken: (url: string, expires: Date) => void | Promise<void>;
  /** The 2FA password (or a prompt for it), used when the account has one. */
  password?: string | ((hint: string | undefined) => string | Promise<string>);
  /** User ids already signed in here (they cannot accept the token). */
  exceptIds?: bigint[];
  /** Give up waiting. */
  signal?: AbortSignal;
  /** Give up after this many ms (default: never). */
  timeoutMs?: number;
}

/** `tg://login?token=<base64url token>`: what the QR code encodes. */
export function loginTokenUrl(token: Uint8Array): string {
  let bin = '';
  for (const b of token) bin += String.fromCharCode(b);
  return `tg://login?token=${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** The token bytes of a `tg://login?token=...` URL (or of the bare base64url text). */
export function parseLoginTokenUrl(url: string): Uint8Array {
  const m = /token=([A-Za-z0-9_-]+)/.exec(url);
  const text = (m ? m[1]! : url).replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(text + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function isLoginTokenUpdate(u: { readonly _: string }): boolean {
  if (u._ === 'updateLoginToken') return true;
  const one = (u as { update?: { _: string } }).update;
  if (one?._ === 'updateLoginToken') return true;
  const list = (u as { updates?: readonly { _: string }[] }).updates;
  return list?.some((x) => x._ === 'updateLoginToken') ?? false;
}

/**
 * Signs in by QR code: calls `onToken` with each URL to show until another
 * session accepts it, then resolves with the user.
 *
 * @example
 * ```ts
 * const me = await signInQr(client, { onToken: (url) => qrcode.generate(url) });
 * ```
 * @throws RpcError AUTH_TOKEN_EXPIRED, SESSION_PASSWORD_NEEDED (when no `password` is given)
 * @throws TimeoutError after `timeoutMs`
 */
export async function signInQr(client: ClientCore, params: QrLoginParams): Promise<User.user> {
  let accepted = false;
  let wake: (() => void) | undefined;
  const off = client.onRawUpdate((u) => {
    if (isLoginTokenUpdate(u)) {
      accepted = true;
      wake?.();
    }
  });
  const deadline = params.timeoutMs === undefined ? Infinity : Date.now() + params.timeoutMs;
  try {
    for (;;) {
      accepted = false;
      let res: auth.LoginToken;
      try {
        res = await client.invoke({
          _: 'auth.exportLoginToken',
          api_id: client.apiId,
          api_hash: client.apiHash,
          except_ids: params.exceptIds ?? [],
        });
        if (res._ === 'auth.loginTokenMigrateTo') {
          client.logger.log('info', `QR login: the account lives on DC ${res.dc_id}`);
          await client.pool.setHomeDc(res.dc_id);
          res = await client.invoke({ _: 'auth.importLoginToken', token: res.token });
        }
      } catch (e) {
        if (RpcError.is(e, 'SESSION_PASSWORD_NEEDED') && params.password !== undefined) return await checkPassword(client, params.password);
        throw e;
      }
      if (res._ === 'auth.loginTokenSuccess') return await client.onSignedIn(res.authorization);
      if (res._ !== 'auth.loginToken') throw new WasmgramError(`unexpected QR login answer ${res._}`);
      await params.onToken(loginTokenUrl(res.token), new Date(res.expires * 1000));
      // Wait for updateLoginToken, the token's expiry (then export a new one), the deadline or the signal.
      const waitMs = Math.min(Math.max(1000, res.expires * 1000 - Date.now()), deadline - Date.now());
      if (waitMs <= 0) throw new TimeoutError('QR login was not accepted in time', params.timeoutMs ?? 0);
      if (!accepted) await waitFor(waitMs, params.signal, (w) => (wake = w));
      wake = undefined;
      if (!accepted && Date.now() >= deadline) throw new TimeoutError('QR login was not accepted in time', params.timeoutMs ?? 0);
    }
  } finally {
    off();
  }
}

function waitFor(ms: number, signal: AbortSignal | undefined, setWake: (wake: () => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason instanceof Error ? signal!.reason : new WasmgramError('QR login aborted'));
    };
    const timer = setTimeout(done, ms);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    setWake(done);
  });
}

/**
 * Accepts a QR login token from another device, from a signed-in session
 * (what scanning the code in the app does).
 *
 * @example
 * ```ts
 * await acceptLoginToken(phoneClient, 'tg://login?token=AQID...');
 * ```
 * @throws RpcError AUTH_TOKEN_INVALID, AUTH_TOKEN_EXPIRED, AUTH_TOKEN_ALREADY_ACCEPTED
 */
export async function acceptLoginToken(client: ClientCore, token: string | Uint8Array): Promise<Authorization> {
  const bytes = typeof token === 'string' ? parseLoginTokenUrl(token) : token;
  return client.invoke({ _: 'auth.acceptLoginToken', token: bytes });
}
