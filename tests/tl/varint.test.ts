/** Unsigned LEB128 (ts/tl/codec/varint.ts), the one varint reader and writer. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TlError } from '../../ts/errors.js';
import { UvarintReader, writeUvarint } from '../../ts/tl/codec/varint.js';

test('uvarint: the LEB128 example 624485 = E5 8E 26, and the edges of each byte count', () => {
  const cases: [number, number[]][] = [
    [0, [0x00]],
    [127, [0x7f]],
    [128, [0x80, 0x01]],
    [624485, [0xe5, 0x8e, 0x26]],
    [2 ** 28, [0x80, 0x80, 0x80, 0x80, 0x01]],
    [2 ** 32 - 1, [0xff, 0xff, 0xff, 0xff, 0x0f]],
    [Number.MAX_SAFE_INTEGER, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]],
  ];
  for (const [value, bytes] of cases) {
    const out: number[] = [];
    writeUvarint(out, value);
    assert.equal(out, bytes, `write ${value}`);
    const r = new UvarintReader(Uint8Array.from(bytes));
    assert.is(r.next(), value, `read ${value}`);
    assert.is(r.pos, bytes.length);
  }
});

test('uvarint: reads one after another; past the end reads 0 and stops', () => {
  const r = new UvarintReader(Uint8Array.from([0x01, 0xe5, 0x8e, 0x26, 0x80]), 0);
  assert.equal([r.next(), r.next()], [1, 624485]);
  assert.is(r.next(), 0); // truncated: 0x80 then nothing
  assert.is(r.pos, 6);
});

test('uvarint: negative or fractional values are refused with TlError', () => {
  assert.throws(
    () => writeUvarint([], -1),
    (e: unknown) => e instanceof TlError,
  );
  assert.throws(
    () => writeUvarint([], 1.5),
    (e: unknown) => e instanceof TlError,
  );
});

test.run();
