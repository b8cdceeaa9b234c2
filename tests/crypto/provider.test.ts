/**
 * The `CryptoProvider` surface of the WASM core: engine selection and module
 * loading, argument validation (typed `CryptoError`), the injected random
 * source, and the node provider's routing — its results must equal the WASM
 * results on both sides of `hashThreshold` and `igeThreshold`, and the
 * routes must actually be taken (observed by wrapping node:crypto).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import nodeCrypto from 'node:crypto';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { createNodeProvider, igeEncryptViaCbc } from '../../ts/crypto/node-provider.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { createWasmProvider, createWasmProviderSync } from '../../ts/crypto/wasm-provider.js';
import { CryptoError } from '../../ts/errors.js';
import { loadCryptoModule, loadCryptoModuleSync, wasmSimdSupported } from '../../ts/wasm/crypto-module.js';
import {
  BUILD_NAMES,
  ENGINE_NAMES,
  Mismatches,
  Prng,
  engineTable,
  freshModule,
  hex,
  pieces,
  recordingRandom,
  refHash,
  refIge,
  same,
  throwsKind,
  unaligned,
} from './_vectors.js';

const engines = engineTable();
test.before(engines.load);

/** Counts calls to node:crypto's createCipheriv / createHash while `fn` runs. */
function countNodeCalls(fn: () => void): { cipher: number; hash: number } {
  const calls = { cipher: 0, hash: 0 };
  const mod = nodeCrypto as unknown as Record<string, (...args: unknown[]) => unknown>;
  const { createCipheriv, createHash } = mod;
  mod.createCipheriv = (...args) => {
    calls.cipher++;
    return createCipheriv!(...args);
  };
  mod.createHash = (...args) => {
    calls.hash++;
    return createHash!(...args);
  };
  try {
    fn();
  } finally {
    mod.createCipheriv = createCipheriv!;
    mod.createHash = createHash!;
  }
  return calls;
}

// ---- engines and module loading ----

test('engine names: wasm-simd, wasm, node; createCryptoProvider picks node on Node and wasm on request', async () => {
  assert.is(engines.get('wasm-simd').engine, 'wasm-simd');
  assert.is(engines.get('wasm').engine, 'wasm');
  assert.is(engines.get('node').engine, 'node');
  assert.is((await createCryptoProvider()).engine, 'node');
  assert.is((await createCryptoProvider({ engine: 'wasm', simd: false })).engine, 'wasm');
  assert.is((await createCryptoProvider({ engine: 'wasm', simd: true })).engine, 'wasm-simd');
  assert.is(createWasmProviderSync({ simd: false }).engine, 'wasm');
});

test('loadCryptoModule instantiates each build once; the sync loader shares the instances', async () => {
  const simd = await loadCryptoModule(true);
  const plain = await loadCryptoModule(false);
  assert.is(simd.simd, true);
  assert.is(plain.simd, false);
  assert.is.not(simd, plain);
  assert.is(await loadCryptoModule(true), simd);
  assert.is(loadCryptoModuleSync(true), simd);
  assert.is(loadCryptoModuleSync(false), plain);
  assert.is(wasmSimdSupported(), true, 'Node 20 validates the SIMD build');
  assert.is(await loadCryptoModule(), simd, 'feature detection picks SIMD here');
});

// ---- random source ----

for (const name of ENGINE_NAMES) {
  test(`${name}: random is the injected source; randomBytes(n) draws exactly n bytes from it`, async () => {
    const random = recordingRandom(new Prng(77));
    const provider: CryptoProvider =
      name === 'node' ? await createNodeProvider({ random }) : await createWasmProvider({ simd: name === 'wasm-simd', random });
    assert.is(provider.random, random);
    const a = provider.randomBytes(40);
    assert.is(random.calls.length, 1);
    assert.is(hex(a), hex(random.calls[0]!));
    assert.is(hex(a), hex(new Prng(77).bytes(40)));
    assert.is(provider.randomBytes(0).length, 0);
  });
}

// ---- argument validation ----

for (const name of ENGINE_NAMES) {
  const engine = () => engines.get(name);

  test(`${name}: createCtr rejects keys that are not 32 bytes and ivs that are not 16 (CryptoError)`, () => {
    const provider = engine();
    const bad = new Mismatches();
    for (const k of [0, 16, 24, 31, 33, 64]) {
      const r = throwsKind(() => provider.createCtr(new Uint8Array(k), new Uint8Array(16)), CryptoError);
      if (r) bad.add(`key ${k}: ${r}`);
    }
    for (const v of [0, 8, 15, 17, 32]) {
      const r = throwsKind(() => provider.createCtr(new Uint8Array(32), new Uint8Array(v)), CryptoError);
      if (r) bad.add(`iv ${v}: ${r}`);
    }
    assert.ok(bad.count === 0, bad.summary());
  });

  test(`${name}: igeEncrypt/igeDecrypt reject bad key, iv and data lengths (CryptoError), below and above the routing threshold`, () => {
    const provider = engine();
    const bad = new Mismatches();
    for (const op of ['igeEncrypt', 'igeDecrypt'] as const) {
      for (const n of [16, 2048]) {
        const data = new Uint8Array(n);
        for (const k of [0, 16, 24, 31, 33]) {
          const r = throwsKind(() => provider[op](data, new Uint8Array(k), new Uint8Array(32)), CryptoError);
          if (r) bad.add(`${op} data ${n} key ${k}: ${r}`);
        }
        for (const v of [0, 16, 31, 33, 64]) {
          const r = throwsKind(() => provider[op](data, new Uint8Array(32), new Uint8Array(v)), CryptoError);
          if (r) bad.add(`${op} data ${n} iv ${v}: ${r}`);
        }
      }
      for (const n of [1, 15, 17, 1023, 1025, 4097]) {
        const r = throwsKind(() => provider[op](new Uint8Array(n), new Uint8Array(32), new Uint8Array(32)), CryptoError);
        if (r) bad.add(`${op} data ${n}: ${r}`);
      }
    }
    assert.ok(bad.count === 0, bad.summary());
  });

  test(`${name}: pbkdf2Sha512 equals node:crypto pbkdf2`, async () => {
    const provider = engine();
    const prng = new Prng(512);
    for (const iterations of [1, 2, 1000]) {
      const password = prng.bytes(13);
      const salt = prng.bytes(32);
      const want = nodeCrypto.pbkdf2Sync(password, salt, iterations, 64, 'sha512');
      assert.is(hex(await provider.pbkdf2Sha512(password, salt, iterations)), want.toString('hex'), `${iterations} iterations`);
    }
  });
}

// ---- node provider routing ----

test('node provider defaults: hashThreshold 512, igeThreshold 2048, sealThreshold 4096', () => {
  const node = engines.get('node') as CryptoProvider & { hashThreshold: number; igeThreshold: number; sealThreshold: number };
  assert.is(node.hashThreshold, 512);
  assert.is(node.igeThreshold, 2048);
  assert.is(node.sealThreshold, 4096);
});

for (const thresholds of [{}, { hashThreshold: 100, igeThreshold: 64 }, { hashThreshold: 0, igeThreshold: 0 }]) {
  const label = JSON.stringify(thresholds);
  const hashT = (thresholds as { hashThreshold?: number }).hashThreshold ?? 512;
  const igeT = (thresholds as { igeThreshold?: number }).igeThreshold ?? 2048;

  test(`node provider ${label}: SHA-1/SHA-256 equal the WASM results just below, at and above hashThreshold (${hashT})`, async () => {
    const node = await createNodeProvider(thresholds);
    const wasm = engines.get('wasm-simd');
    const prng = new Prng(4096 + hashT);
    const bad = new Mismatches();
    const sizes = [...new Set([0, 1, Math.max(0, hashT - 1), hashT, hashT + 1, hashT + 64, 65536])].sort((a, b) => a - b);
    for (const n of sizes) {
      const data = prng.bytes(n);
      const parts = pieces(data, prng.chunking(n, 1000));
      for (const alg of ['sha1', 'sha256'] as const) {
        const want = refHash(alg, data);
        bad.check(node[alg](data), want, `${alg} node ${n}`);
        bad.check(wasm[alg](data), want, `${alg} wasm ${n}`);
        bad.check(node[alg](unaligned(data, 3)), want, `${alg} node unaligned ${n}`);
        // Parts go through createHash when routed: check the route is taken exactly from the threshold up.
        let got: Uint8Array = new Uint8Array(0);
        const calls = countNodeCalls(() => {
          got = node[alg](parts);
        });
        bad.check(got, want, `${alg} node parts ${n}`);
        const routed = n >= hashT;
        if (calls.hash > 0 !== routed) bad.add(`${alg} ${n} bytes: node:crypto used = ${calls.hash > 0}, expected ${routed}`);
      }
    }
    assert.ok(bad.count === 0, bad.summary());
  });

  test(`node provider ${label}: igeEncrypt equals WASM just below, at and above igeThreshold (${igeT}); igeDecrypt stays in WASM`, async () => {
    const node = await createNodeProvider(thresholds);
    const wasm = engines.get('wasm-simd');
    const prng = new Prng(1024 + igeT);
    const bad = new Mismatches();
    const sizes = [...new Set([0, 16, Math.max(0, igeT - 16), igeT, igeT + 16, 4096, 65536])].sort((a, b) => a - b);
    for (const n of sizes) {
      const key = prng.bytes(32);
      const iv = prng.bytes(32);
      const data = prng.bytes(n);
      let enc: Uint8Array = new Uint8Array(0);
      const encCalls = countNodeCalls(() => {
        enc = node.igeEncrypt(data, key, iv);
      });
      bad.check(enc, wasm.igeEncrypt(data, key, iv), `encrypt ${n} vs wasm`);
      bad.check(enc, refIge(key, iv, data, false), `encrypt ${n} vs reference`);
      // n = 0 returns early without a cipher even when routed.
      const routed = n >= igeT && n > 0;
      if (encCalls.cipher > 0 !== routed) bad.add(`encrypt ${n}: node:crypto used = ${encCalls.cipher > 0}, expected ${routed}`);
      let dec: Uint8Array = new Uint8Array(0);
      const decCalls = countNodeCalls(() => {
        dec = node.igeDecrypt(enc, key, iv);
      });
      bad.check(dec, data, `decrypt ${n}`);
      if (decCalls.cipher > 0) bad.add(`decrypt ${n} used node:crypto`);
      bad.check(node.igeEncrypt(unaligned(data, 5), unaligned(key, 1), unaligned(iv, 7)), enc, `encrypt ${n} unaligned`);
    }
    assert.ok(bad.count === 0, bad.summary());
  });
}

// ---- memory discipline of the raw exports ----
//
// crypto-module.ts owns everything from heapBase() up (key slots, then the I/O
// region) and caches one view of the memory; the WASM side must write only the
// output ranges it is given, never allocate there, and never grow the memory.

for (const build of BUILD_NAMES) {
  test(`${build} build: every raw export writes only its output range and never grows the memory`, () => {
    const m = freshModule(build);
    const x = m.exports;
    const base = x.heapBase();
    const slot = m.allocSlot();
    const slot2 = m.allocSlot();
    const p = m.io(8192);
    const [key, iv, src, dst] = [p, p + 64, p + 128, p + 2048];
    const len = 256;
    const memEnd = x.memory.buffer.byteLength;
    const pattern = new Prng(0xbeef).bytes(memEnd - base);
    const bad = new Mismatches();

    const run = (what: string, call: () => unknown, allowed: [number, number][]) => {
      const mem = () => new Uint8Array(x.memory.buffer);
      mem().set(pattern, base);
      call();
      if (x.memory.buffer.byteLength !== memEnd) {
        bad.add(`${what}: memory grew to ${x.memory.buffer.byteLength}`);
        return;
      }
      const now = mem();
      for (let a = base; a < memEnd; a++) {
        if (now[a] === pattern[a - base]) continue;
        if (allowed.some(([lo, hi]) => a >= lo && a < hi)) continue;
        bad.add(`${what}: wrote heapBase + ${a - base} (address ${a})`);
        return;
      }
    };
    const CTX = 112;
    run('sha1', () => x.sha1(src, len, dst), [[dst, dst + 20]]);
    run('sha256', () => x.sha256(src, len, dst), [[dst, dst + 32]]);
    run('sha1 streaming', () => {
      x.sha1Init(slot);
      x.sha1Update(slot, src, 100);
      x.sha1Update(slot, src + 100, 77);
      x.sha1Final(slot, dst);
    }, [
      [slot, slot + CTX],
      [dst, dst + 20],
    ]);
    run('sha256 streaming', () => {
      x.sha256Init(slot);
      x.sha256Update(slot, src, 100);
      x.sha256Update(slot, src + 100, 77);
      x.sha256Final(slot, dst);
    }, [
      [slot, slot + CTX],
      [dst, dst + 32],
    ]);
    run('igeEncrypt', () => x.igeEncrypt(key, iv, src, dst, len), [[dst, dst + len]]);
    run('igeDecrypt', () => x.igeDecrypt(key, iv, src, dst, len), [[dst, dst + len]]);
    run('igeEncryptAnyKey', () => x.igeEncryptAnyKey(key, 16, iv, src, dst, len), [[dst, dst + len]]);
    run('igeDecryptAnyKey', () => x.igeDecryptAnyKey(key, 24, iv, src, dst, len), [[dst, dst + len]]);
    run('aesEcb encrypt', () => x.aesEcb(key, 32, src, dst, len, 0), [[dst, dst + len]]);
    run('aesEcb decrypt', () => x.aesEcb(key, 32, src, dst, len, 1), [[dst, dst + len]]);
    run('ctrInit + ctrProcess', () => {
      x.ctrInit(slot, key, 32, iv);
      x.ctrProcess(slot, src, dst, 77);
      x.ctrProcess(slot, src + 77, dst + 77, 100);
    }, [
      [slot, slot + 288],
      [dst, dst + 177],
    ]);
    run('authKeyLoad', () => x.authKeyLoad(slot2), [[slot2 + 256, slot2 + 264]]);
    run('seal', () => x.seal(slot2, 8, src, len, dst), [[dst, dst + len + 24]]);
    run('open', () => {
      // A packet with the slot's auth_key_id, so open runs to the msg_key check.
      new Uint8Array(x.memory.buffer).copyWithin(src, slot2 + 256, slot2 + 264);
      x.open(slot2, 0, src, len, dst);
    }, [
      [src, src + 8],
      [dst, dst + len - 24],
    ]);
    run('pqFactor', () => x.pqFactor(0x17ed48941a08f981n), []);
    run('isPrime', () => x.isPrime(0x494c553bn), []);
    assert.ok(bad.count === 0, bad.summary());
  });
}

// ---- igeEncryptViaCbc ----

test('igeEncryptViaCbc equals the independent IGE for every multiple of 16 up to 1 KiB and for large inputs', () => {
  const prng = new Prng(0xcbc);
  const bad = new Mismatches();
  const sizes: number[] = [];
  for (let n = 0; n <= 1024; n += 16) sizes.push(n);
  sizes.push(4096, 65536, (1 << 20) + 16);
  for (const n of sizes) {
    const key = prng.bytes(32);
    const iv = prng.bytes(32);
    const data = prng.bytes(n);
    const copy = data.slice();
    bad.check(igeEncryptViaCbc(data, key, iv), refIge(key, iv, data, false), `len ${n}`);
    if (!same(data, copy)) bad.add(`len ${n}: input modified`);
  }
  // Unaligned views of data, key and iv.
  for (let off = 1; off <= 7; off++) {
    const key = prng.bytes(32);
    const iv = prng.bytes(32);
    const data = prng.bytes(160);
    bad.check(
      igeEncryptViaCbc(unaligned(data, off), unaligned(key, off), unaligned(iv, 8 - off)),
      refIge(key, iv, data, false),
      `off ${off}`,
    );
  }
  assert.ok(bad.count === 0, `seed 0xcbc: ${bad.summary()}`);
});

test('igeEncryptViaCbc rejects bad key, iv and data lengths with CryptoError', () => {
  const ok = new Uint8Array(32);
  for (const [what, fn] of [
    ['key 16', () => igeEncryptViaCbc(new Uint8Array(32), new Uint8Array(16), ok)],
    ['key 33', () => igeEncryptViaCbc(new Uint8Array(32), new Uint8Array(33), ok)],
    ['iv 16', () => igeEncryptViaCbc(new Uint8Array(32), ok, new Uint8Array(16))],
    ['data 15', () => igeEncryptViaCbc(new Uint8Array(15), ok, ok)],
    ['data 1025', () => igeEncryptViaCbc(new Uint8Array(1025), ok, ok)],
  ] as const) {
    assert.is(throwsKind(fn, CryptoError), '', what);
  }
});

test.run();
