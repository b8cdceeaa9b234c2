import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createDiffieHellman, getDiffieHellman, randomBytes } from 'node:crypto';
import {
  TWO_POW_1984,
  TWO_POW_2047,
  TWO_POW_2048,
  bigIntToBytes,
  bigIntToBytesLE,
  bitLength,
  byteLength,
  bytesToBigInt,
  bytesToBigIntLE,
  gcd,
  mod,
  modPow,
  randomBigIntBits,
  randomBigIntInRange,
} from '../../ts/crypto/bigint.js';
import { bytesEqual, bytesToHex, concatBytes, hexToBytes, reverseBytes, xorBytes } from '../../ts/crypto/bytes.js';
import { CryptoError } from '../../ts/errors.js';

/** Reference: plain right-to-left binary exponentiation, written independently here. */
function refModPow(base: bigint, exp: bigint, m: bigint): bigint {
  let result = 1n % m;
  let b = ((base % m) + m) % m;
  while (exp > 0n) {
    if (exp & 1n) result = (result * b) % m;
    b = (b * b) % m;
    exp >>= 1n;
  }
  return result;
}

const randomBig = (bytes: number) => BigInt(`0x${randomBytes(bytes).toString('hex') || '0'}`);

test('bytesToBigInt reads big-endian, bytesToBigIntLE little-endian', () => {
  assert.is(bytesToBigInt(new Uint8Array([0x01, 0x02, 0x03])), 0x010203n);
  assert.is(bytesToBigIntLE(new Uint8Array([0x01, 0x02, 0x03])), 0x030201n);
  assert.is(bytesToBigInt(new Uint8Array([0x00, 0x00, 0xff])), 0xffn);
  assert.is(bytesToBigInt(new Uint8Array(0)), 0n);
  assert.is(bytesToBigIntLE(new Uint8Array(0)), 0n);
  assert.is(bytesToBigInt(new Uint8Array(32).fill(0xff)), (1n << 256n) - 1n);
});

test('bigIntToBytes pads on the left to a fixed length, minimal without one', () => {
  assert.equal(Array.from(bigIntToBytes(1n, 4)), [0, 0, 0, 1]);
  assert.equal(Array.from(bigIntToBytes(0x0102n)), [1, 2]);
  assert.equal(Array.from(bigIntToBytes(0x10203n)), [1, 2, 3]);
  assert.equal(bigIntToBytes(0n).length, 0);
  assert.equal(Array.from(bigIntToBytes(0n, 2)), [0, 0]);
  assert.is(bigIntToBytes(TWO_POW_2047, 256)[0], 0x80);
  assert.is(bigIntToBytes(TWO_POW_1984, 256)[7], 0x01);
});

test('bigIntToBytesLE writes little-endian into a fixed length', () => {
  assert.equal(Array.from(bigIntToBytesLE(0x0102n, 4)), [2, 1, 0, 0]);
  assert.equal(Array.from(bigIntToBytesLE(0n, 2)), [0, 0]);
});

test('bigIntToBytes rejects values that do not fit and negatives', () => {
  assert.throws(
    () => bigIntToBytes(256n, 1),
    (e: unknown) => e instanceof CryptoError,
  );
  assert.throws(
    () => bigIntToBytes(TWO_POW_2048, 256),
    (e: unknown) => e instanceof CryptoError,
  );
  assert.throws(
    () => bigIntToBytes(-1n),
    (e: unknown) => e instanceof CryptoError,
  );
  assert.throws(
    () => bigIntToBytesLE(1n << 64n, 8),
    (e: unknown) => e instanceof CryptoError,
  );
});

test('byte conversions round-trip for random values of many sizes', () => {
  for (let size = 1; size <= 300; size += 7) {
    const bytes = new Uint8Array(randomBytes(size));
    const v = bytesToBigInt(bytes);
    assert.ok(bytesEqual(bigIntToBytes(v, size), bytes), `BE size ${size}`);
    assert.ok(bytesEqual(bigIntToBytesLE(bytesToBigIntLE(bytes), size), bytes), `LE size ${size}`);
    assert.is(bytesToBigIntLE(reverseBytes(bytes)), v);
  }
});

test('bitLength and byteLength', () => {
  assert.is(bitLength(0n), 0);
  assert.is(bitLength(1n), 1);
  assert.is(bitLength(255n), 8);
  assert.is(bitLength(256n), 9);
  assert.is(bitLength(TWO_POW_2047), 2048);
  assert.is(byteLength(TWO_POW_2048 - 1n), 256);
  assert.is(byteLength(0n), 0);
  assert.throws(
    () => bitLength(-1n),
    (e: unknown) => e instanceof CryptoError,
  );
});

test('mod is non-negative for negative operands', () => {
  assert.is(mod(-1n, 7n), 6n);
  assert.is(mod(-14n, 7n), 0n);
  assert.is(mod(15n, 7n), 1n);
});

test('modPow edge cases', () => {
  assert.is(modPow(5n, 0n, 7n), 1n);
  assert.is(modPow(5n, 3n, 1n), 0n);
  assert.is(modPow(0n, 5n, 7n), 0n);
  assert.is(modPow(-2n, 3n, 7n), refModPow(-2n, 3n, 7n)); // (-8) mod 7 = 6
  assert.is(modPow(-2n, 3n, 7n), 6n);
  assert.is(modPow(10n, 1n, 7n), 3n);
  assert.is(modPow(2n, 10n, 1025n), 1024n);
  assert.throws(
    () => modPow(2n, -1n, 7n),
    (e: unknown) => e instanceof CryptoError,
  );
  assert.throws(
    () => modPow(2n, 1n, 0n),
    (e: unknown) => e instanceof CryptoError,
  );
});

test('modPow matches a reference implementation on random inputs (small to 2048-bit)', () => {
  for (const [baseBytes, expBytes, modBytes] of [
    [1, 1, 1],
    [4, 2, 3],
    [8, 8, 8],
    [16, 40, 32],
    [64, 64, 64],
    [256, 256, 256],
    [300, 256, 256],
  ] as const) {
    for (let i = 0; i < 3; i++) {
      const m = randomBig(modBytes) | 1n;
      const b = randomBig(baseBytes);
      const e = randomBig(expBytes);
      assert.is(modPow(b, e, m), refModPow(b, e, m), `${baseBytes}/${expBytes}/${modBytes}`);
    }
  }
});

test('modPow agrees with node:crypto Diffie-Hellman (independent engine) for 2048-bit values', () => {
  const prime = getDiffieHellman('modp14').getPrime(); // RFC 3526 group 14
  for (let i = 0; i < 2; i++) {
    const dh = createDiffieHellman(prime, 2);
    const priv = new Uint8Array(randomBytes(256));
    dh.setPrivateKey(priv);
    const pub = dh.generateKeys();
    assert.is(modPow(2n, bytesToBigInt(priv), bytesToBigInt(new Uint8Array(prime))), bytesToBigInt(new Uint8Array(pub)));
  }
});

test('gcd', () => {
  assert.is(gcd(12n, 18n), 6n);
  assert.is(gcd(17n, 5n), 1n);
  assert.is(gcd(0n, 9n), 9n);
  assert.is(gcd(-12n, 18n), 6n);
});

test('randomBigIntBits masks to the requested width and uses the injected source', () => {
  const ff: (out: Uint8Array) => void = (out) => out.fill(0xff);
  assert.is(randomBigIntBits(ff, 12), (1n << 12n) - 1n);
  assert.is(randomBigIntBits(ff, 2048), TWO_POW_2048 - 1n);
  assert.is(
    randomBigIntBits((out) => out.fill(0), 64),
    0n,
  );
  assert.throws(
    () => randomBigIntBits(ff, 0),
    (e: unknown) => e instanceof CryptoError,
  );
});

test('randomBigIntInRange stays in range and rejects a source that never fits', () => {
  let calls = 0;
  const counter = (out: Uint8Array) => {
    out.fill(0);
    out[out.length - 1] = calls++ % 256;
  };
  for (let i = 0; i < 50; i++) {
    const x = randomBigIntInRange(counter, 10n, 20n);
    assert.ok(x >= 10n && x <= 20n);
  }
  assert.is(randomBigIntInRange(counter, 5n, 5n), 5n);
  // span = 16 needs 5 bits; a source of all ones gives 31 > 16 every time
  assert.throws(
    () => randomBigIntInRange((out) => out.fill(0xff), 0n, 16n),
    (e: unknown) => e instanceof CryptoError,
  );
  assert.throws(
    () => randomBigIntInRange(counter, 2n, 1n),
    (e: unknown) => e instanceof CryptoError,
  );
});

test('byte helpers: concat, xor, constant-time equality, hex, reverse', () => {
  assert.equal(Array.from(concatBytes(new Uint8Array([1]), new Uint8Array(0), new Uint8Array([2, 3]))), [1, 2, 3]);
  assert.equal(Array.from(xorBytes(new Uint8Array([0xf0, 0x0f]), new Uint8Array([0xff, 0xff]))), [0x0f, 0xf0]);
  assert.throws(
    () => xorBytes(new Uint8Array(1), new Uint8Array(2)),
    (e: unknown) => e instanceof CryptoError,
  );
  assert.ok(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2])));
  assert.not.ok(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3])));
  assert.not.ok(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3])));
  assert.is(bytesToHex(hexToBytes('00 ff\nA0')), '00ffa0');
  assert.throws(
    () => hexToBytes('abc'),
    (e: unknown) => e instanceof CryptoError,
  );
  assert.throws(
    () => hexToBytes('zz'),
    (e: unknown) => e instanceof CryptoError,
  );
  assert.equal(Array.from(reverseBytes(new Uint8Array([1, 2, 3]))), [3, 2, 1]);
});

test.run();
