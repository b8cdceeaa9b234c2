/**
 * `Transport`: a socket plus a framing codec (plus obfuscated2 when asked
 * for, or when the socket kind requires it) that sends and receives whole
 * MTProto packets. The network layer above sees packets only, never which
 * socket or framing carries them.
 * https://core.telegram.org/mtproto/mtproto-transports
 */
import type { CryptoProvider, RandomSource } from '../crypto/provider.js';
import { TransportError } from '../errors.js';
import { type ClientStream, createClientStream } from './client-stream.js';
import { Emitter } from './emitter.js';
import type { CodecKind, EncodeOptions } from './frame.js';
import type { Socket, SocketFactory } from './socket.js';

/** Options of `Transport`. */
export interface TransportOptions {
  /** Where sockets come from (TCP on Node/Deno, WebSocket elsewhere). */
  sockets: SocketFactory;
  /** The framing. Default `'intermediate'`. */
  codec?: CodecKind;
  /** Wrap the stream in obfuscated2. Forced on when `sockets.requiresObfuscation`. Default false. */
  obfuscated?: boolean;
  /** Crypto provider; required with obfuscation. */
  crypto?: CryptoProvider;
  /** DC id put in the obfuscated2 init (int16, see `obfuscatedDcId`). Default 2. */
  dcId?: number;
  /** 16-byte MTProxy secret (implies obfuscation). */
  secret?: Uint8Array;
  /** Largest packet accepted from the server. Default `DEFAULT_MAX_PAYLOAD`. */
  maxPayload?: number;
  /** Random source for padding and the init. */
  random?: RandomSource;
}

/** Events of a `Transport`. */
export type TransportEvents = {
  /** A whole MTProto packet from the server. */
  packet: (payload: Uint8Array) => void;
  /** The server's quick ACK token for a packet sent with `quickAck`. */
  'quick-ack': (token: number) => void;
  /**
   * A transport error code from the server (`error.code`, e.g. -404), a
   * framing error, or a socket failure. Framing and socket errors also close the connection.
   */
  error: (error: TransportError) => void;
  /** The connection closed (either side). */
  close: () => void;
  /** A long-poll socket (HTTP) has no request open: send a poll (`http_wait`) to let the server answer. */
  poll: () => void;
};

/** Connection state of a `Transport`. */
export type TransportState = 'idle' | 'connecting' | 'open' | 'closed';

/**
 * One client connection to one endpoint. After `close` (or a dropped
 * connection) `connect` may be called again; each connection gets a fresh
 * stream (a new obfuscated2 init, new sequence numbers).
 *
 * @example
 * ```ts
 * const transport = new Transport({ sockets: createNodeTcpFactory(), codec: 'abridged' });
 * transport.on('packet', (p) => session.receive(p));
 * await transport.connect('127.0.0.1', 4430);
 * transport.send(requestBytes);
 * ```
 */
export class Transport extends Emitter<TransportEvents> {
  private socket: Socket | undefined;
  private stream: ClientStream | undefined;
  private current: TransportState = 'idle';
  /** Bumped per connection, so callbacks of an old socket are ignored. */
  private generation = 0;

  constructor(private readonly options: TransportOptions) {
    super();
  }

  /** The connection state. */
  get state(): TransportState {
    return this.current;
  }

  /** Whether obfuscated2 is used on connections of this transport. */
  get obfuscated(): boolean {
    const o = this.options;
    return o.sockets.requiresObfuscation || o.obfuscated === true || o.secret !== undefined;
  }

  /**
   * Opens the connection. Rejects with `TransportError` when it fails or
   * `signal` aborts it, or when the transport is already connecting or open.
   */
  async connect(host: string, port: number, signal?: AbortSignal): Promise<void> {
    if (this.current === 'connecting' || this.current === 'open') {
      throw new TransportError(`transport is already ${this.current}`);
    }
    const stream = this.createStream();
    const generation = ++this.generation;
    this.current = 'connecting';
    const mine = () => generation === this.generation;
    try {
      this.socket = await this.options.sockets.connect(
        host,
        port,
        {
          onData: (chunk) => {
            if (mine()) this.receive(chunk);
          },
          onError: (error) => {
            if (mine()) this.emit('error', error);
          },
          onClose: () => {
            if (mine()) this.closed();
          },
          onPoll: () => {
            if (mine() && this.current === 'open') this.emit('poll');
          },
        },
        signal,
      );
    } catch (e) {
      stream.dispose();
      if (mine()) this.current = 'closed';
      throw e instanceof TransportError ? e : new TransportError(`connect failed: ${String(e)}`);
    }
    if (!mine() || this.current !== 'connecting') {
      // close() was called while connecting.
      this.socket.close();
      stream.dispose();
      throw new TransportError('transport closed while connecting');
    }
    this.stream = stream;
    this.current = 'open';
  }

  /**
   * Sends one MTProto packet. Throws `TransportError` when not open or when
   * the packet cannot be framed.
   */
  send(payload: Uint8Array, options?: EncodeOptions): void {
    if (this.current !== 'open' || !this.stream || !this.socket) throw new TransportError('transport is not open');
    this.socket.write(this.stream.encode(payload, options));
  }

  /** Closes the connection (queued bytes are still sent). `close` is emitted once the socket is closed. */
  close(): void {
    if (this.current === 'connecting') {
      this.generation++;
      this.current = 'closed';
      return;
    }
    if (this.current !== 'open') return;
    this.socket?.close();
  }

  private createStream(): ClientStream {
    const o = this.options;
    const codec = o.codec ?? 'intermediate';
    let obfuscation;
    if (this.obfuscated) {
      if (!o.crypto) throw new TransportError('obfuscated2 needs a crypto provider (options.crypto)');
      obfuscation = { crypto: o.crypto, dcId: o.dcId ?? 2, ...(o.secret && { secret: o.secret }) };
    }
    return createClientStream({
      codec,
      ...(obfuscation && { obfuscation }),
      ...(o.maxPayload !== undefined && { maxPayload: o.maxPayload }),
      ...(o.random && { random: o.random }),
    });
  }

  private receive(chunk: Uint8Array): void {
    const stream = this.stream;
    if (!stream) return;
    let frames;
    try {
      frames = stream.feed(chunk);
    } catch (e) {
      this.emit('error', e instanceof TransportError ? e : new TransportError(String(e)));
      this.socket?.close();
      return;
    }
    for (const frame of frames) {
      if (this.stream !== stream) return; // a listener closed the connection
      if (frame.type === 'packet') this.emit('packet', frame.payload);
      else if (frame.type === 'quick-ack') this.emit('quick-ack', frame.token);
      else this.emit('error', frame.error);
    }
  }

  private closed(): void {
    this.stream?.dispose();
    this.stream = undefined;
    this.socket = undefined;
    this.current = 'closed';
    this.emit('close');
  }
}
