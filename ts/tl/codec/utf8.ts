/** UTF-8 decoding shared by the TL readers (the JS reader and the WASM tape reader). */
const utf8 = /* @__PURE__ */ new TextDecoder('utf-8');

/**
 * Decodes `len` bytes of `data` from `start` as UTF-8 (invalid sequences
 * become U+FFFD). Short ASCII strings (names, codes, lang codes) skip the
 * decoder call, which costs more than the loop for them.
 */
export function decodeUtf8(data: Uint8Array, start: number, len: number): string {
  if (len < 16) {
    let s = '';
    for (let i = start; i < start + len; i++) {
      const c = data[i]!;
      if (c > 0x7f) return utf8.decode(data.subarray(start, start + len));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return utf8.decode(data.subarray(start, start + len));
}
