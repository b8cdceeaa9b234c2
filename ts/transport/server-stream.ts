/**
 * The server end of a connection as one sans-IO object, for wasmgram's test
 * server: it detects the client's transport from the first bytes (plain
 * abridged / intermediate / padded intermediate / full, or obfuscated2 with
 * any of them), then decodes and encodes frames the same way.
 * https://core.telegram.org/mtproto/mtproto-transports
 */
import type { CryptoProvider, RandomSource } from '../crypto/provider.js';
import { TransportError } from '../errors.js';
import { createCodec } from './codec.js';
import { detectTransport } from './detect.js';
import { errorPayload } from './error-code.js';
import type { CodecKind, Frame, FrameCodec, PendingFrame } from './frame.js';
import { acceptObfuscatedInit, OBFUSCATED_INIT_LENGTH, type ObfuscationCipher } from './obfuscated2.js';

/** Options of `createServerStream`. */
export interface ServerStreamOptions {
  /** Needed to accept obfuscated2 connections; without it they are refused with `TransportError`. */
  crypto?: CryptoProvider;
  /** 16-byte MTProxy secret that obfuscated2 clients must use. */
  secret?: Uint8Array;
  /** Refuse non-obfuscated connections (as an MTProxy or a WebSocket endpoint does). Default false. */
  obfuscatedOnly?: boolean;
  /** Largest payload accepted from the client. Default `DEFAULT_MAX_PAYLOAD`. */
  maxPayload?: number;
  /** Random source for padded intermediate padding. */
  random?: RandomSource;
}

/** What the server learned about a connection once its transport is known. */
export interface ServerStreamInfo {
  readonly codec: CodecKind;
  readonly obfuscated: boolean;
  /** The DC id from the obfuscated2 init (int16 as sent); undefined on plain connections. */
  readonly dcId: number | undefined;
}

/** One connection's server end; see `createServerStream`. */
export interface ServerStream {
  /** Undefined until enough bytes arrived to detect the transport. */
  readonly info: ServerStreamInfo | undefined;
  /** Received wire bytes in, completed frames out (none until detection). Throws `TransportError` on bad input. */
  feed(chunk: Uint8Array): Frame[];
  /** Bytes received but not yet part of a whole frame (the detection head included). */
  readonly buffered: number;
  /** The frame being received, once its length is known (see `FrameCodec.pendingFrame`). */
  pendingFrame(): PendingFrame | undefined;
  /** Wire bytes for one packet. Throws `TransportError` before detection. */
  encode(payload: Uint8Array): Uint8Array;
  /** Wire bytes of a quick ACK (the client asked with `Frame.quickAck`). */
  encodeQuickAck(token: number): Uint8Array;
  /** Wire bytes of transport error `code` (e.g. -404), which the server sends before closing. */
  encodeError(code: number): Uint8Array;
  /** Frees the cipher streams. */
  dispose(): void;
}

/**
 * Creates the server end of one accepted connection.
 *
 * @example
 * ```ts
 * const stream = createServerStream({ crypto });
 * socket.on('data', (chunk) => {
 *   for (const frame of stream.feed(chunk)) if (frame.type === 'packet') socket.write(stream.encode(reply(frame.payload)));
 * });
 * ```
 */
export function createServerStream(options: ServerStreamOptions = {}): ServerStream {
  let head: Uint8Array | undefined = new Uint8Array(0);
  let codec: FrameCodec | undefined;
  let cipher: ObfuscationCipher | undefined;
  let info: ServerStreamInfo | undefined;
  let failure: TransportError | undefined;
  let disposed = false;
  const codecOptions = {
    ...(options.maxPayload !== undefined && { maxPayload: options.maxPayload }),
    ...(options.random && { random: options.random }),
  };

  /** Runs detection on the buffered head; returns the bytes after the prefix/init once the codec is set. */
  function detect(): Uint8Array | undefined {
    const bytes = head!;
    const found = detectTransport(bytes);
    if (found.status === 'need-more') return undefined;
    if (found.status === 'plain') {
      if (options.obfuscatedOnly) throw new TransportError('this endpoint accepts obfuscated2 connections only');
      codec = createCodec(found.codec, 'server', codecOptions);
      info = { codec: found.codec, obfuscated: false, dcId: undefined };
      return bytes.subarray(found.headerLength);
    }
    if (bytes.length < OBFUSCATED_INIT_LENGTH) return undefined;
    if (!options.crypto) throw new TransportError('obfuscated2 connection refused: no crypto provider configured');
    const accepted = acceptObfuscatedInit(bytes.subarray(0, OBFUSCATED_INIT_LENGTH), {
      crypto: options.crypto,
      ...(options.secret && { secret: options.secret }),
    });
    cipher = accepted.cipher;
    codec = createCodec(accepted.codec, 'server', codecOptions);
    info = { codec: accepted.codec, obfuscated: true, dcId: accepted.dcId };
    return cipher.decrypt(bytes.subarray(OBFUSCATED_INIT_LENGTH));
  }

  function ready(): FrameCodec {
    if (disposed) throw new TransportError('the stream was disposed');
    if (!codec) throw new TransportError('the client transport is not known yet');
    return codec;
  }

  function wire(bytes: Uint8Array): Uint8Array {
    return cipher ? cipher.encrypt(bytes) : bytes;
  }

  return {
    get info() {
      return info;
    },
    get buffered() {
      return codec ? codec.buffered : (head?.length ?? 0);
    },
    pendingFrame: () => codec?.pendingFrame(),
    feed(chunk) {
      if (failure) throw failure;
      if (disposed) throw new TransportError('the stream was disposed');
      try {
        if (codec) return codec.feed(cipher ? cipher.decrypt(chunk) : chunk);
        // At most 64 bytes wait here: detection needs no more than an init.
        const joined = new Uint8Array(head!.length + chunk.length);
        joined.set(head!);
        joined.set(chunk, head!.length);
        head = joined;
        const rest = detect();
        if (rest === undefined) return [];
        head = undefined;
        return codec!.feed(rest);
      } catch (e) {
        failure = e instanceof TransportError ? e : new TransportError(String(e));
        throw failure;
      }
    },
    encode: (payload) => wire(ready().encode(payload)),
    encodeQuickAck: (token) => wire(ready().encodeQuickAck(token)),
    encodeError: (code) => wire(ready().encode(errorPayload(code))),
    dispose() {
      if (!disposed) cipher?.dispose();
      disposed = true;
    },
  };
}
