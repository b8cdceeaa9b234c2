// AES (FIPS 197) with 32-bit T-tables in little-endian column order, and the
// IGE and CTR modes MTProto uses.
//
// Column c of the state is one u32 whose byte r (bits 8r..8r+7) is row r, i.e.
// exactly how the bytes sit in memory, so blocks load with plain u32 loads and
// no byte swaps. Table index extraction yields index*4 directly
// ((s << 2) & 0x3fc, (s >>> 6) & 0x3fc, ...), so one table lookup is a shift,
// an and, and a load with the table base as immediate offset.
//
// IGE: https://core.telegram.org/mtproto/description#defining-aes-key-and-initialization-vector
// (the 32-byte iv is c_0 ‖ x_0: previous ciphertext block, previous plaintext block).
import {
  TE0, TE1, TE2, TE3, TD0, TD1, TD2, TD3, TDL0, TDL1, TDL2, TDL3, SBOX, INV_SBOX,
  CTR_RK, CTR_COUNTER, CTR_STREAM, CTR_POS, CTR_NR,
} from './layout';

@inline function xtime(x: u32): u32 {
  return ((x << 1) ^ (((x >> 7) & 1) * 0x1b)) & 0xff;
}

/** Builds the S-boxes and T-tables. Runs once at instantiation. */
export function aesInitTables(): void {
  // Walk the multiplicative group with generator 3 (p) and its inverse (q):
  // each p's inverse is q, so the S-box value is the affine map of q.
  let p: u32 = 1;
  let q: u32 = 1;
  do {
    p = (p ^ (p << 1) ^ ((p & 0x80) != 0 ? 0x1b : 0)) & 0xff; // p *= 3
    q ^= q << 1; // q /= 3: q *= 0xf6
    q ^= q << 2;
    q ^= q << 4;
    q &= 0xff;
    if (q & 0x80) q ^= 0x09;
    const x = q ^ rot8(q, 1) ^ rot8(q, 2) ^ rot8(q, 3) ^ rot8(q, 4);
    store<u8>(SBOX + p, (x ^ 0x63) as u8);
  } while (p != 1);
  store<u8>(SBOX, 0x63);
  for (let i: u32 = 0; i < 256; i++) store<u8>(INV_SBOX + load<u8>(SBOX + i), i as u8);

  for (let i: u32 = 0; i < 256; i++) {
    const s = <u32>load<u8>(SBOX + i);
    const s2 = xtime(s);
    const s3 = s2 ^ s;
    const te = s2 | (s << 8) | (s << 16) | (s3 << 24);
    store<u32>(TE0 + (i << 2), te);
    store<u32>(TE1 + (i << 2), rotl<u32>(te, 8));
    store<u32>(TE2 + (i << 2), rotl<u32>(te, 16));
    store<u32>(TE3 + (i << 2), rotl<u32>(te, 24));

    const si = <u32>load<u8>(INV_SBOX + i);
    store<u32>(TDL0 + (i << 2), si);
    store<u32>(TDL1 + (i << 2), si << 8);
    store<u32>(TDL2 + (i << 2), si << 16);
    store<u32>(TDL3 + (i << 2), si << 24);
    const i2 = xtime(si);
    const i4 = xtime(i2);
    const i8 = xtime(i4);
    const i9 = i8 ^ si;
    const i11 = i8 ^ i2 ^ si;
    const i13 = i8 ^ i4 ^ si;
    const i14 = i8 ^ i4 ^ i2;
    const td = i14 | (i9 << 8) | (i13 << 16) | (i11 << 24);
    store<u32>(TD0 + (i << 2), td);
    store<u32>(TD1 + (i << 2), rotl<u32>(td, 8));
    store<u32>(TD2 + (i << 2), rotl<u32>(td, 16));
    store<u32>(TD3 + (i << 2), rotl<u32>(td, 24));
  }
}

@inline function rot8(x: u32, n: u32): u32 {
  return ((x << n) | (x >> (8 - n))) & 0xff;
}

@inline function subWord(t: u32): u32 {
  return (<u32>load<u8>(SBOX + (t & 0xff))) |
    ((<u32>load<u8>(SBOX + ((t >> 8) & 0xff))) << 8) |
    ((<u32>load<u8>(SBOX + ((t >> 16) & 0xff))) << 16) |
    ((<u32>load<u8>(SBOX + (t >> 24))) << 24);
}

/**
 * Expands a 16-, 24- or 32-byte key into encryption round keys at `rk`.
 * Returns the number of rounds (10, 12, 14), or 0 for a bad key length.
 */
export function aesExpandEnc(key: usize, keyLen: u32, rk: usize): u32 {
  if (keyLen != 16 && keyLen != 24 && keyLen != 32) return 0;
  const nk = keyLen >> 2;
  const nr = nk + 6;
  const total = (nr + 1) << 2;
  for (let i: u32 = 0; i < nk; i++) store<u32>(rk + (i << 2), load<u32>(key + (i << 2)));
  let rcon: u32 = 1;
  for (let i = nk; i < total; i++) {
    let t = load<u32>(rk + ((i - 1) << 2));
    const m = i % nk;
    if (m == 0) {
      t = subWord(rotr<u32>(t, 8)) ^ rcon;
      rcon = xtime(rcon);
    } else if (nk > 6 && m == 4) {
      t = subWord(t);
    }
    store<u32>(rk + (i << 2), load<u32>(rk + ((i - nk) << 2)) ^ t);
  }
  return nr;
}

@inline function invMixColumn(w: u32): u32 {
  // Td includes the inverse S-box, so pre-apply the S-box to cancel it.
  return load<u32>((<usize>load<u8>(SBOX + (w & 0xff))) << 2, TD0) ^
    load<u32>((<usize>load<u8>(SBOX + ((w >> 8) & 0xff))) << 2, TD1) ^
    load<u32>((<usize>load<u8>(SBOX + ((w >> 16) & 0xff))) << 2, TD2) ^
    load<u32>((<usize>load<u8>(SBOX + (w >> 24))) << 2, TD3);
}

/** Expands decryption round keys (equivalent inverse cipher) at `drk`. Returns rounds or 0. */
export function aesExpandDec(key: usize, keyLen: u32, drk: usize): u32 {
  const nr = aesExpandEnc(key, keyLen, drk);
  if (nr == 0) return 0;
  // Reverse the round order in place, applying InvMixColumns to the middle rounds.
  for (let i: u32 = 0, j = nr; i < j; i++, j--) {
    for (let k: u32 = 0; k < 4; k++) {
      const a = drk + (((i << 2) + k) << 2);
      const b = drk + (((j << 2) + k) << 2);
      const wa = load<u32>(a);
      const wb = load<u32>(b);
      store<u32>(a, wb);
      store<u32>(b, wa);
    }
  }
  for (let i: u32 = 4; i < (nr << 2); i++) {
    const a = drk + (i << 2);
    store<u32>(a, invMixColumn(load<u32>(a)));
  }
  return nr;
}

// One T-table round: output column = Te0[row0 of col c] ^ Te1[row1 of col c+1]
// ^ Te2[row2 of col c+2] ^ Te3[row3 of col c+3] ^ round key.
// @ts-ignore: decorator
@inline export function ercol(a: u32, b: u32, c: u32, d: u32, k: u32): u32 {
  return load<u32>((a << 2) & 0x3fc, TE0) ^
    load<u32>((b >> 6) & 0x3fc, TE1) ^
    load<u32>((c >> 14) & 0x3fc, TE2) ^
    load<u32>((d >> 22) & 0x3fc, TE3) ^ k;
}

// Last round: S-box only. Te2 holds S at byte 0, Te3 at byte 1, Te0 at byte 2, Te1 at byte 3.
// @ts-ignore: decorator
@inline export function elast(a: u32, b: u32, c: u32, d: u32, k: u32): u32 {
  return (load<u32>((a << 2) & 0x3fc, TE2) & 0x000000ff) ^
    (load<u32>((b >> 6) & 0x3fc, TE3) & 0x0000ff00) ^
    (load<u32>((c >> 14) & 0x3fc, TE0) & 0x00ff0000) ^
    (load<u32>((d >> 22) & 0x3fc, TE1) & 0xff000000) ^ k;
}

// Inverse round: rows come from columns c, c-1, c-2, c-3 (InvShiftRows).
// @ts-ignore: decorator
@inline export function drcol(a: u32, b: u32, c: u32, d: u32, k: u32): u32 {
  return load<u32>((a << 2) & 0x3fc, TD0) ^
    load<u32>((b >> 6) & 0x3fc, TD1) ^
    load<u32>((c >> 14) & 0x3fc, TD2) ^
    load<u32>((d >> 22) & 0x3fc, TD3) ^ k;
}

// Last inverse round: InvSubBytes from the word tables (no shifts after the loads).
// @ts-ignore: decorator
@inline export function dlast(a: u32, b: u32, c: u32, d: u32, k: u32): u32 {
  return load<u32>((a << 2) & 0x3fc, TDL0) ^
    load<u32>((b >> 6) & 0x3fc, TDL1) ^
    load<u32>((c >> 14) & 0x3fc, TDL2) ^
    load<u32>((d >> 22) & 0x3fc, TDL3) ^ k;
}

/** Encrypts the 16-byte block at `src` into `dst` (may be equal). */
// @ts-ignore: decorator
@inline export function encryptBlock(rk: usize, nr: u32, src: usize, dst: usize): void {
  let s0 = load<u32>(src) ^ load<u32>(rk);
  let s1 = load<u32>(src, 4) ^ load<u32>(rk, 4);
  let s2 = load<u32>(src, 8) ^ load<u32>(rk, 8);
  let s3 = load<u32>(src, 12) ^ load<u32>(rk, 12);
  let t0: u32, t1: u32, t2: u32, t3: u32;
  let k = rk + 16;
  // Two rounds per iteration: (nr - 2) / 2 iterations, then one more full round and the last.
  for (let r = (nr - 2) >> 1; r > 0; r--) {
    t0 = ercol(s0, s1, s2, s3, load<u32>(k));
    t1 = ercol(s1, s2, s3, s0, load<u32>(k, 4));
    t2 = ercol(s2, s3, s0, s1, load<u32>(k, 8));
    t3 = ercol(s3, s0, s1, s2, load<u32>(k, 12));
    s0 = ercol(t0, t1, t2, t3, load<u32>(k, 16));
    s1 = ercol(t1, t2, t3, t0, load<u32>(k, 20));
    s2 = ercol(t2, t3, t0, t1, load<u32>(k, 24));
    s3 = ercol(t3, t0, t1, t2, load<u32>(k, 28));
    k += 32;
  }
  t0 = ercol(s0, s1, s2, s3, load<u32>(k));
  t1 = ercol(s1, s2, s3, s0, load<u32>(k, 4));
  t2 = ercol(s2, s3, s0, s1, load<u32>(k, 8));
  t3 = ercol(s3, s0, s1, s2, load<u32>(k, 12));
  k += 16;
  store<u32>(dst, elast(t0, t1, t2, t3, load<u32>(k)));
  store<u32>(dst, elast(t1, t2, t3, t0, load<u32>(k, 4)), 4);
  store<u32>(dst, elast(t2, t3, t0, t1, load<u32>(k, 8)), 8);
  store<u32>(dst, elast(t3, t0, t1, t2, load<u32>(k, 12)), 12);
}

/** Decrypts the 16-byte block at `src` into `dst` with equivalent-inverse round keys. */
// @ts-ignore: decorator
@inline export function decryptBlock(drk: usize, nr: u32, src: usize, dst: usize): void {
  let s0 = load<u32>(src) ^ load<u32>(drk);
  let s1 = load<u32>(src, 4) ^ load<u32>(drk, 4);
  let s2 = load<u32>(src, 8) ^ load<u32>(drk, 8);
  let s3 = load<u32>(src, 12) ^ load<u32>(drk, 12);
  let t0: u32, t1: u32, t2: u32, t3: u32;
  let k = drk + 16;
  for (let r = (nr - 2) >> 1; r > 0; r--) {
    t0 = drcol(s0, s3, s2, s1, load<u32>(k));
    t1 = drcol(s1, s0, s3, s2, load<u32>(k, 4));
    t2 = drcol(s2, s1, s0, s3, load<u32>(k, 8));
    t3 = drcol(s3, s2, s1, s0, load<u32>(k, 12));
    s0 = drcol(t0, t3, t2, t1, load<u32>(k, 16));
    s1 = drcol(t1, t0, t3, t2, load<u32>(k, 20));
    s2 = drcol(t2, t1, t0, t3, load<u32>(k, 24));
    s3 = drcol(t3, t2, t1, t0, load<u32>(k, 28));
    k += 32;
  }
  t0 = drcol(s0, s3, s2, s1, load<u32>(k));
  t1 = drcol(s1, s0, s3, s2, load<u32>(k, 4));
  t2 = drcol(s2, s1, s0, s3, load<u32>(k, 8));
  t3 = drcol(s3, s2, s1, s0, load<u32>(k, 12));
  k += 16;
  store<u32>(dst, dlast(t0, t3, t2, t1, load<u32>(k)));
  store<u32>(dst, dlast(t1, t0, t3, t2, load<u32>(k, 4)), 4);
  store<u32>(dst, dlast(t2, t1, t0, t3, load<u32>(k, 8)), 8);
  store<u32>(dst, dlast(t3, t2, t1, t0, load<u32>(k, 12)), 12);
}

/**
 * IGE encryption of `len` bytes (a multiple of 16) from `src` to `dst`
 * (may overlap exactly). y_i = E(x_i ^ y_{i-1}) ^ x_{i-1}, iv = y_0 ‖ x_0.
 */
export function igeEncryptRk(rk: usize, nr: u32, iv: usize, src: usize, dst: usize, len: usize, tmp: usize): void {
  let c0 = load<u64>(iv);
  let c1 = load<u64>(iv, 8);
  let p0 = load<u64>(iv, 16);
  let p1 = load<u64>(iv, 24);
  const end = src + len;
  while (src < end) {
    const x0 = load<u64>(src);
    const x1 = load<u64>(src, 8);
    store<u64>(tmp, x0 ^ c0);
    store<u64>(tmp, x1 ^ c1, 8);
    encryptBlock(rk, nr, tmp, tmp);
    c0 = load<u64>(tmp) ^ p0;
    c1 = load<u64>(tmp, 8) ^ p1;
    store<u64>(dst, c0);
    store<u64>(dst, c1, 8);
    p0 = x0;
    p1 = x1;
    src += 16;
    dst += 16;
  }
}

/** IGE decryption: x_i = D(y_i ^ x_{i-1}) ^ y_{i-1}, iv = y_0 ‖ x_0. */
export function igeDecryptRk(drk: usize, nr: u32, iv: usize, src: usize, dst: usize, len: usize, tmp: usize): void {
  let c0 = load<u64>(iv);
  let c1 = load<u64>(iv, 8);
  let p0 = load<u64>(iv, 16);
  let p1 = load<u64>(iv, 24);
  const end = src + len;
  while (src < end) {
    const y0 = load<u64>(src);
    const y1 = load<u64>(src, 8);
    store<u64>(tmp, y0 ^ p0);
    store<u64>(tmp, y1 ^ p1, 8);
    decryptBlock(drk, nr, tmp, tmp);
    p0 = load<u64>(tmp) ^ c0;
    p1 = load<u64>(tmp, 8) ^ c1;
    store<u64>(dst, p0);
    store<u64>(dst, p1, 8);
    c0 = y0;
    c1 = y1;
    src += 16;
    dst += 16;
  }
}

@inline function ctrIncrement(ctr: usize): void {
  // 128-bit big-endian increment, byte by byte from the end (carry rarely passes one byte).
  let i: i32 = 15;
  while (i >= 0) {
    const b = (<u32>load<u8>(ctr + i) + 1) & 0xff;
    store<u8>(ctr + i, b as u8);
    if (b != 0) break;
    i--;
  }
}

/** Initializes a CTR context at `ctx` from a key and a 16-byte counter block. Returns rounds or 0. */
export function ctrInit(ctx: usize, key: usize, keyLen: u32, iv: usize): u32 {
  const nr = aesExpandEnc(key, keyLen, ctx + CTR_RK);
  store<u64>(ctx + CTR_COUNTER, load<u64>(iv));
  store<u64>(ctx + CTR_COUNTER, load<u64>(iv, 8), 8);
  store<u32>(ctx + CTR_POS, 16);
  store<u32>(ctx + CTR_NR, nr);
  return nr;
}

/** XORs `len` bytes from `src` with the context's keystream into `dst` (may be equal). */
export function ctrProcess(ctx: usize, src: usize, dst: usize, len: usize): void {
  const rk = ctx + CTR_RK;
  const nr = load<u32>(ctx + CTR_NR);
  const ctr = ctx + CTR_COUNTER;
  const ks = ctx + CTR_STREAM;
  let pos = <usize>load<u32>(ctx + CTR_POS);
  // Drain leftover keystream from the previous call.
  while (pos < 16 && len > 0) {
    store<u8>(dst, load<u8>(src) ^ load<u8>(ks + pos));
    src++; dst++; len--; pos++;
  }
  // Whole blocks.
  while (len >= 16) {
    encryptBlock(rk, nr, ctr, ks);
    ctrIncrement(ctr);
    store<u64>(dst, load<u64>(src) ^ load<u64>(ks));
    store<u64>(dst, load<u64>(src, 8) ^ load<u64>(ks, 8), 8);
    src += 16; dst += 16; len -= 16;
  }
  // Tail: generate one more keystream block and keep the rest for next time.
  if (len > 0) {
    encryptBlock(rk, nr, ctr, ks);
    ctrIncrement(ctr);
    pos = 0;
    while (len > 0) {
      store<u8>(dst, load<u8>(src) ^ load<u8>(ks + pos));
      src++; dst++; len--; pos++;
    }
  }
  store<u32>(ctx + CTR_POS, <u32>pos);
}
