// The bignum WASM module: modular exponentiation for 2048-bit DH, RSA and SRP
// (moduli up to 4096 bits), in Montgomery arithmetic (./montgomery.ts).
//
// A module of its own rather than part of assembly/crypto: it has its own
// scratch layout (a 32 KiB window table and limb buffers), and the crypto
// module's fixed [0, 16 KiB) tables stay untouched.
//
// Memory: [aligned __heap_base, +32 KiB) is this module's scratch (limb
// arrays and the window table, at fixed addresses); the JS side
// (ts/wasm/bignum-module.ts) owns everything from heapBase() upwards and puts
// the big-endian operands and the result there.
import { LIMB_BITS, LIMB_MASK, Modulus, montMul, montSqr, negInverse, reduceOnce } from './montgomery';

/** Largest modulus in bytes (4096 bits). */
const MAX_BYTES: u32 = 512;
/** Limbs for a 4096-bit modulus with the 2 bits of headroom R ≥ 4p needs (147), plus 8 of zero padding (montgomery.ts). */
const LIMB_SLOTS: u32 = 156;
const LIMB_STRIDE: usize = <usize>LIMB_SLOTS << 2; // 608 bytes per number
const MAX_WINDOW: u32 = 5;

const SCRATCH: usize = (__heap_base + 63) & ~63;
const MOD: usize = SCRATCH; // a Modulus record (64 bytes)
const P: usize = SCRATCH + 64;
const R2: usize = P + LIMB_STRIDE;
const BASE: usize = R2 + LIMB_STRIDE;
const ONE: usize = BASE + LIMB_STRIDE;
const ACC_A: usize = ONE + LIMB_STRIDE;
const ACC_B: usize = ACC_A + LIMB_STRIDE;
const PICK: usize = ACC_B + LIMB_STRIDE;
const M: usize = PICK + LIMB_STRIDE;
const PR: usize = M + LIMB_STRIDE;
const REV: usize = PR + LIMB_STRIDE;
const TABLE: usize = REV + LIMB_STRIDE; // (1 << MAX_WINDOW) entries
const SCRATCH_END: usize = TABLE + (LIMB_STRIDE << MAX_WINDOW);

/** First byte the JS side may use (operands and results). */
export function heapBase(): usize {
  return (SCRATCH_END + 63) & ~63;
}

/** Bits per limb: JS needs it to compute R² mod p for a modulus (R = 2^(limbBits · limbs)). */
export function limbBits(): u32 {
  return LIMB_BITS;
}

/** Limbs used for a modulus of `bits` bits: R = 2^(28·n) ≥ 4p. */
export function limbsFor(bits: u32): u32 {
  return (bits + 2 + LIMB_BITS - 1) / LIMB_BITS;
}

/** Big-endian `len` bytes → n little-endian 28-bit limbs (zero-extended). */
function bytesToLimbs(dst: usize, src: usize, len: u32, n: u32): void {
  for (let i: u32 = 0; i < n; i++) {
    const bit = i * LIMB_BITS;
    const first = bit >> 3;
    let v: u64 = 0;
    for (let k: u32 = 0; k < 5; k++) {
      const j = first + k;
      if (j < len) v |= <u64>load<u8>(src + <usize>(len - 1 - j)) << (<u64>k << 3);
    }
    store<u32>(dst + (<usize>i << 2), <u32>((v >> <u64>(bit & 7)) & LIMB_MASK));
  }
}

/** n limbs → big-endian `len` bytes (the value must fit). */
function limbsToBytes(dst: usize, src: usize, len: u32, n: u32): void {
  for (let j: u32 = 0; j < len; j++) {
    const bit = j << 3;
    const limb = bit / LIMB_BITS;
    const shift = bit % LIMB_BITS;
    let v: u64 = <u64>load<u32>(src + (<usize>limb << 2));
    if (limb + 1 < n) v |= <u64>load<u32>(src + (<usize>(limb + 1) << 2)) << LIMB_BITS;
    store<u8>(dst + <usize>(len - 1 - j), <u8>(v >> <u64>shift));
  }
}

/** `w` bits of the big-endian exponent starting at bit `pos` (bit 0 = least significant). */
function digitAt(exp: usize, expLen: u32, pos: u32, w: u32): u32 {
  let d: u32 = 0;
  for (let k: u32 = 0; k < w; k++) {
    const bit = pos + k;
    const byte = bit >> 3;
    if (byte < expLen) d |= ((<u32>load<u8>(exp + <usize>(expLen - 1 - byte)) >> (bit & 7)) & 1) << k;
  }
  return d;
}

/** Window width minimizing table size + multiplications for an exponent of `bits` bits. */
function windowFor(bits: u32): u32 {
  let best: u32 = 1;
  let bestCost: u32 = 0xffffffff;
  for (let w: u32 = 1; w <= MAX_WINDOW; w++) {
    const cost = (bits + w - 1) / w + (1 << w) - 2;
    if (cost < bestCost) {
      bestCost = cost;
      best = w;
    }
  }
  return best;
}

/**
 * PICK := TABLE[d] by reading every entry and masking: the memory access
 * pattern is the same for every d (a secret exponent's digits leave no trace
 * in which cache lines are touched).
 */
function selectConstantTime(d: u32, entries: u32, n: u32): void {
  // Whole 16-byte steps: past n limbs every entry holds zero padding.
  const bytes = ((<usize>n << 2) + 15) & ~(<usize>15);
  memory.fill(PICK, 0, bytes);
  for (let k: u32 = 0; k < entries; k++) {
    const entry = TABLE + <usize>k * LIMB_STRIDE;
    if (ASC_FEATURE_SIMD) {
      const mask = i32x4.splat(0 - <i32>(k == d));
      for (let i: usize = 0; i < bytes; i += 16) {
        v128.store(PICK + i, v128.or(v128.load(PICK + i), v128.and(v128.load(entry + i), mask)));
      }
    } else {
      const mask: u64 = 0 - <u64>(k == d);
      for (let i: usize = 0; i < bytes; i += 8) store<u64>(PICK + i, load<u64>(PICK + i) | (load<u64>(entry + i) & mask));
    }
  }
}

/**
 * out := base^exp mod p, every number big-endian.
 *
 * - `mod`, `base`, `r2`, `out`: `len` bytes each; p odd, 1 < p < 2^4096;
 *   base < p; r2 = R² mod p with R = 2^(28·limbsFor(bits(p))).
 * - `exp`: `expLen` bytes (its length is public; its value is not).
 * - `secret` ≠ 0: fixed window, a squaring chain and one multiplication per
 *   window whatever the digits, table entries read by masked scans — time and
 *   memory accesses depend on the lengths only. `secret` = 0: leading zero
 *   digits skipped and zero digits not multiplied (public exponents: RSA e,
 *   Miller–Rabin's d).
 *
 * Returns 1, or 0 for an even, oversized or empty modulus or an empty exponent.
 */
export function modPow(mod: usize, base: usize, r2: usize, len: u32, exp: usize, expLen: u32, out: usize, secret: u32): u32 {
  if (len == 0 || len > MAX_BYTES || expLen == 0 || (load<u8>(mod + <usize>(len - 1)) & 1) == 0) return 0;
  // Bit length of p (public).
  let top: u32 = 0;
  while (top < len && load<u8>(mod + <usize>top) == 0) top++;
  if (top == len) return 0;
  const bits = (len - top) * 8 - (clz<u32>(<u32>load<u8>(mod + <usize>top)) - 24);
  const n = limbsFor(bits);
  const bytes = <usize>n << 2;

  // Zero everything: the limb arrays' padding must read as zeros (see montgomery.ts).
  memory.fill(SCRATCH, 0, SCRATCH_END - SCRATCH);
  bytesToLimbs(P, mod, len, n);
  bytesToLimbs(R2, r2, len, n);
  bytesToLimbs(ACC_A, base, len, n);
  memory.fill(ONE, 0, bytes);
  store<u32>(ONE, 1);
  const ctx = changetype<Modulus>(MOD);
  ctx.pr = PR;
  ctx.m = M;
  ctx.rev = REV;
  ctx.n = n;
  ctx.pinv = negInverse(load<u32>(P));
  ctx.p0 = <u64>load<u32>(P);
  for (let k: u32 = 0; k < n; k++) store<u32>(PR + (<usize>k << 2), load<u32>(P + (<usize>(n - 1 - k) << 2)));

  const expBits = expLen << 3;
  // A base of one small limb (DH's and SRP's g ∈ 2..7): the per-bit multiply
  // is a scalar one (smallBasePow). Decided by the base's magnitude only,
  // which is public for those callers.
  let small = true;
  for (let k: u32 = 1; k < n; k++) small = small && load<u32>(ACC_A + (<usize>k << 2)) == 0;
  const g = <u64>load<u32>(ACC_A);
  const gbits: u32 = 64 - <u32>clz<u64>(g);
  if (small && g >= 2 && gbits <= SMALL_BASE_BITS && n * LIMB_BITS >= bits + gbits + 1) {
    const acc = smallBasePow(g, gbits, exp, expLen, n, ctx);
    finish(acc, acc == ACC_A ? ACC_B : ACC_A, out, len, n, ctx);
    return 1;
  }
  const w = windowFor(expBits);
  const entries: u32 = 1 << w;
  // TABLE[k] = base^k in Montgomery form (TABLE[0] = R mod p, i.e. 1).
  montMul(TABLE, R2, ONE, ctx);
  montMul(TABLE + LIMB_STRIDE, ACC_A, R2, ctx);
  for (let k: u32 = 2; k < entries; k++) {
    const entry = TABLE + <usize>k * LIMB_STRIDE;
    montMul(entry, entry - LIMB_STRIDE, TABLE + LIMB_STRIDE, ctx);
  }

  const windows = (expBits + w - 1) / w;
  let acc = ACC_A;
  let spare = ACC_B;
  if (secret != 0) {
    selectConstantTime(digitAt(exp, expLen, (windows - 1) * w, w), entries, n);
    memory.copy(acc, PICK, bytes);
    for (let wi = <i32>windows - 2; wi >= 0; wi--) {
      for (let s: u32 = 0; s < w; s++) {
        montSqr(spare, acc, ctx);
        const t = acc;
        acc = spare;
        spare = t;
      }
      selectConstantTime(digitAt(exp, expLen, <u32>wi * w, w), entries, n);
      montMul(spare, acc, PICK, ctx);
      const t = acc;
      acc = spare;
      spare = t;
    }
  } else {
    let wi = <i32>windows - 1;
    while (wi > 0 && digitAt(exp, expLen, <u32>wi * w, w) == 0) wi--;
    memory.copy(acc, TABLE + <usize>digitAt(exp, expLen, <u32>wi * w, w) * LIMB_STRIDE, bytes);
    for (wi--; wi >= 0; wi--) {
      for (let s: u32 = 0; s < w; s++) {
        montSqr(spare, acc, ctx);
        const t = acc;
        acc = spare;
        spare = t;
      }
      const d = digitAt(exp, expLen, <u32>wi * w, w);
      if (d != 0) {
        montMul(spare, acc, TABLE + <usize>d * LIMB_STRIDE, ctx);
        const t = acc;
        acc = spare;
        spare = t;
      }
    }
  }
  finish(acc, spare, out, len, n, ctx);
  return 1;
}

/** Leaves the Montgomery domain (acc·1·R⁻¹ ≤ p), reduces to [0, p), writes `out`, wipes the scratch. */
function finish(acc: usize, spare: usize, out: usize, len: u32, n: u32, ctx: Modulus): void {
  montMul(spare, acc, ONE, ctx);
  reduceOnce(acc, spare, P, n);
  limbsToBytes(out, acc, len, n);
  // Wipe what depends on the (possibly secret) exponent.
  memory.fill(SCRATCH, 0, SCRATCH_END - SCRATCH);
}

/** Largest base, in bits, that takes the scalar path (one masked subtraction per bit of g). */
const SMALL_BASE_BITS: u32 = 8;

/** out := a·g for a normalized n-limb a and g < 2^SMALL_BASE_BITS (the caller checked it fits in n limbs). */
function mulSmall(out: usize, a: usize, g: u64, n: u32): void {
  let carry: u64 = 0;
  for (let i: usize = 0; i < <usize>n; i++) {
    const v = <u64>load<u32>(a + (i << 2)) * g + carry;
    store<u32>(out + (i << 2), <u32>(v & LIMB_MASK));
    carry = v >> LIMB_BITS;
  }
}

/**
 * g^exp in Montgomery form for a small public base g (2 ≤ g < 2^gbits):
 * left to right, per exponent bit one squaring and one scalar step
 * acc·g mod p — a limb-times-scalar product brought below 2p by masked
 * subtractions of 2^k·p (k = gbits..1) — kept or dropped by a mask. The
 * same work for every bit, so constant time in the exponent like the
 * windowed path; ~20 % fewer limb products than it for a 2048-bit exponent
 * (no window table, no window multiplications). Returns the address of the
 * result (ACC_A or ACC_B), < 2p.
 */
function smallBasePow(g: u64, gbits: u32, exp: usize, expLen: u32, n: u32, ctx: Modulus): usize {
  // TABLE entries 0..gbits−1 hold p·2^(k+1); entries 8 and 9 the scalar step's two buffers.
  for (let k: u32 = 0; k < gbits; k++) mulSmall(TABLE + <usize>k * LIMB_STRIDE, P, <u64>2 << <u64>k, n);
  let acc = ACC_A;
  let spare = ACC_B;
  montMul(acc, R2, ONE, ctx); // 1 in Montgomery form (R mod p)
  const t0 = TABLE + <usize>SMALL_BASE_BITS * LIMB_STRIDE;
  const t1 = t0 + LIMB_STRIDE;
  for (let bit = <i32>(expLen << 3) - 1; bit >= 0; bit--) {
    montSqr(spare, acc, ctx);
    const t = acc;
    acc = spare;
    spare = t;
    // acc·g < 2^(gbits+1)·p; each masked subtraction of 2^k·p halves the bound, down to 2p.
    mulSmall(t0, acc, g, n);
    let x = t0;
    let y = t1;
    for (let k = <i32>gbits - 1; k >= 0; k--) {
      reduceOnce(y, x, TABLE + <usize>k * LIMB_STRIDE, n);
      const z = x;
      x = y;
      y = z;
    }
    const byte = <u32>bit >> 3;
    const take = ((<u32>load<u8>(exp + <usize>(expLen - 1 - byte)) >> (<u32>bit & 7)) & 1);
    const mask: u32 = 0 - take;
    for (let i: usize = 0; i < <usize>n; i++) {
      const o = acc + (i << 2);
      store<u32>(o, (load<u32>(x + (i << 2)) & mask) | (load<u32>(o) & ~mask));
    }
  }
  return acc;
}
