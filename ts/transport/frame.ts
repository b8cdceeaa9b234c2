/**
 * The shapes every framing codec shares: what a decoder yields, the options
 * all codecs take, and the size bound that protects the decoders.
 *
 * Framing wraps each MTProto packet in an envelope so a byte stream (TCP, or
 * a WebSocket carrying obfuscated bytes) can be cut back into packets.
 * https://core.telegram.org/mtproto/mtproto-transports
 */
import type { RandomSource } from '../crypto/provider.js';
import type { TransportError } from '../errors.js';

/** The four MTProto framings. https://core.telegram.org/mtproto/mtproto-transports */
export type CodecKind = 'abridged' | 'intermediate' | 'padded-intermediate' | 'full';

/** Which end of the connection a codec serves: the client sends the prefix and may ask for quick acks; the server answers them. */
export type Side = 'client' | 'server';

/**
 * Largest payload a decoder accepts by default: 16 MiB plus 1 KiB for the
 * MTProto envelope. Bigger lengths are rejected from the header alone, before
 * a single payload byte is buffered.
 */
export const DEFAULT_MAX_PAYLOAD = 16 * 1024 * 1024 + 1024;

/** One thing a decoder cut out of the stream. */
export type Frame =
  /**
   * A whole MTProto packet. `quickAck` is set on the server side when the
   * client asked for a quick acknowledgement of it (always false on the client side).
   */
  | { readonly type: 'packet'; readonly payload: Uint8Array; readonly quickAck: boolean }
  /**
   * A quick ACK from the server (client side only): the 32-bit token with its
   * most significant bit set, as an unsigned number.
   * https://core.telegram.org/mtproto/mtproto-transports#quick-ack
   */
  | { readonly type: 'quick-ack'; readonly token: number }
  /**
   * A transport error: a 4-byte payload holding a negative int32 such as -404
   * (no auth key) or -429 (too many connections). `error.code` is that number.
   * https://core.telegram.org/mtproto/mtproto-transports#transport-errors
   */
  | { readonly type: 'error'; readonly error: TransportError };

/** Options of `FrameCodec.encode`. */
export interface EncodeOptions {
  /**
   * Client side: ask the server for a quick ACK of this packet (sets the
   * length's most significant bit). Ignored by the full codec, which has no quick ACKs.
   */
  quickAck?: boolean;
}

/** Options every codec factory takes. */
export interface CodecOptions {
  /** Largest payload accepted from the peer, in bytes. Default `DEFAULT_MAX_PAYLOAD`. */
  maxPayload?: number;
  /** Random source for padding (padded intermediate only). Default `crypto.getRandomValues`. */
  random?: RandomSource;
}

/**
 * A framing codec for one side of one connection, sans-IO: `encode` turns a
 * packet into wire bytes, `feed` takes received bytes cut at any boundary and
 * returns the frames they complete. State (a partial frame, the full
 * codec's sequence numbers) lives in the object, so use one per connection.
 *
 * A framing error (bad length, bad CRC, bad sequence number) throws
 * `TransportError`; after that the codec stays failed and every `feed`
 * throws the same error, as the stream can no longer be trusted.
 */
export interface FrameCodec {
  readonly kind: CodecKind;
  readonly side: Side;
  /**
   * The bytes a client sends once, before its first frame, on a
   * non-obfuscated connection (0xef, 0xeeeeeeee, 0xdddddddd, or nothing for
   * full). Empty on the server side. Under obfuscation this prefix is not
   * sent; the protocol tag inside the init replaces it.
   */
  readonly header: Uint8Array;
  /** Frames one packet. Throws `TransportError` when the payload cannot be framed (empty, misaligned for abridged, too long). */
  encode(payload: Uint8Array, options?: EncodeOptions): Uint8Array;
  /** Server side only: the frame carrying a quick ACK token. Throws `TransportError` on the client side or for the full codec. */
  encodeQuickAck(token: number): Uint8Array;
  /**
   * Takes the next received bytes; returns every frame they complete, in
   * order. The codec keeps a reference to `chunk` until its bytes are
   * consumed, so the caller must not reuse the array; returned payloads are
   * fresh arrays the caller owns.
   */
  feed(chunk: Uint8Array): Frame[];
  /** Bytes received but not yet part of a whole frame. */
  readonly buffered: number;
  /**
   * The frame being received, once its length is known: the announced
   * payload length and its first bytes so far (up to 8: an MTProto packet's
   * auth_key_id). Lets a server decide how much an unauthenticated peer may
   * buffer. Undefined between frames or after a failure.
   */
  pendingFrame(): PendingFrame | undefined;
}

/** See `FrameCodec.pendingFrame`. */
export interface PendingFrame {
  /** Announced payload length, bytes. */
  readonly length: number;
  /** The payload's first bytes received so far (at most 8). */
  readonly prefix: Uint8Array;
}
