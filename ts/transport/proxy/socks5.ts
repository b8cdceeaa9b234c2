/**
 * `socks5Proxy`: a `SocketFactory` whose sockets reach their target through
 * a SOCKS5 proxy (RFC 1928, RFC 1929 username/password).
 */
import type { SocketFactory } from '../socket.js';
import { createSocks5Handshake } from './socks5-handshake.js';
import { openTunnel, resolveInner } from './tunnel.js';

/** Where a SOCKS5 proxy is and how to log in to it. */
export interface Socks5ProxyOptions {
  host: string;
  port: number;
  /** RFC 1929 credentials (secret: the password never reaches logs or errors). */
  username?: string | undefined;
  password?: string | undefined;
  /** Limit for reaching the proxy + the handshake, ms (default 10 000). */
  timeoutMs?: number | undefined;
}

/**
 * Wraps `inner` (default: the runtime's TCP factory) so `connect(host, port)`
 * opens a socket to the proxy, asks it to CONNECT to `host:port`, and
 * returns the tunneled stream. Failures are `ProxyError`s.
 *
 * @example
 * ```ts
 * const sockets = socks5Proxy({ host: '127.0.0.1', port: 1080, username: 'u', password: 'p' }, createNodeTcpFactory());
 * const conn = new Connection({ ...options, sockets });
 * ```
 */
export function socks5Proxy(options: Socks5ProxyOptions, inner?: SocketFactory): SocketFactory {
  return {
    requiresObfuscation: inner?.requiresObfuscation ?? false,
    async connect(host, port, handlers, signal) {
      const handshake = createSocks5Handshake({ host, port, username: options.username, password: options.password });
      return openTunnel({
        proxy: 'socks5',
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
