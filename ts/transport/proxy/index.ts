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
export type { HandshakeStep, ProxyHandshake, StreamLayer } from './handshake.js';
export { DEFAULT_PROXY_TIMEOUT_MS, openTunnel, type TunnelOptions } from './tunnel.js';
export { createSocks5Handshake, parseIpv4, parseIpv6, type Socks5HandshakeOptions } from './socks5-handshake.js';
export { socks5Proxy, type Socks5ProxyOptions } from './socks5.js';
export { createHttpConnectHandshake, type HttpConnectHandshakeOptions, MAX_RESPONSE_HEAD } from './http-connect-handshake.js';
export { httpConnectProxy, type HttpProxyOptions } from './http-connect.js';
export { bytesEqual, hmacSha256 } from './hmac-sha256.js';
export {
  CHANGE_CIPHER_SPEC,
  createTlsRecordLayer,
  MAX_TLS_RECORD,
  MAX_TLS_RECORD_IN,
  type TlsRecordLayerOptions,
} from './tls-records.js';
export {
  buildFakeTlsClientHello,
  CLIENT_HELLO_LENGTH,
  type ClientHello,
  type ClientHelloOptions,
  createFakeTlsHandshake,
  type FakeTlsHandshakeOptions,
  HELLO_RANDOM_LENGTH,
  HELLO_RANDOM_OFFSET,
  serverHelloDigest,
  serverHelloLength,
} from './fake-tls.js';
export {
  createMtproxySecret,
  formatMtproxySecret,
  MAX_FAKE_TLS_DOMAIN,
  type MtproxyMode,
  type MtproxySecret,
  mtproxySecretBytes,
  mtproxySecretFromBytes,
  parseMtproxySecret,
} from './mtproxy-secret.js';
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
export {
  RaceError,
  type RaceCandidate,
  raceFirst,
  type RaceOptions,
  raceSockets,
  type RaceWinner,
  type SocketCandidate,
  type SocketRaceWinner,
} from './race.js';
