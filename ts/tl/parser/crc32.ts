/**
 * CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the checksum TL uses
 * to name combinators: a constructor's id is the CRC-32 of its normalized
 * declaration. https://core.telegram.org/mtproto/TL-combinators
 */

let table: Int32Array | undefined;

function makeTable(): Int32Array {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
}

/** CRC-32 of `data` as an unsigned 32-bit number. */
export function crc32(data: Uint8Array): number {
  const t = (table ??= makeTable());
  let c = -1;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const encoder = /* @__PURE__ */ new TextEncoder();

/** CRC-32 of the UTF-8 bytes of `text`. */
export function crc32String(text: string): number {
  return crc32(encoder.encode(text));
}
