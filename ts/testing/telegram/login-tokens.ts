/**
 * QR login tokens (https://core.telegram.org/api/qr-login): made by
 * `auth.exportLoginToken` for an auth key, accepted by a signed-in session
 * with `auth.acceptLoginToken`; the exporting connection is then told with
 * `updateLoginToken`, and its next export (or `auth.importLoginToken` on the
 * account's DC, after `auth.loginTokenMigrateTo`) signs it in.
 */
import type { RandomSource } from '../../crypto/provider.js';
import { randomBytes } from './clock.js';

/** Seconds a token can be accepted. */
const LOGIN_TOKEN_TTL = 30;

/** One token. */
export interface LoginTokenRecord {
  readonly token: Uint8Array;
  /** Where it was exported: the key that will be signed in. */
  readonly dcId: number;
  readonly authKeyId: bigint;
  readonly expiresAt: number;
  /** Set by auth.acceptLoginToken. */
  acceptedBy?: bigint;
  /** For a migration token (auth.loginTokenMigrateTo): the DC it must be imported on. */
  readonly importOn?: number;
  /** Called once when accepted (pushes updateLoginToken to the exporting connection). */
  readonly notify?: () => void;
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** The live tokens. */
export class LoginTokens {
  private readonly tokens = new Map<string, LoginTokenRecord>();
  /** The latest token of each key (`dc:authKeyId`). */
  private readonly byKey = new Map<string, string>();

  constructor(private readonly random: RandomSource) {}

  /** A new token for key (dcId, authKeyId), replacing that key's previous one. */
  issue(
    dcId: number,
    authKeyId: bigint,
    now: number,
    extra: { importOn?: number; acceptedBy?: bigint; notify?: () => void } = {},
  ): LoginTokenRecord {
    for (const [k, t] of this.tokens) if (now > t.expiresAt) this.tokens.delete(k);
    const token = randomBytes(this.random, 32);
    const rec: LoginTokenRecord = { token, dcId, authKeyId, expiresAt: now + LOGIN_TOKEN_TTL, ...extra };
    const id = hex(token);
    this.tokens.set(id, rec);
    if (extra.importOn === undefined) {
      const old = this.byKey.get(`${dcId}:${authKeyId}`);
      if (old) this.tokens.delete(old);
      this.byKey.set(`${dcId}:${authKeyId}`, id);
    }
    return rec;
  }

  /** The live token with these bytes, or undefined. */
  find(token: Uint8Array, now: number): LoginTokenRecord | undefined {
    const t = this.tokens.get(hex(token));
    return t && now <= t.expiresAt ? t : undefined;
  }

  /** The latest token exported on key (dcId, authKeyId), if still live. */
  ofKey(dcId: number, authKeyId: bigint, now: number): LoginTokenRecord | undefined {
    const id = this.byKey.get(`${dcId}:${authKeyId}`);
    const t = id ? this.tokens.get(id) : undefined;
    return t && now <= t.expiresAt ? t : undefined;
  }

  /** Forgets a token. */
  consume(token: Uint8Array): void {
    const id = hex(token);
    const t = this.tokens.get(id);
    this.tokens.delete(id);
    if (t && this.byKey.get(`${t.dcId}:${t.authKeyId}`) === id) this.byKey.delete(`${t.dcId}:${t.authKeyId}`);
  }
}
