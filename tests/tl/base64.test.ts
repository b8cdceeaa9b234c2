import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { base64Decode, base64DecodeJs, base64Encode } from '../../ts/tl/codec/base64.js';

test('base64: RFC 4648 test vectors, both decoders', () => {
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ];
  for (const [plain, b64] of vectors) {
    const bytes = new TextEncoder().encode(plain);
    assert.is(base64Encode(bytes), b64);
    assert.equal([...base64DecodeJs(b64)], [...bytes]);
    assert.equal([...base64Decode(b64)], [...bytes]);
  }
  const all = Uint8Array.from({ length: 256 }, (_, i) => 255 - i);
  assert.equal(base64DecodeJs(base64Encode(all)), all);
  assert.throws(() => base64DecodeJs('Zm9v!'), /invalid base64 character at 4/);
});

test.run();
