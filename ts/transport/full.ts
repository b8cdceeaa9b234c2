/**
 * Full framing: no prefix; each packet is
 * `length (4, LE, whole frame) ‖ seqno (4, LE) ‖ payload ‖ CRC32 (4, LE, of all before it)`.
 * Each direction numbers its frames from 0; the receiver checks both the
 * sequence number and the checksum. There are no quick ACKs.
 * https://core.telegram.org/mtproto/mtproto-transports#full
 */
import { TransportError } from '../errors.js';
import { crc32 } from '../tl/parser/crc32.js';
import { CodecBase } from './codec-base.js';
import { errorFrame, transportErrorFor, writeU32 } from './error-code.js';
import type { CodecOptions, Frame, FrameCodec, Side } from './frame.js';

/** length + seqno + CRC32. */
const OVERHEAD = 12;

class FullCodec extends CodecBase {
  readonly kind = 'full' as const;
  private sendSeq = 0;
  private recvSeq = 0;

  encode(payload: Uint8Array): Uint8Array {
    this.checkOutgoing(payload, 0x7fffffff - OVERHEAD);
    const length = payload.length + OVERHEAD;
    const out = new Uint8Array(length);
    writeU32(out, 0, length);
    writeU32(out, 4, this.sendSeq);
    this.sendSeq = (this.sendSeq + 1) >>> 0;
    out.set(payload, 8);
    writeU32(out, length - 4, crc32(out.subarray(0, length - 4)));
    return out;
  }

  override encodeQuickAck(_token: number): Uint8Array {
    throw new TransportError('full: this transport has no quick ACKs');
  }

  protected next(): Frame | undefined {
    const q = this.queue;
    if (q.length < 4) return undefined;
    const length = q.peekU32(0);
    if (length >= 0x80000000) {
      // A negative "length" is a transport error code written without an
      // envelope before closing; nothing after it is a frame. Throwing (with
      // the code) fails the codec for good, so the caller closes the stream
      // instead of reading on — from a client such a length is simply bad.
      q.discard(q.length);
      throw transportErrorFor(length | 0);
    }
    if (length < OVERHEAD) throw new TransportError(`full: frame length ${length} is below the 12-byte minimum`);
    this.checkIncoming(length - OVERHEAD, 8);
    if (q.length < length) return undefined;
    const frame = q.take(length);
    const expected = crc32(frame.subarray(0, length - 4));
    const got = (frame[length - 4]! | (frame[length - 3]! << 8) | (frame[length - 2]! << 16) | (frame[length - 1]! << 24)) >>> 0;
    if (got !== expected) throw new TransportError('full: CRC32 mismatch');
    const seq = (frame[4]! | (frame[5]! << 8) | (frame[6]! << 16) | (frame[7]! << 24)) >>> 0;
    if (seq !== this.recvSeq) throw new TransportError(`full: expected seqno ${this.recvSeq}, got ${seq}`);
    this.recvSeq = (this.recvSeq + 1) >>> 0;
    const payload = frame.subarray(8, length - 4);
    return errorFrame(payload) ?? { type: 'packet', payload, quickAck: false };
  }
}

/**
 * A full codec for one side of a connection (it keeps both sequence
 * counters, so use one per connection).
 */
export function createFullCodec(side: Side, options: CodecOptions = {}): FrameCodec {
  return new FullCodec(side, new Uint8Array(0), options);
}
