/**
 * What a stored session holds, and the one interface every storage backend
 * implements (memory, binary file, string session, libSQL, your own).
 *
 * "Session" in wasmgram's code names the MTProto session (ts/mtproto/session);
 * this layer is *storage*: what must survive a restart so the client neither
 * logs in again nor misses updates. The whole state fits in one
 * {@link SessionSnapshot}; backends that store a blob (file, string) write
 * snapshots, backends with a database (libSQL) store rows, and both answer
 * the same {@link SessionStorage} calls.
 *
 * Everything here is a secret or leads to one: implementations never log the
 * values, and objects holding keys print as `[redacted]` (ts/redact.ts).
 */

/** Version of the stored layout; backends migrate older versions on load and refuse newer ones with `SessionError`. */
export const STORAGE_VERSION = 1;

/** One address of a DC, as `help.getConfig` lists it (`dcOption`). */
export interface DcAddress {
  /** DC id (1..5 in production; the test server's own ids on loopback). */
  id: number;
  host: string;
  port: number;
  ipv6?: boolean;
  /** Only for file transfers (`media_only`). */
  mediaOnly?: boolean;
  /** A CDN DC (`cdn`). */
  cdn?: boolean;
  /** Only reachable through obfuscated TCP (`tcpo_only`). */
  tcpoOnly?: boolean;
  /** An MTProxy-style secret for this address, when the DC requires one. */
  secret?: Uint8Array;
}

/** The permanent auth key of one DC, with what the MTProto session learned alongside it. */
export interface StoredDcKey {
  dcId: number;
  /** The 256-byte permanent auth key. Secret. */
  authKey: Uint8Array;
  /** Last known server salt (saves a bad_server_salt round trip on the next start). */
  serverSalt?: bigint;
  /** Last known server time − local time, seconds. */
  timeOffset?: number;
  /** Set on keys of media-only DCs (kept apart from the main key of the same DC id). */
  media?: boolean;
}

/** The signed-in account of a stored session. */
export interface StoredAccount {
  userId: bigint;
  bot: boolean;
  /** Phone number without `+`, for user accounts (absent for bots). */
  phone?: string;
  /** The account's username when known. */
  username?: string;
}

/** Peer kinds, as Telegram distinguishes them for `InputPeer`s. */
export type PeerKind = 'user' | 'chat' | 'channel';

/**
 * A cache entry: what is needed to build an `InputPeer` for `id` without
 * asking the server (the access hash), and to resolve `@username` / phone
 * lookups locally. Filled from every user and chat the client sees.
 */
export interface CachedPeer {
  /** The peer's own id (user id, basic group id, or channel id — not a Bot API marked id). */
  id: bigint;
  kind: PeerKind;
  /** Access hash for this account (0n for basic groups, which have none). */
  accessHash: bigint;
  /** True when the hash came from a `min` constructor (usable only in the context it was seen in). */
  min: boolean;
  /** Lower-case usernames (first is the main one). */
  usernames?: string[];
  /** Phone without `+` (users whose number is visible). */
  phone?: string;
  /** Unix seconds when this entry was last refreshed. */
  updatedAt: number;
}

/** The account-wide update state (https://core.telegram.org/api/updates). */
export interface UpdateState {
  pts: number;
  qts: number;
  date: number;
  seq: number;
}

/** The whole stored state in one value (what blob backends serialize). */
export interface SessionSnapshot {
  version: number;
  /** The DC the account lives on (and the one to connect to first). */
  homeDc?: number;
  /** The session belongs to Telegram's test DCs (https://core.telegram.org/api/auth#test-accounts), not production. */
  testMode?: boolean;
  /** Known DC addresses (from `help.getConfig`); empty means the library's defaults. */
  dcOptions: DcAddress[];
  /** Permanent auth keys, one per DC (and per media DC). */
  keys: StoredDcKey[];
  account?: StoredAccount;
  updateState?: UpdateState;
  /** pts per channel id. */
  channelPts: Map<bigint, number>;
  /** The peer cache. */
  peers: Map<bigint, CachedPeer>;
}

/** Who holds a session right now (see {@link SessionStorage.acquireLease}). */
export interface LeaseInfo {
  /** Free-form owner id (e.g. `host:pid:random`). */
  owner: string;
  /** Unix ms when the lease lapses unless renewed. */
  expiresAt: number;
}

/**
 * The persistence interface. All calls are async so that network databases
 * fit; in-process backends resolve at once. A backend must never lose what
 * was stored when a write fails half-way (write atomically).
 *
 * Writes may be buffered; `flush()` makes everything written so far durable,
 * and `close()` flushes and releases the backend (and the lease, if held).
 */
export interface SessionStorage {
  /** Loads (or creates) the stored state; called once before any other method. Throws `SessionError` for corrupt, foreign or newer data. */
  open(): Promise<void>;

  getHomeDc(): Promise<number | undefined>;
  setHomeDc(dcId: number): Promise<void>;

  getDcOptions(): Promise<DcAddress[]>;
  setDcOptions(options: DcAddress[]): Promise<void>;

  /** The permanent key of `dcId` (`media` picks the media DC's key). */
  getAuthKey(dcId: number, media?: boolean): Promise<StoredDcKey | undefined>;
  /** Stores a key, or deletes it when `key` is undefined. */
  setAuthKey(dcId: number, key: StoredDcKey | undefined, media?: boolean): Promise<void>;

  getAccount(): Promise<StoredAccount | undefined>;
  setAccount(account: StoredAccount | undefined): Promise<void>;

  getPeer(id: bigint): Promise<CachedPeer | undefined>;
  /** Case-insensitive, without `@`. */
  getPeerByUsername(username: string): Promise<CachedPeer | undefined>;
  /** Digits only, without `+`. */
  getPeerByPhone(phone: string): Promise<CachedPeer | undefined>;
  /** Inserts or replaces entries; a `min` entry never replaces a non-min one for the same id. */
  putPeers(peers: readonly CachedPeer[]): Promise<void>;

  getUpdateState(): Promise<UpdateState | undefined>;
  setUpdateState(state: UpdateState | undefined): Promise<void>;
  getChannelPts(channelId: bigint): Promise<number | undefined>;
  /** Sets (or, with undefined, forgets) a channel's pts. */
  setChannelPts(channelId: bigint, pts: number | undefined): Promise<void>;

  /** The whole state (for export and conversion between backends). */
  snapshot(): Promise<SessionSnapshot>;
  /** Replaces the whole state (import). */
  restore(snapshot: SessionSnapshot): Promise<void>;

  /**
   * Takes the session for `owner` for `ttlMs`. Resolves when taken; rejects
   * with `SessionError` naming the current holder when another owner's lease
   * has not lapsed, unless `takeOver` is set. Backends that cannot share a
   * session between processes (memory, string) implement it trivially.
   */
  acquireLease?(owner: string, ttlMs: number, takeOver?: boolean): Promise<LeaseInfo>;
  /** Extends a held lease; rejects with `SessionError` if it was lost to another owner. */
  renewLease?(owner: string, ttlMs: number): Promise<LeaseInfo>;
  releaseLease?(owner: string): Promise<void>;

  /** Makes every write so far durable. */
  flush(): Promise<void>;
  /** Flushes, releases a held lease, and frees resources. */
  close(): Promise<void>;
}
