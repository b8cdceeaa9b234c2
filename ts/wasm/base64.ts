/**
 * Base64 without `atob` or `Buffer` requirements, so embedded WASM and the TL
 * schema table load the same way in Node, Deno, browsers and workers. Lives
 * in the lowest layer (ts/wasm) so every layer above can share it.
 */
const LOOKUP = /* @__PURE__ */ (() => {
  const t = new Uint8Array(128).fill(255);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < 64; i++) t[abc.charCodeAt(i)] = i;
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
 */
export function base64Decode(s: string): Uint8Array {
  const native = (Uint8Array as unknown as NativeBase64).fromBase64;
  if (native) return native(s);
  const buffer = (globalThis as { Buffer?: BufferLike }).Buffer;
  if (buffer) {
    const b = buffer.from(s, 'base64');
    return new Uint8Array(b.buffer, b.byteOffset, b.length);
  }
  return base64DecodeJs(s);
}

/** The portable decoder. Throws on a character outside the alphabet. */
export function base64DecodeJs(s: string): Uint8Array {
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61 /* = */) len--;
  const out = new Uint8Array((len * 3) >> 2);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? LOOKUP[c]! : 255;
    if (v === 255) throw new Error(`invalid base64 character at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

const ABC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Encodes bytes as standard base64 with padding. */
export function base64Encode(b: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    const n = (b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!;
    out += ABC[n >> 18]! + ABC[(n >> 12) & 63]! + ABC[(n >> 6) & 63]! + ABC[n & 63]!;
  }
  if (i < b.length) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8);
    out += `${ABC[n >> 18]! + ABC[(n >> 12) & 63]! + (i + 1 < b.length ? ABC[(n >> 6) & 63]! : '=')}=`;
  }
  return out;
}
