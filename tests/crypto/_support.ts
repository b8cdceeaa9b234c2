/**
 * Test support for the crypto tests: `getProvider()` (the real WASM engine
 * under test), a replaying random source, and node:crypto reference
 * implementations (independent of the code under test) to compare against.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { CryptoProvider, RandomSource } from '../../ts/crypto/provider.js';
import { createWasmProvider } from '../../ts/crypto/wasm-provider.js';

function checkIge(data: Uint8Array, key: Uint8Array, iv: Uint8Array): void {
  if (key.length !== 32 || iv.length !== 32 || data.length % 16 !== 0) throw new Error('IGE: bad key/iv/data length');
}

/** AES-256-IGE (MTProto convention: iv = previous ciphertext block ‖ previous plaintext block). */
function igeEncrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  checkIge(data, key, iv);
  const ecb = createCipheriv('aes-256-ecb', key, null).setAutoPadding(false);
  const out = new Uint8Array(data.length);
  let prevC = iv.slice(0, 16);
  let prevP = iv.slice(16, 32);
  const block = new Uint8Array(16);
  for (let off = 0; off < data.length; off += 16) {
    for (let i = 0; i < 16; i++) block[i] = data[off + i]! ^ prevC[i]!;
    const enc = ecb.update(block);
    for (let i = 0; i < 16; i++) out[off + i] = enc[i]! ^ prevP[i]!;
    prevP = data.slice(off, off + 16);
    prevC = out.slice(off, off + 16);
  }
  return out;
}

function igeDecrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  checkIge(data, key, iv);
  const ecb = createDecipheriv('aes-256-ecb', key, null).setAutoPadding(false);
  const out = new Uint8Array(data.length);
  let prevC = iv.slice(0, 16);
  let prevP = iv.slice(16, 32);
  const block = new Uint8Array(16);
  for (let off = 0; off < data.length; off += 16) {
    for (let i = 0; i < 16; i++) block[i] = data[off + i]! ^ prevP[i]!;
    const dec = ecb.update(block);
    for (let i = 0; i < 16; i++) out[off + i] = dec[i]! ^ prevC[i]!;
    prevC = data.slice(off, off + 16);
    prevP = out.slice(off, off + 16);
  }
  return out;
}

/** The provider the crypto tests run against: the WASM engine (SIMD build where supported). */
export async function getProvider(random?: RandomSource): Promise<CryptoProvider> {
  return createWasmProvider(random ? { random } : {});
}

/**
 * A RandomSource that replays `chunks` in order, one chunk per call, and
 * fails the test if a call asks for a different length or more calls come.
 */
export function replayRandom(...chunks: Uint8Array[]): RandomSource {
  let i = 0;
  return (out) => {
    const next = chunks[i++];
    if (!next) throw new Error(`replayRandom: unexpected call #${i} for ${out.length} bytes`);
    if (next.length !== out.length) throw new Error(`replayRandom: call #${i} wants ${out.length} bytes, chunk has ${next.length}`);
    out.set(next);
  };
}

/** node:crypto AES-256-IGE, exported for tests that need a reference independent of the provider under test. */
export const referenceIge = { encrypt: igeEncrypt, decrypt: igeDecrypt };
