// Streaming for SHA-1 and SHA-256 (FIPS 180-4 §5.1.1 padding, §5.3 initial
// states in sha1.ts / sha256.ts): the context in linear memory (layout.ts)
// buffers a partial block, and the final block carries the bit length. One
// inlined body for both hashes; the `sha1` flag picks the compression.
import { storeBe32 } from './be32';
import { CTX_STATE, CTX_BLOCK, CTX_BUFLEN, CTX_TOTAL } from './layout';
import { sha1Blocks } from './sha1';
import { sha256Blocks } from './sha256';

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

export function sha1Update(ctx: usize, p: usize, len: usize): void {
  hashUpdate(ctx, p, len, true);
}

export function sha1Final(ctx: usize, out: usize): void {
  hashFinal(ctx, out, true);
}
