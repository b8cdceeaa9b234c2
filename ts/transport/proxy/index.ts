/**
 * Proxies as `SocketFactory` wrappers: SOCKS5 (RFC 1928/1929), HTTP CONNECT,
 * MTProxy (plain, `dd`, fake-TLS `ee`), proxy links, and the socket race
 * behind `transport: 'auto'`. Every handshake is a sans-IO state machine
 * (bytes in, bytes out); `openTunnel` moves its bytes over a real socket.
 *
 * @example
 * ```ts
 * import { parseProxyLink, proxyTransportOptions } from './transport/proxy/index.js';
 * const proxy = parseProxyLink('tg://socks?server=127.0.0.1&port=1080&user=u&pass=p');
 * const conn = new Connection({ crypto, dcId: 2, host, port, ...proxyTransportOptions(proxy, { crypto }) });
 * ```
 */
export { type ProxyFailure, ProxyError, type ProxyKind } from './proxy-error.js';
export type { ProxyHandshake } from './handshake.js';
export { createSocks5Handshake, parseIpv6 } from './socks5-handshake.js';
export { socks5Proxy, type Socks5ProxyOptions } from './socks5.js';
export { createHttpConnectHandshake, MAX_RESPONSE_HEAD } from './http-connect-handshake.js';
export { httpConnectProxy, type HttpProxyOptions } from './http-connect.js';
export { hmacSha256 } from './hmac-sha256.js';
export { createTlsRecordLayer } from './tls-records.js';
export { buildFakeTlsClientHello, CLIENT_HELLO_LENGTH, createFakeTlsHandshake } from './fake-tls.js';
export { createMtproxySecret, formatMtproxySecret, type MtproxyMode, type MtproxySecret, parseMtproxySecret } from './mtproxy-secret.js';
export { type MtproxyOptions, mtproxySocketFactory, type MtproxyTransportOptions, mtproxyTransportOptions } from './mtproxy.js';
export {
  formatProxyLink,
  type HttpProxyConfig,
  type MtproxyConfig,
  parseProxyLink,
  type ProxyConfig,
  type Socks5ProxyConfig,
} from './proxy-link.js';
export { type ProxiedTransportOptions, proxyTransportOptions, type ProxyTransportSettings } from './proxy-transport.js';
export { RaceError, raceFirst, type RaceOptions, raceSockets } from './race.js';
