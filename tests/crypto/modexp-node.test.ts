import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bigIntToBytes, bytesToBigInt, modPow } from '../../ts/crypto/bigint.js';
import { nodeModExpRoute } from '../../ts/crypto/modexp-node.js';

// A 1024-bit odd modulus whose top byte has the high bit set (DER INTEGERs then need a 0x00 sign byte).
const M = (1n << 1023n) | (0xf1n << 1008n) | 0x1234567n | 1n;
const LEN = 128;

test('the OpenSSL route exists on Node (process.getBuiltinModule, no node: import)', () => {
  assert.ok(nodeModExpRoute());
  assert.is(nodeModExpRoute(), nodeModExpRoute(), 'resolved once');
});

test('secret route: base^exp mod m via a DH private key import, for high-bit, short, zero-led and over-long operands', () => {
  const route = nodeModExpRoute()!;
  const cases: [bigint, bigint][] = [
    [M - 2n, (1n << 1023n) + 5n],
    [3n, 65537n],
    [0n, 12345n],
    [1n, M - 1n],
    [(1n << 1000n) + 77n, (1n << 3000n) + 99n],
  ];
  for (const [base, exp] of cases) {
    const out = route.secret(bigIntToBytes(base, LEN), bigIntToBytes(exp), bigIntToBytes(M, LEN));
    assert.is(out.length, LEN, 'left-padded to the modulus length');
    assert.is(bytesToBigInt(out), modPow(base, exp, M));
    const zeroLed = new Uint8Array(bigIntToBytes(exp).length + 3);
    zeroLed.set(bigIntToBytes(exp), 3);
    assert.is(
      bytesToBigInt(route.secret(bigIntToBytes(base, LEN), zeroLed, bigIntToBytes(M, LEN))),
      modPow(base, exp, M),
      'exponent with leading zero bytes',
    );
  }
  assert.is(bytesToBigInt(route.secret(bigIntToBytes(5n, LEN), new Uint8Array([0]), bigIntToBytes(M, LEN))), 1n, 'exponent 0');
});

test('secret route refuses what OpenSSL cannot take (a modulus below 512 bits, an empty exponent) by throwing', () => {
  const route = nodeModExpRoute()!;
  assert.throws(() => route.secret(bigIntToBytes(3n, LEN), new Uint8Array(0), bigIntToBytes(M, LEN)));
  assert.throws(() => route.secret(new Uint8Array([3]), new Uint8Array([5]), bigIntToBytes((1n << 255n) + 1n)));
});

test('secret pair route: [g^x, y^x] from one key import and one key agreement', () => {
  const route = nodeModExpRoute()!;
  for (const [g, y, x] of [
    [3n, M - 2n, (1n << 1020n) + 3n],
    [2n, 5n, 7n],
  ] as const) {
    const [a, b] = route.secretPair(bigIntToBytes(g, LEN), bigIntToBytes(y, LEN), bigIntToBytes(x), bigIntToBytes(M, LEN));
    assert.is(a.length, LEN);
    assert.is(b.length, LEN);
    assert.is(bytesToBigInt(a), modPow(g, x, M));
    assert.is(bytesToBigInt(b), modPow(y, x, M));
  }
  assert.throws(
    () => route.secretPair(bigIntToBytes(3n, LEN), bigIntToBytes(1n, LEN), bigIntToBytes(5n), bigIntToBytes(M, LEN)),
    'peer value 1',
  );
});

test('public RSA route: textbook RSA with e = 65537 and e = 3, key objects cached', () => {
  const route = nodeModExpRoute()!;
  for (const e of [65537n, 3n]) {
    for (const base of [2n, M - 1n, (1n << 900n) + 1n]) {
      const out = route.publicRsa(bigIntToBytes(base, LEN), bigIntToBytes(e), bigIntToBytes(M, LEN));
      assert.is(bytesToBigInt(out), modPow(base, e, M));
    }
  }
});

test.run();
