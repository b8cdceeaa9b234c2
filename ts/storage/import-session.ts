/**
 * Import of other libraries' string sessions, so a user can move to wasmgram
 * without logging in again. Each format is read from its published layout:
 *
 * - **GramJS** `StringSession`: `"1"` + base64 of `u8 dc_id | i16be address length | address | i16be port | 256-byte key`.
 * - **Telethon** `StringSession`: `"1"` + urlsafe base64 of struct `>B{4|16}sH256s` (dc_id, packed IPv4/IPv6, port, key).
 * - **Pyrogram** `export_session_string()`: urlsafe base64 without padding of struct
 *   `>BI?256sQ?` (dc_id, api_id, test_mode, key, user_id, is_bot; 362 chars), and the older
 *   `>B?256sI?` (351 chars) and `>B?256sQ?` (356 chars) layouts without api_id. No address: the DC's default is used.
 * - **mtcute** (versions 1–3): base64url of `u8 version | int32le flags | TL bytes(dc option) | [TL bytes(media dc option)] |
 *   [int64le user id | TL Bool is_bot] | TL bytes(key)`, where a dc option is `u8 version | u8 dc id | u8 flags | TL string ip | int32le port`.
 *
 * Every length is checked before it is trusted; a string that matches no
 * format is a `SessionError` that names none of its contents.
 */
import { SessionError } from '../errors.js';
import { ByteReader, decodeBase64Loose } from './binary.js';
import { SessionFileError } from './session-file-error.js';
import { AUTH_KEY_LENGTH, emptySnapshot } from './state.js';
import { decodeWasmgramString, STRING_SESSION_PREFIX } from './string-session.js';
import type { DcAddress, SessionSnapshot } from './types.js';

/** The string formats {@link readStringSession} recognises. */
export type StringSessionFormat = 'wasmgram' | 'gramjs' | 'telethon' | 'pyrogram' | 'mtcute';

/** What {@link readStringSession} found. */
export interface ImportedStringSession {
  format: StringSessionFormat;
  snapshot: SessionSnapshot;
  /** Pyrogram's current format records the api_id the session was made with. */
  apiId?: number;
}

/** TL `boolTrue` / `boolFalse` (https://core.telegram.org/type/Bool). */
const BOOL_TRUE = 0x997275b5;
const BOOL_FALSE = 0xbc799737;

function single(format: StringSessionFormat, dcId: number, key: Uint8Array, address?: DcAddress): ImportedStringSession {
  if (dcId < 1) throw new SessionFileError('corrupt', `${format} string session has an invalid DC id`);
  if (key.length !== AUTH_KEY_LENGTH)
    throw new SessionFileError('corrupt', `${format} string session has a ${key.length}-byte auth key (expected 256)`);
  const s = emptySnapshot();
  s.homeDc = dcId;
  s.keys.push({ dcId, authKey: key });
  if (address) s.dcOptions.push(address);
  return { format, snapshot: s };
}

function ipv4(b: Uint8Array): string {
  return Array.from(b).join('.');
}
function ipv6(b: Uint8Array): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((b[i]! << 8) | b[i + 1]!).toString(16));
  return groups.join(':');
}

/** GramJS and Telethon share the `"1"` prefix; the body tells them apart. */
function readVersion1(text: string): ImportedStringSession {
  const b = decodeBase64Loose(text.slice(1), 'GramJS/Telethon string session');
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length >= 5) {
    // GramJS: a 2-byte address length that matches the rest exactly, and a printable address.
    const len = view.getUint16(1);
    if (len > 0 && len <= 100 && b.length === 1 + 2 + len + 2 + AUTH_KEY_LENGTH) {
      const addr = b.subarray(3, 3 + len);
      if (addr.every((c) => c > 0x20 && c < 0x7f)) {
        const host = new TextDecoder().decode(addr);
        const port = view.getUint16(3 + len);
        const out = single('gramjs', b[0]!, b.slice(5 + len), { id: b[0]!, host, port });
        if (host.includes(':')) out.snapshot.dcOptions[0]!.ipv6 = true;
        return out;
      }
    }
  }
  // Telethon: struct '>B{4|16}sH256s'.
  for (const ipLen of [4, 16]) {
    if (b.length === 1 + ipLen + 2 + AUTH_KEY_LENGTH) {
      const ip = b.subarray(1, 1 + ipLen);
      const address: DcAddress = { id: b[0]!, host: ipLen === 4 ? ipv4(ip) : ipv6(ip), port: view.getUint16(1 + ipLen) };
      if (ipLen === 16) address.ipv6 = true;
      return single('telethon', b[0]!, b.slice(3 + ipLen), address);
    }
  }
  throw new SessionFileError(
    'truncated',
    `GramJS/Telethon string session has an unexpected length (${b.length} bytes); it may be truncated`,
  );
}

/** Pyrogram lengths (characters, no padding) → layout. */
function readPyrogram(text: string): ImportedStringSession {
  const b = decodeBase64Loose(text, 'Pyrogram string session');
  const r = new ByteReader(b, 'Pyrogram string session');
  let apiId: number | undefined;
  const dcId = r.u8();
  if (text.length === 362) apiId = r.u32();
  const testMode = r.u8() !== 0;
  const key = r.raw(AUTH_KEY_LENGTH);
  const userId = text.length === 351 ? BigInt(r.u32()) : r.i64();
  const bot = r.u8() !== 0;
  if (r.remaining) throw new SessionFileError('corrupt', 'Pyrogram string session has trailing bytes');
  const out = single('pyrogram', dcId, key);
  out.snapshot.account = { userId, bot };
  if (testMode) out.snapshot.testMode = true;
  if (apiId !== undefined) out.apiId = apiId;
  return out;
}

function readMtcuteDc(bytes: Uint8Array): { dc: DcAddress; testMode: boolean } {
  const r = new ByteReader(bytes, 'mtcute DC option');
  const version = r.u8();
  if (version !== 1 && version !== 2) throw new SessionFileError('corrupt', 'mtcute string session has an unknown DC option version');
  const id = r.u8();
  const flags = r.u8();
  const host = r.tlString();
  const port = r.u32le();
  const dc: DcAddress = { id, host, port };
  if (flags & 1) dc.ipv6 = true;
  if (flags & 2) dc.mediaOnly = true;
  return { dc, testMode: version === 2 && (flags & 4) !== 0 };
}

function readMtcute(text: string): ImportedStringSession {
  const b = decodeBase64Loose(text, 'mtcute string session');
  const r = new ByteReader(b, 'mtcute string session');
  const version = r.u8();
  if (version < 1 || version > 3) throw new SessionFileError('foreign', 'not a known string session format');
  const flags = r.u32le();
  const main = readMtcuteDc(r.tlBytes());
  const media = version >= 2 && flags & 4 ? readMtcuteDc(r.tlBytes()) : undefined;
  let account: { userId: bigint; bot: boolean } | undefined;
  if (flags & 1) {
    const userId = r.i64le();
    const bool = r.u32le();
    if (bool !== BOOL_TRUE && bool !== BOOL_FALSE) throw new SessionFileError('corrupt', 'mtcute string session is corrupt (bad Bool)');
    account = { userId, bot: bool === BOOL_TRUE };
  }
  const key = r.tlBytes();
  if (r.remaining >= 4) throw new SessionFileError('corrupt', 'mtcute string session has trailing bytes');
  const out = single('mtcute', main.dc.id, key, main.dc);
  if (media) out.snapshot.dcOptions.push({ ...media.dc, mediaOnly: true });
  if (account) out.snapshot.account = account;
  if (flags & 2 || main.testMode) out.snapshot.testMode = true;
  return out;
}

/**
 * Reads a string session of wasmgram, GramJS, Telethon, Pyrogram or mtcute
 * (detected from its shape). Throws `SessionError` (a `SessionFileError`
 * whose `problem` says truncated / corrupt / foreign / newer) for anything else.
 *
 * @example
 * ```ts
 * const { format, snapshot } = readStringSession(process.env.TG_SESSION!);
 * const storage = new MemoryStorage(snapshot);
 * ```
 */
export function readStringSession(text: string): ImportedStringSession {
  if (typeof text !== 'string') throw new SessionError('a string session must be a string');
  const t = text.trim();
  if (t.length > 4096) throw new SessionFileError('foreign', 'not a string session (too long)');
  if (t.startsWith(STRING_SESSION_PREFIX)) return { format: 'wasmgram', snapshot: decodeWasmgramString(t) };
  if (t.startsWith('1')) return readVersion1(t);
  const unpadded = t.replace(/=+$/, '');
  if (unpadded.length === 351 || unpadded.length === 356 || unpadded.length === 362) return readPyrogram(unpadded);
  if (/^[A-Za-z0-9_-]+=*$/.test(t) && unpadded.length > 300) {
    const first = decodeBase64Loose(t.slice(0, 4), 'string session')[0];
    if (first !== undefined && first >= 1 && first <= 3) return readMtcute(t);
  }
  throw new SessionFileError('foreign', 'not a string session of wasmgram, GramJS, Telethon, Pyrogram or mtcute (or it is truncated)');
}

/** The snapshot of any supported string session (see {@link readStringSession}). */
export function importStringSession(text: string): SessionSnapshot {
  return readStringSession(text).snapshot;
}
