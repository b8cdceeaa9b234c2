/**
 * A small bounds-checked byte writer/reader for the stored formats (session
 * file, string session, other libraries' strings). Every read checks the
 * length first, so a truncated or hostile input ends in `SessionError`, never
 * a `RangeError` or a huge allocation.
 */
import { SessionError } from '../errors.js';
import { SessionFileError } from './session-file-error.js';
import { base64UrlEncode, decodeBase64Strict } from '../wasm/base64.js';

const encoder = /* @__PURE__ */ new TextEncoder();
const decoder = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true });

/** Growable big-endian writer (the stored formats are ours: one byte order, network order). */
export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  /** Bytes written so far. */
  pos = 0;

  constructor(initial = 256) {
    this.buf = new Uint8Array(initial);
    this.view = new DataView(this.buf.buffer);
  }

  private reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.reserve(1);
    this.buf[this.pos++] = v;
  }
  u16(v: number): void {
    this.reserve(2);
    this.view.setUint16(this.pos, v);
    this.pos += 2;
  }
  u32(v: number): void {
    this.reserve(4);
    this.view.setUint32(this.pos, v);
    this.pos += 4;
  }
  i32(v: number): void {
    this.reserve(4);
    this.view.setInt32(this.pos, v);
    this.pos += 4;
  }
  i64(v: bigint): void {
    this.reserve(8);
    this.view.setBigInt64(this.pos, BigInt.asIntN(64, v));
    this.pos += 8;
  }
  f64(v: number): void {
    this.reserve(8);
    this.view.setFloat64(this.pos, v);
    this.pos += 8;
  }
  raw(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
  /** u16 length + bytes (at most 65535). */
  bytes(b: Uint8Array): void {
    if (b.length > 0xffff) throw new SessionError('value too long to store');
    this.u16(b.length);
    this.raw(b);
  }
  /** u16 length + UTF-8. */
  string(s: string): void {
    this.bytes(encoder.encode(s));
  }
  /** The written bytes (a view; copy before writing more). */
  result(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
}

/** The reader matching {@link ByteWriter}; `what` names the format in errors. */
export class ByteReader {
  private readonly view: DataView;
  pos: number;

  constructor(
    private readonly buf: Uint8Array,
    private readonly what: string,
    start = 0,
  ) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.pos = start;
  }

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  private need(n: number): void {
    if (n > this.buf.length - this.pos)
      throw new SessionFileError('truncated', `${this.what} is truncated (needs ${n} more bytes at offset ${this.pos})`);
  }

  u8(): number {
    this.need(1);
    return this.buf[this.pos++]!;
  }
  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }
  i32(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos);
    this.pos += 4;
    return v;
  }
  i64(): bigint {
    this.need(8);
    const v = this.view.getBigInt64(this.pos);
    this.pos += 8;
    return v;
  }
  i64le(): bigint {
    this.need(8);
    const v = this.view.getBigInt64(this.pos, true);
    this.pos += 8;
    return v;
  }
  u32le(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  f64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos);
    this.pos += 8;
    return v;
  }
  /** `n` bytes, copied. */
  raw(n: number): Uint8Array {
    this.need(n);
    const out = this.buf.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  bytes(): Uint8Array {
    return this.raw(this.u16());
  }
  string(): string {
    const b = this.bytes();
    try {
      return decoder.decode(b);
    } catch {
      throw new SessionFileError('corrupt', `${this.what} holds invalid UTF-8 at offset ${this.pos - b.length}`);
    }
  }
  /** TL `bytes`/`string` (https://core.telegram.org/mtproto/serialize#base-types): short or 0xfe-prefixed long length, padded to 4. */
  tlBytes(): Uint8Array {
    const start = this.pos;
    let len = this.u8();
    let head = 1;
    if (len === 254) {
      this.need(3);
      len = this.buf[this.pos]! | (this.buf[this.pos + 1]! << 8) | (this.buf[this.pos + 2]! << 16);
      this.pos += 3;
      head = 4;
    } else if (len === 255) throw new SessionFileError('corrupt', `${this.what}: invalid TL bytes length at offset ${start}`);
    const out = this.raw(len);
    const pad = (4 - ((head + len) % 4)) % 4;
    this.need(pad);
    this.pos += pad;
    return out;
  }
  tlString(): string {
    try {
      return decoder.decode(this.tlBytes());
    } catch (e) {
      if (e instanceof SessionError) throw e;
      throw new SessionFileError('corrupt', `${this.what} holds invalid UTF-8`);
    }
  }
}

/**
 * Strict base64url / base64 decoding (either alphabet, padding optional):
 * unlike `Buffer.from`, a character outside the alphabet is an error, so a
 * mangled paste is reported instead of decoding to different bytes.
 */
export function decodeBase64Loose(text: string, what: string): Uint8Array {
  const r = decodeBase64Strict(text.trim(), 'either');
  if (typeof r === 'number') throw new SessionFileError('corrupt', `${what} is not valid base64 (damaged or truncated)`);
  return r;
}

/** base64url without padding (RFC 4648 §5). */
export function encodeBase64Url(b: Uint8Array): string {
  return base64UrlEncode(b);
}
