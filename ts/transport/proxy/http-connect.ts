/**
 * `httpConnectProxy`: a `SocketFactory` whose sockets reach their target
 * through an HTTP proxy's CONNECT method (Basic auth optional).
 */
import type { SocketFactory } from '../socket.js';
import { createHttpConnectHandshake } from './http-connect-handshake.js';
import { type CredentialProxyOptions, proxiedSocketFactory } from './tunnel.js';

/** Where an HTTP proxy is and its Basic credentials (secret: never logged). */
export type HttpProxyOptions = CredentialProxyOptions;

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
  return proxiedSocketFactory('http', options, inner, createHttpConnectHandshake);
}
