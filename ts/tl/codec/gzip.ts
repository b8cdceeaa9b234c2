import { TlError } from '../../errors.js';
import type { DecodeBudget } from './budget.js';
import { nativeInflate } from '../../platform/node/zlib.js';
import type { InflateResult } from '../../platform/types.js';

/** An inflater: `#platform/zlib`'s: node:zlib's (ts/platform/node/zlib.ts) on Node, pako's (ts/platform/web/zlib.ts) elsewhere. */
export type Inflater = (packed: Uint8Array, max: number) => InflateResult;

/**
 * Inflates the payload of a `gzip_packed` object (gzip or zlib framing),
 * refusing to produce more than `limit` bytes so a small "zip bomb" cannot
 * make us allocate gigabytes. https://core.telegram.org/mtproto/service_messages#packed-object
 *
 * @param limit   a byte count, or the packet's budget (what is inflated is taken from it)
 * @param offset  byte position of the packed data in the outer message, for errors
 * @param inflater  the platform's (default); tests pass pako's to check the path browsers and workers take
 */
export function inflateLimited(
  packed: Uint8Array,
  limit: number | DecodeBudget,
  offset: number,
  inflater: Inflater = nativeInflate,
): Uint8Array {
  const max = typeof limit === 'number' ? limit : limit.inflated;
  const out = inflater(packed, max);
  if (out === 'too-large')
    throw typeof limit === 'number'
      ? new TlError(`gzip_packed inflates past the ${limit}-byte limit`, offset)
      : limit.tooMuchInflated(offset);
  if (out === 'invalid') throw new TlError(`gzip_packed payload is not a valid or complete gzip stream`, offset);
  if (typeof limit !== 'number') limit.inflated -= out.length;
  return out;
}
