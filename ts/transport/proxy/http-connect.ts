/**
 * `httpConnectProxy`: a `SocketFactory` whose sockets reach their target
 * through an HTTP proxy's CONNECT method (Basic auth optional).
 */
import type { SocketFactory } from '../socket.js';
import { createHttpConnectHandshake } from './http-connect-handshake.js';
import { openTunnel, resolveInner } from './tunnel.js';

/** Where an HTTP proxy is and how to log in to it. */
export interface HttpProxyOptions {
  host: string;
  port: number;
  /** Basic credentials (secret: never logged). */
  username?: string | undefined;
  password?: string | undefined;
  /** Limit for reaching the proxy + the CONNECT exchange, ms (default 10 000). */
  timeoutMs?: number | undefined;
}

/**
 * Wraps `inner` (default: the runtime's TCP factory) so `connect(host, port)`
 * sends `CONNECT host:port` to the proxy and returns the tunneled stream.
 * Failures are `ProxyError`s.
 *
 * @example
 * ```ts
 * const sockets = httpConnectProxy({ host: '127.0.0.1', port: 8888 }, createNodeTcpFactory());
 * ```
 */
export function httpConnectProxy(options: HttpProxyOptions, inner?: SocketFactory): SocketFactory {
  return {
    requiresObfuscation: inner?.requiresObfuscation ?? false,
    async connect(host, port, handlers, signal) {
      const handshake = createHttpConnectHandshake({ host, port, username: options.username, password: options.password });
      return openTunnel({
        proxy: 'http',
        inner: await resolveInner(inner),
        host: options.host,
        port: options.port,
        handshake,
        handlers,
        signal,
        timeoutMs: options.timeoutMs,
      });
    },
  };
}
