/**
 * Column values of the libSQL backend in and out: 64-bit integers, blobs,
 * the DC list as JSON, peer rows. Kept apart from libsql.ts (the only file
 * that imports `@libsql/client`) so the cache (libsql-cache.ts) reads rows
 * the same way.
 */
import { SessionError } from '../errors.js';
import type { CachedPeer, DcAddress, PeerKind } from './types.js';

/** One column value as `@libsql/client` returns it (`intMode: 'bigint'`). */
export type SqlValue = null | undefined | string | number | bigint | ArrayBuffer | Uint8Array;
/** One result row by column name. */
export type SqlRow = Readonly<Record<string, SqlValue>>;

/** A 64-bit integer column. */
export function big(v: SqlValue): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(v);
  if (typeof v === 'string') return BigInt(v);
  throw new SessionError('libSQL storage: unexpected non-integer value');
}
/** A small integer column. */
export function num(v: SqlValue): number {
  return Number(v);
}
/** `f(v)`, or undefined for NULL. */
export function opt<T>(v: SqlValue, f: (v: SqlValue) => T): T | undefined {
  return v === null || v === undefined ? undefined : f(v);
}
/** A BLOB column, copied. */
export function blob(v: SqlValue): Uint8Array {
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

/** The DC list as the `dc_options` column stores it (JSON, secrets in hex). */
export function encodeDcOptions(options: readonly DcAddress[]): string {
  return JSON.stringify(options.map((o) => ({ ...o, secret: o.secret ? hex(o.secret) : undefined })));
}
/** The `dc_options` column back as DC addresses. */
export function decodeDcOptions(text: SqlValue): DcAddress[] {
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

/** The columns of a `wg_peers` row, in the order of the INSERTs. */
export const PEER_COLUMNS = 'id, kind, access_hash, min, usernames, phone, updated_at';

/** A `wg_peers` row as a cached peer. */
export function rowToPeer(r: SqlRow): CachedPeer {
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
