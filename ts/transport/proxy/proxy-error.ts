/**
 * `ProxyError`: a proxy refused or broke the tunnel. It is a
 * `TransportError` (the network layer treats it like any failed connect),
 * with machine-readable fields saying which proxy kind failed and why.
 */
import { TransportError } from '../../errors.js';

/** The proxy kinds wasmgram speaks. */
export type ProxyKind = 'socks5' | 'http' | 'mtproxy';

/**
 * Why a proxy tunnel failed:
 * - `auth-required`: the proxy wants credentials that were not given (or offers no method we speak);
 * - `auth-failed`: the proxy rejected the username/password;
 * - `refused`: the proxy refused the request (ruleset, method, HTTP 403...);
 * - `unreachable`: the proxy could not reach the target (host/network unreachable, connection refused, HTTP 502/504);
 * - `malformed`: the proxy's reply broke the protocol (wrong version, bad lengths, too long, bad HMAC);
 * - `closed`: the proxy closed the connection before the tunnel was open;
 * - `timeout`: the handshake did not finish in time;
 * - `aborted`: the caller's signal aborted it.
 */
export type ProxyFailure = 'auth-required' | 'auth-failed' | 'refused' | 'unreachable' | 'malformed' | 'closed' | 'timeout' | 'aborted';

/**
 * A proxy handshake failed. `instanceof TransportError` is true as well.
 *
 * @example
 * ```ts
 * try { await conn.connect() }
 * catch (e) { if (e instanceof ProxyError && e.reason === 'auth-failed') askForPassword() }
 * ```
 */
export class ProxyError extends TransportError {
  override name = 'ProxyError';
  static override readonly kind: string = 'ProxyError';
  constructor(
    /** Which proxy protocol failed. */
    readonly proxy: ProxyKind,
    /** What went wrong, as a union a caller can switch on. */
    readonly reason: ProxyFailure,
    message: string,
  ) {
    super(`${proxy} proxy: ${message}`);
  }
}
