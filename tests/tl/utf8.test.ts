/**
 * TL strings are UTF-8 (https://core.telegram.org/mtproto/serialize#base-types).
 * Decoding follows the Encoding Standard's UTF-8 decoder
 * (https://encoding.spec.whatwg.org/#utf-8-decoder): one U+FFFD per maximal
 * invalid subpart, and a leading U+FEFF is kept as text. The vectors hold on
 * every path: the short-ASCII loop, Node's `utf8Slice` and TextDecoder.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TlReader, TlWriter } from '../../ts/tl/codec/index.js';
import { decodeUtf8, decodeUtf8Portable, nativeUtf8 } from '../../ts/tl/codec/utf8.js';

const bytes = (...xs: (number | string)[]) =>
  Uint8Array.from(xs.flatMap((x) => (typeof x === 'string' ? [...new TextEncoder().encode(x)] : [x])));

/** [input bytes, expected string] — expected values written out from the standard, not computed. */
const VECTORS: [string, Uint8Array, string][] = [
  ['empty', bytes(), ''],
  ['ASCII', bytes('hello'), 'hello'],
  ['NUL inside', bytes(0x61, 0x00, 0x62), 'a\u0000b'],
  ['Cyrillic (2-byte sequences)', bytes(0xd0, 0xbf, 0xd1, 0x80, 0xd0, 0xb8), 'при'],
  ['U+1F600 is a surrogate pair', bytes(0xf0, 0x9f, 0x98, 0x80), '\ud83d\ude00'],
  ['a leading BOM is kept', bytes(0xef, 0xbb, 0xbf, 0x61), '\ufeffa'],
  ['lone continuation byte', bytes(0x80), '\ufffd'],
  ['0xFF', bytes(0x41, 0xff, 0x42), 'A\ufffdB'],
  ['truncated 3-byte sequence at the end: one U+FFFD', bytes(0x41, 0xe2, 0x82), 'A\ufffd'],
  ['truncated 3-byte sequence before ASCII', bytes(0xe2, 0x82, 0x41), '\ufffdA'],
  ['truncated 4-byte sequence before ASCII', bytes(0xf0, 0x9f, 0x98, 0x41), '\ufffdA'],
  ['overlong "/" (C0 AF): two', bytes(0xc0, 0xaf), '\ufffd\ufffd'],
  ['overlong 3-byte (E0 80 80): three', bytes(0xe0, 0x80, 0x80), '\ufffd\ufffd\ufffd'],
  ['encoded surrogate (ED A0 80): three', bytes(0xed, 0xa0, 0x80), '\ufffd\ufffd\ufffd'],
  ['above U+10FFFF (F4 90 80 80): four', bytes(0xf4, 0x90, 0x80, 0x80), '\ufffd\ufffd\ufffd\ufffd'],
  ['U+10FFFF', bytes(0xf4, 0x8f, 0xbf, 0xbf), '\udbff\udfff'],
];

for (const [name, input, want] of VECTORS) {
  test(`UTF-8: ${name}`, () => {
    // Short (the ASCII loop first) and long (past 16 bytes) forms, at an offset inside a larger array.
    for (const pad of ['', 'x'.repeat(20)]) {
      const padded = bytes(0x7a, pad, ...input, 0x7a);
      const start = 1;
      const len = padded.length - 2;
      assert.is(decodeUtf8(padded, start, len), pad + want, 'decodeUtf8');
      assert.is(decodeUtf8Portable(padded, start, len), pad + want, 'TextDecoder path');
    }
  });
}

test('UTF-8: Node decodes through Buffer.prototype.utf8Slice (feature-detected)', () => {
  assert.is(nativeUtf8, typeof Buffer.prototype.utf8Slice === 'function');
});

test('UTF-8: random byte strings decode the same on every path', () => {
  // A fixed LCG: bytes biased to the interesting ranges (ASCII, continuation, lead bytes, invalid).
  let seed = 0x2545f491;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8;
  const pool = [0x41, 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x00];
  for (let i = 0; i < 3000; i++) {
    const b = Uint8Array.from({ length: next() % 40 }, () => pool[next() % pool.length]!);
    const a = decodeUtf8(b, 0, b.length);
    assert.is(a, decodeUtf8Portable(b, 0, b.length), `bytes ${Buffer.from(b).toString('hex')}`);
  }
});

test('UTF-8: TL strings round-trip every code point class (1- to 4-byte, BOM first)', () => {
  const texts = ['', 'a', '\ufeffhi', 'é'.repeat(300), 'привет мир 😀 \u{10ffff} end', 'x'.repeat(15), 'x'.repeat(16)];
  const w = new TlWriter();
  for (const t of texts) w.string(t);
  const r = new TlReader(w.result());
  for (const t of texts) assert.is(r.string(), t);
  assert.is(r.remaining, 0);
});

test.run();
