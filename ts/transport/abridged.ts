/**
 * Abridged framing: a one-byte prefix 0xef, then each packet as its length
 * in 4-byte words (one byte 0x01..0x7e, or 0x7f and three little-endian
 * bytes) followed by the payload.
 * https://core.telegram.org/mtproto/mtproto-transports#abridged
 *
 * Quick ACK (https://core.telegram.org/mtproto/mtproto-transports#quick-ack):
 * the client sets the most significant bit of the length byte (0x7f becomes
 * 0xff) to ask for one; the server answers with the 4-byte token in
 * big-endian order, so its first byte has the top bit set and cannot be
 * taken for a length byte.
 */
import { TransportError } from '../errors.js';
import { CodecBase } from './codec-base.js';
import { errorFrame } from './error-code.js';
import type { CodecOptions, EncodeOptions, Frame, FrameCodec, Side } from './frame.js';

/** The byte a client sends first on a plain abridged connection. */
export const ABRIDGED_HEADER = 0xef;
/** Longest abridged payload: a 24-bit count of 4-byte words. */
const MAX_WORDS = 0xffffff;

class AbridgedCodec extends CodecBase {
  readonly kind = 'abridged' as const;

  encode(payload: Uint8Array, options?: EncodeOptions): Uint8Array {
    this.checkOutgoing(payload, MAX_WORDS * 4);
    if (payload.length % 4 !== 0) {
      throw new TransportError(`abridged: packet length ${payload.length} is not a multiple of 4`);
    }
    const words = payload.length / 4;
    const ack = this.side === 'client' && options?.quickAck ? 0x80 : 0;
    const head = words < 0x7f ? 1 : 4;
    const out = new Uint8Array(head + payload.length);
    if (head === 1) out[0] = words | ack;
    else {
      out[0] = 0x7f | ack;
      out[1] = words & 0xff;
      out[2] = (words >>> 8) & 0xff;
      out[3] = (words >>> 16) & 0xff;
    }
    out.set(payload, head);
    return out;
  }

  override encodeQuickAck(token: number): Uint8Array {
    const t = this.checkToken(token);
    return Uint8Array.of(t >>> 24, (t >>> 16) & 0xff, (t >>> 8) & 0xff, t & 0xff);
  }

  protected next(): Frame | undefined {
    const q = this.queue;
    if (q.length < 1) return undefined;
    let first = q.peek(0);
    let quickAck = false;
    if (first & 0x80) {
      if (this.side === 'client') {
        // A quick ACK token, big-endian.
        if (q.length < 4) return undefined;
        const token = ((first << 24) | (q.peek(1) << 16) | (q.peek(2) << 8) | q.peek(3)) >>> 0;
        q.discard(4);
        return { type: 'quick-ack', token };
      }
      quickAck = true;
      first &= 0x7f;
    }
    let words = first;
    let head = 1;
    if (first === 0x7f) {
      if (q.length < 4) return undefined;
      words = q.peek(1) | (q.peek(2) << 8) | (q.peek(3) << 16);
      head = 4;
    }
    const length = words * 4;
    this.checkIncoming(length, head);
    if (q.length < head + length) return undefined;
    q.discard(head);
    const payload = q.take(length);
    return errorFrame(payload) ?? { type: 'packet', payload, quickAck };
  }
}

/**
 * An abridged codec for one side of a connection.
 *
 * @example
 * ```ts
 * const client = createAbridgedCodec('client');
 * socket.write(concat(client.header, client.encode(packet)));
 * for (const frame of client.feed(received)) ...
 * ```
 */
export function createAbridgedCodec(side: Side, options: CodecOptions = {}): FrameCodec {
  return new AbridgedCodec(side, Uint8Array.of(ABRIDGED_HEADER), options);
}
