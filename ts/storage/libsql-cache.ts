/**
 * What a `LibsqlStorage` keeps in memory of its own account: the session
 * row (home DC, DC list, account, update state), the auth keys and the
 * channel pts. They are read in the same request that opens the storage,
 * and again in the one that takes the lease; every write goes to the
 * database first and then here. So a serverless invocation over remote
 * libSQL (Turso, one HTTP round trip per request) reads its session in one
 * request instead of one per value — and that is sound because one account
 * is run by one process at a time (the lease's rule: two would end in
 * AUTH_KEY_DUPLICATED). Peers are not kept: they are many and looked up one
 * by one.
 */
import { copyDcKey } from './state.js';
import type { DcAddress, StoredAccount, StoredDcKey, UpdateState } from './types.js';
import { big, blob, decodeDcOptions, num, opt, type SqlRow } from './libsql-values.js';

/** The reads that fill the cache, in this order, for one account (bound as `?`). */
export const CACHE_READS: readonly string[] = [
  'SELECT home_dc, test_mode, dc_options, user_id, bot, phone, username, pts, qts, date, seq FROM wg_sessions WHERE account = ?',
  'SELECT dc_id, media, auth_key, server_salt, time_offset FROM wg_auth_keys WHERE account = ?',
  'SELECT channel_id, pts FROM wg_channel_pts WHERE account = ?',
];

/** Map key of one auth key (the main and the media key of a DC apart). */
export function keySlot(dcId: number, media: boolean | undefined): string {
  return media ? `${dcId}m` : `${dcId}`;
}

/** One account's session as last read or written. */
export interface AccountCache {
  homeDc: number | undefined;
  testMode: boolean;
  dcOptions: DcAddress[];
  account: StoredAccount | undefined;
  updateState: UpdateState | undefined;
  keys: Map<string, StoredDcKey>;
  channelPts: Map<bigint, number>;
}

/** The cache from the rows of {@link CACHE_READS} (`session` undefined: the account has no row yet). */
export function cacheFromRows(session: SqlRow | undefined, keys: readonly SqlRow[], channels: readonly SqlRow[]): AccountCache {
  const c: AccountCache = {
    homeDc: opt(session?.home_dc, num),
    testMode: session ? num(session.test_mode) !== 0 : false,
    dcOptions: decodeDcOptions(session?.dc_options ?? '[]'),
    account: undefined,
    updateState: undefined,
    keys: new Map(),
    channelPts: new Map(),
  };
  if (session && session.user_id !== null && session.user_id !== undefined) {
    const a: StoredAccount = { userId: big(session.user_id), bot: num(session.bot) !== 0 };
    if (session.phone !== null && session.phone !== undefined) a.phone = String(session.phone);
    if (session.username !== null && session.username !== undefined) a.username = String(session.username);
    c.account = a;
  }
  if (session && session.pts !== null && session.pts !== undefined)
    c.updateState = { pts: num(session.pts), qts: num(session.qts), date: num(session.date), seq: num(session.seq) };
  for (const r of keys) {
    const media = num(r.media) !== 0;
    const key: StoredDcKey = { dcId: num(r.dc_id), authKey: blob(r.auth_key) };
    const salt = opt(r.server_salt, big);
    if (salt !== undefined) key.serverSalt = salt;
    const offset = opt(r.time_offset, num);
    if (offset !== undefined) key.timeOffset = offset;
    if (media) key.media = true;
    c.keys.set(keySlot(key.dcId, media), copyDcKey(key));
  }
  for (const r of channels) c.channelPts.set(big(r.channel_id), num(r.pts));
  return c;
}

/** A copy of a DC list (secrets not shared). */
export function copyDcOptions(options: readonly DcAddress[]): DcAddress[] {
  return options.map((o) => (o.secret ? { ...o, secret: o.secret.slice() } : { ...o }));
}
