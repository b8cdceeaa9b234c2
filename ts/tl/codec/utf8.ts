/**
 * UTF-8 decoding shared by the TL readers (the JS reader and the WASM tape
 * reader). TL strings are UTF-8 byte strings
 * (https://core.telegram.org/mtproto/serialize#base-types); invalid sequences
 * become U+FFFD, one per maximal invalid subpart, as the Encoding Standard's
 * decoder does (https://encoding.spec.whatwg.org/#utf-8-decoder).
 */

/**
 * `ignoreBOM`: a leading U+FEFF is part of the text (a message may start with
 * one), not a byte-order mark to drop.
 */
const utf8 = /* @__PURE__ */ new TextDecoder('utf-8', { ignoreBOM: true });

type Utf8Slice = (this: Uint8Array, start: number, end: number) => string;

/**
 * Node's (and Bun's) `Buffer.prototype.utf8Slice`, when present and when it
 * decodes exactly as TextDecoder does (checked once on a probe with a BOM, a
 * surrogate pair and invalid bytes). Measured on Node 20 for ~150-byte texts:
 * 53 ns a string against 78 ns for `TextDecoder.decode`, whose JS wrapper
 * (argument checks, options) is most of its cost; on a 100-message history
 * page strings were ~45 % of the decode. Feature-detected like ts/wasm/base64.ts:
 * nothing is imported, other runtimes use TextDecoder.
 */
const nativeSlice: Utf8Slice | undefined = /* @__PURE__ */ (() => {
  // A feature test, not a condition: the method must also decode exactly as TextDecoder does, which only a probe can tell.
  const f = (globalThis as { Buffer?: { prototype?: { utf8Slice?: unknown } } }).Buffer?.prototype?.utf8Slice;
  if (typeof f !== 'function') return undefined;
  try {
    // BOM, "a", a lone continuation byte, U+1F600 (a surrogate pair), a truncated 3-byte sequence, an overlong "/".
    const probe = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x80, 0xf0, 0x9f, 0x98, 0x80, 0xe2, 0x82, 0xc0, 0xaf]);
    const slice = f as Utf8Slice;
    return slice.call(probe, 0, probe.length) === utf8.decode(probe) && slice.call(probe, 3, 5) === 'a\ufffd' ? slice : undefined;
  } catch {
    return undefined;
  }
})();

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
      if (c > 0x7f) return decodeLong(data, start, len);
      s += String.fromCharCode(c);
    }
    return s;
  }
  return decodeLong(data, start, len);
}

function decodeLong(data: Uint8Array, start: number, len: number): string {
  return nativeSlice !== undefined ? nativeSlice.call(data, start, start + len) : utf8.decode(data.subarray(start, start + len));
}

/** What `decodeUtf8` gives where `Buffer` is missing (browsers, workers): TextDecoder only. For tests. @internal */
export function decodeUtf8Portable(data: Uint8Array, start: number, len: number): string {
  return utf8.decode(data.subarray(start, start + len));
}

/** Whether `decodeUtf8` uses `Buffer.prototype.utf8Slice` here. @internal */
export const nativeUtf8 = nativeSlice !== undefined;
