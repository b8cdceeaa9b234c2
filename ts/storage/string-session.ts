/**
 * wasmgram's string session: everything needed to reconnect without logging
 * in (home DC and its address, the auth key, the account, the test-mode
 * flag) as one line of URL-safe text.
 *
 * ```
 * "wg" + base64url( u8 version | u8 flags | u16 dc id | [u8 host length, host, u16 port] | 256-byte key | [i64 user id] | u32 CRC-32 of all before )
 * flags: 1 test mode, 2 account, 4 bot, 8 address, 16 IPv6 address
 * ```
 *
 * The checksum turns a truncated or mistyped paste into a `SessionError`
 * instead of a connection with a broken key. The peer cache and the update
 * state are not included (they are refilled from the server).
 */
import { crc32 } from '../tl/parser/crc32.js';
import { ByteReader, ByteWriter, decodeBase64Loose, encodeBase64Url } from './binary.js';
import { SessionFileError } from './session-file-error.js';
import { AUTH_KEY_LENGTH, emptySnapshot } from './state.js';
import type { SessionSnapshot } from './types.js';

/** Prefix of wasmgram string sessions (no other library's strings start with it). */
export const STRING_SESSION_PREFIX = 'wg';
/**
 * Whether `text` has the shape of a wasmgram string session ("wg" and at least
 * 350 base64url characters — the shortest session is 264 bytes), so a client
 * option can tell it from a file path. Shape only: decoding checks the rest.
 */
export function looksLikeStringSession(text: string): boolean {
  return /^wg[A-Za-z0-9_-]{350,}={0,2}$/.test(text.trim());
}

/** Version byte of the strings {@link exportStringSession} writes. */
export const STRING_SESSION_VERSION = 1;

/**
 * Encodes the reconnect-relevant part of a snapshot. Throws `SessionError`
 * when the snapshot has no home DC or no key for it (nothing to export).
 *
 * @example
 * ```ts
 * const text = exportStringSession(await storage.snapshot()); // "wgAQ..."
 * ```
 */
export function exportStringSession(s: SessionSnapshot): string {
  const dcId = s.homeDc;
  const key = dcId === undefined ? undefined : s.keys.find((k) => k.dcId === dcId && !k.media);
  if (dcId === undefined || !key)
    throw new SessionFileError('corrupt', 'cannot export a string session: no home DC auth key yet (log in first)');
  const address =
    s.dcOptions.find((o) => o.id === dcId && !o.mediaOnly && !o.cdn && !o.ipv6) ??
    s.dcOptions.find((o) => o.id === dcId && !o.mediaOnly && !o.cdn);
  const w = new ByteWriter(320);
  w.u8(STRING_SESSION_VERSION);
  w.u8((s.testMode ? 1 : 0) | (s.account ? 2 : 0) | (s.account?.bot ? 4 : 0) | (address ? 8 : 0) | (address?.ipv6 ? 16 : 0));
  w.u16(dcId);
  if (address) {
    const host = new TextEncoder().encode(address.host);
    if (host.length > 255) throw new SessionFileError('corrupt', 'cannot export a string session: DC host name too long');
    w.u8(host.length);
    w.raw(host);
    w.u16(address.port);
  }
  w.raw(key.authKey);
  if (s.account) w.i64(s.account.userId);
  w.u32(crc32(w.result()));
  return STRING_SESSION_PREFIX + encodeBase64Url(w.result());
}

/** Decodes a string made by {@link exportStringSession}; `SessionFileError` for a damaged, truncated or newer string. */
export function decodeWasmgramString(text: string): SessionSnapshot {
  const trimmed = text.trim();
  if (!trimmed.startsWith(STRING_SESSION_PREFIX)) throw new SessionFileError('foreign', 'not a wasmgram string session');
  const bytes = decodeBase64Loose(trimmed.slice(STRING_SESSION_PREFIX.length), 'string session');
  if (bytes.length < 1) throw new SessionFileError('truncated', 'string session is truncated (empty)');
  if (bytes[0]! > STRING_SESSION_VERSION)
    throw new SessionFileError(
      'newer',
      `string session version ${bytes[0]} is newer than this wasmgram supports (${STRING_SESSION_VERSION}); upgrade wasmgram`,
    );
  if (bytes[0] === 0) throw new SessionFileError('corrupt', 'string session has an invalid version');
  const min = 1 + 1 + 2 + AUTH_KEY_LENGTH + 4;
  if (bytes.length < min)
    throw new SessionFileError('truncated', `string session is truncated (${bytes.length} bytes, at least ${min} needed)`);
  const body = bytes.subarray(0, bytes.length - 4);
  if (crc32(body) !== new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 4))
    throw new SessionFileError('corrupt', 'string session is truncated or damaged (checksum mismatch); copy it again in full');
  const r = new ByteReader(body, 'string session', 1);
  const flags = r.u8();
  const dcId = r.u16();
  const s = emptySnapshot();
  s.homeDc = dcId;
  if (flags & 1) s.testMode = true;
  if (flags & 8) {
    const host = new TextDecoder().decode(r.raw(r.u8()));
    const port = r.u16();
    s.dcOptions.push(flags & 16 ? { id: dcId, host, port, ipv6: true } : { id: dcId, host, port });
  }
  s.keys.push({ dcId, authKey: r.raw(AUTH_KEY_LENGTH) });
  if (flags & 2) s.account = { userId: r.i64(), bot: (flags & 4) !== 0 };
  if (r.remaining) throw new SessionFileError('corrupt', 'string session has trailing bytes');
  return s;
}
