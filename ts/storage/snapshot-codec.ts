/**
 * The binary form of a whole {@link SessionSnapshot}: what the file backend
 * writes. Layout (all integers big-endian):
 *
 * ```
 * magic "WGSF" | u16 version | u16 reserved (0) | u32 body length | u32 CRC-32 of body | body
 * ```
 *
 * The header lets a load tell apart the four ways a file can be bad: not ours
 * (magic), cut short (length), damaged (checksum), or from a newer wasmgram
 * (version) — each is its own `SessionError` message, so nobody overwrites a
 * good session thinking it was garbage.
 *
 * Migrations: a body of an older version is decoded by that version's reader
 * (kept in `BODY_READERS`) into today's snapshot; a newer one is refused.
 */
import { crc32 } from '../tl/parser/crc32.js';
import { ByteReader, ByteWriter } from './binary.js';
import { SessionFileError } from './session-file-error.js';
import { emptySnapshot } from './state.js';
import { type CachedPeer, type PeerKind, type SessionSnapshot, STORAGE_VERSION } from './types.js';

/** "WGSF": WasmGram Session File. */
export const SESSION_FILE_MAGIC = /* @__PURE__ */ new Uint8Array([0x57, 0x47, 0x53, 0x46]);
const HEADER = 16;

const KINDS: readonly PeerKind[] = ['user', 'chat', 'channel'];

function writeBodyV1(s: SessionSnapshot, w: ByteWriter): void {
  const flags = (s.homeDc !== undefined ? 1 : 0) | (s.account ? 2 : 0) | (s.updateState ? 4 : 0) | (s.testMode ? 8 : 0);
  w.u8(flags);
  if (s.homeDc !== undefined) w.u16(s.homeDc);
  w.u16(s.dcOptions.length);
  for (const o of s.dcOptions) {
    w.u16(o.id);
    w.string(o.host);
    w.u16(o.port);
    w.u8((o.ipv6 ? 1 : 0) | (o.mediaOnly ? 2 : 0) | (o.cdn ? 4 : 0) | (o.tcpoOnly ? 8 : 0) | (o.secret ? 16 : 0));
    if (o.secret) w.bytes(o.secret);
  }
  w.u16(s.keys.length);
  for (const k of s.keys) {
    w.u16(k.dcId);
    w.u8((k.media ? 1 : 0) | (k.serverSalt !== undefined ? 2 : 0) | (k.timeOffset !== undefined ? 4 : 0));
    w.bytes(k.authKey);
    if (k.serverSalt !== undefined) w.i64(k.serverSalt);
    if (k.timeOffset !== undefined) w.i32(k.timeOffset);
  }
  if (s.account) {
    const a = s.account;
    w.i64(a.userId);
    w.u8((a.bot ? 1 : 0) | (a.phone !== undefined ? 2 : 0) | (a.username !== undefined ? 4 : 0));
    if (a.phone !== undefined) w.string(a.phone);
    if (a.username !== undefined) w.string(a.username);
  }
  if (s.updateState) {
    const u = s.updateState;
    w.i32(u.pts);
    w.i32(u.qts);
    w.i32(u.date);
    w.i32(u.seq);
  }
  w.u32(s.channelPts.size);
  for (const [id, pts] of s.channelPts) {
    w.i64(id);
    w.i32(pts);
  }
  w.u32(s.peers.size);
  for (const p of s.peers.values()) {
    const names = p.usernames ?? [];
    w.i64(p.id);
    w.u8(KINDS.indexOf(p.kind) | (p.min ? 4 : 0) | (p.phone ? 8 : 0));
    w.i64(p.accessHash);
    w.f64(p.updatedAt);
    w.u8(Math.min(names.length, 255));
    for (const n of names.slice(0, 255)) w.string(n);
    if (p.phone) w.string(p.phone);
  }
}

function readBodyV1(r: ByteReader): SessionSnapshot {
  const s = emptySnapshot();
  const flags = r.u8();
  if (flags & 1) s.homeDc = r.u16();
  if (flags & 8) s.testMode = true;
  for (let n = r.u16(); n > 0; n--) {
    const id = r.u16();
    const host = r.string();
    const port = r.u16();
    const f = r.u8();
    const o: SessionSnapshot['dcOptions'][number] = { id, host, port };
    if (f & 1) o.ipv6 = true;
    if (f & 2) o.mediaOnly = true;
    if (f & 4) o.cdn = true;
    if (f & 8) o.tcpoOnly = true;
    if (f & 16) o.secret = r.bytes();
    s.dcOptions.push(o);
  }
  for (let n = r.u16(); n > 0; n--) {
    const dcId = r.u16();
    const f = r.u8();
    const key: SessionSnapshot['keys'][number] = { dcId, authKey: r.bytes() };
    if (f & 1) key.media = true;
    if (f & 2) key.serverSalt = r.i64();
    if (f & 4) key.timeOffset = r.i32();
    s.keys.push(key);
  }
  if (flags & 2) {
    const userId = r.i64();
    const f = r.u8();
    s.account = { userId, bot: (f & 1) !== 0 };
    if (f & 2) s.account.phone = r.string();
    if (f & 4) s.account.username = r.string();
  }
  if (flags & 4) s.updateState = { pts: r.i32(), qts: r.i32(), date: r.i32(), seq: r.i32() };
  // Counts are checked against the bytes left (each entry has a minimum size)
  // before looping, so a damaged count cannot spin for billions of rounds.
  const channels = r.u32();
  if (channels * 12 > r.remaining) throw new SessionFileError('corrupt', 'session data is corrupt (channel count exceeds the data)');
  for (let n = channels; n > 0; n--) s.channelPts.set(r.i64(), r.i32());
  const peers = r.u32();
  if (peers * 26 > r.remaining) throw new SessionFileError('corrupt', 'session data is corrupt (peer count exceeds the data)');
  for (let n = peers; n > 0; n--) {
    const id = r.i64();
    const f = r.u8();
    const kind = KINDS[f & 3];
    if (!kind) throw new SessionFileError('corrupt', 'session data is corrupt (unknown peer kind)');
    const p: CachedPeer = { id, kind, accessHash: r.i64(), min: (f & 4) !== 0, updatedAt: r.f64() };
    const names = r.u8();
    if (names) {
      p.usernames = [];
      for (let i = 0; i < names; i++) p.usernames.push(r.string());
    }
    if (f & 8) p.phone = r.string();
    s.peers.set(id, p);
  }
  if (r.remaining) throw new SessionFileError('corrupt', 'session data is corrupt (trailing bytes after the body)');
  return s;
}

/** One reader per body version that ever shipped; older ones return a current snapshot (that is the migration). */
const BODY_READERS: Record<number, (r: ByteReader) => SessionSnapshot> = { 1: readBodyV1 };

/** Serializes a snapshot as a session file (header + body), current version. */
export function encodeSessionFile(s: SessionSnapshot): Uint8Array {
  const w = new ByteWriter(1024 + s.peers.size * 48);
  w.raw(SESSION_FILE_MAGIC);
  w.u16(STORAGE_VERSION);
  w.u16(0);
  w.u32(0);
  w.u32(0);
  writeBodyV1(s, w);
  const out = w.result().slice();
  const body = out.subarray(HEADER);
  const view = new DataView(out.buffer);
  view.setUint32(8, body.length);
  view.setUint32(12, crc32(body));
  return out;
}

/** Parses a session file; throws {@link SessionFileError} naming the problem. */
export function decodeSessionFile(data: Uint8Array, what = 'session file'): SessionSnapshot {
  for (let i = 0; i < SESSION_FILE_MAGIC.length; i++) {
    if (data[i] !== SESSION_FILE_MAGIC[i]) {
      if (data.length < SESSION_FILE_MAGIC.length && i === data.length)
        throw new SessionFileError('truncated', `${what} is truncated (${data.length} bytes)`);
      throw new SessionFileError('foreign', `${what} is not a wasmgram session (unknown format); refusing to use or overwrite it`);
    }
  }
  if (data.length < HEADER) throw new SessionFileError('truncated', `${what} is truncated (${data.length} bytes, header needs ${HEADER})`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const version = view.getUint16(4);
  if (version > STORAGE_VERSION)
    throw new SessionFileError(
      'newer',
      `${what} has storage version ${version}, newer than this wasmgram supports (${STORAGE_VERSION}); upgrade wasmgram`,
    );
  const reader = BODY_READERS[version];
  if (!reader) throw new SessionFileError('corrupt', `${what} has an unknown storage version ${version}`);
  const length = view.getUint32(8);
  if (HEADER + length > data.length)
    throw new SessionFileError('truncated', `${what} is truncated (${data.length - HEADER} of ${length} body bytes)`);
  if (HEADER + length < data.length) throw new SessionFileError('corrupt', `${what} is corrupt (trailing bytes after the body)`);
  const body = data.subarray(HEADER);
  if (crc32(body) !== view.getUint32(12)) throw new SessionFileError('corrupt', `${what} is corrupt (checksum mismatch)`);
  try {
    const s = reader(new ByteReader(body, what));
    s.version = STORAGE_VERSION;
    return s;
  } catch (e) {
    if (e instanceof SessionFileError) throw e;
    // A checksum-valid body that does not parse was written wrong, not damaged in transit.
    throw new SessionFileError('corrupt', `${what} is corrupt (${e instanceof Error ? e.message : 'unreadable body'})`);
  }
}
