/**
 * `#platform/zlib` under the `node` condition (which Deno and Bun match too):
 * gzip through node:zlib — inflation of incoming `gzip_packed` (about 5×
 * pako's speed for a 200 KB answer; history pages arrive gzipped) and
 * compression of outgoing queries. Browsers and workers get pako
 * (ts/platform/web/zlib.ts), so Node never loads pako.
 */
import { gzipSync, unzipSync } from 'node:zlib';
import type { InflateResult } from '../types.js';

/**
 * Inflates gzip or zlib data, refusing to produce more than `max` bytes
 * (zlib stops at the limit: a zip bomb costs at most `max` bytes).
 * `'too-large'` past the limit, `'invalid'` for a damaged or cut stream.
 */
export function nativeInflate(packed: Uint8Array, max: number): InflateResult {
  try {
    const out = unzipSync(packed, { maxOutputLength: Math.max(1, max) });
    if (out.length > max) return 'too-large';
    // A small Buffer may share Node's pool slab: copy it so decoded views own their bytes.
    return out.byteLength === out.buffer.byteLength ? new Uint8Array(out.buffer, 0, out.length) : new Uint8Array(out);
  } catch (e) {
    return (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'invalid';
  }
}

/** `data` gzipped (gzip framing, as `gzip_packed` carries it). */
export function nativeGzip(data: Uint8Array): Uint8Array {
  const out = gzipSync(data);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
