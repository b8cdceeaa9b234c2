/**
 * The tables of the libSQL backend and their migrations. Kept apart from
 * libsql.ts (the only file that imports `@libsql/client`) so the SQL can be
 * read on its own.
 *
 * Every table is keyed by `account`, so one database holds several accounts.
 * 64-bit ids and hashes are SQLite INTEGERs (read back as bigint).
 *
 * Migrations: `wg_meta.schema_version` records the version; `MIGRATIONS[i]`
 * turns version i into i + 1 and runs in one write transaction. A database
 * of a newer version is refused.
 */

/** The schema version this code writes. */
export const LIBSQL_SCHEMA_VERSION = 1;

/** Statements that take the schema from version `i` to `i + 1`. */
export const MIGRATIONS: readonly (readonly string[])[] = [
  [
    `CREATE TABLE IF NOT EXISTS wg_sessions (
      account TEXT PRIMARY KEY,
      home_dc INTEGER,
      test_mode INTEGER NOT NULL DEFAULT 0,
      dc_options TEXT NOT NULL DEFAULT '[]',
      user_id INTEGER,
      bot INTEGER,
      phone TEXT,
      username TEXT,
      pts INTEGER, qts INTEGER, date INTEGER, seq INTEGER,
      lease_owner TEXT,
      lease_expires INTEGER
    )`,
    `CREATE TABLE IF NOT EXISTS wg_auth_keys (
      account TEXT NOT NULL,
      dc_id INTEGER NOT NULL,
      media INTEGER NOT NULL,
      auth_key BLOB NOT NULL,
      server_salt INTEGER,
      time_offset INTEGER,
      PRIMARY KEY (account, dc_id, media)
    )`,
    `CREATE TABLE IF NOT EXISTS wg_peers (
      account TEXT NOT NULL,
      id INTEGER NOT NULL,
      kind TEXT NOT NULL,
      access_hash INTEGER NOT NULL,
      min INTEGER NOT NULL,
      usernames TEXT,
      phone TEXT,
      updated_at REAL NOT NULL,
      PRIMARY KEY (account, id)
    )`,
    'CREATE INDEX IF NOT EXISTS wg_peers_phone ON wg_peers (account, phone) WHERE phone IS NOT NULL',
    `CREATE TABLE IF NOT EXISTS wg_usernames (
      account TEXT NOT NULL,
      username TEXT NOT NULL,
      peer_id INTEGER NOT NULL,
      PRIMARY KEY (account, username)
    )`,
    'CREATE INDEX IF NOT EXISTS wg_usernames_peer ON wg_usernames (account, peer_id)',
    `CREATE TABLE IF NOT EXISTS wg_channel_pts (
      account TEXT NOT NULL,
      channel_id INTEGER NOT NULL,
      pts INTEGER NOT NULL,
      PRIMARY KEY (account, channel_id)
    )`,
  ],
];

/** The version table itself (created before anything is read). */
export const META_TABLE = 'CREATE TABLE IF NOT EXISTS wg_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)';
