/**
 * Intermediate framing: a 4-byte prefix 0xeeeeeeee, then each packet as a
 * 4-byte little-endian length followed by the payload.
 * https://core.telegram.org/mtproto/mtproto-transports#intermediate
 *
 * Quick ACK: the client sets the length's most significant bit to ask for
 * one; the server answers with the token alone in place of a length (its top
 * bit set), with no payload after it.
 * https://core.telegram.org/mtproto/mtproto-transports#quick-ack
 *
 * The padded variant (padded-intermediate.ts) shares this wire format.
 */
import type { RandomSource } from '../crypto/provider.js';
import { defaultRandom } from '../crypto/random.js';
import { CodecBase } from './codec-base.js';
import { errorFrame, writeU32 } from './error-code.js';
import type { CodecKind, CodecOptions, EncodeOptions, Frame, FrameCodec, Side } from './frame.js';

/** The first int a client sends on a plain intermediate connection. */
export const INTERMEDIATE_HEADER = 0xeeeeeeee;
/** The first int a client sends on a plain padded intermediate connection. */
export const PADDED_INTERMEDIATE_HEADER = 0xdddddddd;
/** Lengths use 31 bits; the top bit is the quick ACK flag. */
const MAX_LENGTH = 0x7fffffff;

/** Intermediate and padded intermediate: the same envelope, with or without random padding after the payload. */
export class IntermediateCodec extends CodecBase {
  readonly kind: CodecKind;
  private readonly random: RandomSource | undefined;

  constructor(side: Side, options: CodecOptions, padded: boolean) {
    const header = new Uint8Array(4);
    writeU32(header, 0, padded ? PADDED_INTERMEDIATE_HEADER : INTERMEDIATE_HEADER);
    super(side, header, options);
    this.kind = padded ? 'padded-intermediate' : 'intermediate';
    this.random = padded ? (options.random ?? defaultRandom) : undefined;
  }

  encode(payload: Uint8Array, options?: EncodeOptions): Uint8Array {
    this.checkOutgoing(payload, MAX_LENGTH - 15);
    let padding = 0;
    let pad: Uint8Array | undefined;
    if (this.random) {
      // 0..15 random bytes after the payload, counted in the length.
      // https://core.telegram.org/mtproto/mtproto-transports#padded-intermediate
      const count = new Uint8Array(1);
      this.random(count);
      padding = count[0]! & 15;
      pad = new Uint8Array(padding);
      if (padding > 0) this.random(pad);
    }
    const length = payload.length + padding;
    const out = new Uint8Array(4 + length);
    const ack = this.side === 'client' && options?.quickAck ? 0x80000000 : 0;
    writeU32(out, 0, (length | ack) >>> 0);
    out.set(payload, 4);
    if (pad) out.set(pad, 4 + payload.length);
    return out;
  }

  override encodeQuickAck(token: number): Uint8Array {
    const out = new Uint8Array(4);
    writeU32(out, 0, this.checkToken(token));
    return out;
  }

  protected next(): Frame | undefined {
    const q = this.queue;
    if (q.length < 4) return undefined;
    let length = q.peekU32(0);
    let quickAck = false;
    if (length & 0x80000000) {
      if (this.side === 'client') {
        q.discard(4);
        return { type: 'quick-ack', token: length };
      }
      quickAck = true;
      length &= MAX_LENGTH;
    }
    this.checkIncoming(length, 4);
    if (q.length < 4 + length) return undefined;
    q.discard(4);
    const payload = q.take(length);
    if (!this.random) return errorFrame(payload) ?? { type: 'packet', payload, quickAck };
    return errorFrame(payload, 23) ?? { type: 'packet', payload: stripPadding(payload), quickAck };
  }
}

/**
 * Removes padded-intermediate padding from a received MTProto packet. The
 * envelope does not say where the payload ends, but the packet itself does:
 * an unencrypted message (auth_key_id 0) carries its body length at bytes
 * 16..20, and an encrypted one is 24 bytes plus whole 16-byte AES blocks, so
 * fewer than 16 extra bytes are unambiguous.
 * https://core.telegram.org/mtproto/description#unencrypted-message
 */
export function stripPadding(payload: Uint8Array): Uint8Array {
  const n = payload.length;
  if (n < 24) return payload;
  let plain = true;
  for (let i = 0; i < 8; i++) if (payload[i] !== 0) plain = false;
  let end: number;
  if (plain) {
    const body = (payload[16]! | (payload[17]! << 8) | (payload[18]! << 16) | (payload[19]! << 24)) >>> 0;
    end = 20 + body;
    if (end > n || n - end > 15) return payload; // not a well-formed message: leave it to the MTProto layer
  } else {
    end = 24 + Math.floor((n - 24) / 16) * 16;
  }
  return end === n ? payload : payload.subarray(0, end);
}

/**
 * An intermediate codec for one side of a connection.
 *
 * @example
 * ```ts
 * const server = createIntermediateCodec('server');
 * for (const frame of server.feed(chunk)) if (frame.type === 'packet') reply(server.encode(handle(frame.payload)));
 * ```
 */
export function createIntermediateCodec(side: Side, options: CodecOptions = {}): FrameCodec {
  return new IntermediateCodec(side, options, false);
}
