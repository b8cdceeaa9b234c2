/**
 * The node provider's OpenSSL routes give byte-identical results to the WASM
 * engine: CTR streams, and seal/open of messages above sealThreshold.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import nodeCrypto from 'node:crypto';
import { createNodeProvider } from '../../ts/crypto/node-provider.js';
import { createWasmProvider } from '../../ts/crypto/wasm-provider.js';
import type { RandomSource } from '../../ts/crypto/provider.js';
import { SecurityError } from '../../ts/errors.js';

/** A deterministic random source: SHA-256 in counter mode over a seed (independent of the code under test). */
function seeded(seed: string): RandomSource {
  let counter = 0;
  let pool = new Uint8Array(0);
  return (out) => {
    let o = 0;
    while (o < out.length) {
      if (pool.length === 0) pool = nodeCrypto.createHash('sha256').update(`${seed}:${counter++}`).digest();
      const n = Math.min(pool.length, out.length - o);
      out.set(pool.subarray(0, n), o);
      pool = pool.subarray(n);
      o += n;
    }
  };
}

test('node routes: CTR through OpenSSL equals the WASM stream across odd chunkings', async () => {
  const node = await createNodeProvider();
  const wasm = await createWasmProvider();
  const key = nodeCrypto.randomBytes(32);
  const iv = nodeCrypto.randomBytes(16);
  const a = node.createCtr(key, iv);
  const b = wasm.createCtr(key, iv);
  for (const size of [1, 7, 16, 33, 4096, 5, 100_003]) {
    const data = nodeCrypto.randomBytes(size);
    const copy = new Uint8Array(data);
    a.processInPlace(copy);
    assert.equal(copy, b.process(data), `chunk of ${size}`);
  }
  a.dispose();
  assert.throws(() => a.process(new Uint8Array(1)), /dispose/);
  b.dispose();
});

for (const size of [4096, 4097, 70_000]) {
  test(`node routes: seal of a ${size}-byte message (OpenSSL path) equals the WASM seal byte for byte; open accepts both`, async () => {
    const key = nodeCrypto.randomBytes(256);
    const node = await createNodeProvider({ random: seeded('pad') });
    const wasm = await createWasmProvider({ random: seeded('pad') });
    const kn = node.loadAuthKey(key);
    const kw = wasm.loadAuthKey(key);
    const plaintext = nodeCrypto.randomBytes(size);
    for (const x of [0, 8] as const) {
      const sealedNode = kn.seal(plaintext, x, 2);
      const sealedWasm = kw.seal(plaintext, x, 2);
      assert.equal(sealedNode, sealedWasm, `x = ${x}`);
      assert.equal(kn.open(sealedWasm, x).subarray(0, size), new Uint8Array(plaintext));
      assert.equal(kw.open(sealedNode, x).subarray(0, size), new Uint8Array(plaintext));
    }
    kn.dispose();
    kw.dispose();
  });
}

test('node routes: the OpenSSL open path rejects a flipped bit, a wrong key id and a wrong x like the WASM path', async () => {
  const node = await createNodeProvider();
  const k = node.loadAuthKey(nodeCrypto.randomBytes(256));
  const packet = k.seal(nodeCrypto.randomBytes(8000), 0);
  const check = (p: Uint8Array, x: 0 | 8, name: string) => {
    try {
      k.open(p, x);
      assert.unreachable('must throw');
    } catch (e) {
      assert.instance(e, SecurityError);
      assert.is((e as SecurityError).check, name);
    }
  };
  for (const bit of [0, 70, 8 * 30, 8 * 4000 + 3, 8 * (packet.length - 1) + 7]) {
    const bad = packet.slice();
    bad[bit >> 3]! ^= 1 << (bit & 7);
    check(bad, 0, bit < 64 ? 'auth_key_id' : 'msg_key');
  }
  check(packet, 8, 'msg_key');
  k.dispose();
  assert.throws(() => k.seal(new Uint8Array(5000), 0), /dispose/);
});

test.run();
