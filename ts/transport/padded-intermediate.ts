/**
 * Padded intermediate framing: intermediate with a 0xdddddddd prefix and
 * 0..15 random bytes after each payload (counted in the length), so packet
 * sizes do not fingerprint the traffic. Meant for obfuscated connections and
 * required by MTProxy `dd` secrets.
 * https://core.telegram.org/mtproto/mtproto-transports#padded-intermediate
 *
 * Received packets come back with the padding removed (see `stripPadding`),
 * and a transport error code followed by padding is still recognized.
 */
import type { CodecOptions, FrameCodec, Side } from './frame.js';
import { IntermediateCodec } from './intermediate.js';

export { stripPadding } from './intermediate.js';

/**
 * A padded intermediate codec for one side of a connection. Inject
 * `options.random` to make the padding reproducible in tests.
 */
export function createPaddedIntermediateCodec(side: Side, options: CodecOptions = {}): FrameCodec {
  return new IntermediateCodec(side, options, true);
}
