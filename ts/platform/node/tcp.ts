/**
 * `#platform/tcp` on Node and Bun (the `default` condition): TCP sockets over
 * node:net, the only library file that imports it.
 */
import { connect as netConnect } from 'node:net';
import { TransportError } from '../../errors.js';
import type { Socket, SocketFactory, SocketHandlers } from '../types.js';

/** Options of `createNodeTcpFactory`. */
export interface NodeTcpOptions {
  /** Disable Nagle's algorithm (default true: MTProto packets are small and latency-bound). */
  noDelay?: boolean;
}

/**
 * A `SocketFactory` over node:net.
 *
 * @example
 * ```ts
 * const transport = new Transport({ sockets: createNodeTcpFactory(), codec: 'intermediate' });
 * ```
 */
export function createNodeTcpFactory(options: NodeTcpOptions = {}): SocketFactory {
  return {
    requiresObfuscation: false,
    connect: (host, port, handlers, signal) => connectTcp(host, port, handlers, options, signal),
  };
}

function connectTcp(host: string, port: number, handlers: SocketHandlers, options: NodeTcpOptions, signal?: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new TransportError(`TCP connect to ${host}:${port} aborted`));
    const sock = netConnect({ host, port });
    let open = false;
    let closed = false;
    const onAbort = () => {
      sock.destroy();
      reject(new TransportError(`TCP connect to ${host}:${port} aborted`));
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    sock.once('connect', () => {
      signal?.removeEventListener('abort', onAbort);
      open = true;
      sock.setNoDelay(options.noDelay ?? true);
      resolve({
        write(data) {
          if (!closed && !sock.destroyed) sock.write(data);
        },
        close() {
          if (!sock.destroyed) sock.end(() => sock.destroy());
        },
      });
    });
    sock.on('data', (buf: Buffer) => handlers.onData(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)));
    sock.on('error', (e: Error) => {
      if (open) handlers.onError(new TransportError(`TCP ${host}:${port}: ${e.message}`));
      else {
        signal?.removeEventListener('abort', onAbort);
        reject(new TransportError(`TCP connect to ${host}:${port} failed: ${e.message}`));
      }
    });
    sock.on('close', () => {
      if (!open || closed) return;
      closed = true;
      handlers.onClose();
    });
  });
}
