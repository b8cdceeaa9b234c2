import { createWasmProvider } from '../../ts/crypto/wasm-provider.ts';
const w = await createWasmProvider({ simd: true });
let s = 0x12345678n;
function rnd(): bigint { s = (s * 6364136223846793005n + 1442695040888963407n) & ((1n<<64n)-1n); return s >> 33n; }
function isPrime(x: bigint) { if (x % 2n === 0n) return false; for (let d = 3n; d*d <= x; d += 2n) if (x % d === 0n) return false; return true; }
function rndPrime(): bigint { for(;;){ const x = (1n<<30n) + (rnd() % (1n<<30n)); const c = x*2n+1n; if (isPrime(c)) return c; } }
const pqs: bigint[] = []; for (let i = 0; i < 400; i++) pqs.push(rndPrime()*rndPrime());
for (let rep = 0; rep < 3; rep++) {
const times: number[] = [];
for (const pq of pqs) { const t0 = performance.now(); w.factorizePQ(pq); times.push(performance.now()-t0); }
times.sort((a,b)=>a-b); console.log('pq median ms', times[200].toFixed(3), 'p99', times[396].toFixed(3), 'mean', (times.reduce((a,b)=>a+b)/400).toFixed(3));
}
