/**
 * AES of the WASM core: the FIPS-197 appendix C block vectors through the raw
 * `aesEcb` export, the published AES-IGE vectors (OpenSSL test/igetest.c, from
 * Ben Laurie's IGE write-up) through `igeEncryptAnyKey`/`igeDecryptAnyKey`,
 * NIST SP 800-38A CTR-AES256, and randomized cross-checks of AES-256-IGE and
 * AES-256-CTR against references built here on node:crypto, on every engine.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CryptoError } from '../../ts/errors.js';
import type { CryptoModule } from '../../ts/wasm/crypto-module.js';
import {
  BUILD_NAMES,
  ENGINE_NAMES,
  Mismatches,
  Prng,
  ascii,
  buildTable,
  concat,
  engineTable,
  hex,
  refCtr,
  refEcb,
  refIge,
  same,
  throwsKind,
  unaligned,
  unhex,
} from './_vectors.js';

const engines = engineTable();
const builds = buildTable();
test.before(async () => {
  await engines.load();
  await builds.load();
});

// ---- raw-export helpers (inputs staged in the module's I/O region) ----

/** aesEcb(key, keyLen, src, dst, len, decrypt) → { rounds, out }. */
function rawEcb(m: CryptoModule, key: Uint8Array, data: Uint8Array, decrypt: boolean): { rounds: number; out: Uint8Array } {
  const p = m.io(32 + 2 * data.length);
  m.u8.set(key, p);
  m.u8.set(data, p + 32);
  const dst = p + 32 + data.length;
  m.u8.fill(0, dst, dst + data.length);
  const rounds = m.exports.aesEcb(p, key.length, p + 32, dst, data.length, decrypt ? 1 : 0);
  return { rounds, out: m.u8.slice(dst, dst + data.length) };
}

/** igeEncryptAnyKey / igeDecryptAnyKey; `inPlace` uses src == dst as OpenSSL's test also does. */
function rawIge(
  m: CryptoModule,
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
  decrypt: boolean,
  inPlace = false,
): { rounds: number; out: Uint8Array } {
  const p = m.io(64 + 2 * data.length);
  m.u8.set(key, p);
  m.u8.set(iv, p + 32);
  const src = p + 64;
  const dst = inPlace ? src : src + data.length;
  m.u8.set(data, src);
  const fn = decrypt ? m.exports.igeDecryptAnyKey : m.exports.igeEncryptAnyKey;
  const rounds = fn(p, key.length, p + 32, src, dst, data.length);
  return { rounds, out: m.u8.slice(dst, dst + data.length) };
}

// ---- FIPS-197 appendix C (example vectors), one block, keys 000102... ----

const FIPS197_PLAIN = unhex('00112233445566778899aabbccddeeff');
const FIPS197 = [
  { name: 'C.1 AES-128', key: unhex('000102030405060708090a0b0c0d0e0f'), rounds: 10, cipher: '69c4e0d86a7b0430d8cdb78070b4c55a' },
  {
    name: 'C.2 AES-192',
    key: unhex('000102030405060708090a0b0c0d0e0f1011121314151617'),
    rounds: 12,
    cipher: 'dda97ca4864cdfe06eaf70a0ec0d7191',
  },
  {
    name: 'C.3 AES-256',
    key: unhex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'),
    rounds: 14,
    cipher: '8ea2b7ca516745bfeafc49904b496089',
  },
];

// ---- AES-IGE vectors of OpenSSL test/igetest.c (ige_test_vectors[0..1], AES-128) ----
//
// OpenSSL's AES_ige_encrypt takes a 32-byte ivec whose first half is the
// running "previous ciphertext block" and second half the "previous plaintext
// block" — the MTProto convention (iv[0..16] = y_0, iv[16..32] = x_0). The test
// below proves it: the node-ECB reference in _vectors.ts, written to the
// MTProto formula, reproduces OpenSSL's bytes, and swapping the halves does not.
const IGE_VECTORS = [
  {
    name: 'igetest.c vector 0 (encrypt)',
    key: unhex('000102030405060708090a0b0c0d0e0f'),
    iv: unhex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'),
    plain: new Uint8Array(32),
    cipher: unhex('1a8519a6557be652e9da8e43da4ef4453cf456b4ca488aa383c79c98b34797cb'),
  },
  {
    // Listed in igetest.c as a decryption: in = the ASCII text, out = 9970…; so
    // the ASCII text is the ciphertext of 9970… under this key and iv.
    name: 'igetest.c vector 1 (decrypt)',
    key: ascii('This is an imple'),
    iv: ascii('mentation of IGE mode for OpenSS'),
    plain: unhex('99706487a1cde613bc6de0b6f24b1c7aa448c8b9c3403e3467a8cad89340f53b'),
    cipher: ascii("L. Let's hope Ben got it right!\n"),
  },
];

// ---- NIST SP 800-38A F.5.5 (CTR-AES256.Encrypt) / F.5.6 (Decrypt) ----
const CTR_KEY = unhex('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
const CTR_IV = unhex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff');
const CTR_PLAIN = unhex(`
  6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51
  30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710`);
const CTR_CIPHER = unhex(`
  601ec313775789a5b7a7f504bbf3d228 f443e3ca4d62b59aca84e990cacaf5c5
  2b0930daa23de94ce87017ba2d84988d dfc9c58db67aada613c2dd08457941a6`);

test('the references in _vectors.ts reproduce the published vectors (so cross-checks against them mean something)', () => {
  for (const v of FIPS197) assert.is(hex(refEcb(v.key, FIPS197_PLAIN, false)), v.cipher, v.name);
  for (const v of IGE_VECTORS) {
    assert.is(hex(refIge(v.key, v.iv, v.plain, false)), hex(v.cipher), `${v.name}: MTProto-convention reference`);
    assert.is(hex(refIge(v.key, v.iv, v.cipher, true)), hex(v.plain), `${v.name}: reference decrypt`);
  }
  assert.is(hex(refCtr(CTR_KEY, CTR_IV, CTR_PLAIN)), hex(CTR_CIPHER), 'F.5.5 via node aes-256-ctr');
});

test('IGE iv convention: OpenSSL ivec = previous ciphertext block ‖ previous plaintext block, as MTProto (swapped halves differ)', () => {
  const v = IGE_VECTORS[1]!;
  const swapped = concat(v.iv.subarray(16), v.iv.subarray(0, 16));
  assert.is.not(hex(refIge(v.key, swapped, v.plain, false)), hex(v.cipher));
});

for (const name of BUILD_NAMES) {
  const mod = () => builds.get(name);

  for (const v of FIPS197) {
    test(`${name} build: FIPS-197 appendix ${v.name} through raw aesEcb, both directions`, () => {
      const m = mod();
      const enc = rawEcb(m, v.key, FIPS197_PLAIN, false);
      assert.is(enc.rounds, v.rounds, 'rounds');
      assert.is(hex(enc.out), v.cipher);
      const dec = rawEcb(m, v.key, unhex(v.cipher), true);
      assert.is(dec.rounds, v.rounds, 'rounds (decrypt)');
      assert.is(hex(dec.out), hex(FIPS197_PLAIN));
      // Several blocks in one call: ECB, so each block independently.
      const three = concat(FIPS197_PLAIN, FIPS197_PLAIN, FIPS197_PLAIN);
      assert.is(hex(rawEcb(m, v.key, three, false).out), v.cipher.repeat(3), 'three blocks');
    });
  }

  test(`${name} build: raw aesEcb with random keys of 16/24/32 bytes matches node:crypto ECB`, () => {
    const m = mod();
    const prng = new Prng(197);
    const bad = new Mismatches();
    for (let round = 0; round < 60; round++) {
      const key = prng.bytes([16, 24, 32][round % 3]!);
      const data = prng.bytes(16 * prng.range(1, 8));
      const enc = rawEcb(m, key, data, false);
      bad.check(enc.out, refEcb(key, data, false), `encrypt key ${key.length}`);
      bad.check(rawEcb(m, key, data, true).out, refEcb(key, data, true), `decrypt key ${key.length}`);
    }
    assert.ok(bad.count === 0, bad.summary());
  });

  test(`${name} build: raw aesEcb / igeEncryptAnyKey / igeDecryptAnyKey return 0 for a bad key length`, () => {
    const m = mod();
    for (const len of [0, 8, 15, 17, 20, 31, 33, 64]) {
      const key = new Uint8Array(Math.max(len, 1)).fill(1);
      const p = m.io(256);
      m.u8.set(key, p);
      assert.is(m.exports.aesEcb(p, len, p + 64, p + 128, 16, 0), 0, `aesEcb encrypt keyLen ${len}`);
      assert.is(m.exports.aesEcb(p, len, p + 64, p + 128, 16, 1), 0, `aesEcb decrypt keyLen ${len}`);
      assert.is(m.exports.igeEncryptAnyKey(p, len, p + 32, p + 64, p + 128, 16), 0, `igeEncryptAnyKey keyLen ${len}`);
      assert.is(m.exports.igeDecryptAnyKey(p, len, p + 32, p + 64, p + 128, 16), 0, `igeDecryptAnyKey keyLen ${len}`);
    }
  });

  for (const v of IGE_VECTORS) {
    test(`${name} build: AES-IGE ${v.name} through igeEncryptAnyKey / igeDecryptAnyKey (separate and in place)`, () => {
      const m = mod();
      for (const inPlace of [false, true]) {
        const enc = rawIge(m, v.key, v.iv, v.plain, false, inPlace);
        assert.is(enc.rounds, 10, 'AES-128 rounds');
        assert.is(hex(enc.out), hex(v.cipher), `encrypt${inPlace ? ' in place' : ''}`);
        const dec = rawIge(m, v.key, v.iv, v.cipher, true, inPlace);
        assert.is(dec.rounds, 10, 'AES-128 rounds (decrypt)');
        assert.is(hex(dec.out), hex(v.plain), `decrypt${inPlace ? ' in place' : ''}`);
      }
    });
  }

  test(`${name} build: raw IGE with AES-128/192/256 keys matches the node-ECB IGE reference`, () => {
    const m = mod();
    const prng = new Prng(24);
    const bad = new Mismatches();
    for (let round = 0; round < 45; round++) {
      const key = prng.bytes([16, 24, 32][round % 3]!);
      const iv = prng.bytes(32);
      const data = prng.bytes(16 * prng.range(0, 20));
      bad.check(rawIge(m, key, iv, data, false).out, refIge(key, iv, data, false), `encrypt key ${key.length} len ${data.length}`);
      bad.check(rawIge(m, key, iv, data, true).out, refIge(key, iv, data, true), `decrypt key ${key.length} len ${data.length}`);
    }
    assert.ok(bad.count === 0, bad.summary());
  });
}

// ---- AES-256-IGE through the providers ----

for (const name of ENGINE_NAMES) {
  const engine = () => engines.get(name);

  test(`${name}: igeEncrypt/igeDecrypt for every multiple of 16 up to 1 KiB match the independent IGE`, () => {
    const provider = engine();
    const prng = new Prng(1600);
    const bad = new Mismatches();
    for (let n = 0; n <= 1024; n += 16) {
      const key = prng.bytes(32);
      const iv = prng.bytes(32);
      const data = prng.bytes(n);
      const enc = provider.igeEncrypt(data, key, iv);
      bad.check(enc, refIge(key, iv, data, false), `encrypt ${n}`);
      bad.check(provider.igeDecrypt(data, key, iv), refIge(key, iv, data, true), `decrypt ${n}`);
      bad.check(provider.igeDecrypt(enc, key, iv), data, `round trip ${n}`);
    }
    assert.ok(bad.count === 0, `seed 1600: ${bad.summary()}`);
  });

  test(`${name}: igeEncrypt/igeDecrypt of large inputs (1040 B, 64 KiB, 1 MiB + 16) match the independent IGE`, () => {
    const provider = engine();
    const prng = new Prng(65536);
    for (const n of [1040, 65536, (1 << 20) + 16]) {
      const key = prng.bytes(32);
      const iv = prng.bytes(32);
      const data = prng.bytes(n);
      const enc = provider.igeEncrypt(data, key, iv);
      assert.ok(same(enc, refIge(key, iv, data, false)), `encrypt ${n}`);
      assert.ok(same(provider.igeDecrypt(data, key, iv), refIge(key, iv, data, true)), `decrypt ${n}`);
      assert.ok(same(provider.igeDecrypt(enc, key, iv), data), `round trip ${n}`);
    }
  });

  test(`${name}: IGE with data, key and iv at unaligned offsets 1..7`, () => {
    const provider = engine();
    const prng = new Prng(17);
    const bad = new Mismatches();
    for (let off = 1; off <= 7; off++) {
      for (const n of [16, 48, 1024, 2048]) {
        const key = prng.bytes(32);
        const iv = prng.bytes(32);
        const data = prng.bytes(n);
        const [vd, vk, vi] = [unaligned(data, off), unaligned(key, 8 - off), unaligned(iv, off)];
        bad.check(provider.igeEncrypt(vd, vk, vi), refIge(key, iv, data, false), `encrypt off ${off} len ${n}`);
        bad.check(provider.igeDecrypt(vd, vk, vi), refIge(key, iv, data, true), `decrypt off ${off} len ${n}`);
        if (!same(vd, data) || !same(vk, key) || !same(vi, iv)) bad.add(`inputs modified at off ${off} len ${n}`);
      }
    }
    assert.ok(bad.count === 0, bad.summary());
  });

  test(`${name}: IGE results are fresh arrays (mutating one, then calling again, changes nothing)`, () => {
    const provider = engine();
    const prng = new Prng(3);
    const key = prng.bytes(32);
    const iv = prng.bytes(32);
    for (const n of [32, 2048]) {
      const data = prng.bytes(n);
      for (const op of ['igeEncrypt', 'igeDecrypt'] as const) {
        const first = provider[op](data, key, iv);
        assert.is(first.buffer.byteLength, n, `${op} ${n}: result owns its buffer`);
        const want = hex(first);
        first.fill(0);
        const other = provider[op](prng.bytes(n), key, iv);
        assert.ok(
          first.every((b) => b === 0),
          `${op} ${n}: a later call wrote into an earlier result`,
        );
        assert.is(hex(provider[op](data, key, iv)), want, `${op} ${n}: result changed after mutating a previous one`);
        assert.is.not(hex(other), want);
      }
    }
  });

  test(`${name}: IGE key schedule cache: alternating keys and interleaved raw AES calls stay correct`, () => {
    const provider = engine();
    const prng = new Prng(42);
    const k1 = prng.bytes(32);
    const k2 = k1.slice();
    k2[31] ^= 1; // differs only in the last byte
    const iv = prng.bytes(32);
    const data = prng.bytes(64);
    const bad = new Mismatches();
    const check = (key: Uint8Array, what: string) => {
      bad.check(provider.igeEncrypt(data, key, iv), refIge(key, iv, data, false), `encrypt ${what}`);
      bad.check(provider.igeDecrypt(data, key, iv), refIge(key, iv, data, true), `decrypt ${what}`);
    };
    check(k1, 'k1');
    check(k1, 'k1 again (cached)');
    check(k2, 'k2 (one byte away)');
    check(k1, 'k1 after k2');
    // The raw any-key entry points and ECB overwrite the cached schedules.
    for (const b of BUILD_NAMES) {
      const m = builds.get(b);
      rawEcb(m, k2, data, false);
      rawEcb(m, k2, data, true);
    }
    check(k1, 'k1 after raw aesEcb with k2');
    for (const b of BUILD_NAMES) {
      const m = builds.get(b);
      rawIge(m, k2, iv, data, false);
      rawIge(m, k2, iv, data, true);
      rawIge(m, k1.subarray(0, 16), iv, data, false);
    }
    check(k1, 'k1 after raw igeEncryptAnyKey with k2 / a 16-byte prefix of k1');
    // A sealed message uses its own schedule, but must not disturb the cache either.
    const authKey = provider.loadAuthKey(prng.bytes(256));
    authKey.open(authKey.seal(prng.bytes(48), 0), 0);
    authKey.dispose();
    check(k1, 'k1 after seal/open');
    assert.ok(bad.count === 0, bad.summary());
  });

  test(`${name}: igeEncrypt/igeDecrypt of empty data returns an empty array`, () => {
    const provider = engine();
    assert.is(provider.igeEncrypt(new Uint8Array(0), new Uint8Array(32), new Uint8Array(32)).length, 0);
    assert.is(provider.igeDecrypt(new Uint8Array(0), new Uint8Array(32), new Uint8Array(32)).length, 0);
  });

  // ---- AES-256-CTR ----

  test(`${name}: CTR NIST SP 800-38A F.5.5 (encrypt) and F.5.6 (decrypt) in one call`, () => {
    const provider = engine();
    const enc = provider.createCtr(CTR_KEY, CTR_IV);
    assert.is(hex(enc.process(CTR_PLAIN)), hex(CTR_CIPHER), 'F.5.5');
    enc.dispose();
    const dec = provider.createCtr(CTR_KEY, CTR_IV);
    assert.is(hex(dec.process(CTR_CIPHER)), hex(CTR_PLAIN), 'F.5.6');
    dec.dispose();
  });

  test(`${name}: CTR NIST F.5.5/F.5.6 streamed in odd-sized pieces (process and processInPlace)`, () => {
    const provider = engine();
    const chunkings = [
      [1, 7, 16, 33, 7],
      [33, 31],
      [7, 7, 7, 7, 7, 7, 7, 7, 7, 1],
      [16, 16, 16, 16],
      [0, 15, 1, 0, 17, 31],
      [63, 1],
      Array.from({ length: 64 }, () => 1),
    ];
    for (const sizes of chunkings) {
      for (const [input, want, label] of [
        [CTR_PLAIN, CTR_CIPHER, 'F.5.5'],
        [CTR_CIPHER, CTR_PLAIN, 'F.5.6'],
      ] as const) {
        const a = provider.createCtr(CTR_KEY, CTR_IV);
        const b = provider.createCtr(CTR_KEY, CTR_IV);
        const outA: Uint8Array[] = [];
        const inPlace = input.slice();
        let o = 0;
        for (const n of sizes) {
          outA.push(a.process(input.subarray(o, o + n)));
          b.processInPlace(inPlace.subarray(o, o + n));
          o += n;
        }
        assert.is(hex(concat(...outA)), hex(want), `${label} process in ${sizes.join(',')}`);
        assert.is(hex(inPlace), hex(want), `${label} processInPlace in ${sizes.join(',')}`);
        a.dispose();
        b.dispose();
      }
    }
  });

  test(`${name}: CTR matches node aes-256-ctr across random keys, counters, lengths and chunkings`, () => {
    const provider = engine();
    const prng = new Prng(2024);
    const bad = new Mismatches();
    for (let round = 0; round < 150; round++) {
      const key = prng.bytes(32);
      const iv = prng.bytes(16);
      const n = round < 40 ? round : prng.int(5000);
      const data = prng.bytes(n);
      const want = refCtr(key, iv, data);
      const ctr = provider.createCtr(key, iv);
      const parts: Uint8Array[] = [];
      let o = 0;
      for (const size of prng.chunking(n, round % 2 ? 40 : 700)) {
        // Alternate process and processInPlace, and feed unaligned views.
        const piece = unaligned(data.subarray(o, o + size), 1 + (o % 7));
        if (prng.int(2)) parts.push(ctr.process(piece));
        else {
          ctr.processInPlace(piece);
          parts.push(piece.slice());
        }
        o += size;
      }
      bad.check(concat(...parts), want, `round ${round} len ${n}`);
      ctr.dispose();
    }
    assert.ok(bad.count === 0, `seed 2024: ${bad.summary()}`);
  });

  test(`${name}: CTR counter is a 128-bit big-endian increment (carries across 2^8, 2^64, and wraps at 2^128)`, () => {
    const provider = engine();
    const prng = new Prng(128);
    const key = prng.bytes(32);
    const bad = new Mismatches();
    const counters = [
      'ffffffffffffffffffffffffffffffff',
      'fffffffffffffffffffffffffffffffd',
      '0000000000000000fffffffffffffffe',
      '000000000000000000000000000000fe',
      '00112233445566778899aabbccddfeff',
    ];
    for (const c of counters) {
      const iv = unhex(c);
      const data = prng.bytes(16 * 5 + 3);
      const ctr = provider.createCtr(key, iv);
      bad.check(concat(ctr.process(data.subarray(0, 5)), ctr.process(data.subarray(5))), refCtr(key, iv, data), `counter ${c}`);
      ctr.dispose();
    }
    assert.ok(bad.count === 0, bad.summary());
  });

  test(`${name}: CTR streams are independent (interleaved calls, more live streams than initial key slots)`, () => {
    const provider = engine();
    const prng = new Prng(300);
    const streams = Array.from({ length: 150 }, () => {
      const key = prng.bytes(32);
      const iv = prng.bytes(16);
      const data = prng.bytes(prng.range(1, 300));
      return { key, iv, data, cipher: provider.createCtr(key, iv), out: [] as Uint8Array[], pos: 0 };
    });
    // Round-robin: each stream advances by a random piece per turn.
    let live = streams.length;
    while (live > 0) {
      live = 0;
      for (const s of streams) {
        if (s.pos >= s.data.length) continue;
        const n = Math.min(s.data.length - s.pos, prng.range(1, 40));
        s.out.push(s.cipher.process(s.data.subarray(s.pos, s.pos + n)));
        s.pos += n;
        if (s.pos < s.data.length) live++;
      }
    }
    const bad = new Mismatches();
    for (const [i, s] of streams.entries()) bad.check(concat(...s.out), refCtr(s.key, s.iv, s.data), `stream ${i}`);
    for (const s of streams) s.cipher.dispose();
    assert.ok(bad.count === 0, bad.summary());
  });

  test(`${name}: CTR of 1 MiB + 13 in large uneven pieces matches node`, () => {
    const provider = engine();
    const prng = new Prng(1 << 20);
    const key = prng.bytes(32);
    const iv = prng.bytes(16);
    const data = prng.bytes((1 << 20) + 13);
    const ctr = provider.createCtr(key, iv);
    const parts: Uint8Array[] = [];
    for (let o = 0; o < data.length; ) {
      const n = Math.min(data.length - o, prng.range(1, 200_000));
      parts.push(ctr.process(data.subarray(o, o + n)));
      o += n;
    }
    ctr.dispose();
    assert.ok(same(concat(...parts), refCtr(key, iv, data)));
  });

  test(`${name}: CTR process returns fresh arrays and leaves its input alone`, () => {
    const provider = engine();
    const prng = new Prng(5);
    const key = prng.bytes(32);
    const iv = prng.bytes(16);
    const data = prng.bytes(100);
    const copy = data.slice();
    const ctr = provider.createCtr(key, iv);
    const first = ctr.process(data);
    assert.ok(same(data, copy), 'process must not modify its input');
    assert.is(first.buffer.byteLength, 100, 'result owns its buffer');
    first.fill(0);
    const second = ctr.process(data);
    assert.ok(
      first.every((b) => b === 0),
      'a later call wrote into an earlier result',
    );
    assert.ok(same(second, refCtr(key, iv, concat(data, data)).subarray(100)), 'the stream continued correctly');
    ctr.dispose();
  });

  test(`${name}: CTR after dispose() throws CryptoError; dispose twice is harmless`, () => {
    const provider = engine();
    const ctr = provider.createCtr(CTR_KEY, CTR_IV);
    ctr.dispose();
    ctr.dispose();
    assert.is(
      throwsKind(() => ctr.process(CTR_PLAIN), CryptoError),
      '',
      'process',
    );
    assert.is(
      throwsKind(() => ctr.processInPlace(CTR_PLAIN.slice()), CryptoError),
      '',
      'processInPlace',
    );
    // A new stream that reuses the freed slot is not reachable through the old object.
    const fresh = provider.createCtr(CTR_KEY, CTR_IV);
    assert.is(
      throwsKind(() => ctr.process(CTR_PLAIN), CryptoError),
      '',
      'old handle after slot reuse',
    );
    assert.is(hex(fresh.process(CTR_PLAIN)), hex(CTR_CIPHER), 'the new stream starts at its own counter');
    fresh.dispose();
  });
}

test.run();
