/**
 * TCP sockets on Deno (`Deno.connect`), typed against the small part of the
 * Deno API it uses, so it compiles without Deno's types and runs anywhere a
 * `deno` object is injected (tests). ts/platform/deno/tcp.ts hands it the
 * runtime's `Deno` under the `deno` condition.
 */
import { TransportError } from '../errors.js';
import type { Socket, SocketFactory, SocketHandlers } from './types.js';

/** The part of `Deno.Conn` this adapter uses. */
export interface DenoConnLike {
  read(buffer: Uint8Array): Promise<number | null>;
  write(data: Uint8Array): Promise<number>;
  close(): void;
  setNoDelay?(noDelay?: boolean): void;
}

/** The part of the `Deno` namespace this adapter uses. */
export interface DenoLike {
  connect(options: { hostname: string; port: number; transport?: 'tcp' }): Promise<DenoConnLike>;
}

/** Options of `createDenoTcpFactory`. */
export interface DenoTcpOptions {
  /** The Deno namespace (default `globalThis.Deno`); injectable for tests. */
  deno?: DenoLike;
  /** Size of the read buffer. Default 64 KiB. */
  readBufferSize?: number;
}

/**
 * A `SocketFactory` over `Deno.connect`.
 * Throws `TransportError` when no Deno namespace is available.
 */
export function createDenoTcpFactory(options: DenoTcpOptions = {}): SocketFactory {
  const deno = options.deno ?? (globalThis as { Deno?: DenoLike }).Deno;
  if (!deno) throw new TransportError('Deno.connect is not available in this runtime');
  const bufferSize = options.readBufferSize ?? 65536;
  return {
    requiresObfuscation: false,
    async connect(host, port, handlers, signal) {
      if (signal?.aborted) throw new TransportError(`TCP connect to ${host}:${port} aborted`);
      let conn: DenoConnLike;
      try {
        conn = await deno.connect({ hostname: host, port, transport: 'tcp' });
      } catch (e) {
        throw new TransportError(`TCP connect to ${host}:${port} failed: ${(e as Error).message}`);
      }
      if (signal?.aborted) {
        conn.close();
        throw new TransportError(`TCP connect to ${host}:${port} aborted`);
      }
      conn.setNoDelay?.(true);
      return new DenoSocket(conn, handlers, `${host}:${port}`, bufferSize);
    },
  };
}

/** Runs the read loop and serializes writes (a Deno write may be partial). */
class DenoSocket implements Socket {
  private closed = false;
  private closing = false;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly conn: DenoConnLike,
    private readonly handlers: SocketHandlers,
    private readonly peer: string,
    bufferSize: number,
  ) {
    void this.readLoop(bufferSize);
  }

  write(data: Uint8Array): void {
    if (this.closed || this.closing) return;
    const copy = data.slice();
    this.writes = this.writes
      .then(async () => {
        for (let sent = 0; sent < copy.length && !this.closed; ) sent += await this.conn.write(copy.subarray(sent));
      })
      .catch((e) => this.fail(e));
  }

  close(): void {
    if (this.closed || this.closing) return;
    this.closing = true;
    void this.writes.then(() => this.finish());
  }

  private async readLoop(bufferSize: number): Promise<void> {
    const buffer = new Uint8Array(bufferSize);
    try {
      for (;;) {
        const n = await this.conn.read(buffer);
        if (n === null || this.closed) break;
        this.handlers.onData(buffer.slice(0, n));
      }
    } catch (e) {
      if (!this.closed && !this.closing) this.fail(e);
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
    try {
      this.conn.close();
    } catch {
      // already closed by the peer
    }
    this.handlers.onClose();
  }
}
