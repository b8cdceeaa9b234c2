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
import type { Client, Config, InArgs, InStatement, Row } from '@libsql/client';
import { SessionError } from '../errors.js';
import { redact } from '../redact.js';
import { leaseHeldError } from './file-lease.js';
import { LIBSQL_SCHEMA_VERSION, META_TABLE, MIGRATIONS } from './libsql-schema.js';
import { checkDcKey, checkSnapshot, copyDcKey, emptySnapshot, normalizePhone, normalizeUsername } from './state.js';
import type {
  CachedPeer,
  DcAddress,
  LeaseInfo,
  PeerKind,
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
 * only libSQL's embedded SQLite (libsql-local-node.ts); a remote one the
 * whole `@libsql/client` (HTTP and WebSocket clients; under the `workerd`
 * and `browser` conditions its web build).
 */
async function libsqlClientFactory(url: string): Promise<(config: Config) => Client> {
  if (isLocalUrl(url)) return (await import('./libsql-local-node.js')).createLocalLibsqlClient;
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

type Value = Row[string];

function big(v: Value): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(v);
  if (typeof v === 'string') return BigInt(v);
  throw new SessionError('libSQL storage: unexpected non-integer value');
}
function num(v: Value): number {
  return Number(v);
}
function opt<T>(v: Value, f: (v: Value) => T): T | undefined {
  return v === null || v === undefined ? undefined : f(v);
}
function blob(v: Value): Uint8Array {
  if (v instanceof ArrayBuffer) return new Uint8Array(v.slice(0));
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength));
  throw new SessionError('libSQL storage: auth key is not a blob');
}
function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
function unhex(s: string): Uint8Array {
  const out = new Uint8Array(s.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(s.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function encodeDcOptions(options: readonly DcAddress[]): string {
  return JSON.stringify(options.map((o) => ({ ...o, secret: o.secret ? hex(o.secret) : undefined })));
}
function decodeDcOptions(text: Value): DcAddress[] {
  try {
    const list = JSON.parse(String(text ?? '[]')) as (Omit<DcAddress, 'secret'> & { secret?: string })[];
    return list.map((o) => {
      const out: DcAddress = { id: o.id, host: o.host, port: o.port };
      if (o.ipv6) out.ipv6 = true;
      if (o.mediaOnly) out.mediaOnly = true;
      if (o.cdn) out.cdn = true;
      if (o.tcpoOnly) out.tcpoOnly = true;
      if (o.secret) out.secret = unhex(o.secret);
      return out;
    });
  } catch {
    throw new SessionError('libSQL storage: stored DC options are corrupt');
  }
}

function rowToPeer(r: Row): CachedPeer {
  const p: CachedPeer = {
    id: big(r.id),
    kind: String(r.kind) as PeerKind,
    accessHash: big(r.access_hash),
    min: num(r.min) !== 0,
    updatedAt: num(r.updated_at),
  };
  if (r.usernames) p.usernames = JSON.parse(String(r.usernames)) as string[];
  if (r.phone) p.phone = String(r.phone);
  return p;
}

const PEER_COLUMNS = 'id, kind, access_hash, min, usernames, phone, updated_at';

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

  private async batch(stmts: InStatement[]): Promise<void> {
    if (!stmts.length) return;
    try {
      await this.db.batch(stmts, 'write');
    } catch (e) {
      throw this.wrap(e);
    }
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
      await this.migrate();
      await this.run('INSERT OR IGNORE INTO wg_sessions (account) VALUES (?)', [this.account]);
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
    const [r] = await this.run('SELECT home_dc FROM wg_sessions WHERE account = ?', [this.account]);
    return opt(r?.home_dc, num);
  }
  async setHomeDc(dcId: number): Promise<void> {
    if (!Number.isInteger(dcId) || dcId < 1 || dcId > 0xffff) throw new SessionError(`invalid home DC id ${dcId}`);
    await this.run('UPDATE wg_sessions SET home_dc = ? WHERE account = ?', [dcId, this.account]);
  }

  async getDcOptions(): Promise<DcAddress[]> {
    const [r] = await this.run('SELECT dc_options FROM wg_sessions WHERE account = ?', [this.account]);
    return decodeDcOptions(r?.dc_options ?? '[]');
  }
  async setDcOptions(options: DcAddress[]): Promise<void> {
    await this.run('UPDATE wg_sessions SET dc_options = ? WHERE account = ?', [encodeDcOptions(options), this.account]);
  }

  async getAuthKey(dcId: number, media?: boolean): Promise<StoredDcKey | undefined> {
    const [r] = await this.run(
      'SELECT auth_key, server_salt, time_offset FROM wg_auth_keys WHERE account = ? AND dc_id = ? AND media = ?',
      [this.account, dcId, media ? 1 : 0],
    );
    if (!r) return undefined;
    const key: StoredDcKey = { dcId, authKey: blob(r.auth_key) };
    const salt = opt(r.server_salt, big);
    if (salt !== undefined) key.serverSalt = salt;
    const offset = opt(r.time_offset, num);
    if (offset !== undefined) key.timeOffset = offset;
    if (media) key.media = true;
    return copyDcKey(key);
  }
  async setAuthKey(dcId: number, key: StoredDcKey | undefined, media?: boolean): Promise<void> {
    if (!key) {
      await this.run('DELETE FROM wg_auth_keys WHERE account = ? AND dc_id = ? AND media = ?', [this.account, dcId, media ? 1 : 0]);
      return;
    }
    checkDcKey({ ...key, dcId });
    await this.run(this.keyUpsert, this.keyArgs({ ...key, dcId, media: !!media }));
  }
  private readonly keyUpsert =
    'INSERT INTO wg_auth_keys (account, dc_id, media, auth_key, server_salt, time_offset) VALUES (?, ?, ?, ?, ?, ?) ' +
    'ON CONFLICT (account, dc_id, media) DO UPDATE SET auth_key = excluded.auth_key, server_salt = excluded.server_salt, time_offset = excluded.time_offset';
  private keyArgs(k: StoredDcKey): InArgs {
    return [this.account, k.dcId, k.media ? 1 : 0, k.authKey.slice(), k.serverSalt ?? null, k.timeOffset ?? null];
  }

  async getAccount(): Promise<StoredAccount | undefined> {
    const [r] = await this.run('SELECT user_id, bot, phone, username FROM wg_sessions WHERE account = ?', [this.account]);
    if (!r || r.user_id === null) return undefined;
    const a: StoredAccount = { userId: big(r.user_id), bot: num(r.bot) !== 0 };
    if (r.phone !== null) a.phone = String(r.phone);
    if (r.username !== null) a.username = String(r.username);
    return a;
  }
  async setAccount(a: StoredAccount | undefined): Promise<void> {
    await this.run('UPDATE wg_sessions SET user_id = ?, bot = ?, phone = ?, username = ? WHERE account = ?', [
      a ? a.userId : null,
      a ? (a.bot ? 1 : 0) : null,
      a?.phone ?? null,
      a?.username ?? null,
      this.account,
    ]);
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
    const [r] = await this.run('SELECT pts, qts, date, seq FROM wg_sessions WHERE account = ?', [this.account]);
    if (!r || r.pts === null) return undefined;
    return { pts: num(r.pts), qts: num(r.qts), date: num(r.date), seq: num(r.seq) };
  }
  async setUpdateState(s: UpdateState | undefined): Promise<void> {
    await this.run('UPDATE wg_sessions SET pts = ?, qts = ?, date = ?, seq = ? WHERE account = ?', [
      s?.pts ?? null,
      s?.qts ?? null,
      s?.date ?? null,
      s?.seq ?? null,
      this.account,
    ]);
  }
  async getChannelPts(channelId: bigint): Promise<number | undefined> {
    const [r] = await this.run('SELECT pts FROM wg_channel_pts WHERE account = ? AND channel_id = ?', [this.account, channelId]);
    return opt(r?.pts, num);
  }
  async setChannelPts(channelId: bigint, pts: number | undefined): Promise<void> {
    if (pts === undefined) await this.run('DELETE FROM wg_channel_pts WHERE account = ? AND channel_id = ?', [this.account, channelId]);
    else
      await this.run(
        'INSERT INTO wg_channel_pts (account, channel_id, pts) VALUES (?, ?, ?) ON CONFLICT (account, channel_id) DO UPDATE SET pts = excluded.pts',
        [this.account, channelId, pts],
      );
  }

  async snapshot(): Promise<SessionSnapshot> {
    const s = emptySnapshot();
    const [row] = await this.run('SELECT home_dc, test_mode FROM wg_sessions WHERE account = ?', [this.account]);
    const home = opt(row?.home_dc, num);
    if (home !== undefined) s.homeDc = home;
    if (row && num(row.test_mode)) s.testMode = true;
    s.dcOptions = await this.getDcOptions();
    for (const r of await this.run('SELECT dc_id, media FROM wg_auth_keys WHERE account = ?', [this.account])) {
      const k = await this.getAuthKey(num(r.dc_id), num(r.media) !== 0);
      if (k) s.keys.push(k);
    }
    const account = await this.getAccount();
    if (account) s.account = account;
    const update = await this.getUpdateState();
    if (update) s.updateState = update;
    for (const r of await this.run('SELECT channel_id, pts FROM wg_channel_pts WHERE account = ?', [this.account]))
      s.channelPts.set(big(r.channel_id), num(r.pts));
    for (const r of await this.run(`SELECT ${PEER_COLUMNS} FROM wg_peers WHERE account = ?`, [this.account])) {
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
    ];
    await this.batch(stmts);
  }

  async acquireLease(owner: string, ttlMs: number, takeOver = false): Promise<LeaseInfo> {
    const now = Date.now();
    const expiresAt = now + ttlMs;
    // One conditional UPDATE: free, ours, lapsed, or taken over — atomic in every libSQL mode.
    const rows = await this.run(
      'UPDATE wg_sessions SET lease_owner = ?, lease_expires = ? WHERE account = ? ' +
        'AND (lease_owner IS NULL OR lease_owner = ? OR lease_expires <= ? OR ?) RETURNING lease_owner',
      [owner, expiresAt, this.account, owner, now, takeOver ? 1 : 0],
    );
    if (!rows.length) {
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
