/**
 * FSM states in a libSQL / SQLite database (`wasmgram/fsm/libsql`): its own
 * table, so it can live in the same database as the stored session — pass
 * the same `Client` to `LibsqlStorage` and to this class — or in its own file
 * or a remote libSQL/Turso database shared by several bot processes.
 *
 * This is the only ts/fsm file that imports `@libsql/client` (an optional
 * peer dependency), so bundles that do not use it never load it.
 */
import { type Client, createClient } from '@libsql/client';
import { SessionError } from '../errors.js';
import { redact } from '../redact.js';
import type { StateSetOptions, StateStorage } from './storage.js';

/** Options of {@link LibsqlStateStorage}. */
export interface LibsqlStateStorageOptions {
  /** An existing client (e.g. the one your `LibsqlStorage` session uses); not closed by `close()`. */
  client?: Client;
  /** Database URL when no client is given: `file:bot.db`, `:memory:`, `libsql://...`. */
  url?: string;
  /** Token of a remote database. Secret: never logged. */
  authToken?: string;
  /** Table name (default `wg_fsm_states`); letters, digits and `_` only. */
  table?: string;
  /** Clock in ms (default `Date.now`); expiry is stored as an absolute time from it. */
  now?: () => number;
  /** Delete expired rows every this many writes (default 256; 0 = only by {@link LibsqlStateStorage.sweep}). */
  sweepEvery?: number;
}

/**
 * A {@link StateStorage} in a libSQL table `(key TEXT PRIMARY KEY, value TEXT, expires_at INTEGER)`.
 *
 * @example
 * ```ts
 * import { createClient } from '@libsql/client';
 * const db = createClient({ url: 'file:bot.db' });
 * const session = new LibsqlStorage({ client: db });        // wasmgram/storage/libsql
 * const states = new LibsqlStateStorage({ client: db });    // same file, its own table
 * ```
 */
export class LibsqlStateStorage implements StateStorage {
  private client: Client | undefined;
  private readonly ownsClient: boolean;
  private readonly table: string;
  private readonly now: () => number;
  private readonly sweepEvery: number;
  private ready: Promise<Client> | undefined;
  private writes = 0;
  private closed = false;
  private readonly options: LibsqlStateStorageOptions;
  /**
   * Operations of this instance run one at a time: an in-memory database or an
   * embedded replica has a single connection, which an open transaction holds
   * (other processes are kept apart by SQLite's write lock instead).
   */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: LibsqlStateStorageOptions = {}) {
    const table = options.table ?? 'wg_fsm_states';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(table)) throw new SessionError(`libSQL FSM storage: bad table name "${table}"`);
    this.table = table;
    this.options = redact({ ...options }, 'LibsqlStateStorageOptions');
    this.client = options.client;
    this.ownsClient = !options.client;
    this.now = options.now ?? Date.now;
    this.sweepEvery = options.sweepEvery ?? 256;
    redact(this, 'LibsqlStateStorage');
  }

  get(key: string): Promise<string | undefined> {
    return this.serial(() => this.getNow(key));
  }

  private async getNow(key: string): Promise<string | undefined> {
    const db = await this.db();
    const rs = await db.execute({ sql: `SELECT value, expires_at FROM ${this.table} WHERE key = ?`, args: [key] });
    const row = rs.rows[0];
    if (!row) return undefined;
    const expires = row.expires_at;
    if (expires !== null && expires !== undefined && Number(expires) <= this.now()) return undefined;
    return String(row.value);
  }

  set(key: string, value: string, options?: StateSetOptions): Promise<void> {
    return this.serial(async () => {
      const db = await this.db();
      await db.execute(this.upsert(key, value, options));
      if (this.sweepEvery > 0 && ++this.writes % this.sweepEvery === 0) await this.sweepNow();
    });
  }

  delete(key: string): Promise<void> {
    return this.serial(async () => {
      const db = await this.db();
      await db.execute({ sql: `DELETE FROM ${this.table} WHERE key = ?`, args: [key] });
    });
  }

  /** Atomic in one write transaction. */
  update(key: string, fn: (current: string | undefined) => string | undefined, options?: StateSetOptions): Promise<string | undefined> {
    return this.serial(() => this.updateNow(key, fn, options));
  }

  private async updateNow(
    key: string,
    fn: (current: string | undefined) => string | undefined,
    options?: StateSetOptions,
  ): Promise<string | undefined> {
    const db = await this.db();
    const tx = await db.transaction('write');
    try {
      const rs = await tx.execute({ sql: `SELECT value, expires_at FROM ${this.table} WHERE key = ?`, args: [key] });
      const row = rs.rows[0];
      const live = row && (row.expires_at === null || Number(row.expires_at) > this.now());
      const next = fn(live ? String(row.value) : undefined);
      if (next === undefined) await tx.execute({ sql: `DELETE FROM ${this.table} WHERE key = ?`, args: [key] });
      else await tx.execute(this.upsert(key, next, options));
      await tx.commit();
      return next;
    } catch (e) {
      await tx.rollback().catch(() => {});
      throw e;
    } finally {
      tx.close();
    }
  }

  /** Deletes every expired row now; returns how many. */
  sweep(): Promise<number> {
    return this.serial(() => this.sweepNow());
  }

  private async sweepNow(): Promise<number> {
    const db = await this.db();
    const rs = await db.execute({ sql: `DELETE FROM ${this.table} WHERE expires_at IS NOT NULL AND expires_at <= ?`, args: [this.now()] });
    return rs.rowsAffected;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.ownsClient) this.client?.close();
    this.client = undefined;
    this.ready = undefined;
  }

  private upsert(key: string, value: string, options?: StateSetOptions) {
    const ttl = options?.ttlMs;
    const expires = ttl === undefined ? null : this.now() + Math.max(0, ttl);
    return {
      sql: `INSERT INTO ${this.table} (key, value, expires_at) VALUES (?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
      args: [key, value, expires],
    };
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => {});
    return run;
  }

  private db(): Promise<Client> {
    if (this.closed) return Promise.reject(new SessionError('libSQL FSM storage is closed'));
    this.ready ??= (async () => {
      const o = this.options;
      this.client ??= createClient({ url: o.url ?? 'file:wasmgram.db', ...(o.authToken ? { authToken: o.authToken } : {}) });
      await this.client.execute(`CREATE TABLE IF NOT EXISTS ${this.table} (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER)`);
      return this.client;
    })();
    // A failed start (bad URL, locked file) is retried by the next call instead of sticking.
    this.ready.catch(() => {
      this.ready = undefined;
    });
    return this.ready;
  }
}
