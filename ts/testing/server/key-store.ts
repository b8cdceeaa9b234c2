/**
 * The auth keys one DC knows (https://core.telegram.org/mtproto/auth_key):
 * permanent keys and temporary ones (p_q_inner_data_temp_dc, which the
 * server forgets when they expire, https://core.telegram.org/api/pfs), each
 * with its salts and its sessions. Keys are identified by auth_key_id read
 * as a signed TL `long`, the form `bind_auth_key_inner` and the in-memory
 * Telegram use.
 */
import type { AuthKeyHandle, CryptoProvider, RandomSource } from '../../crypto/provider.js';
import { longFromBytes, type AuthKeyResult } from '../../mtproto/index.js';
import type { ServedLayer } from '../layers/index.js';
import { randomLong } from '../telegram/clock.js';
import { SaltSchedule } from './salts.js';
import { SessionState } from './session-state.js';

/** Keys kept per DC; past that the oldest is forgotten (its client gets -404 and makes a new one). */
export const MAX_KEYS_PER_DC = 4096;
/** Sessions kept per key; the least recently used goes first. */
export const MAX_SESSIONS_PER_KEY = 64;

/** One auth key and what hangs off it. Secret: never log `authKey`. */
export class StoredKey {
  /** Sessions by session_id. */
  readonly sessions = new Map<bigint, SessionState>();
  /**
   * Queries running on this key: msg_id → session_id. auth.bindTempAuthKey
   * checks that the msg_id inside its encrypted message is one of these.
   */
  readonly rpcInFlight = new Map<bigint, bigint>();
  /** Set when the key is forgotten (destroy_auth_key, expiry, server stop): nothing is sealed with it any more. */
  destroyed = false;
  /** The layer the key's last `invokeWithLayer` asked for (undefined before one). */
  askedLayer: number | undefined;
  /**
   * The older layer its messages are read and answered in (ts/testing/layers);
   * undefined for the server's own layer, as Telegram keeps the layer per key.
   */
  servedLayer: ServedLayer | undefined;

  constructor(
    /** auth_key_id as a signed long. */
    readonly id: bigint,
    readonly handle: AuthKeyHandle,
    /** The 256-byte key (bind checks need the permanent key's bytes). */
    readonly authKey: Uint8Array,
    /** True for a temporary key. */
    readonly temp: boolean,
    /** Unix seconds when a temporary key expires. */
    readonly expiresAt: number | undefined,
    readonly salts: SaltSchedule,
  ) {}

  /** The session `sessionId`, created when new (the caller announces it with new_session_created). */
  session(crypto: CryptoProvider, random: RandomSource, sessionId: bigint, now: number): SessionState {
    let s = this.sessions.get(sessionId);
    if (s) {
      // Map order doubles as recency order.
      this.sessions.delete(sessionId);
      this.sessions.set(sessionId, s);
    } else {
      if (this.sessions.size >= MAX_SESSIONS_PER_KEY) this.sessions.delete(this.sessions.keys().next().value!);
      s = new SessionState(crypto, this.handle, sessionId, randomLong(random), now);
      this.sessions.set(sessionId, s);
    }
    s.lastSeen = now;
    return s;
  }
}

/** A permanent key as a data directory keeps it (ts/testing/server/persist.ts). Secret: `authKey`. */
export interface PermanentKeyRecord {
  readonly id: bigint;
  readonly authKey: Uint8Array;
}

/** The keys of one DC. */
export class KeyStore {
  private readonly keys = new Map<bigint, StoredKey>();
  /**
   * Called after a permanent key is added or any key is forgotten: what a
   * data directory keeps changed (temporary keys are not kept, as they
   * expire and the client makes new ones).
   */
  onChange: (() => void) | undefined;

  constructor(
    private readonly crypto: CryptoProvider,
    private readonly random: RandomSource,
  ) {}

  /** Number of live keys. */
  get size(): number {
    return this.keys.size;
  }

  /** True when `id` (signed long) is taken, so a new key with that id must be refused (dh_gen_retry). */
  has(id: bigint): boolean {
    return this.keys.has(id);
  }

  /** The key `id` at `now` (Unix seconds); an expired temporary key is forgotten and not returned. */
  get(id: bigint, now: number): StoredKey | undefined {
    const k = this.keys.get(id);
    if (k?.expiresAt !== undefined && now >= k.expiresAt) {
      this.delete(id);
      return undefined;
    }
    return k;
  }

  /** Stores a key the exchange just made at `now`. */
  add(result: AuthKeyResult, now: number): StoredKey {
    const id = longFromBytes(result.authKeyId);
    const key = new StoredKey(
      id,
      this.crypto.loadAuthKey(result.authKey),
      result.authKey.slice(),
      result.expiresIn !== undefined,
      result.expiresIn !== undefined ? now + result.expiresIn : undefined,
      new SaltSchedule(result.serverSalt, now, this.random),
    );
    if (this.keys.size >= MAX_KEYS_PER_DC) this.delete(this.keys.keys().next().value!);
    this.keys.set(id, key);
    if (!key.temp) this.onChange?.();
    return key;
  }

  /**
   * Puts back a permanent key kept from an earlier run (a data directory).
   * Its first salt is new, so the client's stored salt gets a
   * bad_server_salt with the right one, as after any salt change
   * (https://core.telegram.org/mtproto/service_messages_about_messages#notice-of-ignored-error-message).
   * No change event: nothing new to keep.
   */
  restore(record: PermanentKeyRecord, now: number): StoredKey {
    const key = new StoredKey(
      record.id,
      this.crypto.loadAuthKey(record.authKey),
      record.authKey.slice(),
      false,
      undefined,
      new SaltSchedule(randomLong(this.random), now, this.random),
    );
    this.delete(record.id);
    this.keys.set(record.id, key);
    return key;
  }

  /** Every permanent key (copies of the bytes), oldest first. */
  permanentKeys(): PermanentKeyRecord[] {
    const out: PermanentKeyRecord[] = [];
    for (const k of this.keys.values()) if (!k.temp && !k.destroyed) out.push({ id: k.id, authKey: k.authKey.slice() });
    return out;
  }

  /** Forgets key `id`; its handle is freed. Returns true when it existed. */
  delete(id: bigint): boolean {
    const k = this.keys.get(id);
    if (!k) return false;
    this.keys.delete(id);
    dispose(k);
    this.onChange?.();
    return true;
  }

  /** Forgets every key. */
  clear(): void {
    for (const k of this.keys.values()) dispose(k);
    this.keys.clear();
  }
}

function dispose(k: StoredKey): void {
  k.destroyed = true;
  k.sessions.clear();
  k.handle.dispose();
  k.authKey.fill(0);
}
