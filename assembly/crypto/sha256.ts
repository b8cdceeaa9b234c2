// SHA-256 (FIPS 180-4 §6.2). Streaming context in linear memory (layout.ts),
// one-shot helpers, and a compression function with the round constants
// pre-added into the message schedule and eight rounds per loop iteration.
import { K256, W256, W160, CTX_STATE, CTX_BLOCK, CTX_BUFLEN, CTX_TOTAL } from './layout';

const K: u32[] = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

export function sha256InitTables(): void {
  for (let i = 0; i < 64; i++) store<u32>(K256 + (<usize>i << 2), unchecked(K[i]));
}

/** Big-endian u32 load without a bswap instruction (WASM has none). */
// @ts-ignore: decorator
@inline export function loadBe32(p: usize): u32 {
  const x = load<u32>(p);
  return rotl<u32>(x & 0x00ff00ff, 24) | rotl<u32>(x & 0xff00ff00, 8);
}

// @ts-ignore: decorator
@inline export function storeBe32(p: usize, x: u32): void {
  store<u32>(p, rotl<u32>(x & 0x00ff00ff, 24) | rotl<u32>(x & 0xff00ff00, 8));
}

@inline function ssig0(x: u32): u32 { return rotr<u32>(x, 7) ^ rotr<u32>(x, 18) ^ (x >> 3); }
@inline function ssig1(x: u32): u32 { return rotr<u32>(x, 17) ^ rotr<u32>(x, 19) ^ (x >> 10); }
@inline function bsig0(x: u32): u32 { return rotr<u32>(x, 2) ^ rotr<u32>(x, 13) ^ rotr<u32>(x, 22); }
@inline function bsig1(x: u32): u32 { return rotr<u32>(x, 6) ^ rotr<u32>(x, 11) ^ rotr<u32>(x, 25); }
@inline function ch(x: u32, y: u32, z: u32): u32 { return z ^ (x & (y ^ z)); }
@inline function maj(x: u32, y: u32, z: u32): u32 { return (x & y) | (z & (x | y)); }

/** Compresses `blocks` consecutive 64-byte blocks at `p` into the state at `st`. */
export function sha256Blocks(st: usize, p: usize, blocks: usize): void {
  let a = load<u32>(st), b = load<u32>(st, 4), c = load<u32>(st, 8), d = load<u32>(st, 12);
  let e = load<u32>(st, 16), f = load<u32>(st, 20), g = load<u32>(st, 24), h = load<u32>(st, 28);
  while (blocks > 0) {
    // Message schedule with K pre-added: W256[t] = W[t] + K[t]. The raw W[t]
    // values needed for later words are kept in the locals w0..w15 ring via memory.
    for (let t: usize = 0; t < 16; t++) {
      const w = loadBe32(p + (t << 2));
      store<u32>(W256 + 256 + (t << 2), w); // raw copy for the expansion
      store<u32>(W256 + (t << 2), w + load<u32>(K256 + (t << 2)));
    }
    // Expand into a 64-word raw area after the pre-added one (W256+256 .. +512).
    for (let t: usize = 16; t < 64; t++) {
      const r = W256 + 256 + (t << 2);
      const w = ssig1(load<u32>(r - 8)) + load<u32>(r - 28) + ssig0(load<u32>(r - 60)) + load<u32>(r - 64);
      store<u32>(r, w);
      store<u32>(W256 + (t << 2), w + load<u32>(K256 + (t << 2)));
    }
    const sa = a, sb = b, sc = c, sd = d, se = e, sf = f, sg = g, sh = h;
    for (let t: usize = 0; t < 256; t += 32) {
      const wp = W256 + t;
      h += bsig1(e) + ch(e, f, g) + load<u32>(wp); d += h; h += bsig0(a) + maj(a, b, c);
      g += bsig1(d) + ch(d, e, f) + load<u32>(wp, 4); c += g; g += bsig0(h) + maj(h, a, b);
      f += bsig1(c) + ch(c, d, e) + load<u32>(wp, 8); b += f; f += bsig0(g) + maj(g, h, a);
      e += bsig1(b) + ch(b, c, d) + load<u32>(wp, 12); a += e; e += bsig0(f) + maj(f, g, h);
      d += bsig1(a) + ch(a, b, c) + load<u32>(wp, 16); h += d; d += bsig0(e) + maj(e, f, g);
      c += bsig1(h) + ch(h, a, b) + load<u32>(wp, 20); g += c; c += bsig0(d) + maj(d, e, f);
      b += bsig1(g) + ch(g, h, a) + load<u32>(wp, 24); f += b; b += bsig0(c) + maj(c, d, e);
      a += bsig1(f) + ch(f, g, h) + load<u32>(wp, 28); e += a; a += bsig0(b) + maj(b, c, d);
    }
    a += sa; b += sb; c += sc; d += sd; e += se; f += sf; g += sg; h += sh;
    p += 64;
    blocks--;
  }
  store<u32>(st, a); store<u32>(st, b, 4); store<u32>(st, c, 8); store<u32>(st, d, 12);
  store<u32>(st, e, 16); store<u32>(st, f, 20); store<u32>(st, g, 24); store<u32>(st, h, 28);
}

export function sha256Init(ctx: usize): void {
  const st = ctx + CTX_STATE;
  store<u32>(st, 0x6a09e667); store<u32>(st, 0xbb67ae85, 4);
  store<u32>(st, 0x3c6ef372, 8); store<u32>(st, 0xa54ff53a, 12);
  store<u32>(st, 0x510e527f, 16); store<u32>(st, 0x9b05688c, 20);
  store<u32>(st, 0x1f83d9ab, 24); store<u32>(st, 0x5be0cd19, 28);
  store<u32>(ctx + CTX_BUFLEN, 0);
  store<u64>(ctx + CTX_TOTAL, 0);
}

/** Streaming update shared by SHA-1 and SHA-256 (`which` selects the compression). */
// @ts-ignore: decorator
@inline export function hashUpdate(ctx: usize, p: usize, len: usize, sha1: bool): void {
  store<u64>(ctx + CTX_TOTAL, load<u64>(ctx + CTX_TOTAL) + <u64>len);
  let buffered = <usize>load<u32>(ctx + CTX_BUFLEN);
  const block = ctx + CTX_BLOCK;
  if (buffered > 0) {
    const take = min<usize>(64 - buffered, len);
    memory.copy(block + buffered, p, take);
    buffered += take; p += take; len -= take;
    if (buffered < 64) {
      store<u32>(ctx + CTX_BUFLEN, <u32>buffered);
      return;
    }
    if (sha1) sha1Blocks(ctx + CTX_STATE, block, 1);
    else sha256Blocks(ctx + CTX_STATE, block, 1);
    buffered = 0;
  }
  const whole = len >> 6;
  if (whole > 0) {
    if (sha1) sha1Blocks(ctx + CTX_STATE, p, whole);
    else sha256Blocks(ctx + CTX_STATE, p, whole);
    p += whole << 6; len -= whole << 6;
  }
  if (len > 0) memory.copy(block, p, len);
  store<u32>(ctx + CTX_BUFLEN, <u32>len);
}

/** Pads and finishes; writes `words` big-endian state words to `out`. */
// @ts-ignore: decorator
@inline export function hashFinal(ctx: usize, out: usize, sha1: bool): void {
  const block = ctx + CTX_BLOCK;
  let buffered = <usize>load<u32>(ctx + CTX_BUFLEN);
  const bits = load<u64>(ctx + CTX_TOTAL) << 3;
  store<u8>(block + buffered, 0x80);
  buffered++;
  if (buffered > 56) {
    memory.fill(block + buffered, 0, 64 - buffered);
    if (sha1) sha1Blocks(ctx + CTX_STATE, block, 1);
    else sha256Blocks(ctx + CTX_STATE, block, 1);
    buffered = 0;
  }
  memory.fill(block + buffered, 0, 56 - buffered);
  storeBe32(block + 56, <u32>(bits >> 32));
  storeBe32(block + 60, <u32>bits);
  if (sha1) sha1Blocks(ctx + CTX_STATE, block, 1);
  else sha256Blocks(ctx + CTX_STATE, block, 1);
  const words: usize = sha1 ? 5 : 8;
  for (let i: usize = 0; i < words; i++) storeBe32(out + (i << 2), load<u32>(ctx + CTX_STATE + (i << 2)));
}

export function sha256Update(ctx: usize, p: usize, len: usize): void {
  hashUpdate(ctx, p, len, false);
}

export function sha256Final(ctx: usize, out: usize): void {
  hashFinal(ctx, out, false);
}

// ---- SHA-1 (FIPS 180-4 §6.1) ----

export function sha1Init(ctx: usize): void {
  const st = ctx + CTX_STATE;
  store<u32>(st, 0x67452301); store<u32>(st, 0xefcdab89, 4);
  store<u32>(st, 0x98badcfe, 8); store<u32>(st, 0x10325476, 12);
  store<u32>(st, 0xc3d2e1f0, 16);
  store<u32>(ctx + CTX_BUFLEN, 0);
  store<u64>(ctx + CTX_TOTAL, 0);
}

export function sha1Blocks(st: usize, p: usize, blocks: usize): void {
  let a = load<u32>(st), b = load<u32>(st, 4), c = load<u32>(st, 8), d = load<u32>(st, 12), e = load<u32>(st, 16);
  while (blocks > 0) {
    for (let t: usize = 0; t < 16; t++) store<u32>(W160 + (t << 2), loadBe32(p + (t << 2)));
    for (let t: usize = 16; t < 80; t++) {
      const r = W160 + (t << 2);
      store<u32>(r, rotl<u32>(load<u32>(r - 12) ^ load<u32>(r - 32) ^ load<u32>(r - 56) ^ load<u32>(r - 64), 1));
    }
    const sa = a, sb = b, sc = c, sd = d, se = e;
    let t: usize = 0;
    // Five rounds per iteration with rotating roles: (a,b,c,d,e) -> (e',a,b',c,d).
    for (; t < 80; t += 20) {
      const wp = W160 + t;
      e += rotl<u32>(a, 5) + (d ^ (b & (c ^ d))) + 0x5a827999 + load<u32>(wp); b = rotl<u32>(b, 30);
      d += rotl<u32>(e, 5) + (c ^ (a & (b ^ c))) + 0x5a827999 + load<u32>(wp, 4); a = rotl<u32>(a, 30);
      c += rotl<u32>(d, 5) + (b ^ (e & (a ^ b))) + 0x5a827999 + load<u32>(wp, 8); e = rotl<u32>(e, 30);
      b += rotl<u32>(c, 5) + (a ^ (d & (e ^ a))) + 0x5a827999 + load<u32>(wp, 12); d = rotl<u32>(d, 30);
      a += rotl<u32>(b, 5) + (e ^ (c & (d ^ e))) + 0x5a827999 + load<u32>(wp, 16); c = rotl<u32>(c, 30);
    }
    for (; t < 160; t += 20) {
      const wp = W160 + t;
      e += rotl<u32>(a, 5) + (b ^ c ^ d) + 0x6ed9eba1 + load<u32>(wp); b = rotl<u32>(b, 30);
      d += rotl<u32>(e, 5) + (a ^ b ^ c) + 0x6ed9eba1 + load<u32>(wp, 4); a = rotl<u32>(a, 30);
      c += rotl<u32>(d, 5) + (e ^ a ^ b) + 0x6ed9eba1 + load<u32>(wp, 8); e = rotl<u32>(e, 30);
      b += rotl<u32>(c, 5) + (d ^ e ^ a) + 0x6ed9eba1 + load<u32>(wp, 12); d = rotl<u32>(d, 30);
      a += rotl<u32>(b, 5) + (c ^ d ^ e) + 0x6ed9eba1 + load<u32>(wp, 16); c = rotl<u32>(c, 30);
    }
    for (; t < 240; t += 20) {
      const wp = W160 + t;
      e += rotl<u32>(a, 5) + ((b & c) | (d & (b | c))) + 0x8f1bbcdc + load<u32>(wp); b = rotl<u32>(b, 30);
      d += rotl<u32>(e, 5) + ((a & b) | (c & (a | b))) + 0x8f1bbcdc + load<u32>(wp, 4); a = rotl<u32>(a, 30);
      c += rotl<u32>(d, 5) + ((e & a) | (b & (e | a))) + 0x8f1bbcdc + load<u32>(wp, 8); e = rotl<u32>(e, 30);
      b += rotl<u32>(c, 5) + ((d & e) | (a & (d | e))) + 0x8f1bbcdc + load<u32>(wp, 12); d = rotl<u32>(d, 30);
      a += rotl<u32>(b, 5) + ((c & d) | (e & (c | d))) + 0x8f1bbcdc + load<u32>(wp, 16); c = rotl<u32>(c, 30);
    }
    for (; t < 320; t += 20) {
      const wp = W160 + t;
      e += rotl<u32>(a, 5) + (b ^ c ^ d) + 0xca62c1d6 + load<u32>(wp); b = rotl<u32>(b, 30);
      d += rotl<u32>(e, 5) + (a ^ b ^ c) + 0xca62c1d6 + load<u32>(wp, 4); a = rotl<u32>(a, 30);
      c += rotl<u32>(d, 5) + (e ^ a ^ b) + 0xca62c1d6 + load<u32>(wp, 8); e = rotl<u32>(e, 30);
      b += rotl<u32>(c, 5) + (d ^ e ^ a) + 0xca62c1d6 + load<u32>(wp, 12); d = rotl<u32>(d, 30);
      a += rotl<u32>(b, 5) + (c ^ d ^ e) + 0xca62c1d6 + load<u32>(wp, 16); c = rotl<u32>(c, 30);
    }
    a += sa; b += sb; c += sc; d += sd; e += se;
    p += 64;
    blocks--;
  }
  store<u32>(st, a); store<u32>(st, b, 4); store<u32>(st, c, 8); store<u32>(st, d, 12); store<u32>(st, e, 16);
}

export function sha1Update(ctx: usize, p: usize, len: usize): void {
  hashUpdate(ctx, p, len, true);
}

export function sha1Final(ctx: usize, out: usize): void {
  hashFinal(ctx, out, true);
}
