import fs from 'node:fs';
import nodeCrypto from 'node:crypto';
import * as mt from '@mtcute/wasm';
import { createWasmProvider } from '../../ts/crypto/wasm-provider.ts';
const dir = 'node_modules/@mtcute/wasm/';
mt.initSync(fs.readFileSync(dir + (mt.SIMD_AVAILABLE ? 'mtcute-simd.wasm' : 'mtcute.wasm')));
const w = await createWasmProvider({ simd: true });
function bench(name: string, fn: () => void, ms = 300) {
  for (let i = 0; i < 1000; i++) fn();
  let n = 0; const t0 = performance.now(); let t = t0;
  while (t - t0 < ms) { for (let i = 0; i < 100; i++) fn(); n += 100; t = performance.now(); }
  const ops = n / ((t - t0) / 1000);
  return ops;
}
const key = nodeCrypto.randomBytes(32), iv = nodeCrypto.randomBytes(32);
for (const size of [176, 16384, 524288]) {
  const d = nodeCrypto.randomBytes(size);
  const a = bench('w', () => w.igeEncrypt(d, key, iv)); const b = bench('m', () => mt.ige256Encrypt(d, key, iv));
  const c = bench('w', () => w.igeDecrypt(d, key, iv)); const e = bench('m', () => mt.ige256Decrypt(d, key, iv));
  const s1 = bench('w', () => w.sha256(d)); const s2 = bench('m', () => mt.sha256(d)); const s3 = bench('n', () => (nodeCrypto as any).hash('sha256', d, 'buffer'));
  const h1 = bench('w', () => w.sha1(d)); const h2 = bench('m', () => mt.sha1(d));
  console.log(size, 'ige enc', (a/1e3).toFixed(0)+'k', (b/1e3).toFixed(0)+'k', (a/b).toFixed(2), '| dec', (c/e).toFixed(2), '| sha256', (s1/1e3).toFixed(0)+'k', (s1/s2).toFixed(2), 'node', (s1/s3).toFixed(2), '| sha1', (h1/h2).toFixed(2));
}
const ak = w.loadAuthKey(nodeCrypto.randomBytes(256));
const pt = nodeCrypto.randomBytes(176-12-16);
const sealOps = bench('seal', () => ak.seal(pt, 0));
const pkt = ak.seal(pt, 0);
const openOps = bench('open', () => ak.open(pkt, 0));
console.log('seal us', (1e6/sealOps).toFixed(2), 'open us', (1e6/openOps).toFixed(2));
const pqs = [0x17ED48941A08F981n];
const times: number[] = [];
function rndPrime(): bigint { for(;;){ const x = BigInt(nodeCrypto.randomInt(2**30, 2**31)) * 2n + 1n; let ok = true; for (let d = 3n; d*d <= x; d += 2n) if (x % d === 0n) { ok = false; break; } if (ok) return x; } }
for (let i = 0; i < 300; i++) { const p = rndPrime(), q = rndPrime(); const t0 = performance.now(); const [a, b] = w.factorizePQ(p*q); times.push(performance.now()-t0); if (a*b !== p*q) throw new Error('bad'); }
times.sort((a,b)=>a-b); console.log('pq median ms', times[150].toFixed(3), 'p99', times[297].toFixed(3));
