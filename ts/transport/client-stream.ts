/**
 * The client end of a connection as one sans-IO object: a framing codec,
 * optionally inside obfuscated2. Packets in → wire bytes out, wire bytes in
 * → frames out; the first `encode` also carries the codec prefix (or the
 * obfuscated2 init), which the spec requires before anything else.
 * https://core.telegram.org/mtproto/mtproto-transports
 */
import type { CryptoProvider, RandomSource } from '../crypto/provider.js';
import { TransportError } from '../errors.js';
import { createCodec } from './codec.js';
import type { CodecKind, EncodeOptions, Frame } from './frame.js';
import { createObfuscatedInit, type ObfuscationCipher } from './obfuscated2.js';

/** Obfuscation settings of a client stream. */
export interface ClientObfuscation {
  /** Provides AES-256-CTR and SHA-256. */
  crypto: CryptoProvider;
  /** DC id for the init (int16; see `obfuscatedDcId` for media and test DCs). */
  dcId: number;
  /** A 16-byte MTProxy secret. */
  secret?: Uint8Array;
}

/** Options of `createClientStream`. */
export interface ClientStreamOptions {
  /** The framing. */
  codec: CodecKind;
  /** Wrap the stream in obfuscated2 (required over WebSocket and for MTProxy). */
  obfuscation?: ClientObfuscation;
  /** Largest payload accepted from the server. Default `DEFAULT_MAX_PAYLOAD`. */
  maxPayload?: number;
  /** Random source for padding and the obfuscated2 init. Default: the crypto provider's, else `crypto.getRandomValues`. */
  random?: RandomSource;
}

/** One connection's client end; see `createClientStream`. */
export interface ClientStream {
  readonly codec: CodecKind;
  readonly obfuscated: boolean;
  /**
   * Wire bytes for one packet. The first call's result starts with the codec
   * prefix or the 64-byte obfuscated2 init.
   */
  encode(payload: Uint8Array, options?: EncodeOptions): Uint8Array;
  /** Received wire bytes in, completed frames out. Throws `TransportError` on a framing error. */
  feed(chunk: Uint8Array): Frame[];
  /** Frees the cipher streams. */
  dispose(): void;
}

/**
 * Creates the client end of one connection. Use a new one per connection:
 * the obfuscated2 init, the full codec's counters and the cipher streams
 * belong to a single TCP/WebSocket session.
 *
 * @example
 * ```ts
 * const stream = createClientStream({ codec: 'intermediate', obfuscation: { crypto, dcId: 2 } });
 * socket.write(stream.encode(packet));
 * for (const frame of stream.feed(chunk)) if (frame.type === 'packet') handle(frame.payload);
 * ```
 */
export function createClientStream(options: ClientStreamOptions): ClientStream {
  const { obfuscation } = options;
  const random = options.random ?? obfuscation?.crypto.random;
  const codec = createCodec(options.codec, 'client', {
    ...(options.maxPayload !== undefined && { maxPayload: options.maxPayload }),
    ...(random && { random }),
  });
  let cipher: ObfuscationCipher | undefined;
  let prefix: Uint8Array | undefined;
  let disposed = false;
  const live = (): void => {
    if (disposed) throw new TransportError('the stream was disposed');
  };
  if (obfuscation) {
    const made = createObfuscatedInit({ ...obfuscation, codec: options.codec, ...(random && { random }) });
    cipher = made.cipher;
    prefix = made.init;
  } else {
    prefix = codec.header;
  }

  return {
    codec: options.codec,
    obfuscated: cipher !== undefined,
    encode(payload, encodeOptions) {
      live();
      let bytes = codec.encode(payload, encodeOptions);
      if (cipher) bytes = cipher.encrypt(bytes);
      if (prefix === undefined) return bytes;
      const out = new Uint8Array(prefix.length + bytes.length);
      out.set(prefix);
      out.set(bytes, prefix.length);
      prefix = undefined;
      return out;
    },
    feed(chunk) {
      live();
      return codec.feed(cipher ? cipher.decrypt(chunk) : chunk);
    },
    dispose() {
      if (!disposed) cipher?.dispose();
      disposed = true;
    },
  };
}
