/**
 * PQ factorization (auth key exchange, step 2: "pq is the product of two
 * different odd primes", https://core.telegram.org/mtproto/auth_key) through
 * `factorizePQ` of both WASM builds: the samples-auth_key value, 10 000 random
 * semiprimes of 31–32-bit primes (found with a BigInt Miller–Rabin written
 * here), and rejection of inputs that are not such a product.
 *
 * The semiprimes alternate between the SIMD and the plain build (5 000 each) to
 * keep the file near 15 s; set WASMGRAM_PQ_FULL=1 to factor all of them on both.
 * WASMGRAM_SLOW_TESTS=1 adds 48..64-bit primes (each takes 10–20 s to reject today).
 * Also here: the raw `isPrime` export, and that factorization never writes into
 * the memory the JS side owns (key slots, I/O region).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { NodeCryptoProvider } from '../../ts/crypto/node-provider.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { WasmCryptoProvider } from '../../ts/crypto/wasm-provider.js';
import { CryptoError } from '../../ts/errors.js';
import type { CryptoModule } from '../../ts/wasm/crypto-module.js';
import {
  BUILD_NAMES,
  type BuildName,
  ENGINE_NAMES,
  type EngineName,
  Mismatches,
  Prng,
  freshModule,
  refCtr,
  same,
  throwsKind,
} from './_vectors.js';

// Factorization runs on private module instances (not the ones every other test
// file shares), so whatever it does to a module's memory stays in this file.
const moduleOf = new Map<BuildName, CryptoModule>();
const providerOf = new Map<EngineName, CryptoProvider>();
test.before(() => {
  for (const b of BUILD_NAMES) moduleOf.set(b, freshModule(b));
  providerOf.set('wasm-simd', new WasmCryptoProvider(moduleOf.get('simd')!));
  providerOf.set('wasm', new WasmCryptoProvider(moduleOf.get('plain')!));
  providerOf.set('node', new NodeCryptoProvider(new WasmCryptoProvider(moduleOf.get('simd')!), {}));
});
const engines = { get: (name: EngineName) => providerOf.get(name)! };
const builds = { get: (name: BuildName) => moduleOf.get(name)! };
const wasmEngines = ['wasm-simd', 'wasm'] as const;
const buildOf = (name: 'wasm-simd' | 'wasm'): BuildName => (name === 'wasm' ? 'plain' : 'simd');

// ---- primes, written here: trial division, then Miller–Rabin ----

const SMALL_PRIMES: number[] = [];
for (let n = 2; n < 200; n++) if (SMALL_PRIMES.every((p) => n % p !== 0)) SMALL_PRIMES.push(n);

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  base %= mod;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
    exp >>= 1n;
  }
  return result;
}

/**
 * Deterministic for n < 3.3·10^24 with the first 13 prime bases (Sorenson and
 * Webster), which covers every n < 2^64 used here.
 */
function isPrime(n: bigint): boolean {
  if (n < 2n) return false;
  for (const p of SMALL_PRIMES) {
    if (n === BigInt(p)) return true;
    if (n % BigInt(p) === 0n) return false;
  }
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  next: for (const a of [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n]) {
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    for (let i = 1; i < s; i++) {
      x = (x * x) % n;
      if (x === n - 1n) continue next;
    }
    return false;
  }
  return true;
}

/** A random prime in [2^30, 2^32) (31 or 32 bits). */
function randomPrime(prng: Prng): bigint {
  for (;;) {
    const c = (prng.u32() | 0x40000001) >>> 0;
    if (SMALL_PRIMES.some((p) => c % p === 0)) continue;
    const n = BigInt(c);
    if (isPrime(n)) return n;
  }
}

/** The largest prime below 2^bits. */
function primeBelow(bits: number): bigint {
  let n = (1n << BigInt(bits)) - 1n;
  while (!isPrime(n)) n -= 2n;
  return n;
}

test('the Miller–Rabin helper agrees with known primes and composites (so the generated semiprimes are real)', () => {
  for (const p of [2n, 3n, 1021n, 65537n, 2147483647n, 4294967291n, 0x494c553bn, 0x53911073n, (1n << 61n) - 1n]) {
    assert.ok(isPrime(p), `${p} is prime`);
  }
  // Carmichael numbers and strong pseudoprimes to small bases, and the sample pq.
  for (const c of [1n, 561n, 1105n, 3215031751n, 2152302898747n, 3474749660383n, 0x17ed48941a08f981n, 4294967297n]) {
    assert.not.ok(isPrime(c), `${c} is composite`);
  }
});

for (const name of ENGINE_NAMES) {
  test(`${name}: samples-auth_key pq 0x17ED48941A08F981 → 0x494C553B, 0x53911073`, () => {
    const [p, q] = engines.get(name).factorizePQ(0x17ed48941a08f981n);
    assert.is(p, 0x494c553bn);
    assert.is(q, 0x53911073n);
  });
}

test('10 000 semiprimes of random 31–32-bit primes factor into [p, q] with p < q (both builds)', () => {
  const prng = new Prng(0x9e3779b9);
  const full = process.env.WASMGRAM_PQ_FULL === '1';
  const providers: CryptoProvider[] = wasmEngines.map((n) => engines.get(n));
  const bad = new Mismatches();
  for (let i = 0; i < 10_000; i++) {
    const a = randomPrime(prng);
    let b = randomPrime(prng);
    while (b === a) b = randomPrime(prng);
    const [p, q] = a < b ? [a, b] : [b, a];
    const pq = p * q;
    const on = full ? providers : [providers[i % 2]!];
    for (const provider of on) {
      try {
        const got = provider.factorizePQ(pq);
        if (got.length !== 2 || got[0] !== p || got[1] !== q) bad.add(`#${i} ${provider.engine} pq ${pq}: got [${got}], want [${p}, ${q}]`);
      } catch (e) {
        bad.add(`#${i} ${provider.engine} pq ${pq}: threw ${(e as Error).name}: ${(e as Error).message}`);
      }
    }
  }
  assert.ok(bad.count === 0, `seed 0x9e3779b9: ${bad.summary()}`);
});

for (const name of wasmEngines) {
  const engine = () => engines.get(name);

  test(`${name}: semiprimes at the edges: largest 32-bit primes (pq near 2^64), small factors, factors around the trial-division bound`, () => {
    const provider = engine();
    const p32 = primeBelow(32);
    let p32b = p32 - 2n;
    while (!isPrime(p32b)) p32b -= 2n;
    const cases: [bigint, bigint][] = [
      [p32b, p32],
      [2147483647n, p32],
      [3n, p32],
      [2n, p32],
      [5n, 7n],
      [1019n, 1021n],
      [1021n, 1031n],
      [1031n, 1033n],
      [65521n, 65537n],
      [0x494c553bn, 0x53911073n],
    ];
    for (const [p, q] of cases) {
      assert.equal(provider.factorizePQ(p * q), [p, q], `${p} · ${q}`);
      assert.ok(p * q < 1n << 64n);
    }
  });

  test(`${name}: inputs outside [4, 2^64), non-bigints and primes throw CryptoError`, () => {
    const provider = engine();
    const bad = new Mismatches();
    const inputs: unknown[] = [
      0n,
      1n,
      2n,
      3n,
      -1n,
      -15n,
      -(1n << 63n),
      1n << 64n,
      (1n << 64n) + 1n,
      1n << 70n,
      15,
      15.5,
      Number.NaN,
      '15',
      '0x17ED48941A08F981',
      null,
      undefined,
      {},
      [15n],
      5n,
      1021n,
      1031n,
      65537n,
      2147483647n,
      primeBelow(32),
      primeBelow(36),
    ];
    for (const input of inputs) {
      const r = throwsKind(() => provider.factorizePQ(input as bigint), CryptoError);
      if (r) bad.add(`${typeof input} ${String(input)}: ${r}`);
    }
    assert.ok(bad.count === 0, bad.summary());
  });

  // provider.ts: "Factorizes ... into primes [p, q] with p < q ... Throws
  // CryptoError when pq is not a product of two primes that fits the rules."
  test(`${name}: products that are not of two different primes (squares, three primes) throw CryptoError`, () => {
    const provider = engine();
    const bad = new Mismatches();
    const p32 = primeBelow(32);
    const inputs = [
      4n,
      9n,
      1009n * 1009n,
      65537n * 65537n,
      p32 * p32,
      3n * 5n * 7n,
      3n * 2147483647n * 1073741789n,
      65537n * 65539n * 65543n,
    ];
    for (const input of inputs) {
      try {
        const got = provider.factorizePQ(input);
        bad.add(`${input} returned [${got}]`);
      } catch (e) {
        if (!(e instanceof CryptoError)) bad.add(`${input}: threw ${(e as Error).name}`);
      }
    }
    assert.ok(bad.count === 0, bad.summary());
  });
}

// ---- the raw isPrime export (deterministic 64-bit Miller–Rabin) used by factorizePQ ----

for (const build of BUILD_NAMES) {
  test(`${build} build: raw isPrime agrees with the test's Miller–Rabin (all n < 50 000, pseudoprimes, random 64-bit n)`, () => {
    const isPrimeWasm = (n: bigint) => builds.get(build).exports.isPrime(n) === 1;
    const bad = new Mismatches();
    // Every n below 50 000 against a sieve.
    const LIMIT = 50_000;
    const composite = new Uint8Array(LIMIT);
    composite[0] = composite[1] = 1;
    for (let i = 2; i * i < LIMIT; i++) if (!composite[i]) for (let j = i * i; j < LIMIT; j += i) composite[j] = 1;
    for (let n = 0; n < LIMIT; n++) {
      if (isPrimeWasm(BigInt(n)) !== !composite[n]) bad.add(`n = ${n}`);
    }
    // Strong pseudoprimes to small bases, Carmichael numbers, squares and products of large primes, edges of u64.
    const p32 = primeBelow(32);
    const special = [
      2047n,
      3277n,
      4033n,
      4681n,
      8321n,
      561n,
      41041n,
      825265n,
      3215031751n,
      2152302898747n,
      3474749660383n,
      341550071728321n,
      3825123056546413051n,
      p32 * p32,
      p32 * (p32 - 4n),
      4294967297n,
      (1n << 61n) - 1n,
      (1n << 64n) - 59n,
      (1n << 64n) - 1n,
      (1n << 63n) + 1n,
      primeBelow(63),
      primeBelow(64),
      0x17ed48941a08f981n,
    ];
    for (const n of special) {
      if (isPrimeWasm(n) !== isPrime(n)) bad.add(`n = ${n}: wasm says ${isPrimeWasm(n)}`);
    }
    // Random odd 64-bit numbers, and random primes times random primes.
    const prng = new Prng(64);
    for (let i = 0; i < 3000; i++) {
      const n = (BigInt(prng.u32()) << 32n) | BigInt(prng.u32()) | 1n;
      if (isPrimeWasm(n) !== isPrime(n)) bad.add(`n = ${n}: wasm says ${isPrimeWasm(n)}`);
    }
    for (let i = 0; i < 300; i++) {
      const a = randomPrime(prng);
      const b = randomPrime(prng);
      if (!isPrimeWasm(a) || isPrimeWasm(a * b)) bad.add(`${a} · ${b}`);
    }
    assert.ok(bad.count === 0, bad.summary());
  });
}

// ---- factorization must not touch memory the JS side owns (key slots, I/O region) ----
// Each test below uses a brand-new instance, so it starts from the module's initial state.

for (const name of wasmEngines) {
  test(`${name}: factorizePQ writes nothing into the memory the JS side owns (from heapBase() up)`, () => {
    const module = freshModule(buildOf(name));
    const provider = new WasmCryptoProvider(module);
    const base = module.exports.heapBase();
    module.io(1 << 16); // some I/O region too
    const before = new Uint8Array(module.exports.memory.buffer).slice(base);
    new Prng(5).fill(before); // recognisable content everywhere from heapBase up
    new Uint8Array(module.exports.memory.buffer).set(before, base);
    provider.factorizePQ(0x17ed48941a08f981n);
    const after = new Uint8Array(module.exports.memory.buffer);
    assert.is(after.length, base + before.length, 'memory size unchanged');
    let first = -1;
    for (let i = 0; i < before.length && first < 0; i++) if (after[base + i] !== before[i]) first = i;
    assert.is(first, -1, `factorizePQ wrote at heapBase + ${first}`);
  });

  test(`${name}: factorizePQ leaves live auth keys and CTR streams intact`, () => {
    const module = freshModule(buildOf(name));
    const provider = new WasmCryptoProvider(module);
    const prng = new Prng(0x51a7);
    const bad = new Mismatches();
    const keys = Array.from({ length: 3 }, () => prng.bytes(256));
    const handles = keys.map((k) => provider.loadAuthKey(k));
    const ctrKey = prng.bytes(32);
    const ctrIv = prng.bytes(16);
    const ctr = provider.createCtr(ctrKey, ctrIv);
    const stream = new Uint8Array(64);
    const want = refCtr(ctrKey, ctrIv, stream);
    bad.check(ctr.process(stream.subarray(0, 32)), want.subarray(0, 32), 'CTR before');
    for (let i = 0; i < 20; i++) provider.factorizePQ(0x17ed48941a08f981n);
    for (const [i, h] of handles.entries()) bad.check(h.exportKey(), keys[i]!, `auth key ${i} after factorizePQ`);
    try {
      bad.check(ctr.process(stream.subarray(32)), want.subarray(32), 'CTR stream after factorizePQ');
    } catch (e) {
      bad.add(`CTR stream after factorizePQ threw ${(e as Error).name}: ${(e as Error).message}`);
    }
    assert.ok(bad.count === 0, bad.summary());
  });

  test(`${name}: key slots can still be allocated after many factorizations`, () => {
    const module = freshModule(buildOf(name));
    const provider = new WasmCryptoProvider(module);
    // Enough calls that any per-call allocation would outgrow the initial memory.
    const calls = Math.ceil(module.exports.memory.buffer.byteLength / 128) + 100;
    for (let i = 0; i < calls; i++) provider.factorizePQ(1009n * 1013n);
    const key = new Prng(1).bytes(256);
    let error = '';
    try {
      const h = provider.loadAuthKey(key);
      if (!same(h.exportKey(), key)) error = 'exported key differs';
      h.dispose();
    } catch (e) {
      error = `${(e as Error).name}: ${(e as Error).message}`;
    }
    assert.is(error, '', `loadAuthKey after ${calls} factorizations`);
  });
}

if (process.env.WASMGRAM_SLOW_TESTS === '1') {
  for (const name of wasmEngines) {
    test(`${name}: 48..64-bit primes throw CryptoError (slow: the rho step budget runs out on each)`, () => {
      const provider = engines.get(name);
      for (const bits of [48, 61, 64]) {
        const p = primeBelow(bits);
        assert.is(
          throwsKind(() => provider.factorizePQ(p), CryptoError),
          '',
          `prime ${p}`,
        );
      }
    });
  }
}

test.run();
