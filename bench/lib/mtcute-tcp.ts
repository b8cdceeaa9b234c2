/**
 * A node:net socket as @fuman/net's `IConnection`, the transport mtcute's
 * clients take (@mtcute/node would give one; it is not installed here):
 * `read` waits for bytes, `write` resolves when flushed. Once the socket is
 * closed both throw the `ConnectionClosedError` passed in (@fuman/net's),
 * which is what mtcute's read loop waits for (it keeps reading after an
 * end-of-stream `0`). Shared by the mtproto suite and the client suite's
 * cold-start child.
 */
import net from 'node:net';

/** @fuman/net's `ConnectionClosedError` (passed in: the callers load it from their own copy). */
export type ClosedError = new (message?: string) => Error;

class TcpConnection {
  readonly localAddress = null;
  readonly remoteAddress: { address: string; port: number };
  private readonly chunks: Buffer[] = [];
  private wake: (() => void) | undefined;
  private ended = false;
  private failure: Error | undefined;

  constructor(
    private readonly socket: net.Socket,
    private readonly closedError: ClosedError,
  ) {
    this.remoteAddress = { address: socket.remoteAddress ?? '', port: socket.remotePort ?? 0 };
    socket.setNoDelay(true);
    socket.on('data', (b: Buffer) => {
      this.chunks.push(b);
      this.notify();
    });
    const end = () => {
      this.ended = true;
      this.notify();
    };
    socket.on('end', end);
    socket.on('close', end);
    socket.on('error', (e) => {
      this.failure = e;
      this.notify();
    });
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  async read(into: Uint8Array): Promise<number> {
    while (this.chunks.length === 0) {
      if (this.failure) throw this.failure;
      if (this.ended) throw new this.closedError('connection closed');
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    const head = this.chunks[0]!;
    const n = Math.min(into.length, head.length);
    into.set(head.subarray(0, n));
    if (n === head.length) this.chunks.shift();
    else this.chunks[0] = head.subarray(n);
    return n;
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.ended || this.socket.destroyed) return Promise.reject(new this.closedError('connection closed'));
    return new Promise((resolve, reject) => this.socket.write(bytes, (e) => (e ? reject(e) : resolve())));
  }

  close(): void {
    this.socket.destroy();
  }
}

/** Connects to `host:port`; resolves with the connection once the socket is open. */
export function mtcuteTcpConnect(host: string, port: number, closedError: ClosedError): Promise<TcpConnection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port }, () => {
      socket.off('error', reject);
      resolve(new TcpConnection(socket, closedError));
    });
    socket.once('error', reject);
  });
}
