import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bigIntToBytes, bitLength, bytesToBigInt, modPow } from '../../ts/crypto/bigint.js';
import { BIGNUM_MAX_EXPONENT_BYTES, type BignumModule, loadBignumModule, loadBignumModuleSync } from '../../ts/wasm/bignum-module.js';

const P = (1n << 2048n) - 1942289n; // an odd 2048-bit modulus

function operands(m: BignumModule, base: bigint, exp: Uint8Array, mod: bigint, secret: boolean) {
  const len = (bitLength(mod) + 7) >> 3;
  const r2 = (1n << BigInt(2 * m.limbBits * m.limbsFor(bitLength(mod)))) % mod;
  return { mod: bigIntToBytes(mod, len), base: bigIntToBytes(base, len), r2: bigIntToBytes(r2, len), exp, secret };
}

test('both builds (SIMD and plain) compute the same powers as BigInt', async () => {
  for (const simd of [true, false]) {
    const m = await loadBignumModule(simd);
    assert.is(m.simd, simd);
    assert.is(loadBignumModuleSync(simd), m, 'one instance per build');
    for (const secret of [true, false]) {
      const exp = bigIntToBytes((1n << 2047n) + 12345n, 256);
      const out = m.modPow(operands(m, 7n, exp, P, secret));
      assert.ok(out);
      assert.is(out.length, 256);
      assert.is(bytesToBigInt(out), modPow(7n, bytesToBigInt(exp), P));
    }
  }
});

test('refuses even, empty and oversized moduli and bad operand lengths (undefined, no throw)', () => {
  const m = loadBignumModuleSync();
  const ok = operands(m, 3n, new Uint8Array([5]), P, true);
  assert.ok(m.modPow(ok));
  assert.is(m.modPow({ ...ok, mod: bigIntToBytes(P + 1n, 256) }), undefined, 'even modulus');
  assert.is(m.modPow({ ...ok, mod: new Uint8Array(0), base: new Uint8Array(0), r2: new Uint8Array(0) }), undefined, 'empty');
  assert.is(m.modPow({ ...ok, base: new Uint8Array(255) }), undefined, 'base length');
  assert.is(m.modPow({ ...ok, exp: new Uint8Array(0) }), undefined, 'empty exponent');
  assert.is(m.modPow({ ...ok, exp: new Uint8Array(BIGNUM_MAX_EXPONENT_BYTES + 1) }), undefined, 'exponent too long');
  const big = new Uint8Array(513);
  big[512] = 1;
  assert.is(m.modPow({ ...ok, mod: big, base: new Uint8Array(513), r2: new Uint8Array(513) }), undefined, 'over 4096 bits');
});

test('small bases (the scalar path: g < 2^8 with room in the top limb) and the bases next to it agree with BigInt, both builds, both exponent modes', () => {
  // Moduli whose limb headroom (28·limbs − bits) ranges from 2 (the scalar path refused) to 29;
  // bases 2..7 (DH/SRP g), 255 (largest scalar), 256 (first base past it), 0, 1 and p − 1.
  const moduli = [P, (1n << 2070n) - 1942289n, (1n << 2061n) + 1n, (1n << 2062n) + 3n, 1000003n, (1n << 54n) - 33n];
  let seed = 0x5eed;
  const next = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed >>> 8;
  };
  for (const simd of [true, false]) {
    const m = loadBignumModuleSync(simd);
    for (const mod of moduli) {
      const bytes = (bitLength(mod) + 7) >> 3;
      const exp = Uint8Array.from({ length: bytes }, () => next() & 0xff);
      for (const base of [2n, 3n, 5n, 7n, 255n, 256n, 0n, 1n, mod - 1n]) {
        for (const secret of [true, false]) {
          const out = m.modPow(operands(m, base % mod, exp, mod, secret));
          assert.ok(out, `${base} mod ${bitLength(mod)}-bit`);
          assert.is(
            bytesToBigInt(out),
            modPow(base % mod, bytesToBigInt(exp), mod),
            `g=${base}, ${bitLength(mod)} bits, secret=${secret}, simd=${simd}`,
          );
        }
      }
      // A one-byte exponent: every bit through the scalar step's select.
      for (const e of [0, 1, 2, 0x80, 0xff]) {
        const out = m.modPow(operands(m, 3n, Uint8Array.of(e), mod, true));
        assert.is(bytesToBigInt(out!), modPow(3n, BigInt(e), mod), `3^${e}`);
      }
    }
  }
});

test.run();
