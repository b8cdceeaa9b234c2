/**
 * `#platform/zlib` in browsers and workers (no node:zlib): gzip through pako,
 * with the contract of ts/platform/node/zlib.ts.
 * https://core.telegram.org/mtproto/service_messages#packed-object
 */
import { gzip, Inflate } from 'pako';
import type { InflateResult } from '../types.js';

/** Thrown inside pako's onData to stop at the limit (pako stops at the first throw: nothing past it is inflated). */
const TOO_LARGE = Symbol('too-large');

/**
 * Inflates gzip or zlib data, refusing to produce more than `max` bytes.
 * `'too-large'` past the limit, `'invalid'` for a damaged or cut stream.
 */
export function nativeInflate(packed: Uint8Array, max: number): InflateResult {
  const inflate = new Inflate({ chunkSize: 16384 });
  let total = 0;
  const chunks: Uint8Array[] = [];
  inflate.onData = (chunk) => {
    const c = chunk as Uint8Array;
    total += c.length;
    if (total > max) throw TOO_LARGE;
    // pako reuses nothing after onData, but copy anyway when it hands us a view.
    chunks.push(c.length === c.buffer.byteLength ? c : c.slice());
  };
  inflate.onEnd = (status: number) => {
    inflate.err = status;
  };
  try {
    const ok = inflate.push(packed, true);
    if (!ok || inflate.err !== 0) return 'invalid';
  } catch (e) {
    if (e === TOO_LARGE) return 'too-large';
    return 'invalid';
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** `data` gzipped (gzip framing, as `gzip_packed` carries it). */
export function nativeGzip(data: Uint8Array): Uint8Array {
  return gzip(data);
}
