// PQ factorization for the auth key exchange: pq < 2^64 is the product of two
// primes (each < 2^32). Pollard's rho with Brent's cycle detection and batched
// gcds, in Montgomery arithmetic on u64.
//
// WASM has no 64×64→128 multiply, so the high half comes from four 32×32→64
// products. Montgomery reduction uses m = lo · n⁻¹ mod 2^64, so that
// (T − m·n) / 2^64 = hi(T) − hi(m·n) exactly (the low halves cancel), which
// avoids any 65-bit intermediate for moduli up to 2^64.
// https://core.telegram.org/mtproto/auth_key (step 2: pq decomposition)

@inline function mulhi(a: u64, b: u64): u64 {
  const a0 = a & 0xffffffff, a1 = a >> 32;
  const b0 = b & 0xffffffff, b1 = b >> 32;
  const p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const mid = (p00 >> 32) + (p01 & 0xffffffff) + (p10 & 0xffffffff);
  return p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

// Montgomery product a·b·2^-64 mod n (inputs and output in [0, n)). The low
// half of a·b is assembled from the partial products, saving one multiply.
@inline function montMul(a: u64, b: u64, n: u64, ninv: u64): u64 {
  const a0 = a & 0xffffffff, a1 = a >> 32;
  const b0 = b & 0xffffffff, b1 = b >> 32;
  const p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const mid = (p00 >> 32) + (p01 & 0xffffffff) + (p10 & 0xffffffff);
  const hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
  const lo = (p00 & 0xffffffff) | (mid << 32);
  return redc(hi, lo, n, ninv);
}

// Montgomery square: the two cross products are equal, so three multiplies.
@inline function montSqr(a: u64, n: u64, ninv: u64): u64 {
  const a0 = a & 0xffffffff, a1 = a >> 32;
  const p00 = a0 * a0, p01 = a0 * a1, p11 = a1 * a1;
  const mid = (p00 >> 32) + ((p01 & 0xffffffff) << 1);
  const hi = p11 + ((p01 >> 32) << 1) + (mid >> 32);
  const lo = (p00 & 0xffffffff) | (mid << 32);
  return redc(hi, lo, n, ninv);
}

// (hi·2^64 + lo)·2^-64 mod n with m = lo·n⁻¹: the low halves cancel exactly.
@inline function redc(hi: u64, lo: u64, n: u64, ninv: u64): u64 {
  const m = lo * ninv;
  const mh = mulhi(m, n);
  const r = hi - mh;
  return hi < mh ? r + n : r;
}

// (a + c) mod n without overflow for n close to 2^64 (a, c < n).
@inline function addMod(a: u64, c: u64, n: u64): u64 {
  const t = n - c;
  return a >= t ? a - t : a + c;
}

@inline function subAbs(a: u64, b: u64): u64 {
  return a > b ? a - b : b - a;
}

function gcd(a: u64, b: u64): u64 {
  if (a == 0) return b;
  if (b == 0) return a;
  const shift = ctz<u64>(a | b);
  a >>= ctz<u64>(a);
  do {
    b >>= ctz<u64>(b);
    if (a > b) { const t = a; a = b; b = t; }
    b -= a;
  } while (b != 0);
  return a << shift;
}

// Bound on f-evaluations per attempt, so an adversarial pq cannot stall the
// caller: 2^22 steps is ~50× the expected work for a 64-bit semiprime with
// 32-bit factors (~90k steps), and a prime pq is rejected before any rho.
const MAX_STEPS: u64 = 1 << 22;

/** One Brent rho attempt with constant c and start y; returns a factor, n, or 0 when the step budget ran out. */
function brent(n: u64, ninv: u64, c: u64, y0: u64): u64 {
  let y = y0, x = y0, ys = y0;
  let q: u64 = 1; // Montgomery form of anything non-zero works for the product
  let g: u64 = 1;
  let r: u64 = 1;
  const m: u64 = 128;
  let steps: u64 = 0;
  do {
    x = y;
    for (let i: u64 = 0; i < r; i++) {
      y = addMod(montSqr(y, n, ninv), c, n);
    }
    let k: u64 = 0;
    do {
      ys = y;
      const lim = min<u64>(m, r - k);
      for (let i: u64 = 0; i < lim; i++) {
        y = addMod(montSqr(y, n, ninv), c, n);
        q = montMul(q, subAbs(x, y), n, ninv);
      }
      g = gcd(q, n);
      k += m;
      steps += lim;
    } while (k < r && g == 1);
    r <<= 1;
    if (steps > MAX_STEPS) return 0;
  } while (g == 1);
  if (g == n) {
    // The batch overshot: replay it one step at a time from the saved point.
    do {
      ys = addMod(montSqr(ys, n, ninv), c, n);
      g = gcd(subAbs(x, ys), n);
    } while (g == 1);
  }
  return g;
}

/**
 * Returns the smaller prime factor of `n`, or 0 when none was found
 * (n prime, n < 4, or the step budget ran out on every attempt).
 */
export function pqFactor(n: u64): u64 {
  if (n < 4) return 0;
  if ((n & 1) == 0) return 2;
  // Small factors first: rho is poor at tiny ones, and it makes the loop safe.
  for (let d: u64 = 3; d < 1024; d += 2) {
    if (n % d == 0) return d == n ? 0 : d;
  }
  // A prime has no factor to find: rho would only burn its step budget.
  if (isPrime64(n)) return 0;
  // ninv = n^-1 mod 2^64 by Newton iteration (each step doubles the correct bits).
  let inv = n;
  for (let i = 0; i < 5; i++) inv *= 2 - n * inv;
  let seed: u64 = 0x9e3779b97f4a7c15;
  for (let attempt = 0; attempt < 8; attempt++) {
    seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17;
    const c = seed % (n - 1) + 1;
    seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17;
    const y = seed % n;
    const g = brent(n, inv, c, y);
    if (g != 0 && g != n) {
      const other = n / g;
      return g < other ? g : other;
    }
  }
  return 0;
}

// ---- Deterministic primality for u64 ----

/** (a + b) mod n for a, b < n, n < 2^64. */
@inline function addModN(a: u64, b: u64, n: u64): u64 {
  const t = n - b;
  return a >= t ? a - t : a + b;
}

/**
 * Miller–Rabin with the bases {2, 325, 9375, 28178, 450775, 9780504,
 * 1795265022}, which is deterministic for every n < 2^64. Montgomery form
 * throughout; R mod n and R² mod n are built by doubling.
 */
export function isPrime64(n: u64): bool {
  if (n < 2) return false;
  if (n < 4) return true;
  if ((n & 1) == 0) return false;
  for (let d: u64 = 3; d < 64; d += 2) {
    if (n % d == 0) return n == d;
  }
  let inv = n;
  for (let i = 0; i < 5; i++) inv *= 2 - n * inv;
  const one = (0 - n) % n; // R mod n
  let r2 = one; // R² mod n = R·2^64 mod n: double R mod n 64 times
  for (let i = 0; i < 64; i++) r2 = addModN(r2, r2, n);
  const minusOne = n - one; // Montgomery form of n - 1
  const nm1 = n - 1;
  const s = ctz<u64>(nm1);
  const d = nm1 >> s;
  // Inline constants: nothing here may allocate (the stub runtime's heap is the
  // memory the JS side owns from __heap_base up).
  return mrWitness(2, n, inv, one, minusOne, r2, d, s) &&
    mrWitness(325, n, inv, one, minusOne, r2, d, s) &&
    mrWitness(9375, n, inv, one, minusOne, r2, d, s) &&
    mrWitness(28178, n, inv, one, minusOne, r2, d, s) &&
    mrWitness(450775, n, inv, one, minusOne, r2, d, s) &&
    mrWitness(9780504, n, inv, one, minusOne, r2, d, s) &&
    mrWitness(1795265022, n, inv, one, minusOne, r2, d, s);
}

/** One Miller–Rabin round: true when `base` does not prove n composite. */
function mrWitness(base: u64, n: u64, inv: u64, one: u64, minusOne: u64, r2: u64, d: u64, s: u64): bool {
  const a = base % n;
  if (a == 0) return true;
  // x = a^d in Montgomery form
  let x = one;
  let b = montMul(a, r2, n, inv);
  let e = d;
  while (e != 0) {
    if (e & 1) x = montMul(x, b, n, inv);
    b = montSqr(b, n, inv);
    e >>= 1;
  }
  if (x == one || x == minusOne) return true;
  for (let i: u64 = 1; i < s; i++) {
    x = montSqr(x, n, inv);
    if (x == minusOne) return true;
    if (x == one) return false;
  }
  return false;
}

