/**
 * What a test server keeps in its data directory so a client's stored
 * session still works after a restart: the permanent auth keys of every DC
 * (https://core.telegram.org/mtproto/auth_key), which account each key is
 * signed in as (https://core.telegram.org/api/auth), the accounts themselves
 * (ids, access hashes, bot tokens), each account's update state (pts, qts,
 * seq, date — https://core.telegram.org/api/updates) and the ports every DC
 * listened on. Messages, chats, 2FA passwords, temporary keys and salts are
 * not kept: a restarted server is a new world with the same people in it.
 *
 * This file is pure (no I/O): `takeSnapshot` reads the live stores,
 * `restoreSnapshot` fills fresh ones, `encodeSnapshot` / `decodeSnapshot`
 * turn a snapshot into JSON text and back (checking every field).
 * persist-file.ts writes it atomically.
 */
import { SessionError } from '../../errors.js';
import type { TelegramBackend } from '../telegram/index.js';
import type { AuthKeyState } from '../telegram/auth-store.js';
import type { UserRecord } from '../telegram/user-store.js';
import type { UpdateStateRecord } from '../telegram/update-hub.js';
import type { KeyStore } from './key-store.js';

/** Format version of the snapshot file; a different one is refused, not guessed at. */
export const SNAPSHOT_VERSION = 1;

/** Where one DC listened. */
export interface SavedPorts {
  readonly tcp: number;
  readonly ws?: number;
}

/** Everything a data directory keeps. Secret: the auth keys. */
export interface ServerSnapshot {
  readonly version: typeof SNAPSHOT_VERSION;
  /** By DC id. */
  readonly ports: Readonly<Record<number, SavedPorts>>;
  readonly users: readonly { readonly user: UserRecord; readonly token?: string }[];
  readonly keys: readonly { readonly dcId: number; readonly id: bigint; readonly authKey: Uint8Array }[];
  readonly authorizations: readonly AuthKeyState[];
  readonly updateStates: readonly { readonly userId: bigint; readonly state: UpdateStateRecord }[];
}

/** Reads what is worth keeping from the running server's stores. */
export function takeSnapshot(
  backend: TelegramBackend,
  keyStores: ReadonlyMap<number, KeyStore>,
  ports: Readonly<Record<number, SavedPorts>>,
): ServerSnapshot {
  const users = backend.users.all().map((user) => {
    const token = user.bot ? backend.users.tokenOf(user.id) : undefined;
    return token === undefined ? { user } : { user, token };
  });
  const keys: { dcId: number; id: bigint; authKey: Uint8Array }[] = [];
  for (const [dcId, store] of keyStores) for (const k of store.permanentKeys()) keys.push({ dcId, ...k });
  const kept = new Set(keys.map((k) => `${k.dcId}:${k.id}`));
  // Only states of keys that are kept: a forgotten key's login is gone with it.
  const authorizations = backend.auth.keptKeys().filter((s) => kept.has(`${s.dcId}:${s.authKeyId}`));
  const updateStates = users.map(({ user }) => ({ userId: user.id, state: { ...backend.updates.state(user.id) } }));
  return { version: SNAPSHOT_VERSION, ports, users, keys, authorizations, updateStates };
}

/**
 * Fills a fresh backend and fresh key stores from a snapshot. Keys of DCs
 * this server does not run are left out (with their logins).
 *
 * @throws ArgumentError when an account clashes with one the backend already has
 */
export function restoreSnapshot(
  snapshot: ServerSnapshot,
  backend: TelegramBackend,
  keyStores: ReadonlyMap<number, KeyStore>,
  now: number,
): void {
  for (const { user, token } of snapshot.users) {
    if (user.dcId > backend.dcs.count) continue;
    backend.users.restore({ ...user }, token);
  }
  for (const k of snapshot.keys) keyStores.get(k.dcId)?.restore({ id: k.id, authKey: k.authKey }, now);
  for (const a of snapshot.authorizations) {
    if (!keyStores.has(a.dcId)) continue;
    if (a.userId !== undefined && !backend.users.get(a.userId)) continue;
    backend.auth.restore(a);
  }
  for (const { userId, state } of snapshot.updateStates) {
    if (backend.users.get(userId)) Object.assign(backend.updates.state(userId), state);
  }
}

/** JSON text of a snapshot (bigints as decimal strings, bytes as hex). Secret: holds auth keys. */
export function encodeSnapshot(snapshot: ServerSnapshot): string {
  return JSON.stringify(snapshot, (_key, value: unknown) => {
    if (typeof value === 'bigint') return { $n: value.toString() };
    if (value instanceof Uint8Array) return { $b: Buffer.from(value).toString('hex') };
    return value;
  });
}

/**
 * Reads a snapshot written by `encodeSnapshot`.
 *
 * @throws SessionError naming the file when the text is not such a snapshot
 *   (corrupt, foreign or of another version): a data directory is never
 *   overwritten by a server that could not read it
 */
export function decodeSnapshot(text: string, file: string): ServerSnapshot {
  const bad = (why: string) => new SessionError(`test server data file ${file} is not usable: ${why}`);
  let raw: unknown;
  try {
    raw = JSON.parse(text, (_key, value: unknown) => {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const o = value as Record<string, unknown>;
        if (typeof o.$n === 'string' && Object.keys(o).length === 1) {
          if (!/^-?\d{1,20}$/.test(o.$n)) throw bad('a number field is malformed');
          return BigInt(o.$n);
        }
        if (typeof o.$b === 'string' && Object.keys(o).length === 1) {
          if (!/^(?:[0-9a-f]{2})*$/.test(o.$b)) throw bad('a bytes field is malformed');
          return new Uint8Array(Buffer.from(o.$b, 'hex'));
        }
      }
      return value;
    });
  } catch (e) {
    if (e instanceof SessionError) throw e;
    throw bad('not JSON');
  }
  if (!isRecord(raw)) throw bad('not an object');
  if (raw.version !== SNAPSHOT_VERSION) throw bad(`format version ${String(raw.version)}, this server reads ${SNAPSHOT_VERSION}`);
  const { ports, users, keys, authorizations, updateStates } = raw;
  if (!isRecord(ports) || !Array.isArray(users) || !Array.isArray(keys) || !Array.isArray(authorizations) || !Array.isArray(updateStates)) {
    throw bad('a section is missing');
  }
  for (const p of Object.values(ports)) if (!isRecord(p) || !isPort(p.tcp) || !(p.ws === undefined || isPort(p.ws))) throw bad('bad ports');
  for (const u of users) {
    if (!isRecord(u) || !isRecord(u.user)) throw bad('bad account');
    const r = u.user;
    if (typeof r.id !== 'bigint' || typeof r.accessHash !== 'bigint' || !isDc(r.dcId) || typeof r.bot !== 'boolean')
      throw bad('bad account');
    if (typeof r.firstName !== 'string' || typeof r.lastName !== 'string' || typeof r.about !== 'string') throw bad('bad account');
    if (typeof r.createdAt !== 'number' || !(u.token === undefined || typeof u.token === 'string')) throw bad('bad account');
  }
  for (const k of keys) {
    if (!isRecord(k) || !isDc(k.dcId) || typeof k.id !== 'bigint' || !(k.authKey instanceof Uint8Array) || k.authKey.length !== 256) {
      throw bad('bad auth key');
    }
  }
  for (const a of authorizations) {
    if (!isRecord(a) || !isDc(a.dcId) || typeof a.authKeyId !== 'bigint' || !(a.userId === undefined || typeof a.userId === 'bigint')) {
      throw bad('bad authorization');
    }
  }
  for (const s of updateStates) {
    if (!isRecord(s) || typeof s.userId !== 'bigint' || !isRecord(s.state)) throw bad('bad update state');
    const st = s.state;
    if (![st.pts, st.qts, st.seq, st.date].every((n) => Number.isSafeInteger(n))) throw bad('bad update state');
  }
  return raw as unknown as ServerSnapshot;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array);
}

function isPort(v: unknown): boolean {
  return Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65535;
}

function isDc(v: unknown): boolean {
  return Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 9;
}
