/**
 * gzip through pako, for runtimes without node:zlib (browsers, workers,
 * Deno, Bun): the web twin of `#platform/zlib-node` (zlib-node.ts), with the
 * same contract. https://core.telegram.org/mtproto/service_messages#packed-object
 */
import { gzip, Inflate } from 'pako';

/** What an inflation gives: the bytes, or why there are none. */
export type InflateResult = Uint8Array | 'too-large' | 'invalid';

/** Thrown inside pako's onData to stop at the limit (pako stops at the first throw: nothing past it is inflated). */
const TOO_LARGE = Symbol('too-large');

/**
 * Inflates gzip or zlib data, refusing to produce more than `max` bytes.
 * `'too-large'` past the limit, `'invalid'` for a damaged or cut stream.
 */
export function pakoInflate(packed: Uint8Array, max: number): InflateResult {
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
export function pakoGzip(data: Uint8Array): Uint8Array {
  return gzip(data);
}
