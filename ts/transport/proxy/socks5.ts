/**
 * `socks5Proxy`: a `SocketFactory` whose sockets reach their target through
 * a SOCKS5 proxy (RFC 1928, RFC 1929 username/password).
 */
import type { SocketFactory } from '../socket.js';
import { createSocks5Handshake } from './socks5-handshake.js';
import { type CredentialProxyOptions, proxiedSocketFactory } from './tunnel.js';

/** Where a SOCKS5 proxy is and its RFC 1929 credentials (secret: never logged). */
export type Socks5ProxyOptions = CredentialProxyOptions;

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
  return proxiedSocketFactory('socks5', options, inner, createSocks5Handshake);
}
