/**
 * TCP sockets on Cloudflare Workers: `connect()` from `cloudflare:sockets`
 * (https://developers.cloudflare.com/workers/runtime-apis/tcp-sockets/).
 * Runtime-neutral (ts/platform/workerd/tcp.ts hands it the runtime's `connect`), typed against the small part of the API it uses and
 * given `connect` by the caller, so this file imports nothing from the
 * runtime and compiles (and is tested) anywhere:
 *
 * ```ts
 * import { connect } from 'cloudflare:sockets';
 * const sockets = createCloudflareTcpFactory({ connect });
 * ```
 *
 * Workers cannot open TCP connections to Cloudflare's own IP ranges, and
 * a Worker has a cap on simultaneous outgoing connections (six), so a
 * client there should keep `transfer` connections low.
 */
import { TransportError } from '../errors.js';
import type { Socket, SocketFactory, SocketHandlers } from './types.js';

/** The part of a `cloudflare:sockets` Socket this adapter uses. */
export interface CloudflareSocketLike {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
  /** Resolves once the connection is established; rejects when it cannot be. */
  readonly opened: Promise<unknown>;
  close(): Promise<void>;
}

/** `connect()` of `cloudflare:sockets`, as far as this adapter calls it. */
export type CloudflareConnect = (
  address: { hostname: string; port: number },
  options?: { secureTransport?: 'off' | 'on' | 'starttls'; allowHalfOpen?: boolean },
) => CloudflareSocketLike;

/** Options of {@link createCloudflareTcpFactory}. */
export interface CloudflareTcpOptions {
  /** `connect` from `import { connect } from 'cloudflare:sockets'`. */
  connect: CloudflareConnect;
}

/**
 * A `SocketFactory` over Cloudflare's `connect()`: plain TCP
 * (`secureTransport: 'off'`; MTProto encrypts on its own), bytes read from
 * the socket's `readable`, writes queued on its `writable`.
 *
 * @example
 * ```ts
 * import { connect } from 'cloudflare:sockets';
 * const client = new TelegramClient({ apiId, apiHash, storage, sockets: createCloudflareTcpFactory({ connect }) });
 * ```
 */
export function createCloudflareTcpFactory(options: CloudflareTcpOptions): SocketFactory {
  const { connect } = options;
  return {
    requiresObfuscation: false,
    async connect(host, port, handlers, signal) {
      const where = `${host}:${port}`;
      if (signal?.aborted) throw new TransportError(`TCP connect to ${where} aborted`);
      let socket: CloudflareSocketLike;
      try {
        socket = connect({ hostname: host, port }, { secureTransport: 'off', allowHalfOpen: false });
      } catch (e) {
        throw new TransportError(`TCP connect to ${where} failed: ${(e as Error)?.message ?? String(e)}`);
      }
      try {
        await opened(socket, signal);
      } catch (e) {
        void socket.close().catch(() => {});
        throw new TransportError(`TCP connect to ${where} failed: ${(e as Error)?.message ?? String(e)}`);
      }
      return new CloudflareSocket(socket, handlers, where);
    },
  };
}

/** Resolves when `socket` is open; rejects when it fails or `signal` aborts first. */
function opened(socket: CloudflareSocketLike, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(new TransportError('aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.opened.then(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      (e) => {
        signal?.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Pumps `readable` into the handlers and serializes writes on `writable`. */
class CloudflareSocket implements Socket {
  private closed = false;
  private closing = false;
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: CloudflareSocketLike,
    private readonly handlers: SocketHandlers,
    private readonly peer: string,
  ) {
    this.writer = socket.writable.getWriter();
    void this.readLoop();
  }

  write(data: Uint8Array): void {
    if (this.closed || this.closing) return;
    const copy = data.slice();
    this.writes = this.writes.then(() => this.writer.write(copy)).catch((e) => this.fail(e));
  }

  close(): void {
    if (this.closed || this.closing) return;
    this.closing = true;
    void this.writes.then(() => this.finish());
  }

  private async readLoop(): Promise<void> {
    const reader = this.socket.readable.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done || this.closed) break;
        if (value && value.length > 0) this.handlers.onData(value);
      }
    } catch (e) {
      if (!this.closed && !this.closing) this.fail(e);
    } finally {
      reader.releaseLock();
    }
    this.finish();
  }

  private fail(e: unknown): void {
    if (this.closed) return;
    this.handlers.onError(new TransportError(`TCP ${this.peer}: ${(e as Error)?.message ?? String(e)}`));
    this.finish();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    void this.socket.close().catch(() => {});
    this.handlers.onClose();
  }
}
