// SHA-256 (FIPS 180-4 §6.2): the compression function and the initial state.
// Streaming (buffering, padding, length) is shared with SHA-1 in hash-stream.ts.
// The compression is written out round by round: the 16-word message schedule
// lives in locals (a ring w0..w15 updated in place) instead of memory, the
// round constants are immediates, and the working variables rotate by name
// rather than by moves.
import { loadBe32 } from './be32';
import { CTX_STATE, CTX_BUFLEN, CTX_TOTAL } from './layout';

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
