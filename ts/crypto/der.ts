/**
 * A minimal DER (ITU-T X.690) reader and PEM unwrapper — just enough to load
 * RSA public keys in PKCS#1 (`BEGIN RSA PUBLIC KEY`, RFC 8017 A.1.1) and
 * SubjectPublicKeyInfo (`BEGIN PUBLIC KEY`, RFC 5280 4.1) form.
 *
 * Every length is checked against the bytes actually present, so a truncated
 * or hostile key yields a `CryptoError`, never an out-of-bounds read.
 */

import { CryptoError } from '../errors.js';
import { decodeBase64Strict } from '../wasm/base64.js';

/** DER tag numbers used here. */
export const DER_TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  NULL: 0x05,
  OBJECT_IDENTIFIER: 0x06,
  SEQUENCE: 0x30,
} as const;

/** One decoded TLV element. `value` is a view into the input (no copy). */
export interface DerElement {
  tag: number;
  value: Uint8Array;
  /** Offset just past this element in the buffer it was read from. */
  end: number;
}

/**
 * Reads the TLV element at `offset`. Only single-byte tags and definite
 * lengths up to 4 bytes are accepted (all DER keys fit).
 * @throws CryptoError on truncation, indefinite or non-minimal lengths.
 */
export function readDerElement(buf: Uint8Array, offset = 0): DerElement {
  if (offset + 2 > buf.length) throw new CryptoError('DER: truncated header');
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new CryptoError('DER: multi-byte tags are not supported');
  let pos = offset + 1;
  const first = buf[pos++]!;
  let length: number;
  if (first < 0x80) {
    length = first;
  } else {
    const count = first & 0x7f;
    if (count === 0) throw new CryptoError('DER: indefinite length');
    if (count > 4) throw new CryptoError('DER: length too large');
    if (pos + count > buf.length) throw new CryptoError('DER: truncated length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buf[pos++]!;
    if (length < 0x80 || (count > 1 && buf[pos - count] === 0)) throw new CryptoError('DER: non-minimal length');
  }
  if (pos + length > buf.length) throw new CryptoError('DER: element longer than its container');
  return { tag, value: buf.subarray(pos, pos + length), end: pos + length };
}

/**
 * Reads the element at `offset` and checks its tag.
 * @throws CryptoError when the tag differs.
 */
export function expectDer(buf: Uint8Array, offset: number, tag: number): DerElement {
  const el = readDerElement(buf, offset);
  if (el.tag !== tag) {
    throw new CryptoError(`DER: expected tag 0x${tag.toString(16)}, found 0x${el.tag.toString(16)} at ${offset}`);
  }
  return el;
}

/**
 * Returns the magnitude bytes of a non-negative DER INTEGER (its leading
 * sign byte 0x00 removed).
 * @throws CryptoError for an empty or negative integer.
 */
export function derUnsignedInteger(value: Uint8Array): Uint8Array {
  if (value.length === 0) throw new CryptoError('DER: empty INTEGER');
  if (value[0]! & 0x80) throw new CryptoError('DER: negative INTEGER');
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start++;
  return value.subarray(start);
}

/** A decoded PEM block. */
export interface PemBlock {
  /** The label after `BEGIN`, e.g. `RSA PUBLIC KEY`. */
  label: string;
  /** The base64-decoded body. */
  der: Uint8Array;
}

/**
 * Strict standard-alphabet base64 decoding (no `atob` so behaviour is the
 * same on every runtime). Whitespace is ignored; `=` padding is optional.
 * @throws CryptoError on any other character or an impossible length.
 */
export function decodeBase64(text: string): Uint8Array {
  const r = decodeBase64Strict(text.replace(/\s+/g, ''), 'standard');
  if (typeof r === 'number') throw new CryptoError(r < 0 ? 'base64: invalid length' : 'base64: invalid character');
  return r;
}

/**
 * Extracts the first `-----BEGIN X-----` … `-----END X-----` block.
 * @throws CryptoError when there is no well-formed block.
 */
export function decodePem(pem: string): PemBlock {
  const m = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (!m) throw new CryptoError('PEM: no BEGIN/END block');
  return { label: m[1]!, der: decodeBase64(m[2]!) };
}
