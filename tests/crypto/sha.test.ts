/**
 * SHA-1 and SHA-256 (FIPS 180-4) of the WASM core, on every engine:
 * the FIPS 180 / NIST example vectors, padding-boundary lengths, every length
 * 0..1024 and large inputs against node:crypto (as one buffer and as
 * `HashInput` parts), unaligned views, no aliasing of WASM memory, and the raw
 * streaming exports (sha*Init/Update/Final) fed in odd-sized pieces.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  BUILD_NAMES,
  ENGINE_NAMES,
  Mismatches,
  Prng,
  ascii,
  buildTable,
  engineTable,
  hex,
  pieces,
  refHash,
  same,
  unaligned,
} from './_vectors.js';

const engines = engineTable();
const builds = buildTable();
test.before(async () => {
  await engines.load();
  await builds.load();
});

type Alg = 'sha1' | 'sha256';
const ALGS: readonly Alg[] = ['sha1', 'sha256'];

// FIPS 180-2 appendix A/B examples and the NIST "SHA examples" sheet (empty string).
const MSG_448 = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq';
const MSG_896 = 'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu';
const VECTORS: { name: string; data: () => Uint8Array; sha1: string; sha256: string }[] = [
  {
    name: 'empty string',
    data: () => new Uint8Array(0),
    sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
    sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  {
    name: '"abc" (one block)',
    data: () => ascii('abc'),
    sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d',
    sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  },
  {
    name: '448-bit message (two blocks)',
    data: () => ascii(MSG_448),
    sha1: '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    sha256: '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  },
  {
    name: '896-bit message',
    data: () => ascii(MSG_896),
    sha1: 'a49b2446a02c645bf419f995b67091253a04a259',
    sha256: 'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
  },
  {
    name: 'one million "a"',
    data: () => new Uint8Array(1_000_000).fill(0x61),
    sha1: '34aa973cd4c4daa4f61eeb2bdbad27316534016f',
    sha256: 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
  },
];

for (const name of ENGINE_NAMES) {
  const engine = () => engines.get(name);
  for (const v of VECTORS) {
    test(`${name}: FIPS 180 vector, ${v.name}`, () => {
      const provider = engine();
      const data = v.data();
      assert.is(hex(provider.sha1(data)), v.sha1, 'SHA-1');
      assert.is(hex(provider.sha256(data)), v.sha256, 'SHA-256');
      // The same message as parts (the 1M case in 1000-byte pieces, others per byte).
      const step = data.length > 10_000 ? 1000 : 1;
      const parts: Uint8Array[] = [];
      for (let i = 0; i < data.length; i += step) parts.push(data.subarray(i, i + step));
      assert.is(hex(provider.sha1(parts)), v.sha1, 'SHA-1 of parts');
      assert.is(hex(provider.sha256(parts)), v.sha256, 'SHA-256 of parts');
    });
  }

  test(`${name}: padding boundary lengths 55/56/63/64/65 (and the next block's) match node:crypto`, () => {
    const provider = engine();
    const prng = new Prng(55);
    const bad = new Mismatches();
    for (const n of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 121, 127, 128, 129, 191, 192]) {
      for (const data of [new Uint8Array(n).fill(0x61), prng.bytes(n)]) {
        for (const alg of ALGS) bad.check(provider[alg](data), refHash(alg, data), `${alg} len ${n}`);
      }
    }
    assert.ok(bad.count === 0, bad.summary());
  });

  test(`${name}: every length 0..1024 matches node:crypto, as one buffer and as HashInput parts`, () => {
    const provider = engine();
    const prng = new Prng(1024);
    const bad = new Mismatches();
    for (let n = 0; n <= 1024; n++) {
      const data = prng.bytes(n);
      const parts = pieces(data, prng.chunking(n, 70));
      for (const alg of ALGS) {
        const want = refHash(alg, data);
        bad.check(provider[alg](data), want, `${alg} len ${n}`);
        bad.check(provider[alg](parts), want, `${alg} len ${n} in ${parts.length} parts`);
      }
    }
    assert.ok(bad.count === 0, `seed 1024: ${bad.summary()}`);
  });

  test(`${name}: large inputs (64 KiB, 1 MiB + 13) match node:crypto, whole and in parts`, () => {
    const provider = engine();
    const prng = new Prng(64);
    for (const n of [65536, 65536 + 1, (1 << 20) + 13]) {
      const data = prng.bytes(n);
      const parts = pieces(data, prng.chunking(n, 40_000));
      for (const alg of ALGS) {
        const want = hex(refHash(alg, data));
        assert.is(hex(provider[alg](data)), want, `${alg} ${n} bytes`);
        assert.is(hex(provider[alg](parts)), want, `${alg} ${n} bytes in ${parts.length} parts`);
      }
    }
  });

  test(`${name}: HashInput edge cases: [], [empty], empty parts between data, a Buffer`, () => {
    const provider = engine();
    const abc = ascii('abc');
    const empty = new Uint8Array(0);
    for (const alg of ALGS) {
      const h0 = hex(refHash(alg, empty));
      assert.is(hex(provider[alg]([])), h0, `${alg} of []`);
      assert.is(hex(provider[alg]([empty, empty])), h0, `${alg} of [empty, empty]`);
      const hAbc = hex(refHash(alg, abc));
      assert.is(hex(provider[alg]([empty, abc.subarray(0, 1), empty, abc.subarray(1)])), hAbc, `${alg} split abc`);
      assert.is(hex(provider[alg](Buffer.from('abc'))), hAbc, `${alg} of a Buffer`);
    }
  });

  test(`${name}: inputs at unaligned offsets 1..7 (buffers and parts) hash their view only`, () => {
    const provider = engine();
    const prng = new Prng(7);
    const bad = new Mismatches();
    for (let off = 1; off <= 7; off++) {
      for (const n of [0, 1, 31, 55, 64, 100, 1000, 5000]) {
        const data = prng.bytes(n);
        const view = unaligned(data, off);
        const parts = pieces(data, prng.chunking(n, 50)).map((p, i) => unaligned(p, 1 + ((off + i) % 7)));
        for (const alg of ALGS) {
          const want = refHash(alg, data);
          bad.check(provider[alg](view), want, `${alg} off ${off} len ${n}`);
          bad.check(provider[alg](parts), want, `${alg} off ${off} len ${n} parts`);
        }
        if (!same(view, data)) bad.add(`input modified at off ${off} len ${n}`);
      }
    }
    assert.ok(bad.count === 0, bad.summary());
  });

  test(`${name}: digests are fresh arrays, not views of WASM memory`, () => {
    const provider = engine();
    const a = ascii('abc');
    const b = ascii(MSG_448);
    for (const alg of ALGS) {
      const first = provider[alg](a);
      assert.is(first.byteOffset, 0, `${alg}: own buffer`);
      assert.is(first.buffer.byteLength, alg === 'sha1' ? 20 : 32, `${alg}: buffer is exactly the digest`);
      const saved = hex(first);
      first.fill(0xee);
      const second = provider[alg](b);
      assert.is(hex(first), 'ee'.repeat(first.length), `${alg}: a later call must not write into an earlier result`);
      assert.is(hex(provider[alg](a)), saved, `${alg}: mutating a result must not change the next result`);
      assert.is.not(hex(second), saved);
    }
  });
}

// ---- raw streaming exports of the module (both builds) ----

for (const name of BUILD_NAMES) {
  for (const alg of ALGS) {
    test(`${name} build: raw ${alg}Init/Update/Final fed in odd-sized pieces equals node:crypto`, () => {
      const module = builds.get(name);
      const x = module.exports;
      const init = alg === 'sha1' ? x.sha1Init : x.sha256Init;
      const update = alg === 'sha1' ? x.sha1Update : x.sha256Update;
      const final = alg === 'sha1' ? x.sha1Final : x.sha256Final;
      const digestLen = alg === 'sha1' ? 20 : 32;
      const prng = new Prng(alg === 'sha1' ? 160 : 256);
      const bad = new Mismatches();
      const ctx = module.allocSlot();
      try {
        const fixed = [[1], [7], [63], [64], [65], [1, 63], [55, 1], [56, 8], [63, 1, 64], [16, 33, 7, 1]];
        for (let round = 0; round < 200; round++) {
          const n = round < 60 ? round * 3 : prng.int(3000);
          const data = prng.bytes(n);
          const cycle = fixed[round % fixed.length]!;
          const sizes: number[] = [];
          for (let left = n, i = 0; left > 0; i++) {
            const s = Math.min(left, cycle[i % cycle.length]!);
            sizes.push(s);
            left -= s;
          }
          const p = module.io(n + 64);
          module.u8.set(data, p);
          init(ctx);
          let o = 0;
          for (const s of sizes) {
            update(ctx, p + o, s);
            o += s;
          }
          final(ctx, p + n);
          bad.check(module.u8.slice(p + n, p + n + digestLen), refHash(alg, data), `len ${n} pieces ${cycle.join(',')}`);
        }
      } finally {
        module.freeSlot(ctx);
      }
      assert.ok(bad.count === 0, bad.summary());
    });
  }

  test(`${name} build: one-shot raw sha1/sha256 exports match node:crypto at boundary lengths`, () => {
    const module = builds.get(name);
    const prng = new Prng(99);
    const bad = new Mismatches();
    for (const n of [0, 55, 56, 63, 64, 65, 1000]) {
      const data = prng.bytes(n);
      const p = module.io(n + 64);
      module.u8.set(data, p);
      module.exports.sha1(p, n, p + n);
      bad.check(module.u8.slice(p + n, p + n + 20), refHash('sha1', data), `sha1 ${n}`);
      module.exports.sha256(p, n, p + n);
      bad.check(module.u8.slice(p + n, p + n + 32), refHash('sha256', data), `sha256 ${n}`);
    }
    assert.ok(bad.count === 0, bad.summary());
  });
}

test.run();
