/**
 * Perfect forward secrecy, the protocol half (https://core.telegram.org/api/pfs):
 * which temporary key is in use and when it expires, when a new one is due,
 * and the auth.bindTempAuthKey query that binds it to the permanent key
 * (https://core.telegram.org/method/auth.bindTempAuthKey), queued in the
 * session as a barrier so no other query goes out under an unbound key.
 *
 * Sans-IO: times are passed in, the key exchange and the socket belong to
 * the caller (`Connection` runs the exchange, flushes the session and owns
 * the renewal timer).
 *
 * @example
 * ```ts
 * const pfs = new TempKeySchedule({ expiresIn: 86_400 });
 * if (pfs.needsNewKey(Date.now(), session.timeOffset)) {
 *   const temp = pfs.adopt(await runKeyExchange(transport, { ..., expiresIn: pfs.expiresIn }), Date.now());
 *   session.rekey(temp.key);
 *   const bound = queueTempKeyBinding(session, { crypto, permAuthKey, temp });
 *   flushToSocket();
 *   await bound;
 *   setTimeout(renew, pfs.renewalDelayMs(Date.now(), session.timeOffset));
 * }
 * ```
 */
import type { CryptoProvider } from '../crypto/provider.js';
import { WasmgramError } from '../errors.js';
import { redact } from '../redact.js';
import { bindTempAuthKeyRequest } from './bind-temp-auth-key.js';
import type { AuthKeyResult } from './handshake/index.js';
import type { MtprotoSession } from './session/session.js';

/** PFS settings: lifetime of each temporary key and how early it is replaced. */
export interface PfsOptions {
  /** Lifetime of a temporary key, seconds (default 86 400). */
  expiresIn?: number;
  /** Replace the key this many seconds before it expires (default 300). */
  renewBeforeS?: number;
}

/** The temporary key in use. `key` is secret (the object prints as `[redacted]`). */
export interface TempKey {
  key: Uint8Array;
  /** auth_key_id (8 wire bytes; not secret). */
  authKeyId: Uint8Array;
  /** When the server forgets it, unix seconds (server time). */
  expiresAt: number;
}

const DEFAULT_EXPIRES_IN = 86_400;
const DEFAULT_RENEW_BEFORE_S = 300;
/** setTimeout's largest delay. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The temporary key of one connection and its renewal schedule. */
export class TempKeySchedule {
  private temp: TempKey | undefined;

  constructor(private readonly options: PfsOptions = {}) {}

  /** Lifetime asked for in the key exchange (`p_q_inner_data_temp_dc.expires_in`), seconds. */
  get expiresIn(): number {
    return this.options.expiresIn ?? DEFAULT_EXPIRES_IN;
  }

  /** The key in use, if any. */
  get current(): TempKey | undefined {
    return this.temp;
  }

  /** True when a (new) temporary key is needed: none yet, or it expires within `renewBeforeS`. */
  needsNewKey(nowMs: number, timeOffset: number): boolean {
    if (!this.temp) return true;
    return this.temp.expiresAt - serverSeconds(nowMs, timeOffset) <= (this.options.renewBeforeS ?? DEFAULT_RENEW_BEFORE_S);
  }

  /** Takes a freshly exchanged temporary key; its expiry counts from now on the server's clock. */
  adopt(result: AuthKeyResult, nowMs: number): TempKey {
    const expiresAt = Math.floor(serverSeconds(nowMs, result.timeOffset)) + this.expiresIn;
    this.temp = redact({ key: result.authKey, authKeyId: result.authKeyId, expiresAt }, 'TempKey');
    return this.temp;
  }

  /** How long until the key should be replaced, ms (0 when due; undefined without a key). Capped to what a timer takes. */
  renewalDelayMs(nowMs: number, timeOffset: number): number | undefined {
    if (!this.temp) return undefined;
    const left = this.temp.expiresAt - serverSeconds(nowMs, timeOffset) - (this.options.renewBeforeS ?? DEFAULT_RENEW_BEFORE_S);
    return Math.min(Math.max(0, left * 1000), MAX_TIMER_MS);
  }

  /** The server no longer knows the key (-404): the next connection makes a new one. */
  forget(): void {
    this.temp = undefined;
  }
}

/** What {@link queueTempKeyBinding} needs. */
export interface TempKeyBindingParams {
  crypto: CryptoProvider;
  /** The permanent key that signs the binding. Secret. */
  permAuthKey: Uint8Array;
  temp: TempKey;
}

/**
 * Queues auth.bindTempAuthKey in `session` (already using the temporary key)
 * as a barrier: every other query waits until it is answered. The caller
 * flushes the session; the promise resolves once the server accepted the
 * binding, and rejects with `WasmgramError` when it answered anything but
 * `boolTrue` (or with the query's own error: `RpcError`, `MtprotoError`).
 */
export function queueTempKeyBinding(session: MtprotoSession, params: TempKeyBindingParams): Promise<void> {
  const req = bindTempAuthKeyRequest({
    crypto: params.crypto,
    permAuthKey: params.permAuthKey,
    tempAuthKeyId: params.temp.authKeyId,
    tempSessionId: session.sessionId,
    expiresAt: params.temp.expiresAt,
  });
  const handle = session.send(req.build(0n), { build: req.build, barrier: true });
  return handle.promise.then((ok) => {
    if (ok !== true) throw new WasmgramError('auth.bindTempAuthKey was not accepted');
  });
}

function serverSeconds(nowMs: number, timeOffset: number): number {
  return nowMs / 1000 + timeOffset;
}
