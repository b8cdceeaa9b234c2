/**
 * MTProxy as a `SocketFactory`: every socket goes to the proxy (whatever
 * DC address the transport asks for — the DC is chosen by the id in the
 * obfuscated2 init), with the fake-TLS handshake and records for `ee`
 * secrets. The obfuscated2 layer itself, keyed with the secret, is the
 * `Transport`'s (`secret` option), so `mtproxyTransportOptions` returns both
 * halves together. https://core.telegram.org/mtproxy
 */
import type { CryptoProvider, RandomSource } from '../../crypto/provider.js';
import type { CodecKind } from '../frame.js';
import type { SocketFactory } from '../socket.js';
import { createFakeTlsHandshake } from './fake-tls.js';
import type { MtproxySecret } from './mtproxy-secret.js';
import { ProxyError } from './proxy-error.js';
import { openTunnel, resolveInner } from './tunnel.js';

/** Where an MTProxy is and its secret. */
export interface MtproxyOptions {
  host: string;
  port: number;
  /** From `parseMtproxySecret` or a parsed link. */
  secret: MtproxySecret;
  /** SHA-256 for the fake-TLS HMACs, randomness for the ClientHello. */
  crypto: CryptoProvider;
  /** Random source for the ClientHello (default `crypto.random`). */
  random?: RandomSource | undefined;
  /** Clock in ms for the ClientHello's timestamp (default `Date.now`). */
  now?: (() => number) | undefined;
  /** Limit for reaching the proxy + the fake-TLS handshake, ms (default 10 000). */
  timeoutMs?: number | undefined;
}

/**
 * The socket half of MTProxy: sockets to `options.host:options.port`; for
 * `ee` the fake-TLS handshake runs first and the stream then travels in TLS
 * records. `requiresObfuscation` is true, so a `Transport` always uses
 * obfuscated2 over it (give it the secret's key: see `mtproxyTransportOptions`).
 */
export function mtproxySocketFactory(options: MtproxyOptions, inner?: SocketFactory): SocketFactory {
  const { secret } = options;
  return {
    requiresObfuscation: true,
    async connect(_host, _port, handlers, signal) {
      const via = await resolveInner(inner);
      if (secret.mode !== 'ee') {
        // Plain and dd: nothing but the obfuscated2 stream goes to the proxy.
        try {
          return await via.connect(options.host, options.port, handlers, signal);
        } catch (e) {
          if (e instanceof ProxyError) throw e;
          throw new ProxyError('mtproxy', signal?.aborted ? 'aborted' : 'unreachable', `cannot reach the proxy: ${(e as Error).message}`);
        }
      }
      return openTunnel({
        proxy: 'mtproxy',
        inner: via,
        host: options.host,
        port: options.port,
        handshake: createFakeTlsHandshake({ secret, crypto: options.crypto, random: options.random, now: options.now }),
        handlers,
        signal,
        timeoutMs: options.timeoutMs,
      });
    },
  };
}

/** What a `Transport` / `Connection` needs to go through an MTProxy. */
export interface MtproxyTransportOptions {
  sockets: SocketFactory;
  /** The 16-byte key for obfuscated2. */
  secret: Uint8Array;
  obfuscated: true;
  /** `padded-intermediate` for `dd` and `ee` secrets (the proxy expects random padding); unset for plain ones. */
  codec?: CodecKind;
}

/**
 * Everything to spread into `TransportOptions` or `ConnectionOptions` to
 * talk through an MTProxy. The connection's `dcId` (or `protocolDcId`)
 * tells the proxy which DC to relay to; its host/port are ignored.
 *
 * @example
 * ```ts
 * const link = parseProxyLink('tg://proxy?server=127.0.0.1&port=8443&secret=dd00112233445566778899aabbccddeeff');
 * if (link.type === 'mtproxy') {
 *   const conn = new Connection({ crypto, dcId: 2, host: '', port: 0, ...mtproxyTransportOptions({ ...link, crypto }) });
 * }
 * ```
 */
export function mtproxyTransportOptions(options: MtproxyOptions, inner?: SocketFactory): MtproxyTransportOptions {
  return {
    sockets: mtproxySocketFactory(options, inner),
    secret: options.secret.key,
    obfuscated: true,
    ...(options.secret.mode !== 'plain' && { codec: 'padded-intermediate' as const }),
  };
}
