// SHA-256 (FIPS 180-4 §6.2) and SHA-1 (§6.1). Streaming context in linear
// memory (layout.ts) and one-shot helpers. The compression functions are
// written out round by round: the 16-word message schedule then lives in
// locals (a ring w0..w15 updated in place) instead of memory, the round
// constants are immediates, and the working variables rotate by name rather
// than by moves.
import { CTX_STATE, CTX_BLOCK, CTX_BUFLEN, CTX_TOTAL } from './layout';

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
  let w0: u32, w1: u32, w2: u32, w3: u32, w4: u32, w5: u32, w6: u32, w7: u32, w8: u32, w9: u32, w10: u32, w11: u32, w12: u32, w13: u32, w14: u32, w15: u32;
  while (blocks > 0) {
    const sa = a, sb = b, sc = c, sd = d, se = e, sf = f, sg = g, sh = h;
    w0 = loadBe32(p + 0);
    h += bsig1(e) + ch(e, f, g) + 0x428a2f98 + w0; d += h; h += bsig0(a) + maj(a, b, c);
    w1 = loadBe32(p + 4);
    g += bsig1(d) + ch(d, e, f) + 0x71374491 + w1; c += g; g += bsig0(h) + maj(h, a, b);
    w2 = loadBe32(p + 8);
    f += bsig1(c) + ch(c, d, e) + 0xb5c0fbcf + w2; b += f; f += bsig0(g) + maj(g, h, a);
    w3 = loadBe32(p + 12);
    e += bsig1(b) + ch(b, c, d) + 0xe9b5dba5 + w3; a += e; e += bsig0(f) + maj(f, g, h);
    w4 = loadBe32(p + 16);
    d += bsig1(a) + ch(a, b, c) + 0x3956c25b + w4; h += d; d += bsig0(e) + maj(e, f, g);
    w5 = loadBe32(p + 20);
    c += bsig1(h) + ch(h, a, b) + 0x59f111f1 + w5; g += c; c += bsig0(d) + maj(d, e, f);
    w6 = loadBe32(p + 24);
    b += bsig1(g) + ch(g, h, a) + 0x923f82a4 + w6; f += b; b += bsig0(c) + maj(c, d, e);
    w7 = loadBe32(p + 28);
    a += bsig1(f) + ch(f, g, h) + 0xab1c5ed5 + w7; e += a; a += bsig0(b) + maj(b, c, d);
    w8 = loadBe32(p + 32);
    h += bsig1(e) + ch(e, f, g) + 0xd807aa98 + w8; d += h; h += bsig0(a) + maj(a, b, c);
    w9 = loadBe32(p + 36);
    g += bsig1(d) + ch(d, e, f) + 0x12835b01 + w9; c += g; g += bsig0(h) + maj(h, a, b);
    w10 = loadBe32(p + 40);
    f += bsig1(c) + ch(c, d, e) + 0x243185be + w10; b += f; f += bsig0(g) + maj(g, h, a);
    w11 = loadBe32(p + 44);
    e += bsig1(b) + ch(b, c, d) + 0x550c7dc3 + w11; a += e; e += bsig0(f) + maj(f, g, h);
    w12 = loadBe32(p + 48);
    d += bsig1(a) + ch(a, b, c) + 0x72be5d74 + w12; h += d; d += bsig0(e) + maj(e, f, g);
    w13 = loadBe32(p + 52);
    c += bsig1(h) + ch(h, a, b) + 0x80deb1fe + w13; g += c; c += bsig0(d) + maj(d, e, f);
    w14 = loadBe32(p + 56);
    b += bsig1(g) + ch(g, h, a) + 0x9bdc06a7 + w14; f += b; b += bsig0(c) + maj(c, d, e);
    w15 = loadBe32(p + 60);
    a += bsig1(f) + ch(f, g, h) + 0xc19bf174 + w15; e += a; a += bsig0(b) + maj(b, c, d);
    w0 += ssig1(w14) + w9 + ssig0(w1);
    h += bsig1(e) + ch(e, f, g) + 0xe49b69c1 + w0; d += h; h += bsig0(a) + maj(a, b, c);
    w1 += ssig1(w15) + w10 + ssig0(w2);
    g += bsig1(d) + ch(d, e, f) + 0xefbe4786 + w1; c += g; g += bsig0(h) + maj(h, a, b);
    w2 += ssig1(w0) + w11 + ssig0(w3);
    f += bsig1(c) + ch(c, d, e) + 0x0fc19dc6 + w2; b += f; f += bsig0(g) + maj(g, h, a);
    w3 += ssig1(w1) + w12 + ssig0(w4);
    e += bsig1(b) + ch(b, c, d) + 0x240ca1cc + w3; a += e; e += bsig0(f) + maj(f, g, h);
    w4 += ssig1(w2) + w13 + ssig0(w5);
    d += bsig1(a) + ch(a, b, c) + 0x2de92c6f + w4; h += d; d += bsig0(e) + maj(e, f, g);
    w5 += ssig1(w3) + w14 + ssig0(w6);
    c += bsig1(h) + ch(h, a, b) + 0x4a7484aa + w5; g += c; c += bsig0(d) + maj(d, e, f);
    w6 += ssig1(w4) + w15 + ssig0(w7);
    b += bsig1(g) + ch(g, h, a) + 0x5cb0a9dc + w6; f += b; b += bsig0(c) + maj(c, d, e);
    w7 += ssig1(w5) + w0 + ssig0(w8);
    a += bsig1(f) + ch(f, g, h) + 0x76f988da + w7; e += a; a += bsig0(b) + maj(b, c, d);
    w8 += ssig1(w6) + w1 + ssig0(w9);
    h += bsig1(e) + ch(e, f, g) + 0x983e5152 + w8; d += h; h += bsig0(a) + maj(a, b, c);
    w9 += ssig1(w7) + w2 + ssig0(w10);
    g += bsig1(d) + ch(d, e, f) + 0xa831c66d + w9; c += g; g += bsig0(h) + maj(h, a, b);
    w10 += ssig1(w8) + w3 + ssig0(w11);
    f += bsig1(c) + ch(c, d, e) + 0xb00327c8 + w10; b += f; f += bsig0(g) + maj(g, h, a);
    w11 += ssig1(w9) + w4 + ssig0(w12);
    e += bsig1(b) + ch(b, c, d) + 0xbf597fc7 + w11; a += e; e += bsig0(f) + maj(f, g, h);
    w12 += ssig1(w10) + w5 + ssig0(w13);
    d += bsig1(a) + ch(a, b, c) + 0xc6e00bf3 + w12; h += d; d += bsig0(e) + maj(e, f, g);
    w13 += ssig1(w11) + w6 + ssig0(w14);
    c += bsig1(h) + ch(h, a, b) + 0xd5a79147 + w13; g += c; c += bsig0(d) + maj(d, e, f);
    w14 += ssig1(w12) + w7 + ssig0(w15);
    b += bsig1(g) + ch(g, h, a) + 0x06ca6351 + w14; f += b; b += bsig0(c) + maj(c, d, e);
    w15 += ssig1(w13) + w8 + ssig0(w0);
    a += bsig1(f) + ch(f, g, h) + 0x14292967 + w15; e += a; a += bsig0(b) + maj(b, c, d);
    w0 += ssig1(w14) + w9 + ssig0(w1);
    h += bsig1(e) + ch(e, f, g) + 0x27b70a85 + w0; d += h; h += bsig0(a) + maj(a, b, c);
    w1 += ssig1(w15) + w10 + ssig0(w2);
    g += bsig1(d) + ch(d, e, f) + 0x2e1b2138 + w1; c += g; g += bsig0(h) + maj(h, a, b);
    w2 += ssig1(w0) + w11 + ssig0(w3);
    f += bsig1(c) + ch(c, d, e) + 0x4d2c6dfc + w2; b += f; f += bsig0(g) + maj(g, h, a);
    w3 += ssig1(w1) + w12 + ssig0(w4);
    e += bsig1(b) + ch(b, c, d) + 0x53380d13 + w3; a += e; e += bsig0(f) + maj(f, g, h);
    w4 += ssig1(w2) + w13 + ssig0(w5);
    d += bsig1(a) + ch(a, b, c) + 0x650a7354 + w4; h += d; d += bsig0(e) + maj(e, f, g);
    w5 += ssig1(w3) + w14 + ssig0(w6);
    c += bsig1(h) + ch(h, a, b) + 0x766a0abb + w5; g += c; c += bsig0(d) + maj(d, e, f);
    w6 += ssig1(w4) + w15 + ssig0(w7);
    b += bsig1(g) + ch(g, h, a) + 0x81c2c92e + w6; f += b; b += bsig0(c) + maj(c, d, e);
    w7 += ssig1(w5) + w0 + ssig0(w8);
    a += bsig1(f) + ch(f, g, h) + 0x92722c85 + w7; e += a; a += bsig0(b) + maj(b, c, d);
    w8 += ssig1(w6) + w1 + ssig0(w9);
    h += bsig1(e) + ch(e, f, g) + 0xa2bfe8a1 + w8; d += h; h += bsig0(a) + maj(a, b, c);
    w9 += ssig1(w7) + w2 + ssig0(w10);
    g += bsig1(d) + ch(d, e, f) + 0xa81a664b + w9; c += g; g += bsig0(h) + maj(h, a, b);
    w10 += ssig1(w8) + w3 + ssig0(w11);
    f += bsig1(c) + ch(c, d, e) + 0xc24b8b70 + w10; b += f; f += bsig0(g) + maj(g, h, a);
    w11 += ssig1(w9) + w4 + ssig0(w12);
    e += bsig1(b) + ch(b, c, d) + 0xc76c51a3 + w11; a += e; e += bsig0(f) + maj(f, g, h);
    w12 += ssig1(w10) + w5 + ssig0(w13);
    d += bsig1(a) + ch(a, b, c) + 0xd192e819 + w12; h += d; d += bsig0(e) + maj(e, f, g);
    w13 += ssig1(w11) + w6 + ssig0(w14);
    c += bsig1(h) + ch(h, a, b) + 0xd6990624 + w13; g += c; c += bsig0(d) + maj(d, e, f);
    w14 += ssig1(w12) + w7 + ssig0(w15);
    b += bsig1(g) + ch(g, h, a) + 0xf40e3585 + w14; f += b; b += bsig0(c) + maj(c, d, e);
    w15 += ssig1(w13) + w8 + ssig0(w0);
    a += bsig1(f) + ch(f, g, h) + 0x106aa070 + w15; e += a; a += bsig0(b) + maj(b, c, d);
    w0 += ssig1(w14) + w9 + ssig0(w1);
    h += bsig1(e) + ch(e, f, g) + 0x19a4c116 + w0; d += h; h += bsig0(a) + maj(a, b, c);
    w1 += ssig1(w15) + w10 + ssig0(w2);
    g += bsig1(d) + ch(d, e, f) + 0x1e376c08 + w1; c += g; g += bsig0(h) + maj(h, a, b);
    w2 += ssig1(w0) + w11 + ssig0(w3);
    f += bsig1(c) + ch(c, d, e) + 0x2748774c + w2; b += f; f += bsig0(g) + maj(g, h, a);
    w3 += ssig1(w1) + w12 + ssig0(w4);
    e += bsig1(b) + ch(b, c, d) + 0x34b0bcb5 + w3; a += e; e += bsig0(f) + maj(f, g, h);
    w4 += ssig1(w2) + w13 + ssig0(w5);
    d += bsig1(a) + ch(a, b, c) + 0x391c0cb3 + w4; h += d; d += bsig0(e) + maj(e, f, g);
    w5 += ssig1(w3) + w14 + ssig0(w6);
    c += bsig1(h) + ch(h, a, b) + 0x4ed8aa4a + w5; g += c; c += bsig0(d) + maj(d, e, f);
    w6 += ssig1(w4) + w15 + ssig0(w7);
    b += bsig1(g) + ch(g, h, a) + 0x5b9cca4f + w6; f += b; b += bsig0(c) + maj(c, d, e);
    w7 += ssig1(w5) + w0 + ssig0(w8);
    a += bsig1(f) + ch(f, g, h) + 0x682e6ff3 + w7; e += a; a += bsig0(b) + maj(b, c, d);
    w8 += ssig1(w6) + w1 + ssig0(w9);
    h += bsig1(e) + ch(e, f, g) + 0x748f82ee + w8; d += h; h += bsig0(a) + maj(a, b, c);
    w9 += ssig1(w7) + w2 + ssig0(w10);
    g += bsig1(d) + ch(d, e, f) + 0x78a5636f + w9; c += g; g += bsig0(h) + maj(h, a, b);
    w10 += ssig1(w8) + w3 + ssig0(w11);
    f += bsig1(c) + ch(c, d, e) + 0x84c87814 + w10; b += f; f += bsig0(g) + maj(g, h, a);
    w11 += ssig1(w9) + w4 + ssig0(w12);
    e += bsig1(b) + ch(b, c, d) + 0x8cc70208 + w11; a += e; e += bsig0(f) + maj(f, g, h);
    w12 += ssig1(w10) + w5 + ssig0(w13);
    d += bsig1(a) + ch(a, b, c) + 0x90befffa + w12; h += d; d += bsig0(e) + maj(e, f, g);
    w13 += ssig1(w11) + w6 + ssig0(w14);
    c += bsig1(h) + ch(h, a, b) + 0xa4506ceb + w13; g += c; c += bsig0(d) + maj(d, e, f);
    w14 += ssig1(w12) + w7 + ssig0(w15);
    b += bsig1(g) + ch(g, h, a) + 0xbef9a3f7 + w14; f += b; b += bsig0(c) + maj(c, d, e);
    w15 += ssig1(w13) + w8 + ssig0(w0);
    a += bsig1(f) + ch(f, g, h) + 0xc67178f2 + w15; e += a; a += bsig0(b) + maj(b, c, d);
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
  let w0: u32, w1: u32, w2: u32, w3: u32, w4: u32, w5: u32, w6: u32, w7: u32, w8: u32, w9: u32, w10: u32, w11: u32, w12: u32, w13: u32, w14: u32, w15: u32;
  while (blocks > 0) {
    const sa = a, sb = b, sc = c, sd = d, se = e;
    w0 = loadBe32(p + 0);
    e += rotl<u32>(a, 5) + (d ^ (b & (c ^ d))) + 0x5a827999 + w0; b = rotl<u32>(b, 30);
    w1 = loadBe32(p + 4);
    d += rotl<u32>(e, 5) + (c ^ (a & (b ^ c))) + 0x5a827999 + w1; a = rotl<u32>(a, 30);
    w2 = loadBe32(p + 8);
    c += rotl<u32>(d, 5) + (b ^ (e & (a ^ b))) + 0x5a827999 + w2; e = rotl<u32>(e, 30);
    w3 = loadBe32(p + 12);
    b += rotl<u32>(c, 5) + (a ^ (d & (e ^ a))) + 0x5a827999 + w3; d = rotl<u32>(d, 30);
    w4 = loadBe32(p + 16);
    a += rotl<u32>(b, 5) + (e ^ (c & (d ^ e))) + 0x5a827999 + w4; c = rotl<u32>(c, 30);
    w5 = loadBe32(p + 20);
    e += rotl<u32>(a, 5) + (d ^ (b & (c ^ d))) + 0x5a827999 + w5; b = rotl<u32>(b, 30);
    w6 = loadBe32(p + 24);
    d += rotl<u32>(e, 5) + (c ^ (a & (b ^ c))) + 0x5a827999 + w6; a = rotl<u32>(a, 30);
    w7 = loadBe32(p + 28);
    c += rotl<u32>(d, 5) + (b ^ (e & (a ^ b))) + 0x5a827999 + w7; e = rotl<u32>(e, 30);
    w8 = loadBe32(p + 32);
    b += rotl<u32>(c, 5) + (a ^ (d & (e ^ a))) + 0x5a827999 + w8; d = rotl<u32>(d, 30);
    w9 = loadBe32(p + 36);
    a += rotl<u32>(b, 5) + (e ^ (c & (d ^ e))) + 0x5a827999 + w9; c = rotl<u32>(c, 30);
    w10 = loadBe32(p + 40);
    e += rotl<u32>(a, 5) + (d ^ (b & (c ^ d))) + 0x5a827999 + w10; b = rotl<u32>(b, 30);
    w11 = loadBe32(p + 44);
    d += rotl<u32>(e, 5) + (c ^ (a & (b ^ c))) + 0x5a827999 + w11; a = rotl<u32>(a, 30);
    w12 = loadBe32(p + 48);
    c += rotl<u32>(d, 5) + (b ^ (e & (a ^ b))) + 0x5a827999 + w12; e = rotl<u32>(e, 30);
    w13 = loadBe32(p + 52);
    b += rotl<u32>(c, 5) + (a ^ (d & (e ^ a))) + 0x5a827999 + w13; d = rotl<u32>(d, 30);
    w14 = loadBe32(p + 56);
    a += rotl<u32>(b, 5) + (e ^ (c & (d ^ e))) + 0x5a827999 + w14; c = rotl<u32>(c, 30);
    w15 = loadBe32(p + 60);
    e += rotl<u32>(a, 5) + (d ^ (b & (c ^ d))) + 0x5a827999 + w15; b = rotl<u32>(b, 30);
    w0 = rotl<u32>(w13 ^ w8 ^ w2 ^ w0, 1);
    d += rotl<u32>(e, 5) + (c ^ (a & (b ^ c))) + 0x5a827999 + w0; a = rotl<u32>(a, 30);
    w1 = rotl<u32>(w14 ^ w9 ^ w3 ^ w1, 1);
    c += rotl<u32>(d, 5) + (b ^ (e & (a ^ b))) + 0x5a827999 + w1; e = rotl<u32>(e, 30);
    w2 = rotl<u32>(w15 ^ w10 ^ w4 ^ w2, 1);
    b += rotl<u32>(c, 5) + (a ^ (d & (e ^ a))) + 0x5a827999 + w2; d = rotl<u32>(d, 30);
    w3 = rotl<u32>(w0 ^ w11 ^ w5 ^ w3, 1);
    a += rotl<u32>(b, 5) + (e ^ (c & (d ^ e))) + 0x5a827999 + w3; c = rotl<u32>(c, 30);
    w4 = rotl<u32>(w1 ^ w12 ^ w6 ^ w4, 1);
    e += rotl<u32>(a, 5) + (b ^ c ^ d) + 0x6ed9eba1 + w4; b = rotl<u32>(b, 30);
    w5 = rotl<u32>(w2 ^ w13 ^ w7 ^ w5, 1);
    d += rotl<u32>(e, 5) + (a ^ b ^ c) + 0x6ed9eba1 + w5; a = rotl<u32>(a, 30);
    w6 = rotl<u32>(w3 ^ w14 ^ w8 ^ w6, 1);
    c += rotl<u32>(d, 5) + (e ^ a ^ b) + 0x6ed9eba1 + w6; e = rotl<u32>(e, 30);
    w7 = rotl<u32>(w4 ^ w15 ^ w9 ^ w7, 1);
    b += rotl<u32>(c, 5) + (d ^ e ^ a) + 0x6ed9eba1 + w7; d = rotl<u32>(d, 30);
    w8 = rotl<u32>(w5 ^ w0 ^ w10 ^ w8, 1);
    a += rotl<u32>(b, 5) + (c ^ d ^ e) + 0x6ed9eba1 + w8; c = rotl<u32>(c, 30);
    w9 = rotl<u32>(w6 ^ w1 ^ w11 ^ w9, 1);
    e += rotl<u32>(a, 5) + (b ^ c ^ d) + 0x6ed9eba1 + w9; b = rotl<u32>(b, 30);
    w10 = rotl<u32>(w7 ^ w2 ^ w12 ^ w10, 1);
    d += rotl<u32>(e, 5) + (a ^ b ^ c) + 0x6ed9eba1 + w10; a = rotl<u32>(a, 30);
    w11 = rotl<u32>(w8 ^ w3 ^ w13 ^ w11, 1);
    c += rotl<u32>(d, 5) + (e ^ a ^ b) + 0x6ed9eba1 + w11; e = rotl<u32>(e, 30);
    w12 = rotl<u32>(w9 ^ w4 ^ w14 ^ w12, 1);
    b += rotl<u32>(c, 5) + (d ^ e ^ a) + 0x6ed9eba1 + w12; d = rotl<u32>(d, 30);
    w13 = rotl<u32>(w10 ^ w5 ^ w15 ^ w13, 1);
    a += rotl<u32>(b, 5) + (c ^ d ^ e) + 0x6ed9eba1 + w13; c = rotl<u32>(c, 30);
    w14 = rotl<u32>(w11 ^ w6 ^ w0 ^ w14, 1);
    e += rotl<u32>(a, 5) + (b ^ c ^ d) + 0x6ed9eba1 + w14; b = rotl<u32>(b, 30);
    w15 = rotl<u32>(w12 ^ w7 ^ w1 ^ w15, 1);
    d += rotl<u32>(e, 5) + (a ^ b ^ c) + 0x6ed9eba1 + w15; a = rotl<u32>(a, 30);
    w0 = rotl<u32>(w13 ^ w8 ^ w2 ^ w0, 1);
    c += rotl<u32>(d, 5) + (e ^ a ^ b) + 0x6ed9eba1 + w0; e = rotl<u32>(e, 30);
    w1 = rotl<u32>(w14 ^ w9 ^ w3 ^ w1, 1);
    b += rotl<u32>(c, 5) + (d ^ e ^ a) + 0x6ed9eba1 + w1; d = rotl<u32>(d, 30);
    w2 = rotl<u32>(w15 ^ w10 ^ w4 ^ w2, 1);
    a += rotl<u32>(b, 5) + (c ^ d ^ e) + 0x6ed9eba1 + w2; c = rotl<u32>(c, 30);
    w3 = rotl<u32>(w0 ^ w11 ^ w5 ^ w3, 1);
    e += rotl<u32>(a, 5) + (b ^ c ^ d) + 0x6ed9eba1 + w3; b = rotl<u32>(b, 30);
    w4 = rotl<u32>(w1 ^ w12 ^ w6 ^ w4, 1);
    d += rotl<u32>(e, 5) + (a ^ b ^ c) + 0x6ed9eba1 + w4; a = rotl<u32>(a, 30);
    w5 = rotl<u32>(w2 ^ w13 ^ w7 ^ w5, 1);
    c += rotl<u32>(d, 5) + (e ^ a ^ b) + 0x6ed9eba1 + w5; e = rotl<u32>(e, 30);
    w6 = rotl<u32>(w3 ^ w14 ^ w8 ^ w6, 1);
    b += rotl<u32>(c, 5) + (d ^ e ^ a) + 0x6ed9eba1 + w6; d = rotl<u32>(d, 30);
    w7 = rotl<u32>(w4 ^ w15 ^ w9 ^ w7, 1);
    a += rotl<u32>(b, 5) + (c ^ d ^ e) + 0x6ed9eba1 + w7; c = rotl<u32>(c, 30);
    w8 = rotl<u32>(w5 ^ w0 ^ w10 ^ w8, 1);
    e += rotl<u32>(a, 5) + ((b & c) | (d & (b | c))) + 0x8f1bbcdc + w8; b = rotl<u32>(b, 30);
    w9 = rotl<u32>(w6 ^ w1 ^ w11 ^ w9, 1);
    d += rotl<u32>(e, 5) + ((a & b) | (c & (a | b))) + 0x8f1bbcdc + w9; a = rotl<u32>(a, 30);
    w10 = rotl<u32>(w7 ^ w2 ^ w12 ^ w10, 1);
    c += rotl<u32>(d, 5) + ((e & a) | (b & (e | a))) + 0x8f1bbcdc + w10; e = rotl<u32>(e, 30);
    w11 = rotl<u32>(w8 ^ w3 ^ w13 ^ w11, 1);
    b += rotl<u32>(c, 5) + ((d & e) | (a & (d | e))) + 0x8f1bbcdc + w11; d = rotl<u32>(d, 30);
    w12 = rotl<u32>(w9 ^ w4 ^ w14 ^ w12, 1);
    a += rotl<u32>(b, 5) + ((c & d) | (e & (c | d))) + 0x8f1bbcdc + w12; c = rotl<u32>(c, 30);
    w13 = rotl<u32>(w10 ^ w5 ^ w15 ^ w13, 1);
    e += rotl<u32>(a, 5) + ((b & c) | (d & (b | c))) + 0x8f1bbcdc + w13; b = rotl<u32>(b, 30);
    w14 = rotl<u32>(w11 ^ w6 ^ w0 ^ w14, 1);
    d += rotl<u32>(e, 5) + ((a & b) | (c & (a | b))) + 0x8f1bbcdc + w14; a = rotl<u32>(a, 30);
    w15 = rotl<u32>(w12 ^ w7 ^ w1 ^ w15, 1);
    c += rotl<u32>(d, 5) + ((e & a) | (b & (e | a))) + 0x8f1bbcdc + w15; e = rotl<u32>(e, 30);
    w0 = rotl<u32>(w13 ^ w8 ^ w2 ^ w0, 1);
    b += rotl<u32>(c, 5) + ((d & e) | (a & (d | e))) + 0x8f1bbcdc + w0; d = rotl<u32>(d, 30);
    w1 = rotl<u32>(w14 ^ w9 ^ w3 ^ w1, 1);
    a += rotl<u32>(b, 5) + ((c & d) | (e & (c | d))) + 0x8f1bbcdc + w1; c = rotl<u32>(c, 30);
    w2 = rotl<u32>(w15 ^ w10 ^ w4 ^ w2, 1);
    e += rotl<u32>(a, 5) + ((b & c) | (d & (b | c))) + 0x8f1bbcdc + w2; b = rotl<u32>(b, 30);
    w3 = rotl<u32>(w0 ^ w11 ^ w5 ^ w3, 1);
    d += rotl<u32>(e, 5) + ((a & b) | (c & (a | b))) + 0x8f1bbcdc + w3; a = rotl<u32>(a, 30);
    w4 = rotl<u32>(w1 ^ w12 ^ w6 ^ w4, 1);
    c += rotl<u32>(d, 5) + ((e & a) | (b & (e | a))) + 0x8f1bbcdc + w4; e = rotl<u32>(e, 30);
    w5 = rotl<u32>(w2 ^ w13 ^ w7 ^ w5, 1);
    b += rotl<u32>(c, 5) + ((d & e) | (a & (d | e))) + 0x8f1bbcdc + w5; d = rotl<u32>(d, 30);
    w6 = rotl<u32>(w3 ^ w14 ^ w8 ^ w6, 1);
    a += rotl<u32>(b, 5) + ((c & d) | (e & (c | d))) + 0x8f1bbcdc + w6; c = rotl<u32>(c, 30);
    w7 = rotl<u32>(w4 ^ w15 ^ w9 ^ w7, 1);
    e += rotl<u32>(a, 5) + ((b & c) | (d & (b | c))) + 0x8f1bbcdc + w7; b = rotl<u32>(b, 30);
    w8 = rotl<u32>(w5 ^ w0 ^ w10 ^ w8, 1);
    d += rotl<u32>(e, 5) + ((a & b) | (c & (a | b))) + 0x8f1bbcdc + w8; a = rotl<u32>(a, 30);
    w9 = rotl<u32>(w6 ^ w1 ^ w11 ^ w9, 1);
    c += rotl<u32>(d, 5) + ((e & a) | (b & (e | a))) + 0x8f1bbcdc + w9; e = rotl<u32>(e, 30);
    w10 = rotl<u32>(w7 ^ w2 ^ w12 ^ w10, 1);
    b += rotl<u32>(c, 5) + ((d & e) | (a & (d | e))) + 0x8f1bbcdc + w10; d = rotl<u32>(d, 30);
    w11 = rotl<u32>(w8 ^ w3 ^ w13 ^ w11, 1);
    a += rotl<u32>(b, 5) + ((c & d) | (e & (c | d))) + 0x8f1bbcdc + w11; c = rotl<u32>(c, 30);
    w12 = rotl<u32>(w9 ^ w4 ^ w14 ^ w12, 1);
    e += rotl<u32>(a, 5) + (b ^ c ^ d) + 0xca62c1d6 + w12; b = rotl<u32>(b, 30);
    w13 = rotl<u32>(w10 ^ w5 ^ w15 ^ w13, 1);
    d += rotl<u32>(e, 5) + (a ^ b ^ c) + 0xca62c1d6 + w13; a = rotl<u32>(a, 30);
    w14 = rotl<u32>(w11 ^ w6 ^ w0 ^ w14, 1);
    c += rotl<u32>(d, 5) + (e ^ a ^ b) + 0xca62c1d6 + w14; e = rotl<u32>(e, 30);
    w15 = rotl<u32>(w12 ^ w7 ^ w1 ^ w15, 1);
    b += rotl<u32>(c, 5) + (d ^ e ^ a) + 0xca62c1d6 + w15; d = rotl<u32>(d, 30);
    w0 = rotl<u32>(w13 ^ w8 ^ w2 ^ w0, 1);
    a += rotl<u32>(b, 5) + (c ^ d ^ e) + 0xca62c1d6 + w0; c = rotl<u32>(c, 30);
    w1 = rotl<u32>(w14 ^ w9 ^ w3 ^ w1, 1);
    e += rotl<u32>(a, 5) + (b ^ c ^ d) + 0xca62c1d6 + w1; b = rotl<u32>(b, 30);
    w2 = rotl<u32>(w15 ^ w10 ^ w4 ^ w2, 1);
    d += rotl<u32>(e, 5) + (a ^ b ^ c) + 0xca62c1d6 + w2; a = rotl<u32>(a, 30);
    w3 = rotl<u32>(w0 ^ w11 ^ w5 ^ w3, 1);
    c += rotl<u32>(d, 5) + (e ^ a ^ b) + 0xca62c1d6 + w3; e = rotl<u32>(e, 30);
    w4 = rotl<u32>(w1 ^ w12 ^ w6 ^ w4, 1);
    b += rotl<u32>(c, 5) + (d ^ e ^ a) + 0xca62c1d6 + w4; d = rotl<u32>(d, 30);
    w5 = rotl<u32>(w2 ^ w13 ^ w7 ^ w5, 1);
    a += rotl<u32>(b, 5) + (c ^ d ^ e) + 0xca62c1d6 + w5; c = rotl<u32>(c, 30);
    w6 = rotl<u32>(w3 ^ w14 ^ w8 ^ w6, 1);
    e += rotl<u32>(a, 5) + (b ^ c ^ d) + 0xca62c1d6 + w6; b = rotl<u32>(b, 30);
    w7 = rotl<u32>(w4 ^ w15 ^ w9 ^ w7, 1);
    d += rotl<u32>(e, 5) + (a ^ b ^ c) + 0xca62c1d6 + w7; a = rotl<u32>(a, 30);
    w8 = rotl<u32>(w5 ^ w0 ^ w10 ^ w8, 1);
    c += rotl<u32>(d, 5) + (e ^ a ^ b) + 0xca62c1d6 + w8; e = rotl<u32>(e, 30);
    w9 = rotl<u32>(w6 ^ w1 ^ w11 ^ w9, 1);
    b += rotl<u32>(c, 5) + (d ^ e ^ a) + 0xca62c1d6 + w9; d = rotl<u32>(d, 30);
    w10 = rotl<u32>(w7 ^ w2 ^ w12 ^ w10, 1);
    a += rotl<u32>(b, 5) + (c ^ d ^ e) + 0xca62c1d6 + w10; c = rotl<u32>(c, 30);
    w11 = rotl<u32>(w8 ^ w3 ^ w13 ^ w11, 1);
    e += rotl<u32>(a, 5) + (b ^ c ^ d) + 0xca62c1d6 + w11; b = rotl<u32>(b, 30);
    w12 = rotl<u32>(w9 ^ w4 ^ w14 ^ w12, 1);
    d += rotl<u32>(e, 5) + (a ^ b ^ c) + 0xca62c1d6 + w12; a = rotl<u32>(a, 30);
    w13 = rotl<u32>(w10 ^ w5 ^ w15 ^ w13, 1);
    c += rotl<u32>(d, 5) + (e ^ a ^ b) + 0xca62c1d6 + w13; e = rotl<u32>(e, 30);
    w14 = rotl<u32>(w11 ^ w6 ^ w0 ^ w14, 1);
    b += rotl<u32>(c, 5) + (d ^ e ^ a) + 0xca62c1d6 + w14; d = rotl<u32>(d, 30);
    w15 = rotl<u32>(w12 ^ w7 ^ w1 ^ w15, 1);
    a += rotl<u32>(b, 5) + (c ^ d ^ e) + 0xca62c1d6 + w15; c = rotl<u32>(c, 30);
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
