/**
 * `gzip_packed` inflation through node:zlib — about 5× pako's speed for a
 * 200 KB answer (history pages arrive gzipped). Reached as
 * `#platform/inflate-node` under the `node` condition only; everywhere else
 * (browsers, workers, Deno, Bun — whose node:zlib may not honour
 * `maxOutputLength`) its twin returns undefined and gzip.ts uses pako.
 */
import { unzipSync } from 'node:zlib';

/**
 * Inflates gzip or zlib data, refusing to produce more than `max` bytes
 * (zlib stops at the limit: a zip bomb costs at most `max` bytes).
 * `'too-large'` past the limit, `'invalid'` for a damaged or cut stream.
 */
export function nativeInflate(packed: Uint8Array, max: number): Uint8Array | 'too-large' | 'invalid' | undefined {
  try {
    const out = unzipSync(packed, { maxOutputLength: Math.max(1, max) });
    if (out.length > max) return 'too-large';
    // A small Buffer may share Node's pool slab: copy it so decoded views own their bytes.
    return out.byteLength === out.buffer.byteLength ? new Uint8Array(out.buffer, 0, out.length) : new Uint8Array(out);
  } catch (e) {
    return (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'invalid';
  }
}
