import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createDiffieHellman, generateKeyPairSync, getDiffieHellman, constants as nodeConstants, publicEncrypt } from 'node:crypto';
import { bigIntToBytes, bitLength, bytesToBigInt, modPow } from '../../ts/crypto/bigint.js';
import { TELEGRAM_DH_PRIME } from '../../ts/crypto/dh.js';
import { type ModExpEngine, modExp, modExpPair, prepareModExp } from '../../ts/crypto/modexp.js';
import { CryptoError } from '../../ts/errors.js';

/** Reference written independently here: right-to-left binary exponentiation on BigInt. */
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

/** Seeded PRNG (mulberry32): the randomized cases are the same on every run. */
function seeded(seed: number): (bits: number) => bigint {
  let s = seed >>> 0;
  const next32 = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return (bits) => {
    let x = 0n;
    for (let i = 0; i < bits; i += 32) x = (x << 32n) | BigInt(next32());
    return x & ((1n << BigInt(bits)) - 1n);
  };
}

const ENGINES: ModExpEngine[] = ['wasm', 'openssl', 'auto'];

/** RFC 3526 §3, the 2048-bit MODP group (id 14), g = 2: node:crypto ships it as 'modp14'. */
const MODP14 = bytesToBigInt(getDiffieHellman('modp14').getPrime());

/**
 * RFC 7919 appendix A.1, ffdhe2048: p = 2^2048 − 2^1984 + (⌊2^1918 · e⌋ + 560316) · 2^64 − 1,
 * with e summed as Σ 1/k! in fixed point (64 guard bits).
 */
function ffdhe2048(): bigint {
  const scale = 1918n + 64n;
  let term = 1n << scale;
  let sum = 0n;
  for (let k = 1n; term > 0n; k++) {
    sum += term;
    term /= k;
  }
  const floorE = sum >> 64n;
  return (1n << 2048n) - (1n << 1984n) + (floorE + 560316n) * (1n << 64n) - 1n;
}
const FFDHE2048 = ffdhe2048();

test('RFC 7919 ffdhe2048 derived from its formula has the published first and last words', () => {
  const hex = FFDHE2048.toString(16).toUpperCase();
  assert.is(hex.slice(0, 32), 'FFFFFFFFFFFFFFFFADF85458A2BB4A9A');
  assert.is(hex.slice(-32), '886B423861285C97FFFFFFFFFFFFFFFF');
});

test('safe-prime groups (RFC 3526 group 14, RFC 7919 ffdhe2048, Telegram dh_prime): Fermat and subgroup order, every engine', () => {
  for (const [p, g] of [
    [MODP14, 2n],
    [FFDHE2048, 2n],
    [TELEGRAM_DH_PRIME, 3n],
  ] as const) {
    const q = (p - 1n) >> 1n;
    for (const engine of ENGINES) {
      assert.is(modExp(2n, p - 1n, p, { engine, secret: false }), 1n, `2^(p-1) mod p, ${engine}`);
      // g is a quadratic residue in these groups: it generates the subgroup of prime order q.
      assert.is(modExp(g, q, p, { engine }), 1n, `g^q mod p, ${engine}`);
      assert.is(modExp(p - 1n, q, p, { engine }), p - 1n, `(-1)^q = -1 for odd q, ${engine}`);
    }
  }
});

test('RFC 3526 group 14: modExp(2, x) equals node:crypto DH public keys and shared secrets for fixed private keys', () => {
  const rand = seeded(3526);
  const dh = createDiffieHellman(bigIntToBytes(MODP14, 256), 2);
  for (let i = 0; i < 3; i++) {
    const x = rand(2048) | 1n;
    const y = rand(2048) | 1n;
    dh.setPrivateKey(Buffer.from(bigIntToBytes(x, 256)));
    dh.generateKeys();
    const gx = bytesToBigInt(dh.getPublicKey());
    const gy = refModPow(2n, y, MODP14);
    const shared = bytesToBigInt(dh.computeSecret(Buffer.from(bigIntToBytes(gy, 256))));
    for (const engine of ENGINES) {
      assert.is(modExp(2n, x, MODP14, { engine }), gx, `g^x, ${engine}`);
      assert.is(modExp(gy, x, MODP14, { engine }), shared, `(g^y)^x, ${engine}`);
      assert.is(modExp(gx, y, MODP14, { engine }), shared, `(g^x)^y, ${engine}`);
    }
  }
});

test('randomized cross-check against BigInt modPow (seeded, 300 cases, moduli of 2..2100 bits, both exponent modes)', () => {
  const rand = seeded(15);
  for (let i = 0; i < 300; i++) {
    const modBits = i < 40 ? 2 + i : 2 + Number(rand(12) % 2100n);
    const mod = rand(modBits) | 1n | (1n << BigInt(modBits - 1));
    const base = rand(modBits + Number(rand(4)));
    const exp = rand(1 + Number(rand(12) % (i % 8 === 0 ? 2100n : 200n)));
    const expected = modPow(base, exp, mod);
    const secret = i % 2 === 0;
    assert.is(modExp(base, exp, mod, { engine: 'wasm', secret }), expected, `wasm #${i} (${modBits} bits, secret ${secret})`);
    if (i % 10 === 0) assert.is(modExp(base, exp, mod, { secret }), expected, `auto #${i}`);
  }
});

test('edge cases: exponent 0 and 1, base 0, 1, p−1, ≥ p and negative, modulus 1 and 3', () => {
  const p = TELEGRAM_DH_PRIME;
  for (const engine of ['wasm', 'auto', 'bigint'] as const) {
    assert.is(modExp(5n, 0n, p, { engine }), 1n);
    assert.is(modExp(0n, 0n, p, { engine }), 1n);
    assert.is(modExp(12345n, 1n, p, { engine }), 12345n);
    assert.is(modExp(0n, 7n, p, { engine }), 0n);
    assert.is(modExp(1n, p - 2n, p, { engine }), 1n);
    assert.is(modExp(p - 1n, 2n, p, { engine }), 1n);
    assert.is(modExp(p + 2n, 10n, p, { engine }), 1024n, 'base ≥ p is reduced');
    assert.is(modExp(3n * p, 10n, p, { engine }), 0n);
    assert.is(modExp(-2n, 3n, p, { engine }), p - 8n, 'negative base is taken mod p');
    assert.is(modExp(123n, 456n, 1n, { engine }), 0n);
    assert.is(modExp(2n, 5n, 3n, { engine }), 2n);
    assert.is(modExp(p - 1n, (1n << 3000n) + 1n, p, { engine }), p - 1n, 'exponent longer than the modulus');
  }
});

test('secret exponents padded with leading zero bytes give the same result (the WASM path pads to the modulus length)', () => {
  const rand = seeded(77);
  const p = TELEGRAM_DH_PRIME;
  for (const bits of [1, 8, 64, 1000, 2047, 2048]) {
    const e = rand(bits) | 1n;
    assert.is(modExp(3n, e, p, { engine: 'wasm', secret: true }), modExp(3n, e, p, { engine: 'wasm', secret: false }));
    assert.is(modExp(3n, e, p, { engine: 'wasm' }), modPow(3n, e, p));
  }
});

test('Montgomery needs an odd modulus: even, zero and negative moduli and negative exponents are a CryptoError', () => {
  for (const [b, e, m] of [
    [2n, 3n, TELEGRAM_DH_PRIME + 1n],
    [2n, 3n, 2n],
    [2n, 3n, 0n],
    [2n, 3n, -7n],
    [2n, -1n, 7n],
  ] as const) {
    assert.throws(
      () => modExp(b, e, m),
      (err: unknown) => err instanceof CryptoError,
    );
  }
});

test('4096-bit modulus on WASM; past 4096 bits the forced WASM engine refuses and auto falls back', () => {
  const rand = seeded(4096);
  const m4096 = rand(4096) | 1n | (1n << 4095n);
  const b = rand(4000);
  const e = rand(4096);
  assert.is(modExp(b, e, m4096, { engine: 'wasm' }), refModPow(b, e, m4096));
  const m4097 = m4096 | (1n << 4096n);
  assert.throws(
    () => modExp(b, 65537n, m4097, { engine: 'wasm' }),
    (err: unknown) => err instanceof CryptoError,
  );
  assert.is(modExp(b, 65537n, m4097), refModPow(b, 65537n, m4097));
});

test('RSA 2048: modExp(m, e, n) equals node:crypto publicEncrypt (RSA_NO_PADDING) and d inverts it, every engine', () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  const num = (s: string | undefined): bigint => bytesToBigInt(new Uint8Array(Buffer.from(s!, 'base64url')));
  const n = num(jwk.n);
  const e = num(jwk.e);
  const d = num(jwk.d);
  assert.is(bitLength(n), 2048);
  const rand = seeded(2048);
  for (let i = 0; i < 3; i++) {
    const m = rand(2040);
    const c = bytesToBigInt(publicEncrypt({ key: privateKey, padding: nodeConstants.RSA_NO_PADDING }, bigIntToBytes(m, 256)));
    for (const engine of ENGINES) {
      assert.is(modExp(m, e, n, { engine, secret: false }), c, `encrypt, ${engine}`);
      assert.is(modExp(c, d, n, { engine }), m, `decrypt, ${engine}`);
    }
  }
});

test('modExpPair equals two modExp calls (DH g^b and g_a^b), also where the OpenSSL pair route cannot take base2', () => {
  const rand = seeded(0x9a1);
  const p = TELEGRAM_DH_PRIME;
  for (const engine of ['auto', 'wasm', 'openssl', 'bigint'] as const) {
    for (const base2 of [rand(2040), 1n, 0n, p - 1n, p + 5n]) {
      const b = rand(2048);
      assert.equal(
        modExpPair(3n, base2, b, p, { engine }),
        [modPow(3n, b, p), modPow(base2, b, p)],
        `${engine}, base2 ${base2 < 10n ? base2 : '…'}`,
      );
    }
  }
  assert.equal(modExpPair(2n, 3n, 0n, p), [1n, 1n]);
  assert.throws(
    () => modExpPair(2n, 3n, 5n, p + 1n),
    (err: unknown) => err instanceof CryptoError,
  );
});

test('prepareModExp resolves and leaves results unchanged', async () => {
  await prepareModExp();
  assert.is(modExp(3n, 1000n, TELEGRAM_DH_PRIME, { engine: 'wasm' }), modPow(3n, 1000n, TELEGRAM_DH_PRIME));
});

test.run();
