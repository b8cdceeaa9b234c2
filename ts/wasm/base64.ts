/**
 * The library's one base64 (RFC 4648), without `atob` or `Buffer`
 * requirements, so embedded WASM, the TL schema table, PEM keys, string
 * sessions, MTProxy secrets and login tokens decode the same way in Node,
 * Deno, browsers and workers. Lives in the lowest layer (ts/wasm) so every
 * layer above can share it.
 */
import { TlError } from '../errors.js';

/** Which alphabet a decoder accepts: standard (`+/`), URL-safe (`-_`, RFC 4648 §5), or either. */
export type Base64Alphabet = 'standard' | 'url' | 'either';

/** Value of each ASCII character in either alphabet (`+` and `-` are 62, `/` and `_` 63); 255 outside both. */
const LOOKUP = /* @__PURE__ */ (() => {
  const t = new Uint8Array(128).fill(255);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < 62; i++) t[abc.charCodeAt(i)] = i;
  t[43] = t[45] = 62; // + -
  t[47] = t[95] = 63; // / _
  return t;
})();

type NativeBase64 = {
  fromBase64?: (s: string) => Uint8Array;
};
type BufferLike = { from(s: string, enc: 'base64'): Uint8Array };

/**
 * Decodes standard base64 (padding optional). Uses the runtime's native
 * decoder when there is one (`Uint8Array.fromBase64`, Node's `Buffer`): on a
 * cold start it is ~10x faster than the JS loop below, which is the fallback.
 * For trusted input (embedded modules, the schema table): the native
 * decoders are lenient; use {@link decodeBase64Strict} for anything a user or
 * peer supplies.
 */
export function base64Decode(s: string): Uint8Array {
  const native = (Uint8Array as unknown as NativeBase64).fromBase64;
  if (native) return native(s);
  // A feature test, not a condition: Bun has Buffer and Deno has not, yet both match `node`; the test is one property read.
  const buffer = (globalThis as { Buffer?: BufferLike }).Buffer;
  if (buffer) {
    const b = buffer.from(s, 'base64');
    return new Uint8Array(b.buffer, b.byteOffset, b.length);
  }
  return base64DecodeJs(s);
}

/**
 * Strict decoding: trailing `=` padding is optional, nothing else outside
 * `alphabet` is allowed (not even whitespace: strip it first where a format
 * allows it). Returns the bytes, or the index of the first character outside
 * the alphabet, or -1 for an impossible length (4n + 1 characters).
 */
export function decodeBase64Strict(s: string, alphabet: Base64Alphabet = 'standard'): Uint8Array | number {
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61 /* = */) len--;
  const out = new Uint8Array((len * 3) >> 2);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? LOOKUP[c]! : 255;
    if (v === 255) return i;
    if (v >= 62 && alphabet !== 'either' && (c === 43 || c === 47) !== (alphabet === 'standard')) return i;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return len % 4 === 1 ? -1 : out;
}

/**
 * The portable standard-alphabet decoder.
 * @throws TlError on a character outside the alphabet or an impossible length.
 */
export function base64DecodeJs(s: string): Uint8Array {
  const r = decodeBase64Strict(s, 'standard');
  if (typeof r === 'number') throw new TlError(r < 0 ? 'invalid base64 length' : `invalid base64 character at ${r}`);
  return r;
}

const ABC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_ABC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function encode(b: Uint8Array, abc: string, pad: boolean): string {
  let out = '';
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    const n = (b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!;
    out += abc[n >> 18]! + abc[(n >> 12) & 63]! + abc[(n >> 6) & 63]! + abc[n & 63]!;
  }
  if (i < b.length) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8);
    out += abc[n >> 18]! + abc[(n >> 12) & 63]!;
    if (i + 1 < b.length) out += abc[(n >> 6) & 63]!;
    else if (pad) out += '=';
    if (pad) out += '=';
  }
  return out;
}

/** Encodes bytes as standard base64 with padding. */
export function base64Encode(b: Uint8Array): string {
  return encode(b, ABC, true);
}

/** Encodes bytes as base64url without padding (RFC 4648 §5): string sessions, MTProxy secrets, login tokens. */
export function base64UrlEncode(b: Uint8Array): string {
  return encode(b, URL_ABC, false);
}
