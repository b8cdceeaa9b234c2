/**
 * gzip_packed inflation on both paths — node:zlib (Node) and pako (browsers,
 * workers, Deno, Bun): the same bytes, the same limit (a zip bomb stops at
 * the limit with a TlError), the same error for a cut stream
 * (https://core.telegram.org/mtproto/service_messages#packed-object).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { deflateSync, gzipSync } from 'node:zlib';
import { TlError } from '../../ts/errors.js';
import { type Inflater, inflateLimited } from '../../ts/tl/codec/gzip.js';
import { nativeGzip, nativeInflate } from '../../ts/platform/node/zlib.js';
import { nativeGzip as pakoGzip, nativeInflate as pakoInflate } from '../../ts/platform/web/zlib.js';

const text = new Uint8Array(300_000).map((_, i) => (i * 7) ^ (i >> 6));
const isTlError = (e: unknown) => e instanceof TlError;

const ENGINES: [string, Inflater][] = [
  ['node:zlib', nativeInflate],
  ['pako', pakoInflate],
];

for (const [name, engine] of ENGINES) {
  test(`${name}: gzip and zlib framing inflate to the original bytes`, () => {
    assert.equal(inflateLimited(gzipSync(text), 1 << 20, 0, engine), text);
    assert.equal(inflateLimited(deflateSync(text), 1 << 20, 0, engine), text);
  });

  test(`${name}: 64 MiB of zeros in ~64 KB stops at a 1 MiB limit with a TlError`, () => {
    const bomb = gzipSync(new Uint8Array(64 << 20), { level: 9 });
    assert.ok(bomb.length < 100_000);
    assert.throws(() => inflateLimited(bomb, 1 << 20, 12, engine), isTlError);
  });

  test(`${name}: a cut or damaged stream is a TlError`, () => {
    const gz = gzipSync(text);
    assert.throws(() => inflateLimited(gz.subarray(0, gz.length - 100), 1 << 20, 0, engine), isTlError);
    assert.throws(() => inflateLimited(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 1 << 20, 0, engine), isTlError);
  });

  test(`${name}: a small result owns its bytes (no shared pool slab)`, () => {
    const out = inflateLimited(gzipSync(new Uint8Array([1, 2, 3])), 100, 0, engine);
    assert.equal([...out], [1, 2, 3]);
    assert.is(out.byteLength, out.buffer.byteLength);
  });
}

test('both gzip engines give what the other (and node:zlib) inflates', () => {
  for (const gz of [nativeGzip, pakoGzip]) {
    const packed = gz(text);
    assert.ok(packed.length < text.length);
    assert.equal(inflateLimited(packed, 1 << 20, 0, nativeInflate), text);
    assert.equal(inflateLimited(packed, 1 << 20, 0, pakoInflate), text);
  }
});

test.run();
