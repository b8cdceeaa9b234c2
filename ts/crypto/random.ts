import { fillRandom } from '../platform/random.js';
import type { RandomSource } from './provider.js';

/** The platform CSPRNG (`crypto.getRandomValues`, in every target runtime; ts/platform/random.ts), 64 KiB per call at most. */
export const defaultRandom: RandomSource = fillRandom;

/**
 * Buffers the default CSPRNG in 4 KiB refills: message padding needs a few
 * random bytes per message, and one getRandomValues call costs more than the
 * bytes themselves. Injected sources are called directly (tests see exactly
 * the requests they expect).
 */
export function pooledRandom(source: RandomSource): RandomSource {
  if (source !== defaultRandom) return source;
  const pool = new Uint8Array(4096);
  let pos = pool.length;
  return (out) => {
    if (out.length > 256) return source(out);
    if (pos + out.length > pool.length) {
      source(pool);
      pos = 0;
    }
    out.set(pool.subarray(pos, pos + out.length));
    pool.fill(0, pos, pos + out.length); // a byte handed out is not kept
    pos += out.length;
  };
}
