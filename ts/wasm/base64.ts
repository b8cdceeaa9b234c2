/**
 * Standard base64 → bytes without Node's Buffer (works in every runtime).
 * Table-driven: `atob` is slow in some runtimes (Node's is written in JS),
 * and this runs on the cold-start path of every WASM module.
 */
const TABLE = /* @__PURE__ */ (() => {
  const t = new Uint8Array(256).fill(255);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < 64; i++) t[abc.charCodeAt(i)] = i;
  return t;
})();

/** Decodes standard (padded or unpadded) base64. Throws `Error` on a character outside the alphabet. */
export function decodeBase64(text: string): Uint8Array {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  const out = new Uint8Array(((end * 3) >> 2));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const v = code < 256 ? TABLE[code]! : 255;
    if (v === 255) throw new Error(`invalid base64 character at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return o === out.length ? out : out.subarray(0, o);
}
