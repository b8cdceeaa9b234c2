/**
 * What every framing codec has in common: the receive queue, the "failed
 * for good" state after a framing error, and the checks on outgoing payloads.
 */
import { TransportError } from '../errors.js';
import { ByteQueue } from './byte-queue.js';
import {
  type CodecKind,
  type CodecOptions,
  DEFAULT_MAX_PAYLOAD,
  type EncodeOptions,
  type Frame,
  type FrameCodec,
  type PendingFrame,
  type Side,
} from './frame.js';

const EMPTY = new Uint8Array(0);

/** Base of the four codecs: subclasses implement `encode` and `next` (cut one frame from `queue` or return undefined). */
export abstract class CodecBase implements FrameCodec {
  abstract readonly kind: CodecKind;
  readonly header: Uint8Array;
  protected readonly queue = new ByteQueue();
  protected readonly maxPayload: number;
  private failure: TransportError | undefined;
  /** Header length and payload length of the frame `next` last looked at (-1: none). */
  private pendingHead = 0;
  private pendingLength = -1;

  constructor(
    readonly side: Side,
    clientHeader: Uint8Array,
    options: CodecOptions,
  ) {
    this.header = side === 'client' ? clientHeader : EMPTY;
    this.maxPayload = options.maxPayload ?? DEFAULT_MAX_PAYLOAD;
    if (!Number.isSafeInteger(this.maxPayload) || this.maxPayload < 4) {
      throw new TransportError(`maxPayload must be an integer >= 4, got ${options.maxPayload}`);
    }
  }

  get buffered(): number {
    return this.queue.length;
  }

  pendingFrame(): PendingFrame | undefined {
    if (this.pendingLength < 0 || this.failure) return undefined;
    const available = Math.min(8, this.pendingLength, this.queue.length - this.pendingHead);
    const prefix = new Uint8Array(Math.max(0, available));
    for (let i = 0; i < prefix.length; i++) prefix[i] = this.queue.peek(this.pendingHead + i);
    return { length: this.pendingLength, prefix };
  }

  abstract encode(payload: Uint8Array, options?: EncodeOptions): Uint8Array;

  encodeQuickAck(_token: number): Uint8Array {
    throw new TransportError(`${this.kind}: quick ACKs are sent by the server side only`);
  }

  feed(chunk: Uint8Array): Frame[] {
    if (this.failure) throw this.failure;
    this.queue.push(chunk);
    const frames: Frame[] = [];
    try {
      for (;;) {
        this.pendingLength = -1;
        const frame = this.next();
        if (!frame) break;
        frames.push(frame);
      }
    } catch (e) {
      this.failure = e instanceof TransportError ? e : new TransportError(`${this.kind}: ${String(e)}`);
      throw this.failure;
    }
    return frames;
  }

  /** Cuts the next whole frame from `queue`, or returns undefined when more bytes are needed. */
  protected abstract next(): Frame | undefined;

  /**
   * Rejects a received length above the bound, before its bytes are
   * buffered, and remembers the frame (payload after `head` header bytes) for `pendingFrame`.
   */
  protected checkIncoming(length: number, head = 0): void {
    this.pendingHead = head;
    this.pendingLength = length;
    if (length === 0) throw new TransportError(`${this.kind}: empty frame`);
    if (length > this.maxPayload) {
      throw new TransportError(`${this.kind}: frame of ${length} bytes exceeds the ${this.maxPayload}-byte limit`);
    }
  }

  /** Rejects a payload that cannot be sent. */
  protected checkOutgoing(payload: Uint8Array, limit: number): void {
    if (payload.length === 0) throw new TransportError(`${this.kind}: cannot send an empty packet`);
    if (payload.length > limit) {
      throw new TransportError(`${this.kind}: packet of ${payload.length} bytes is too long (limit ${limit})`);
    }
  }

  /** Server side: checks the quick ACK token (its most significant bit marks it as one). */
  protected checkToken(token: number): number {
    if (this.side !== 'server') throw new TransportError(`${this.kind}: quick ACKs are sent by the server side only`);
    if (!Number.isInteger(token) || token < 0 || token > 0xffffffff) {
      throw new TransportError(`quick ACK token must be a uint32, got ${token}`);
    }
    return (token | 0x80000000) >>> 0;
  }
}
