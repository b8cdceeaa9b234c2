/**
 * `long` is a signed 64-bit little-endian integer
 * (https://core.telegram.org/mtproto/serialize#base-types). TlReader.long()
 * takes two paths: one exact `BigInt(number)` while |value| < 2^53, two
 * conversions and a multiply past it. Fixed byte vectors at and around the
 * boundary between them, and at the ends of the range.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TlReader } from '../../ts/tl/codec/index.js';

/** Bytes written out by hand (little-endian), and the value they encode. */
const VECTORS: [string, bigint][] = [
  ['0000000000000000', 0n],
  ['0100000000000000', 1n],
  ['ffffffffffffffff', -1n],
  ['ffffffff00000000', 4294967295n],
  ['0000000001000000', 4294967296n],
  // 2^53 - 1 (hi = 0x1fffff), 2^53 (hi = 0x200000: the first wide value), 2^53 + 1
  ['ffffffffffff1f00', 9007199254740991n],
  ['0000000000002000', 9007199254740992n],
  ['0100000000002000', 9007199254740993n],
  // -2^53 (hi = -0x200000: still exact), -2^53 - 1 (hi = -0x200001)
  ['000000000000e0ff', -9007199254740992n],
  ['ffffffffffffdfff', -9007199254740993n],
  // the ends of the range
  ['ffffffffffffff7f', 9223372036854775807n],
  ['0000000000000080', -9223372036854775808n],
  // a msg_id (unixtime in the high half), a positive and a negative access hash
  ['04000000d3e35365', 0x6553e3d300000004n],
  ['efcdab8967452301', 0x0123456789abcdefn],
  ['1032547698badcfe', -0x0123456789abcdf0n],
];

const hex = (s: string) => Uint8Array.from(s.match(/../g)!, (b) => Number.parseInt(b, 16));

test('long: signed little-endian values on both sides of 2^53 and at the ends of the range', () => {
  for (const [bytes, want] of VECTORS) {
    assert.is(new TlReader(hex(bytes)).long(), want, bytes);
  }
});

test('long: the same values read one after another from one buffer (the reader keeps its position)', () => {
  const all = hex(VECTORS.map(([b]) => b).join(''));
  const r = new TlReader(all);
  for (const [, want] of VECTORS) assert.is(r.long(), want);
  r.expectEnd();
});

test.run();
