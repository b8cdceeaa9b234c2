import { Inflate } from 'pako';
import { TlError } from '../../errors.js';
import type { DecodeBudget } from './budget.js';
import { nativeInflate } from './inflate-node.js';

/**
 * Inflates the payload of a `gzip_packed` object (gzip or zlib framing),
 * refusing to produce more than `limit` bytes so a small "zip bomb" cannot
 * make us allocate gigabytes. https://core.telegram.org/mtproto/service_messages#packed-object
 *
 * @param limit   a byte count, or the packet's budget (what is inflated is taken from it)
 * @param offset  byte position of the packed data in the outer message, for errors
 * @param engine  `'pako'` skips node:zlib (to test the path browsers and workers take)
 */
export function inflateLimited(
  packed: Uint8Array,
  limit: number | DecodeBudget,
  offset: number,
  engine: 'auto' | 'pako' = 'auto',
): Uint8Array {
  const max = typeof limit === 'number' ? limit : limit.inflated;
  // node:zlib where the platform has it (inflate-node.ts), pako elsewhere (or when asked: tests of both paths).
  const native = engine === 'auto' ? nativeInflate(packed, max) : undefined;
  if (native === 'too-large')
    throw typeof limit === 'number'
      ? new TlError(`gzip_packed inflates past the ${limit}-byte limit`, offset)
      : limit.tooMuchInflated(offset);
  if (native === 'invalid') throw new TlError(`gzip_packed payload is not a valid or complete gzip stream`, offset);
  if (native !== undefined) {
    if (typeof limit !== 'number') limit.inflated -= native.length;
    return native;
  }
  const inflate = new Inflate({ chunkSize: 16384 });
  let total = 0;
  const chunks: Uint8Array[] = [];
  inflate.onData = (chunk) => {
    const c = chunk as Uint8Array;
    total += c.length;
    if (total > max) {
      // pako stops at the first throw from onData: nothing past the limit is inflated.
      throw typeof limit === 'number'
        ? new TlError(`gzip_packed inflates past the ${limit}-byte limit`, offset)
        : limit.tooMuchInflated(offset);
    }
    // pako reuses nothing after onData, but copy anyway when it hands us a view.
    chunks.push(c.length === c.buffer.byteLength ? c : c.slice());
  };
  inflate.onEnd = (status: number) => {
    inflate.err = status;
  };
  const ok = inflate.push(packed, true);
  if (!ok || inflate.err !== 0) throw new TlError(`gzip_packed payload is not a valid or complete gzip stream`, offset);
  if (typeof limit !== 'number') limit.inflated -= total;
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
