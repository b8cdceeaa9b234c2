/**
 * What the in-memory Telegram knows about auth keys: which user each one is
 * signed in as (an "authorization", https://core.telegram.org/api/auth), the
 * layer and `initConnection` it announced, which temporary key is bound to
 * which permanent one (https://core.telegram.org/api/pfs), and the one-time
 * tokens of `auth.exportAuthorization` (https://core.telegram.org/api/datacenter#authorization-transfer).
 *
 * Auth keys belong to one DC, so every key is identified by (DC, key id).
 */
import type { RandomSource } from '../../crypto/provider.js';
import type { initConnection } from '../../tl/generated/types.js';
import { randomBytes } from './clock.js';

/** The fields of `initConnection` without the wrapped query (TL names). */
export type InitConnectionInfo = Omit<initConnection, '_' | 'query'>;

/** Server-side state of one auth key. */
export interface AuthKeyState {
  readonly dcId: number;
  readonly authKeyId: bigint;
  /** The user this key is signed in as (set on the permanent key only). */
  userId?: bigint;
  /** The layer of the last `invokeWithLayer` seen on this key. */
  layer?: number;
  /** The last `initConnection` seen on this key. */
  init?: InitConnectionInfo;
  /** For a temporary key: the permanent key it is bound to, until `expiresAt` (Unix time). */
  boundTo?: { readonly permAuthKeyId: bigint; readonly expiresAt: number };
}

/** A token made by `auth.exportAuthorization`, waiting for `auth.importAuthorization`. */
interface ExportedToken {
  readonly userId: bigint;
  readonly dcId: number;
  readonly bytes: Uint8Array;
  readonly expiresAt: number;
}

/** Seconds an exported authorization can be imported. */
export const EXPORTED_AUTHORIZATION_TTL = 300;

/** Why `bindTemp` refused. */
export type BindFailure = 'TEMP_AUTH_KEY_ALREADY_BOUND' | 'TEMP_AUTH_KEY_EMPTY';

const keyOf = (dcId: number, authKeyId: bigint) => `${dcId}:${authKeyId}`;

/** Auth keys, authorizations, bindings and exported tokens of every DC. */
export class AuthStore {
  private readonly keys = new Map<string, AuthKeyState>();
  private readonly exported = new Map<string, ExportedToken>();
  /** Called after a key is signed in or out or forgotten (a data directory saves then). */
  onChange: (() => void) | undefined;

  constructor(private readonly random: RandomSource) {}

  /**
   * The state of every permanent key worth keeping across a restart: signed
   * in, or with a layer / `initConnection` seen. Temporary keys' bindings are
   * left out (they expire, and the client binds a new key).
   */
  keptKeys(): AuthKeyState[] {
    return [...this.keys.values()].filter((s) => !s.boundTo && (s.userId !== undefined || s.init !== undefined || s.layer !== undefined));
  }

  /** Puts back a key's state kept from an earlier run (no change event). */
  restore(state: AuthKeyState): void {
    this.keys.set(keyOf(state.dcId, state.authKeyId), { ...state });
  }

  /** The state of a key, created empty on first use. */
  key(dcId: number, authKeyId: bigint): AuthKeyState {
    const k = keyOf(dcId, authKeyId);
    let s = this.keys.get(k);
    if (!s) this.keys.set(k, (s = { dcId, authKeyId }));
    return s;
  }

  /** The state of a key, or undefined when it was never seen. */
  peek(dcId: number, authKeyId: bigint): AuthKeyState | undefined {
    return this.keys.get(keyOf(dcId, authKeyId));
  }

  /**
   * The key whose authorization a request on `authKeyId` uses: the permanent
   * key when `authKeyId` is a temporary key bound to one and the binding has
   * not expired, else the key itself.
   */
  permanent(dcId: number, authKeyId: bigint, now: number): AuthKeyState {
    const s = this.key(dcId, authKeyId);
    if (s.boundTo && now <= s.boundTo.expiresAt) return this.key(dcId, s.boundTo.permAuthKeyId);
    return s;
  }

  /** The user a request on this key acts as, or undefined when not signed in. */
  userIdOf(dcId: number, authKeyId: bigint, now: number): bigint | undefined {
    return this.permanent(dcId, authKeyId, now).userId;
  }

  /** Signs the key (its permanent key, when bound) in as `userId`. */
  authorize(dcId: number, authKeyId: bigint, userId: bigint, now: number): void {
    this.permanent(dcId, authKeyId, now).userId = userId;
    this.onChange?.();
  }

  /** Signs the key out; returns the user it was signed in as. */
  logOut(dcId: number, authKeyId: bigint, now: number): bigint | undefined {
    const s = this.permanent(dcId, authKeyId, now);
    const was = s.userId;
    delete s.userId;
    this.onChange?.();
    return was;
  }

  /** Every key signed in as `userId`, on any DC. */
  authorizationsOf(userId: bigint): AuthKeyState[] {
    return [...this.keys.values()].filter((s) => s.userId === userId);
  }

  /**
   * Binds temporary key `tempAuthKeyId` to `permAuthKeyId` until `expiresAt`
   * (https://core.telegram.org/method/auth.bindTempAuthKey). Binding again to
   * the same permanent key extends it; a live binding to another key is refused.
   */
  bindTemp(dcId: number, tempAuthKeyId: bigint, permAuthKeyId: bigint, expiresAt: number, now: number): BindFailure | undefined {
    if (tempAuthKeyId === permAuthKeyId || permAuthKeyId === 0n) return 'TEMP_AUTH_KEY_EMPTY';
    const s = this.key(dcId, tempAuthKeyId);
    if (s.boundTo && now <= s.boundTo.expiresAt && s.boundTo.permAuthKeyId !== permAuthKeyId) return 'TEMP_AUTH_KEY_ALREADY_BOUND';
    s.boundTo = { permAuthKeyId, expiresAt };
    this.key(dcId, permAuthKeyId);
    return undefined;
  }

  /** Forgets a key entirely (after `destroy_auth_key`, or when the server drops it). */
  forget(dcId: number, authKeyId: bigint): void {
    if (this.keys.delete(keyOf(dcId, authKeyId))) this.onChange?.();
  }

  /** Makes a one-time token that signs `userId` in on DC `toDcId` (`auth.exportAuthorization`). */
  exportAuthorization(userId: bigint, toDcId: number, now: number): Uint8Array {
    for (const [k, t] of this.exported) if (now > t.expiresAt) this.exported.delete(k);
    const bytes = randomBytes(this.random, 32);
    this.exported.set(hex(bytes), { userId, dcId: toDcId, bytes, expiresAt: now + EXPORTED_AUTHORIZATION_TTL });
    return bytes;
  }

  /**
   * Uses up an exported token on DC `dcId` (`auth.importAuthorization`):
   * the user id when `id` and `bytes` match a live token made for this DC,
   * else undefined.
   */
  importAuthorization(dcId: number, id: bigint, bytes: Uint8Array, now: number): bigint | undefined {
    const k = hex(bytes);
    const t = this.exported.get(k);
    if (!t || t.userId !== id || t.dcId !== dcId || now > t.expiresAt) return undefined;
    this.exported.delete(k);
    return t.userId;
  }
}

function hex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}
