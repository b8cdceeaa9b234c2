import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkPrimeSync, generateKeyPairSync, generatePrimeSync, getDiffieHellman, randomFillSync } from 'node:crypto';
import { TWO_POW_1984, TWO_POW_2047, TWO_POW_2048, bigIntToBytes, bytesToBigInt } from '../../ts/crypto/bigint.js';
import { bytesToHex } from '../../ts/crypto/bytes.js';
import {
  TELEGRAM_DH_PRIME,
  TELEGRAM_DH_PRIME_BYTES,
  checkDhPrime,
  checkDhValue,
  clearDhPrimeCache,
  computeDhClient,
  isKnownDhPrime,
} from '../../ts/crypto/dh.js';
import { hasSmallFactor, isProbablePrime } from '../../ts/crypto/prime.js';
import type { RandomSource } from '../../ts/crypto/provider.js';
import { CryptoError, SecurityError } from '../../ts/errors.js';
import { SAMPLE } from './_auth-key-sample.js';
import { replayRandom } from './_support.js';

const isSecurity = (check: string) => (e: unknown) => e instanceof SecurityError && e.check === check;
const checkName = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (e instanceof SecurityError) return e.check;
    throw e;
  }
};
const nodeRandom: RandomSource = (out) => void randomFillSync(out);
const throwingRandom: RandomSource = () => {
  throw new Error('random source must not be used here');
};

/** dh_prime and g_a as carried inside the sample's server_DH_inner_data. */
const answer = SAMPLE.answerWithHash.subarray(20, 20 + SAMPLE.answerLength);
const sampleDhPrime = answer.subarray(44, 300);
const sampleGA = answer.subarray(304, 560);

/** RFC 3526 group 14 prime (a safe prime, ≡ 23 mod 24), from node:crypto. */
const MODP14 = bytesToBigInt(new Uint8Array(getDiffieHellman('modp14').getPrime()));

/**
 * A 2048-bit prime whose (p-1)/2 is composite yet has no factor below 2000
 * (found offline as p ≡ 1 mod 2r for a 1000-bit prime r), so only
 * Miller–Rabin can reject it. p ≡ 7 (mod 8): g = 2 passes the residue rule.
 */
const PRIME_WITH_COMPOSITE_HALF = BigInt(
  '0xd9c3d5c7d0ef11a59fc47c8bb712483523667e1104d9b37046646157fbcad640e5537fe2c6af7beba3ae255bc9e3ad2111ba62371e7151616b510bdc2f480c2d' +
    '39540aff964153c6db8b98f4af4de15a77f83795a3c4c4a51f44ef20fdc28da667d38012a6fe969407069e21ab1c7ee08df02c925220e262319f9f97871d0a6f' +
    'd39c8c5793bcfc41a99f916c3e4a02e7b65b6562f1481ce1e0c7295a8d07694eb4f6a3d9e62d0a01bdd918e5bb3c32ae12b2f3d6f739bfb35866cd655b11cc90' +
    'cb72c0c8ec29ddd5229db61425ba0de30596ef6592c524716e740bb0b1f80b10d0c653fa09536207961fcd7e795bf231a38cc5f878dcd14e1d11d65e60fbfc3f',
);

// ---------------------------------------------------------------- primality

test('Miller–Rabin: small primes, composites and Carmichael numbers', () => {
  const opts = { random: nodeRandom, rounds: 20 };
  for (const p of [2n, 3n, 5n, 7919n, 1000003n, 2147483647n, (1n << 127n) - 1n]) assert.ok(isProbablePrime(p, opts), `${p}`);
  for (const c of [0n, 1n, 4n, 9n, 561n, 1105n, 41041n, 825265n, 2147483649n, ((1n << 61n) - 1n) * ((1n << 89n) - 1n)]) {
    assert.not.ok(isProbablePrime(c, opts), `${c}`);
  }
  // strong pseudoprime to bases 2, 3, 5, 7, 11, 13, 17, 19, 23: only random bases catch it
  assert.not.ok(isProbablePrime(3825123056546413051n, opts));
  assert.throws(
    () => isProbablePrime(7n, { rounds: 0 }),
    (e: unknown) => e instanceof CryptoError,
  );
});

test('Miller–Rabin: an RSA modulus is composite, the 2048-bit safe primes are prime (agrees with node:crypto)', () => {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const n = bytesToBigInt(Buffer.from(publicKey.export({ format: 'jwk' }).n!, 'base64url'));
  assert.not.ok(hasSmallFactor(n));
  assert.not.ok(isProbablePrime(n, { random: nodeRandom, rounds: 2 }));
  assert.ok(isProbablePrime(TELEGRAM_DH_PRIME, { random: nodeRandom, rounds: 3 }));
  assert.ok(checkPrimeSync(bigIntToBytes(TELEGRAM_DH_PRIME)));
  assert.ok(checkPrimeSync(bigIntToBytes((TELEGRAM_DH_PRIME - 1n) / 2n)));
});

// ---------------------------------------------------------------- dh_prime / g

test('Telegram dh_prime constant equals the one in the sample exchange and passes with g = 3', () => {
  assert.is(bytesToHex(TELEGRAM_DH_PRIME_BYTES), bytesToHex(sampleDhPrime));
  checkDhPrime(sampleDhPrime, SAMPLE.g, { random: throwingRandom }); // known prime: no Miller–Rabin
  checkDhPrime(TELEGRAM_DH_PRIME, 4, { random: throwingRandom });
});

test("uncached safe-prime verification accepts Telegram's prime (g=3) and RFC 3526 group 14 (g=2)", () => {
  checkDhPrime(TELEGRAM_DH_PRIME, 3, { noCache: true, rounds: 4, random: nodeRandom });
  checkDhPrime(MODP14, 2, { noCache: true, rounds: 4, random: nodeRandom });
  assert.not.ok(isKnownDhPrime(MODP14), 'noCache must not add to the cache');
});

test('checked primes are cached; clearDhPrimeCache forgets them', () => {
  clearDhPrimeCache();
  assert.throws(() => checkDhPrime(MODP14, 2, { random: throwingRandom }), /must not be used/);
  checkDhPrime(MODP14, 2, { rounds: 4, random: nodeRandom });
  assert.ok(isKnownDhPrime(MODP14));
  checkDhPrime(MODP14, 2, { random: throwingRandom }); // cache hit: no Miller–Rabin
  // the g condition is still evaluated on a cache hit: MODP14 ≡ 23 mod 24, so p mod 5 decides g = 5
  const g5ok = MODP14 % 5n === 1n || MODP14 % 5n === 4n;
  assert.is(
    checkName(() => checkDhPrime(MODP14, 5, { random: throwingRandom })),
    g5ok ? undefined : 'dh_g_subgroup',
  );
  clearDhPrimeCache();
  assert.not.ok(isKnownDhPrime(MODP14));
  assert.ok(isKnownDhPrime(TELEGRAM_DH_PRIME));
});

test('rule dh_g: g must be one of 2..7', () => {
  for (const g of [0, 1, 8, 256, -3, 2.5, Number.NaN]) {
    assert.throws(() => checkDhPrime(TELEGRAM_DH_PRIME, g), isSecurity('dh_g'), `g=${g}`);
  }
});

test('rule dh_prime_size: 2^2047 < p < 2^2048', () => {
  for (const p of [TWO_POW_2047, TWO_POW_2047 - 1n, TWO_POW_2048 + 7n, TWO_POW_2048 - 1n + 2n, 23n, 0n]) {
    assert.throws(() => checkDhPrime(p, 4), isSecurity('dh_prime_size'));
  }
  const longer = new Uint8Array(257);
  longer[0] = 1;
  assert.throws(() => checkDhPrime(longer, 4), isSecurity('dh_prime_size'));
  assert.throws(() => checkDhPrime(TELEGRAM_DH_PRIME_BYTES.subarray(1), 4), isSecurity('dh_prime_size'));
});

/** The spec's table, written out independently: is g a quadratic residue mod p? */
function specResidue(p: bigint, g: number): boolean {
  if (g === 2) return p % 8n === 7n;
  if (g === 3) return p % 3n === 2n;
  if (g === 4) return true;
  if (g === 5) return [1n, 4n].includes(p % 5n);
  if (g === 6) return [19n, 23n].includes(p % 24n);
  return [3n, 5n, 6n].includes(p % 7n);
}

test('rule dh_g_subgroup: the p mod 4g table, for every g and every residue class mod 840', () => {
  // p = 2^2047 + x with p ≡ r (mod 840) and p ≡ 0 (mod 11): passes the size rule,
  // and when the residue rule passes it fails fast on trial division (dh_prime_prime).
  const base = TWO_POW_2047;
  let rejected = 0;
  for (let r = 0n; r < 840n; r++) {
    let p = base + ((r - (base % 840n) + 840n) % 840n);
    while (p % 11n !== 0n) p += 840n;
    for (let g = 2; g <= 7; g++) {
      const got = checkName(() => checkDhPrime(p, g, { noCache: true, random: throwingRandom }));
      if (specResidue(p, g)) {
        assert.is.not(got, 'dh_g_subgroup', `g=${g} r=${r}`);
      } else {
        assert.is(got, 'dh_g_subgroup', `g=${g} r=${r}`);
        rejected++;
      }
    }
  }
  assert.ok(rejected > 1000); // the table rejects a real share of classes
  // Telegram's prime with g = 2 (p mod 8 = 3 for it) is refused
  assert.is(TELEGRAM_DH_PRIME % 8n, 3n);
  assert.throws(() => checkDhPrime(TELEGRAM_DH_PRIME, 2), isSecurity('dh_g_subgroup'));
});

test('rule dh_prime_prime: a composite p is rejected (small factor and Fermat paths)', () => {
  // small factor: the first odd p above Telegram's prime divisible by 5
  let p = TELEGRAM_DH_PRIME + 2n;
  while (p % 5n !== 0n) p += 2n;
  assert.throws(() => checkDhPrime(p, 4, { noCache: true, random: throwingRandom }), isSecurity('dh_prime_prime'));
  // no small factor: a 2048-bit RSA modulus, caught by the Fermat test
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const n = bytesToBigInt(Buffer.from(publicKey.export({ format: 'jwk' }).n!, 'base64url'));
  assert.ok(n > TWO_POW_2047 && !hasSmallFactor(n));
  assert.throws(() => checkDhPrime(n, 4, { noCache: true, random: nodeRandom }), isSecurity('dh_prime_prime'));
});

test('rule dh_prime_safe: p prime but (p-1)/2 composite is rejected', () => {
  const p = PRIME_WITH_COMPOSITE_HALF;
  const q = (p - 1n) / 2n;
  // independent facts from node:crypto
  assert.ok(checkPrimeSync(bigIntToBytes(p)));
  assert.not.ok(checkPrimeSync(bigIntToBytes(q)));
  assert.not.ok(hasSmallFactor(q), 'only Miller–Rabin can catch this one');
  assert.throws(() => checkDhPrime(p, 2, { noCache: true, rounds: 4, random: nodeRandom }), isSecurity('dh_prime_safe'));
  // small-factor path: a prime p ≡ 1 (mod 4) has an even (p-1)/2
  const p2 = generatePrimeSync(2048, { bigint: true, add: 4n, rem: 1n });
  assert.ok(p2 > TWO_POW_2047);
  assert.throws(() => checkDhPrime(p2, 4, { noCache: true, random: throwingRandom }), isSecurity('dh_prime_safe'));
});

// ---------------------------------------------------------------- g_a / g_b

test('rule g_a_range: 1 < g_a < dh_prime - 1', () => {
  const p = TELEGRAM_DH_PRIME;
  for (const x of [0n, 1n, p - 1n, p, p + 5n]) assert.throws(() => checkDhValue(x, p, 'g_a'), isSecurity('g_a_range'), `${x}`);
});

test('rule g_a_safe_range: 2^1984 <= g_a <= dh_prime - 2^1984', () => {
  const p = TELEGRAM_DH_PRIME;
  for (const x of [2n, TWO_POW_1984 - 1n, p - TWO_POW_1984 + 1n, p - 2n]) {
    assert.throws(() => checkDhValue(x, p, 'g_a'), isSecurity('g_a_safe_range'), `${x}`);
  }
  checkDhValue(TWO_POW_1984, p, 'g_a');
  checkDhValue(p - TWO_POW_1984, p, 'g_a');
  checkDhValue(sampleGA, sampleDhPrime, 'g_a');
  checkDhValue(SAMPLE.gB, sampleDhPrime, 'g_b');
  assert.throws(() => checkDhValue(3n, p, 'g_b'), isSecurity('g_b_safe_range'));
});

// ---------------------------------------------------------------- the client step

test('computeDhClient reproduces the sample g_b and auth_key from its b', () => {
  const r = computeDhClient({ g: SAMPLE.g, dhPrime: sampleDhPrime, gA: sampleGA }, { random: replayRandom(SAMPLE.b) });
  assert.is(bytesToHex(r.gB), bytesToHex(SAMPLE.gB));
  assert.is(bytesToHex(r.authKey), bytesToHex(SAMPLE.authKey));
  assert.is(r.b, bytesToBigInt(SAMPLE.b));
  assert.is(r.gB.length, 256);
  assert.is(r.authKey.length, 256);
});

test('computeDhClient output agrees with node:crypto DH on RFC 3526 group 14', () => {
  const server = getDiffieHellman('modp14');
  server.generateKeys();
  const gA = new Uint8Array(server.getPublicKey());
  const r = computeDhClient({ g: 2, dhPrime: MODP14, gA }, { random: nodeRandom, rounds: 3 });
  const serverSecret = new Uint8Array(server.computeSecret(Buffer.from(r.gB)));
  assert.is(bytesToHex(r.authKey), bytesToHex(bigIntToBytes(bytesToBigInt(serverSecret), 256)));
});

test('computeDhClient checks dh_prime, g and g_a before using them', () => {
  const ok = { g: SAMPLE.g, dhPrime: sampleDhPrime, gA: sampleGA };
  const rnd = { random: replayRandom(SAMPLE.b) };
  assert.throws(() => computeDhClient({ ...ok, g: 2 }, rnd), isSecurity('dh_g_subgroup'));
  assert.throws(() => computeDhClient({ ...ok, g: 9 }, rnd), isSecurity('dh_g'));
  assert.throws(() => computeDhClient({ ...ok, gA: 1n }, rnd), isSecurity('g_a_range'));
  assert.throws(() => computeDhClient({ ...ok, gA: TELEGRAM_DH_PRIME - 1n }, rnd), isSecurity('g_a_range'));
  assert.throws(() => computeDhClient({ ...ok, gA: 1n << 1900n }, rnd), isSecurity('g_a_safe_range'));
  assert.throws(() => computeDhClient({ ...ok, dhPrime: TWO_POW_2047 }, rnd), isSecurity('dh_prime_size'));
});

test('computeDhClient draws a new b when g_b fails its range check', () => {
  const tinyB = bigIntToBytes(1n, 256); // g_b = g = 3: outside the safe range
  const r = computeDhClient({ g: SAMPLE.g, dhPrime: sampleDhPrime, gA: sampleGA }, { random: replayRandom(tinyB, SAMPLE.b) });
  assert.is(bytesToHex(r.gB), bytesToHex(SAMPLE.gB));
  assert.throws(
    () => computeDhClient({ g: SAMPLE.g, dhPrime: sampleDhPrime, gA: sampleGA }, { random: (out) => out.fill(0), maxAttempts: 3 }),
    (e: unknown) => e instanceof CryptoError,
  );
});

test.run();
