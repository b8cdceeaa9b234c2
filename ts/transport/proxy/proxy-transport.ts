/**
 * One entry point from a `ProxyConfig` (a parsed link or a hand-written
 * config) to the options a `Transport` or `Connection` takes.
 */
import type { CryptoProvider } from '../../crypto/provider.js';
import type { CodecKind } from '../frame.js';
import type { SocketFactory } from '../socket.js';
import { httpConnectProxy } from './http-connect.js';
import { mtproxyTransportOptions } from './mtproxy.js';
import type { ProxyConfig } from './proxy-link.js';
import { socks5Proxy } from './socks5.js';

/** Options of `proxyTransportOptions`. */
export interface ProxyTransportSettings {
  /** Needed for MTProxy (fake-TLS HMACs). */
  crypto: CryptoProvider;
  /** How to reach the proxy (default: the runtime's TCP factory). */
  inner?: SocketFactory | undefined;
  /** Limit for reaching the proxy + its handshake, ms (default 10 000). */
  timeoutMs?: number | undefined;
}

/** The transport options a proxy needs: always `sockets`; for MTProxy also the secret, obfuscation and codec. */
export interface ProxiedTransportOptions {
  sockets: SocketFactory;
  secret?: Uint8Array;
  obfuscated?: boolean;
  codec?: CodecKind;
}

/**
 * Options to spread into `ConnectionOptions` / `TransportOptions` so the
 * connection goes through `config`.
 *
 * @example
 * ```ts
 * const proxy = parseProxyLink(link);
 * const conn = new Connection({ crypto, dcId: 2, host, port, ...proxyTransportOptions(proxy, { crypto }) });
 * ```
 */
export function proxyTransportOptions(config: ProxyConfig, settings: ProxyTransportSettings): ProxiedTransportOptions {
  const { inner, timeoutMs } = settings;
  switch (config.type) {
    case 'socks5':
      return { sockets: socks5Proxy({ ...config, timeoutMs }, inner) };
    case 'http':
      return { sockets: httpConnectProxy({ ...config, timeoutMs }, inner) };
    case 'mtproxy':
      return mtproxyTransportOptions({ ...config, crypto: settings.crypto, timeoutMs }, inner);
  }
}
