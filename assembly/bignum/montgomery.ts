// Montgomery arithmetic on multi-limb integers for 2048-bit (and up to
// 4096-bit) modular exponentiation: DH (g^b, g_a^b mod dh_prime), RSA and SRP
// (https://core.telegram.org/mtproto/auth_key, https://core.telegram.org/api/srp).
//
// Representation: little-endian arrays of n u32 limbs holding 28 bits each
// (radix r = 2^28). WASM's i64.mul gives the low 64 bits of a 64×64 product,
// so 28-bit limbs make every 28×28 product < 2^56 and a column can sum up to
// 256 of them in a u64 without carry handling: the inner loops are load,
// multiply, add — no carry compares. (32-bit limbs need a carry split after
// every product; measured slower, see bench/crypto.)
//
// Multiplication is product scanning (column by column, "FIPS" Montgomery):
// the m_i of the reduction is found when column i is complete, and the a·b
// and m·p products of a column are summed in two independent accumulators.
//
// With R = r^n ≥ 4p, inputs below 2p give outputs below 2p (Walter, "Montgomery
// exponentiation needs no final subtractions", 1999), so no data-dependent
// subtraction ever runs inside an exponentiation; one constant-time
// subtraction after leaving the Montgomery domain gives the result in [0, p).

/** Bits per limb. */
export const LIMB_BITS: u32 = 28;
/** Mask of one limb. */
export const LIMB_MASK: u64 = (1 << 28) - 1;

/**
 * out := a·b·R⁻¹ mod p, lazily reduced (out < 2p when a, b < 2p and R ≥ 4p).
 * `m` is scratch (n limbs). `out` must not alias a or b.
 */
export function montMul(out: usize, a: usize, b: usize, p: usize, m: usize, n: u32, pinv: u64): void {
  const last: usize = (<usize>n - 1) << 2;
  let carry: u64 = 0;
  // Columns 0..n-1: complete each column, then choose m_i to clear its low limb.
  for (let i: usize = 0; i < <usize>n; i++) {
    let acc0: u64 = carry;
    let acc1: u64 = 0;
    const i4 = i << 2;
    let pa = a;
    let pb = b + i4;
    let pm = m;
    let pp = p + i4;
    const end = a + i4;
    while (pa < end) {
      acc0 += <u64>load<u32>(pa) * <u64>load<u32>(pb);
      acc1 += <u64>load<u32>(pm) * <u64>load<u32>(pp);
      pa += 4;
      pb -= 4;
      pm += 4;
      pp -= 4;
    }
    acc0 += <u64>load<u32>(end) * <u64>load<u32>(b);
    let low = (acc0 & LIMB_MASK) + (acc1 & LIMB_MASK);
    const high = (acc0 >> LIMB_BITS) + (acc1 >> LIMB_BITS);
    const mi = ((low & LIMB_MASK) * pinv) & LIMB_MASK;
    store<u32>(m + i4, <u32>mi);
    low += mi * <u64>load<u32>(p);
    carry = high + (low >> LIMB_BITS);
  }
  // Columns n..2n-2 give the result limbs 0..n-2; the final carry is limb n-1.
  for (let i: usize = <usize>n; i < (<usize>n << 1) - 1; i++) {
    let acc0: u64 = carry;
    let acc1: u64 = 0;
    const start = (i - <usize>n + 1) << 2;
    let pa = a + start;
    let pb = b + last;
    let pm = m + start;
    let pp = p + last;
    const end = a + last;
    while (pa <= end) {
      acc0 += <u64>load<u32>(pa) * <u64>load<u32>(pb);
      acc1 += <u64>load<u32>(pm) * <u64>load<u32>(pp);
      pa += 4;
      pb -= 4;
      pm += 4;
      pp -= 4;
    }
    const low = (acc0 & LIMB_MASK) + (acc1 & LIMB_MASK);
    carry = (acc0 >> LIMB_BITS) + (acc1 >> LIMB_BITS) + (low >> LIMB_BITS);
    store<u32>(out + ((i - <usize>n) << 2), <u32>(low & LIMB_MASK));
  }
  store<u32>(out + last, <u32>carry);
}

/**
 * out := a²·R⁻¹ mod p (lazily reduced, like montMul). The cross products
 * a_j·a_k (j < k) are summed once and doubled: about 3/4 of montMul's work.
 */
export function montSqr(out: usize, a: usize, p: usize, m: usize, n: u32, pinv: u64): void {
  const last: usize = (<usize>n - 1) << 2;
  let carry: u64 = 0;
  for (let i: usize = 0; i < <usize>n; i++) {
    let acc0: u64 = 0;
    let acc1: u64 = 0;
    const i4 = i << 2;
    // Cross products a_j·a_{i-j} for j < i-j.
    let pa = a;
    let pb = a + i4;
    while (pa < pb) {
      acc0 += <u64>load<u32>(pa) * <u64>load<u32>(pb);
      pa += 4;
      pb -= 4;
    }
    acc0 <<= 1;
    if ((i & 1) == 0) {
      const d = <u64>load<u32>(pa);
      acc0 += d * d;
    }
    let pm = m;
    let pp = p + i4;
    const end = m + i4;
    while (pm < end) {
      acc1 += <u64>load<u32>(pm) * <u64>load<u32>(pp);
      pm += 4;
      pp -= 4;
    }
    let low = (acc0 & LIMB_MASK) + (acc1 & LIMB_MASK) + (carry & LIMB_MASK);
    const high = (acc0 >> LIMB_BITS) + (acc1 >> LIMB_BITS) + (carry >> LIMB_BITS);
    const mi = ((low & LIMB_MASK) * pinv) & LIMB_MASK;
    store<u32>(m + i4, <u32>mi);
    low += mi * <u64>load<u32>(p);
    carry = high + (low >> LIMB_BITS);
  }
  for (let i: usize = <usize>n; i < (<usize>n << 1) - 1; i++) {
    let acc0: u64 = 0;
    let acc1: u64 = 0;
    const start = (i - <usize>n + 1) << 2;
    let pa = a + start;
    let pb = a + last;
    while (pa < pb) {
      acc0 += <u64>load<u32>(pa) * <u64>load<u32>(pb);
      pa += 4;
      pb -= 4;
    }
    acc0 <<= 1;
    if ((i & 1) == 0) {
      const d = <u64>load<u32>(pa);
      acc0 += d * d;
    }
    let pm = m + start;
    let pp = p + last;
    const end = m + last;
    while (pm <= end) {
      acc1 += <u64>load<u32>(pm) * <u64>load<u32>(pp);
      pm += 4;
      pp -= 4;
    }
    const low = (acc0 & LIMB_MASK) + (acc1 & LIMB_MASK) + (carry & LIMB_MASK);
    carry = (acc0 >> LIMB_BITS) + (acc1 >> LIMB_BITS) + (carry >> LIMB_BITS) + (low >> LIMB_BITS);
    store<u32>(out + ((i - <usize>n) << 2), <u32>(low & LIMB_MASK));
  }
  store<u32>(out + last, <u32>carry);
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
