/**
 * Server side: which transport a new connection speaks, from its first
 * bytes. The client prefixes are chosen so this is unambiguous: 0xef is
 * abridged, 0xeeeeeeee intermediate, 0xdddddddd padded intermediate; a full
 * frame starts with its length and seqno 0 (a zero second int, which an
 * obfuscated2 init may never have); anything else is an obfuscated2 init.
 * https://core.telegram.org/mtproto/mtproto-transports
 */
import { TransportError } from '../errors.js';
import type { CodecKind } from './frame.js';
import { OBFUSCATED_INIT_LENGTH } from './obfuscated2.js';

/** Result of `detectTransport`. */
export type Detection =
  /** Not enough bytes yet to decide; call again with more. */
  | { readonly status: 'need-more' }
  /** A plain connection: drop `headerLength` prefix bytes, then frames of `codec` follow. */
  | { readonly status: 'plain'; readonly codec: CodecKind; readonly headerLength: number }
  /** An obfuscated2 connection: the first 64 bytes are the init. */
  | { readonly status: 'obfuscated'; readonly initLength: typeof OBFUSCATED_INIT_LENGTH };

/**
 * Classifies a connection from the bytes received so far (`head` may be a
 * prefix of the stream of any length). Throws `TransportError` for HTTP
 * and TLS (fake-TLS MTProxy), which this library does not serve.
 */
export function detectTransport(head: Uint8Array): Detection {
  if (head.length < 1) return { status: 'need-more' };
  if (head[0] === 0xef) return { status: 'plain', codec: 'abridged', headerLength: 1 };
  if (head.length < 4) return { status: 'need-more' };
  const first = (head[0]! | (head[1]! << 8) | (head[2]! << 16) | (head[3]! << 24)) >>> 0;
  if (first === 0xeeeeeeee) return { status: 'plain', codec: 'intermediate', headerLength: 4 };
  if (first === 0xdddddddd) return { status: 'plain', codec: 'padded-intermediate', headerLength: 4 };
  const text = String.fromCharCode(head[0]!, head[1]!, head[2]!, head[3]!);
  if (text === 'HEAD' || text === 'POST' || text === 'GET ' || text === 'OPTI') {
    throw new TransportError('HTTP transport is not supported');
  }
  if (first === 0x02010316) throw new TransportError('TLS (fake-TLS MTProxy) is not supported');
  if (head.length < 8) return { status: 'need-more' };
  if (head[4] === 0 && head[5] === 0 && head[6] === 0 && head[7] === 0) {
    return { status: 'plain', codec: 'full', headerLength: 0 };
  }
  return { status: 'obfuscated', initLength: OBFUSCATED_INIT_LENGTH };
}
