// Montgomery arithmetic on multi-limb integers for 2048-bit (and up to
// 4096-bit) modular exponentiation: DH (g^b, g_a^b mod dh_prime), RSA and SRP
// (https://core.telegram.org/mtproto/auth_key, https://core.telegram.org/api/srp).
//
// Representation: little-endian arrays of n u32 limbs holding 28 bits each
// (radix r = 2^28), followed by at least 8 zero limbs of padding. WASM's
// i64.mul gives the low 64 bits of a product, so 28-bit limbs make every
// limb product < 2^56 and a column can sum up to 256 of them in a u64: the
// inner loops are load, multiply, add — no carry handling.
//
// Multiplication is product scanning (column by column, "FIPS" Montgomery):
// m_i of the reduction is chosen when column i is complete. Column sums are
// dot products of a forward slice with a slice of a *reversed* copy of the
// other operand (b, and p reversed once per exponentiation), so both streams
// run forward: eight limbs per step as two v128 in the SIMD build
// (`i64x2.extmul_{low,high}_i32x4_u`), or four unrolled in the plain one.
// Steps may read up to 7 limbs past a slice's end; the zero padding (and m
// being zeroed before each product) makes those reads contribute nothing.
//
// With R = r^n ≥ 4p, inputs below 2p give outputs below 2p (Walter,
// "Montgomery exponentiation needs no final subtractions", 1999), so no
// data-dependent subtraction ever runs inside an exponentiation; one
// constant-time subtraction after leaving the Montgomery domain gives the
// result in [0, p).

/** Bits per limb. */
export const LIMB_BITS: u32 = 28;
/** Mask of one limb. */
export const LIMB_MASK: u64 = (1 << 28) - 1;

/**
 * Bytes per dot-product step: two v128 (8 limbs) in the SIMD build, 4 limbs
 * unrolled in the plain one (measured: the plain build loses with 8, the
 * SIMD build gains ~8 %). Limb arrays carry at least 8 limbs of zero padding.
 */
const STEP: usize = ASC_FEATURE_SIMD ? 32 : 16;

/**
 * Σ x[k]·y[k] over `bytes` bytes (a multiple of STEP; k up to bytes/4). Each
 * product is < 2^56, and the callers sum at most 152 of them.
 */
@inline function dot(x: usize, y: usize, bytes: usize): u64 {
  if (ASC_FEATURE_SIMD) {
    let acc0 = i64x2.splat(0);
    let acc1 = i64x2.splat(0);
    for (let k: usize = 0; k < bytes; k += 32) {
      const vx = v128.load(x + k);
      const vy = v128.load(y + k);
      const wx = v128.load(x + k, 16);
      const wy = v128.load(y + k, 16);
      acc0 = i64x2.add(acc0, i64x2.extmul_low_i32x4_u(vx, vy));
      acc1 = i64x2.add(acc1, i64x2.extmul_high_i32x4_u(vx, vy));
      acc0 = i64x2.add(acc0, i64x2.extmul_low_i32x4_u(wx, wy));
      acc1 = i64x2.add(acc1, i64x2.extmul_high_i32x4_u(wx, wy));
    }
    const s = i64x2.add(acc0, acc1);
    return <u64>i64x2.extract_lane(s, 0) + <u64>i64x2.extract_lane(s, 1);
  } else {
    let s0: u64 = 0;
    let s1: u64 = 0;
    for (let k: usize = 0; k < bytes; k += 16) {
      s0 += <u64>load<u32>(x + k) * <u64>load<u32>(y + k);
      s1 += <u64>load<u32>(x + k, 4) * <u64>load<u32>(y + k, 4);
      s0 += <u64>load<u32>(x + k, 8) * <u64>load<u32>(y + k, 8);
      s1 += <u64>load<u32>(x + k, 12) * <u64>load<u32>(y + k, 12);
    }
    return s0 + s1;
  }
}

/** Σ x[k]·y[k] for exactly `count` limbs (no reads past the end are allowed to count). */
@inline function dotExact(x: usize, y: usize, count: usize): u64 {
  const whole = (count << 2) & ~(STEP - 1);
  let s = dot(x, y, whole);
  if (ASC_FEATURE_SIMD) {
    // The last 1..7 limbs: one more step with x masked to `rest` limbs.
    const rest = count & 7;
    if (rest != 0) {
      const mask = TAIL_MASKS + ((8 - rest) << 2);
      const vx = v128.and(v128.load(x + whole), v128.load(mask));
      const wx = v128.and(v128.load(x + whole, 16), v128.load(mask, 16));
      const vy = v128.load(y + whole);
      const wy = v128.load(y + whole, 16);
      const t = i64x2.add(
        i64x2.add(i64x2.extmul_low_i32x4_u(vx, vy), i64x2.extmul_high_i32x4_u(vx, vy)),
        i64x2.add(i64x2.extmul_low_i32x4_u(wx, wy), i64x2.extmul_high_i32x4_u(wx, wy)),
      );
      s += <u64>i64x2.extract_lane(t, 0) + <u64>i64x2.extract_lane(t, 1);
    }
  } else {
    for (let k = whole; k < count << 2; k += 4) s += <u64>load<u32>(x + k) * <u64>load<u32>(y + k);
  }
  return s;
}

/** Eight all-ones limbs then eight zero limbs: the 8 limbs at TAIL_MASKS + 4·(8 − r) keep the first r. */
const TAIL_MASKS: usize = memory.data<u32>([
  0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0, 0, 0, 0, 0, 0, 0, 0,
]);

/** dst[k] := src[n−1−k] for k < n (dst's padding stays zero). */
@inline function reverseInto(dst: usize, src: usize, n: u32): void {
  const last = (<usize>n - 1) << 2;
  for (let k: usize = 0; k <= last; k += 4) store<u32>(dst + k, load<u32>(src + last - k));
}

/** Bytes of a dot product over `count` limbs, rounded up to whole steps. */
@inline function stepBytes(count: usize): usize {
  return ((count << 2) + STEP - 1) & ~(STEP - 1);
}

/** The modulus in the forms the products need (all scratch, fixed addresses). */
@unmanaged
export class Modulus {
  /** p reversed (n limbs + zero padding). */
  pr: usize;
  /** Scratch for the reduction's m (n limbs + zero padding). */
  m: usize;
  /** Scratch for the reversed second factor (n limbs + zero padding). */
  rev: usize;
  /** Limb count. */
  n: u32;
  /** −p⁻¹ mod 2^28. */
  pinv: u64;
  /** p's lowest limb. */
  p0: u64;
}

/**
 * One column's completion in the first half: low limb cleared by m_i·p_0,
 * m_i stored, carry into the next column returned.
 */
@inline function lowColumn(mod: Modulus, i: usize, ab: u64, mp: u64, carry: u64): u64 {
  let low = (ab & LIMB_MASK) + (mp & LIMB_MASK) + (carry & LIMB_MASK);
  const high = (ab >> LIMB_BITS) + (mp >> LIMB_BITS) + (carry >> LIMB_BITS);
  const mi = ((low & LIMB_MASK) * mod.pinv) & LIMB_MASK;
  store<u32>(mod.m + (i << 2), <u32>mi);
  low += mi * mod.p0;
  return high + (low >> LIMB_BITS);
}

/** A second-half column: stores its limb at `dst`, returns the carry. */
@inline function highColumn(dst: usize, ab: u64, mp: u64, carry: u64): u64 {
  const low = (ab & LIMB_MASK) + (mp & LIMB_MASK) + (carry & LIMB_MASK);
  store<u32>(dst, <u32>(low & LIMB_MASK));
  return (ab >> LIMB_BITS) + (mp >> LIMB_BITS) + (carry >> LIMB_BITS) + (low >> LIMB_BITS);
}

/**
 * out := a·b·R⁻¹ mod p, lazily reduced (out < 2p when a, b < 2p and R ≥ 4p).
 * `out` must not alias a or b; a and b need their zero padding.
 */
export function montMul(out: usize, a: usize, b: usize, mod: Modulus): void {
  const n = mod.n;
  const nn = <usize>n;
  const m = mod.m;
  const pr = mod.pr;
  const br = mod.rev;
  reverseInto(br, b, n);
  memory.fill(m, 0, nn << 2);
  let carry: u64 = 0;
  // Columns 0..n−1: Σ_{j≤i} a_j·b_{i−j} + Σ_{j<i} m_j·p_{i−j} (m_i is still 0).
  for (let i: usize = 0; i < nn; i++) {
    const off = (nn - 1 - i) << 2;
    const bytes = stepBytes(i + 1);
    carry = lowColumn(mod, i, dot(a, br + off, bytes), dot(m, pr + off, bytes), carry);
  }
  // Columns n..2n−2 give result limbs 0..n−2; the last carry is limb n−1.
  for (let i: usize = nn; i < (nn << 1) - 1; i++) {
    const s = (i - nn + 1) << 2;
    const bytes = stepBytes((nn << 1) - 1 - i);
    carry = highColumn(out + ((i - nn) << 2), dot(a + s, br, bytes), dot(m + s, pr, bytes), carry);
  }
  store<u32>(out + ((nn - 1) << 2), <u32>carry);
}

/**
 * out := a²·R⁻¹ mod p (lazily reduced, like montMul). The cross products
 * a_j·a_k (j < k) are summed once and doubled: about 3/4 of montMul's work.
 */
export function montSqr(out: usize, a: usize, mod: Modulus): void {
  const n = mod.n;
  const nn = <usize>n;
  const m = mod.m;
  const pr = mod.pr;
  const ar = mod.rev;
  reverseInto(ar, a, n);
  memory.fill(m, 0, nn << 2);
  let carry: u64 = 0;
  for (let i: usize = 0; i < nn; i++) {
    const off = (nn - 1 - i) << 2;
    // Cross products a_j·a_{i−j}, j < i−j: exactly (i+1)/2 of them.
    let ab = dotExact(a, ar + off, (i + 1) >> 1) << 1;
    if ((i & 1) == 0) {
      const d = <u64>load<u32>(a + (i << 1));
      ab += d * d;
    }
    carry = lowColumn(mod, i, ab, dot(m, pr + off, stepBytes(i + 1)), carry);
  }
  for (let i: usize = nn; i < (nn << 1) - 1; i++) {
    const first = i - nn + 1;
    const s = first << 2;
    let ab = dotExact(a + s, ar, ((i + 1) >> 1) - first) << 1;
    if ((i & 1) == 0) {
      const d = <u64>load<u32>(a + (i << 1));
      ab += d * d;
    }
    carry = highColumn(out + ((i - nn) << 2), ab, dot(m + s, pr, stepBytes((nn << 1) - 1 - i)), carry);
  }
  store<u32>(out + ((nn - 1) << 2), <u32>carry);
}

/** −p⁻¹ mod 2^28 for odd p0 (Newton iteration: each step doubles the correct bits). */
export function negInverse(p0: u32): u64 {
  let x: u32 = p0; // correct to 3 bits for odd p0
  x *= 2 - p0 * x;
  x *= 2 - p0 * x;
  x *= 2 - p0 * x;
  x *= 2 - p0 * x; // 48 ≥ 32 bits
  return <u64>(0 - x) & LIMB_MASK;
}

/**
 * Constant-time final reduction: out := a − p when a ≥ p, else a (a < 2p).
 * Both candidates are computed; a mask picks one.
 */
export function reduceOnce(out: usize, a: usize, p: usize, n: u32): void {
  let borrow: i64 = 0;
  for (let i: usize = 0; i < <usize>n; i++) {
    const d = <i64>load<u32>(a + (i << 2)) - <i64>load<u32>(p + (i << 2)) + borrow;
    store<u32>(out + (i << 2), <u32>(d & <i64>LIMB_MASK)); // tentative a − p
    borrow = d >> LIMB_BITS; // arithmetic shift: 0 or −1
  }
  // borrow = −1 when a < p: keep a.
  const keepA = <u32>borrow; // 0xffffffff or 0
  for (let i: usize = 0; i < <usize>n; i++) {
    const o = out + (i << 2);
    store<u32>(o, (load<u32>(a + (i << 2)) & keepA) | (load<u32>(o) & ~keepA));
  }
}
