/**
 * `#platform/zlib` under the `node` condition (which Deno and Bun match too):
 * gzip through node:zlib — inflation of incoming `gzip_packed` (about 5×
 * pako's speed for a 200 KB answer; history pages arrive gzipped) and
 * compression of outgoing queries. Browsers and workers get pako
 * (ts/platform/web/zlib.ts), so Node never loads pako.
 *
 * node:zlib itself loads on the first use (`process.getBuiltinModule`:
 * Node >= 20.16, Deno 2, Bun): evaluating it costs a cold start about 1 ms
 * of CPU, and a stored session's first answers are rarely packed.
 */
import type * as Zlib from 'node:zlib';
import type { InflateResult } from '../types.js';

let zlib: typeof Zlib | undefined;
const loadZlib = (): typeof Zlib =>
  (zlib ??= (process as unknown as { getBuiltinModule(id: 'node:zlib'): typeof Zlib }).getBuiltinModule('node:zlib'));

/**
 * Inflates gzip or zlib data, refusing to produce more than `max` bytes
 * (zlib stops at the limit: a zip bomb costs at most `max` bytes).
 * `'too-large'` past the limit, `'invalid'` for a damaged or cut stream.
 */
export function nativeInflate(packed: Uint8Array, max: number): InflateResult {
  try {
    const out = loadZlib().unzipSync(packed, { maxOutputLength: Math.max(1, max) });
    if (out.length > max) return 'too-large';
    // A small Buffer may share Node's pool slab: copy it so decoded views own their bytes.
    return out.byteLength === out.buffer.byteLength ? new Uint8Array(out.buffer, 0, out.length) : new Uint8Array(out);
  } catch (e) {
    return (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'invalid';
  }
}

/** `data` gzipped (gzip framing, as `gzip_packed` carries it). */
export function nativeGzip(data: Uint8Array): Uint8Array {
  const out = loadZlib().gzipSync(data);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
