/** The one strict base64 decoder and the base64url encoder (ts/wasm/base64.ts), RFC 4648 §4 and §5. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { base64UrlEncode, decodeBase64Strict } from '../../ts/wasm/base64.js';

const bytes = (...b: number[]) => Uint8Array.from(b);

test('base64url (RFC 4648 §5): - and _ for 62 and 63, no padding', () => {
  assert.is(base64UrlEncode(bytes(0xfb, 0xff)), '-_8');
  assert.is(base64UrlEncode(bytes(0xfb, 0xff, 0xbf)), '-_-_');
  assert.is(base64UrlEncode(new TextEncoder().encode('f')), 'Zg');
  assert.is(base64UrlEncode(new Uint8Array(0)), '');
});

test('decodeBase64Strict: the alphabet decides which of +/ and -_ are accepted; = padding optional', () => {
  assert.equal(decodeBase64Strict('-_8', 'url'), bytes(0xfb, 0xff));
  assert.equal(decodeBase64Strict('+/8=', 'standard'), bytes(0xfb, 0xff));
  assert.equal(decodeBase64Strict('-/8', 'either'), bytes(0xfb, 0xff));
  assert.is(decodeBase64Strict('-_8', 'standard'), 0);
  assert.is(decodeBase64Strict('+/8', 'url'), 0);
});

test('decodeBase64Strict: the index of the first bad character, -1 for 4n+1 characters', () => {
  assert.is(decodeBase64Strict('Zm9v!'), 4);
  assert.is(decodeBase64Strict('Zm 9v'), 2);
  assert.is(decodeBase64Strict('Zm=9v'), 2);
  assert.is(decodeBase64Strict('Zm9vY'), -1);
  assert.is(decodeBase64Strict('Zm9vé'), 4);
});

test.run();
