/**
 * The libSQL backend (`wasmgram/storage/libsql`), the only file that imports
 * `@libsql/client`, so browser and edge bundles that do not use it never load
 * a native module.
 *
 * One code path for every kind of database the client reaches:
 * - a local file, `file:wasmgram.db` (the default; embedded SQLite);
 * - in memory, `:memory:` (tests);
 * - remote libSQL / Turso, `libsql://db-org.turso.io` or `https://...` with
 *   `authToken` — the shared store when several processes or serverless
 *   functions run one bot;
 * - an embedded replica: a local `file:` URL plus `syncUrl` (and `authToken`):
 *   reads are local, writes go to the primary, `open()` pulls the latest state.
 * In browsers and workers, pass a client made by `@libsql/client/web` as `client`.
 *
 * Several accounts share a database (`account` names the row set). The
 * lease is a row updated by one conditional statement, so two processes
 * cannot both take it.
 */
import type { Client, Config, InArgs, InStatement, ResultSet, Row } from '@libsql/client';
import { SessionError } from '../errors.js';
import { redact } from '../redact.js';
import { leaseHeldError } from './file-lease.js';
import { type AccountCache, CACHE_READS, cacheFromRows, copyDcOptions, keySlot } from './libsql-cache.js';
import { LIBSQL_SCHEMA_VERSION, META_TABLE, MIGRATIONS } from './libsql-schema.js';
import { encodeDcOptions, num, PEER_COLUMNS, rowToPeer } from './libsql-values.js';
import { checkDcKey, checkSnapshot, copyDcKey, emptySnapshot, normalizePhone, normalizeUsername } from './state.js';
import type {
  CachedPeer,
  DcAddress,
  LeaseInfo,
  SessionSnapshot,
  SessionStorage,
  StoredAccount,
  StoredDcKey,
  UpdateState,
} from './types.js';

/** A local database (`file:` or `:memory:`), which the embedded SQLite of libSQL serves. */
function isLocalUrl(url: string): boolean {
  return url === ':memory:' || url.startsWith('file:');
}

/**
 * `createClient` for `url`, imported on first use: a local database loads
 * only libSQL's embedded SQLite (`#platform/libsql-local`: ts/platform/node/libsql-local.ts); a remote one the
 * whole `@libsql/client` (HTTP and WebSocket clients; under the `workerd`
 * and `browser` conditions its web build).
 */
async function libsqlClientFactory(url: string): Promise<(config: Config) => Client> {
  if (isLocalUrl(url)) return (await import('../platform/node/libsql-local.js')).createLocalLibsqlClient;
  return (await import('@libsql/client')).createClient;
}

/** Options of {@link LibsqlStorage}. */
export interface LibsqlStorageOptions {
  /** Database URL: `file:path.db` (default `file:wasmgram.db`), `:memory:`, `libsql://...`, `https://...`. */
  url?: string;
  /** Token for remote databases (Turso). Secret: never logged. */
  authToken?: string;
  /** Primary to replicate from: makes `url` (a `file:` URL) an embedded replica. */
  syncUrl?: string;
  /** Seconds between background syncs of an embedded replica. */
  syncInterval?: number;
  /** Encryption key of a local database file. Secret. */
  encryptionKey?: string;
  /** Use this client instead of creating one (it is not closed by `close()`). */
  client?: Client;
  /** Which account's rows (several accounts per database). Default `default`. */
  account?: string;
  /** Peers per INSERT statement (default 200). */
  peerChunk?: number;
}

/**
 * A `SessionStorage` in a libSQL/SQLite database.
 *
 * @example
 * ```ts
 * import { LibsqlStorage } from 'wasmgram/storage/libsql';
 * const local = new LibsqlStorage({ url: 'file:sessions.db', account: 'bot1' });
 * const turso = new LibsqlStorage({ url: 'libsql://my-db.turso.io', authToken: process.env.TURSO_TOKEN, account: 'bot1' });
 * ```
 */
export class LibsqlStorage implements SessionStorage {
  /** The account key of this storage's rows. */
  readonly account: string;
  private readonly options: LibsqlStorageOptions;
  private client: Client | undefined;
  private readonly ownsClient: boolean;
  private readonly peerChunk: number;
  private opened = false;
  private closed = false;
  private heldBy: string | undefined;
  /** This account's session row, keys and channel pts (libsql-cache.ts): read with open() and the lease, written through. */
  private cache: AccountCache | undefined;

  constructor(options: LibsqlStorageOptions = {}) {
    this.options = options;
    this.account = options.account ?? 'default';
    this.ownsClient = !options.client;
    this.client = options.client;
    this.peerChunk = Math.max(1, Math.min(options.peerChunk ?? 200, 1000));
    redact(this, 'LibsqlStorage');
  }

  private get db(): Client {
    if (this.closed) throw new SessionError('storage is closed');
    if (!this.opened || !this.client) throw new SessionError('storage is not open: call open() first');
    return this.client;
  }

  private ensureOpen(): void {
    if (!this.db) throw new SessionError('storage is not open');
  }

  private async run(sql: string, args: InArgs = []): Promise<Row[]> {
    try {
      return (await this.db.execute({ sql, args })).rows;
    } catch (e) {
      throw this.wrap(e);
    }
  }

  private async batch(stmts: InStatement[], mode: 'write' | 'read' = 'write'): Promise<ResultSet[]> {
    if (!stmts.length) return [];
    try {
      return await this.db.batch(stmts, mode);
    } catch (e) {
      throw this.wrap(e);
    }
  }

  /** The statements of CACHE_READS for this account. */
  private cacheReads(): InStatement[] {
    return CACHE_READS.map((sql) => ({ sql, args: [this.account] }));
  }

  /** Fills the cache from the results of {@link cacheReads} (the last three of `results`). */
  private fillCache(results: readonly ResultSet[]): void {
    const [session, keys, channels] = results.slice(-3) as [ResultSet, ResultSet, ResultSet];
    this.cache = cacheFromRows(session.rows[0], keys.rows, channels.rows);
  }

  /** The cache (open() fills it; a storage that lost it reads it again). */
  private async cached(): Promise<AccountCache> {
    this.ensureOpen();
    if (!this.cache) this.fillCache(await this.batch(this.cacheReads(), 'read'));
    return this.cache!;
  }

  /** libSQL errors carry SQL and codes, never our values (arguments are bound), so their message is safe to keep. */
  private wrap(e: unknown): SessionError {
    if (e instanceof SessionError) return e;
    const code = (e as { code?: string })?.code;
    return new SessionError(`libSQL storage (${this.account}): ${code ?? (e instanceof Error ? e.message : 'error')}`);
  }

  async open(): Promise<void> {
    if (this.closed) throw new SessionError('storage is closed');
    if (this.opened) return;
    const o = this.options;
    if (!this.client) {
      const config: Config = {
        url: o.url ?? 'file:wasmgram.db',
        authToken: o.authToken,
        syncUrl: o.syncUrl,
        syncInterval: o.syncInterval,
        encryptionKey: o.encryptionKey,
        intMode: 'bigint',
      };
      let create: (config: Config) => Client;
      try {
        create = await libsqlClientFactory(config.url);
      } catch (e) {
        throw new SessionError(`libSQL storage: cannot load @libsql/client (${(e as { code?: string })?.code ?? 'not installed?'})`);
      }
      if (this.closed || this.opened) return this.open();
      try {
        this.client = create(config);
      } catch (e) {
        throw new SessionError(`libSQL storage: cannot open the database (${(e as { code?: string })?.code ?? 'bad URL or options'})`);
      }
    }
    this.opened = true;
    try {
      if (o.syncUrl) await this.client.sync();
      // One request on a database at the current schema: the version check, this account's row, and the session read.
      const fast = await this.batch([
        { sql: META_TABLE, args: [] },
        {
          sql: "INSERT OR IGNORE INTO wg_sessions (account) SELECT ? WHERE (SELECT value FROM wg_meta WHERE key = 'schema_version') = ?",
          args: [this.account, String(LIBSQL_SCHEMA_VERSION)],
        },
        { sql: "SELECT value FROM wg_meta WHERE key = 'schema_version'", args: [] },
        ...this.cacheReads(),
      ]).catch(() => undefined); // a fresh database has no wg_sessions yet: the slow path creates it
      if (fast && Number(fast[2]?.rows[0]?.value) === LIBSQL_SCHEMA_VERSION) {
        this.fillCache(fast);
        return;
      }
      await this.migrate();
      await this.run('INSERT OR IGNORE INTO wg_sessions (account) VALUES (?)', [this.account]);
      this.fillCache(await this.batch(this.cacheReads(), 'read'));
    } catch (e) {
      this.opened = false;
      throw this.wrap(e);
    }
  }

  /** Brings the schema to {@link LIBSQL_SCHEMA_VERSION}; refuses a newer database. */
  private async migrate(): Promise<void> {
    await this.run(META_TABLE);
    const rows = await this.run("SELECT value FROM wg_meta WHERE key = 'schema_version'");
    const current = rows.length ? Number(rows[0]!.value) : 0;
    if (!Number.isInteger(current) || current < 0) throw new SessionError('libSQL storage: schema version record is corrupt');
    if (current > LIBSQL_SCHEMA_VERSION)
      throw new SessionError(
        `libSQL storage: database schema version ${current} is newer than this wasmgram supports (${LIBSQL_SCHEMA_VERSION}); upgrade wasmgram`,
      );
    for (let v = current; v < LIBSQL_SCHEMA_VERSION; v++) {
      await this.batch([
        ...MIGRATIONS[v]!.map((sql) => ({ sql, args: [] })),
        // Conditional on the version we read, so two processes migrating at once apply each step once.
        {
          sql: "INSERT INTO wg_meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value = ?",
          args: [String(v + 1), String(v)],
        },
      ]);
    }
  }

  async getHomeDc(): Promise<number | undefined> {
    return (await this.cached()).homeDc;
  }
  async setHomeDc(dcId: number): Promise<void> {
    if (!Number.isInteger(dcId) || dcId < 1 || dcId > 0xffff) throw new SessionError(`invalid home DC id ${dcId}`);
    const c = await this.cached();
    await this.run('UPDATE wg_sessions SET home_dc = ? WHERE account = ?', [dcId, this.account]);
    c.homeDc = dcId;
  }

  async getDcOptions(): Promise<DcAddress[]> {
    return copyDcOptions((await this.cached()).dcOptions);
  }
  async setDcOptions(options: DcAddress[]): Promise<void> {
    const c = await this.cached();
    await this.run('UPDATE wg_sessions SET dc_options = ? WHERE account = ?', [encodeDcOptions(options), this.account]);
    c.dcOptions = copyDcOptions(options);
  }

  async getAuthKey(dcId: number, media?: boolean): Promise<StoredDcKey | undefined> {
    const key = (await this.cached()).keys.get(keySlot(dcId, media));
    return key && copyDcKey(key);
  }
  async setAuthKey(dcId: number, key: StoredDcKey | undefined, media?: boolean): Promise<void> {
    const c = await this.cached();
    if (!key) {
      await this.run('DELETE FROM wg_auth_keys WHERE account = ? AND dc_id = ? AND media = ?', [this.account, dcId, media ? 1 : 0]);
      c.keys.delete(keySlot(dcId, media));
      return;
    }
    checkDcKey({ ...key, dcId });
    const stored: StoredDcKey = { ...key, dcId };
    if (media) stored.media = true;
    else delete stored.media;
    // The client saves its keys on close whether they changed or not: an unchanged key costs no request.
    if (sameKey(c.keys.get(keySlot(dcId, media)), stored)) return;
    await this.run(this.keyUpsert, this.keyArgs(stored));
    c.keys.set(keySlot(dcId, media), copyDcKey(stored));
  }
  private readonly keyUpsert =
    'INSERT INTO wg_auth_keys (account, dc_id, media, auth_key, server_salt, time_offset) VALUES (?, ?, ?, ?, ?, ?) ' +
    'ON CONFLICT (account, dc_id, media) DO UPDATE SET auth_key = excluded.auth_key, server_salt = excluded.server_salt, time_offset = excluded.time_offset';
  private keyArgs(k: StoredDcKey): InArgs {
    return [this.account, k.dcId, k.media ? 1 : 0, k.authKey.slice(), k.serverSalt ?? null, k.timeOffset ?? null];
  }

  async getAccount(): Promise<StoredAccount | undefined> {
    const a = (await this.cached()).account;
    return a && { ...a };
  }
  async setAccount(a: StoredAccount | undefined): Promise<void> {
    const c = await this.cached();
    await this.run('UPDATE wg_sessions SET user_id = ?, bot = ?, phone = ?, username = ? WHERE account = ?', [
      a ? a.userId : null,
      a ? (a.bot ? 1 : 0) : null,
      a?.phone ?? null,
      a?.username ?? null,
      this.account,
    ]);
    c.account = a && storedAccount(a);
  }

  async getPeer(id: bigint): Promise<CachedPeer | undefined> {
    const [r] = await this.run(`SELECT ${PEER_COLUMNS} FROM wg_peers WHERE account = ? AND id = ?`, [this.account, id]);
    return r && rowToPeer(r);
  }
  async getPeerByUsername(username: string): Promise<CachedPeer | undefined> {
    const [r] = await this.run(
      `SELECT ${PEER_COLUMNS} FROM wg_peers WHERE account = ?1 AND id = (SELECT peer_id FROM wg_usernames WHERE account = ?1 AND username = ?2)`,
      [this.account, normalizeUsername(username)],
    );
    return r && rowToPeer(r);
  }
  async getPeerByPhone(phone: string): Promise<CachedPeer | undefined> {
    const [r] = await this.run(`SELECT ${PEER_COLUMNS} FROM wg_peers WHERE account = ? AND phone = ? ORDER BY updated_at DESC LIMIT 1`, [
      this.account,
      normalizePhone(phone),
    ]);
    return r && rowToPeer(r);
  }

  /** Upserts in chunks inside one write transaction; the min rule is in the SQL (`WHERE` of the upsert). */
  async putPeers(peers: readonly CachedPeer[]): Promise<void> {
    this.ensureOpen();
    if (!peers.length) return;
    // Last entry for an id wins within one call (as in the blob backends).
    const unique = [...new Map(peers.map((p) => [p.id, p])).values()];
    await this.batch(this.peerStatements(unique));
  }

  private peerStatements(peers: readonly CachedPeer[]): InStatement[] {
    const stmts: InStatement[] = [];
    for (let i = 0; i < peers.length; i += this.peerChunk) {
      const chunk = peers.slice(i, i + this.peerChunk);
      const args: InArgs = [];
      const ids: InArgs = [this.account];
      for (const p of chunk) {
        const names = p.usernames?.length ? JSON.stringify(p.usernames.map(normalizeUsername)) : null;
        args.push(this.account, p.id, p.kind, p.accessHash, p.min ? 1 : 0, names, p.phone ? normalizePhone(p.phone) : null, p.updatedAt);
        ids.push(p.id);
      }
      const marks = chunk.map(() => '?').join(', ');
      stmts.push(
        {
          sql:
            `INSERT INTO wg_peers (account, ${PEER_COLUMNS}) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} ` +
            'ON CONFLICT (account, id) DO UPDATE SET kind = excluded.kind, access_hash = excluded.access_hash, min = excluded.min, ' +
            'usernames = excluded.usernames, phone = excluded.phone, updated_at = excluded.updated_at ' +
            'WHERE excluded.min = 0 OR wg_peers.min = 1',
          args,
        },
        // The username index follows what was actually stored (a skipped min entry changes nothing).
        { sql: `DELETE FROM wg_usernames WHERE account = ? AND peer_id IN (${marks})`, args: ids },
        {
          sql:
            'INSERT OR REPLACE INTO wg_usernames (account, username, peer_id) ' +
            `SELECT p.account, j.value, p.id FROM wg_peers p, json_each(p.usernames) j WHERE p.account = ? AND p.usernames IS NOT NULL AND p.id IN (${marks})`,
          args: ids,
        },
      );
    }
    return stmts;
  }

  async getUpdateState(): Promise<UpdateState | undefined> {
    const u = (await this.cached()).updateState;
    return u && { ...u };
  }
  async setUpdateState(s: UpdateState | undefined): Promise<void> {
    const c = await this.cached();
    await this.run('UPDATE wg_sessions SET pts = ?, qts = ?, date = ?, seq = ? WHERE account = ?', [
      s?.pts ?? null,
      s?.qts ?? null,
      s?.date ?? null,
      s?.seq ?? null,
      this.account,
    ]);
    c.updateState = s && { pts: s.pts, qts: s.qts, date: s.date, seq: s.seq };
  }
  async getChannelPts(channelId: bigint): Promise<number | undefined> {
    return (await this.cached()).channelPts.get(channelId);
  }
  async setChannelPts(channelId: bigint, pts: number | undefined): Promise<void> {
    const c = await this.cached();
    if (pts === undefined) await this.run('DELETE FROM wg_channel_pts WHERE account = ? AND channel_id = ?', [this.account, channelId]);
    else
      await this.run(
        'INSERT INTO wg_channel_pts (account, channel_id, pts) VALUES (?, ?, ?) ON CONFLICT (account, channel_id) DO UPDATE SET pts = excluded.pts',
        [this.account, channelId, pts],
      );
    if (pts === undefined) c.channelPts.delete(channelId);
    else c.channelPts.set(channelId, pts);
  }

  /** The cached session and one read of the peers. */
  async snapshot(): Promise<SessionSnapshot> {
    const c = await this.cached();
    const peers = await this.run(`SELECT ${PEER_COLUMNS} FROM wg_peers WHERE account = ?`, [this.account]);
    const s = emptySnapshot();
    if (c.homeDc !== undefined) s.homeDc = c.homeDc;
    if (c.testMode) s.testMode = true;
    s.dcOptions = copyDcOptions(c.dcOptions);
    s.keys = [...c.keys.values()].sort((a, b) => a.dcId - b.dcId || Number(!!a.media) - Number(!!b.media)).map(copyDcKey);
    if (c.account) s.account = { ...c.account };
    if (c.updateState) s.updateState = { ...c.updateState };
    for (const [id, pts] of c.channelPts) s.channelPts.set(id, pts);
    for (const r of peers) {
      const p = rowToPeer(r);
      s.peers.set(p.id, p);
    }
    return s;
  }

  /** Replaces this account's rows in one write transaction (the lease columns are kept). */
  async restore(s: SessionSnapshot): Promise<void> {
    this.ensureOpen();
    checkSnapshot(s);
    const a = this.account;
    const u = s.updateState;
    const stmts: InStatement[] = [
      { sql: 'DELETE FROM wg_auth_keys WHERE account = ?', args: [a] },
      { sql: 'DELETE FROM wg_peers WHERE account = ?', args: [a] },
      { sql: 'DELETE FROM wg_usernames WHERE account = ?', args: [a] },
      { sql: 'DELETE FROM wg_channel_pts WHERE account = ?', args: [a] },
      {
        sql:
          'UPDATE wg_sessions SET home_dc = ?, test_mode = ?, dc_options = ?, user_id = ?, bot = ?, phone = ?, username = ?, ' +
          'pts = ?, qts = ?, date = ?, seq = ? WHERE account = ?',
        args: [
          s.homeDc ?? null,
          s.testMode ? 1 : 0,
          encodeDcOptions(s.dcOptions),
          s.account?.userId ?? null,
          s.account ? (s.account.bot ? 1 : 0) : null,
          s.account?.phone ?? null,
          s.account?.username ?? null,
          u?.pts ?? null,
          u?.qts ?? null,
          u?.date ?? null,
          u?.seq ?? null,
          a,
        ],
      },
      ...s.keys.map((k) => ({ sql: this.keyUpsert, args: this.keyArgs(k) })),
      ...[...s.channelPts].map(([id, pts]) => ({
        sql: 'INSERT INTO wg_channel_pts (account, channel_id, pts) VALUES (?, ?, ?)',
        args: [a, id, pts],
      })),
      ...this.peerStatements([...s.peers.values()]),
      ...this.cacheReads(),
    ];
    this.fillCache(await this.batch(stmts));
  }

  async acquireLease(owner: string, ttlMs: number, takeOver = false): Promise<LeaseInfo> {
    const now = Date.now();
    const expiresAt = now + ttlMs;
    // One conditional UPDATE: free, ours, lapsed, or taken over — atomic in every libSQL mode. In the same
    // request the session is read again: from here on this process is the account's only writer.
    const results = await this.batch([
      {
        sql:
          'UPDATE wg_sessions SET lease_owner = ?, lease_expires = ? WHERE account = ? ' +
          'AND (lease_owner IS NULL OR lease_owner = ? OR lease_expires <= ? OR ?) RETURNING lease_owner',
        args: [owner, expiresAt, this.account, owner, now, takeOver ? 1 : 0],
      },
      ...this.cacheReads(),
    ]);
    this.fillCache(results);
    if (!results[0]!.rows.length) {
      const holder = await this.leaseHolder();
      throw holder ? leaseHeldError(holder) : new SessionError('session lease could not be taken');
    }
    this.heldBy = owner;
    return { owner, expiresAt };
  }
  async renewLease(owner: string, ttlMs: number): Promise<LeaseInfo> {
    const expiresAt = Date.now() + ttlMs;
    const rows = await this.run(
      'UPDATE wg_sessions SET lease_owner = ?, lease_expires = ? WHERE account = ? AND (lease_owner = ? OR lease_owner IS NULL) RETURNING lease_owner',
      [owner, expiresAt, this.account, owner],
    );
    if (!rows.length) {
      if (this.heldBy === owner) this.heldBy = undefined;
      const holder = await this.leaseHolder(true);
      throw new SessionError(`session lease lost: now held by ${holder?.owner ?? 'another owner'}`);
    }
    return { owner, expiresAt };
  }
  async releaseLease(owner: string): Promise<void> {
    await this.run('UPDATE wg_sessions SET lease_owner = NULL, lease_expires = NULL WHERE account = ? AND lease_owner = ?', [
      this.account,
      owner,
    ]);
    if (this.heldBy === owner) this.heldBy = undefined;
  }
  /** The current holder (undefined when free or lapsed, unless `evenIfLapsed`). */
  async leaseHolder(evenIfLapsed = false): Promise<LeaseInfo | undefined> {
    const [r] = await this.run('SELECT lease_owner, lease_expires FROM wg_sessions WHERE account = ?', [this.account]);
    if (!r || r.lease_owner === null) return undefined;
    const info = { owner: String(r.lease_owner), expiresAt: num(r.lease_expires) };
    return evenIfLapsed || info.expiresAt > Date.now() ? info : undefined;
  }

  /** Every write is committed when its call resolves; an embedded replica is synced. */
  async flush(): Promise<void> {
    if (!this.opened || this.closed) return;
    if (this.options.syncUrl) await this.db.sync();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    try {
      if (this.opened && this.heldBy !== undefined) await this.releaseLease(this.heldBy).catch(() => {});
      await this.flush().catch(() => {});
    } finally {
      this.closed = true;
      if (this.ownsClient) this.client?.close();
      this.client = undefined;
    }
  }

  /** The accounts stored in this storage's database. */
  async accounts(): Promise<string[]> {
    return (await this.run('SELECT account FROM wg_sessions ORDER BY account')).map((r) => String(r.account));
  }
}

/** A copy of `a` with only the fields a stored account has. */
function storedAccount(a: StoredAccount): StoredAccount {
  const out: StoredAccount = { userId: a.userId, bot: a.bot };
  if (a.phone !== undefined) out.phone = a.phone;
  if (a.username !== undefined) out.username = a.username;
  return out;
}

/** Whether `a` and `b` store the same values (key bytes, salt, time offset). */
function sameKey(a: StoredDcKey | undefined, b: StoredDcKey): boolean {
  if (!a || a.serverSalt !== b.serverSalt || a.timeOffset !== b.timeOffset || a.authKey.length !== b.authKey.length) return false;
  for (let i = 0; i < a.authKey.length; i++) if (a.authKey[i] !== b.authKey[i]) return false;
  return true;
}
