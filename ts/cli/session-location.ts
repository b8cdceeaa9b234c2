/**
 * Where a session lives, as the CLI names it:
 *
 * - `-`            a string session on stdin (to read) or stdout (to write)
 * - `@FILE`        a text file holding a string session
 * - `libsql:URL`   a libSQL database (`libsql:file:sessions.db`, `libsql:libsql://db.turso.io`;
 *                  `--account NAME` picks the row set, the token comes from `LIBSQL_AUTH_TOKEN`)
 * - anything else  a wasmgram binary session file
 *
 * Strings are read in every format `readStringSession` knows (wasmgram,
 * GramJS, Telethon, Pyrogram, mtcute) and written as wasmgram strings.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SessionError } from '../errors.js';
import { nodeFileStorage } from '../storage/file-node.js';
import { exportStringSession, readStringSession, type SessionSnapshot, type SessionStorage } from '../storage/index.js';
import type { CliIo } from './io.js';

/** A parsed location. */
export type SessionLocation =
  | { readonly kind: 'stdio' }
  | { readonly kind: 'text-file'; readonly path: string }
  | { readonly kind: 'libsql'; readonly url: string }
  | { readonly kind: 'file'; readonly path: string };

/** Reads the location syntax described above. */
export function parseLocation(text: string): SessionLocation {
  if (text === '-') return { kind: 'stdio' };
  if (text.startsWith('@')) return { kind: 'text-file', path: text.slice(1) };
  if (text.startsWith('libsql:')) return { kind: 'libsql', url: text.slice('libsql:'.length) };
  return { kind: 'file', path: text };
}

/** Where a location is, for messages (never its contents). */
export function describeLocation(loc: SessionLocation): string {
  switch (loc.kind) {
    case 'stdio':
      return 'string session (stdin/stdout)';
    case 'text-file':
      return `string session in ${loc.path}`;
    case 'libsql':
      return `libSQL ${loc.url.replace(/\/\/[^@/]*@/, '//')}`;
    case 'file':
      return `session file ${loc.path}`;
  }
}

/** Options of reading and writing locations. */
export interface LocationOptions {
  /** libSQL account (rows of one session in a shared database). */
  account?: string;
  /** Replace a session already stored at the target. */
  force?: boolean;
}

/** Opens a libSQL storage (loaded on demand: the native client is an optional peer). */
export async function openLibsql(url: string, options: LocationOptions): Promise<SessionStorage> {
  const { LibsqlStorage } = await import('../storage/libsql.js');
  const authToken = process.env.LIBSQL_AUTH_TOKEN;
  const storage = new LibsqlStorage({
    url,
    ...(authToken && { authToken }),
    ...(options.account !== undefined && { account: options.account }),
  });
  await storage.open();
  return storage;
}

/** Opens the storage behind a `file` or `libsql` location. */
async function openStorage(loc: SessionLocation, options: LocationOptions): Promise<SessionStorage> {
  if (loc.kind === 'libsql') return openLibsql(loc.url, options);
  if (loc.kind === 'file') {
    const storage = nodeFileStorage(loc.path, { debounceMs: 0 });
    await storage.open();
    return storage;
  }
  throw new SessionError('a string session is not a storage backend');
}

/** A string session read from a location, trimmed; `SessionError` when there is none. */
async function readText(loc: SessionLocation, io: CliIo): Promise<string> {
  const text =
    loc.kind === 'stdio' ? await io.ask('String session: ', { hidden: true }) : readFileSync((loc as { path: string }).path, 'utf8');
  const trimmed = text.trim();
  if (!trimmed) throw new SessionError(`${describeLocation(loc)} is empty`);
  return trimmed;
}

/** What was read from a location. */
export interface ReadSession {
  snapshot: SessionSnapshot;
  /** The string format, when the source was a string. */
  format?: string;
}

/** Reads the whole session at `loc`; `SessionError` when there is none. */
export async function readSession(loc: SessionLocation, io: CliIo, options: LocationOptions = {}): Promise<ReadSession> {
  if (loc.kind === 'stdio' || loc.kind === 'text-file') {
    const read = readStringSession(await readText(loc, io));
    return { snapshot: read.snapshot, format: read.format };
  }
  if (loc.kind === 'file' && !existsSync(loc.path)) throw new SessionError(`${describeLocation(loc)} does not exist`);
  const storage = await openStorage(loc, options);
  try {
    const snapshot = await storage.snapshot();
    if (snapshot.homeDc === undefined || snapshot.keys.length === 0) throw new SessionError(`${describeLocation(loc)} holds no session`);
    return { snapshot };
  } finally {
    await storage.close();
  }
}

/** Writes `snapshot` to `loc` (a string location gets a wasmgram string session). */
export async function writeSession(
  loc: SessionLocation,
  snapshot: SessionSnapshot,
  io: CliIo,
  options: LocationOptions = {},
): Promise<void> {
  if (loc.kind === 'stdio') {
    io.out(exportStringSession(snapshot));
    return;
  }
  if (loc.kind === 'text-file') {
    if (existsSync(loc.path) && !options.force) throw new SessionError(`${loc.path} exists (--force replaces it)`);
    writeFileSync(loc.path, `${exportStringSession(snapshot)}\n`, { mode: 0o600 });
    return;
  }
  if (loc.kind === 'file' && existsSync(loc.path) && !options.force) throw new SessionError(`${loc.path} exists (--force replaces it)`);
  const storage = await openStorage(loc, options);
  try {
    if (!options.force && (await storage.getHomeDc()) !== undefined)
      throw new SessionError(`${describeLocation(loc)} already holds a session (--force replaces it)`);
    await storage.restore(snapshot);
    await storage.flush();
  } finally {
    await storage.close();
  }
}
