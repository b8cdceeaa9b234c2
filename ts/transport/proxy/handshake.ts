/**
 * The sans-IO shape every proxy handshake has (SOCKS5, HTTP CONNECT,
 * MTProxy fake-TLS): bytes to send first, then bytes in → bytes out until
 * the tunnel is open. Handshakes never touch sockets or timers; `openTunnel`
 * (tunnel.ts) moves their bytes over a real socket.
 */

/** A transform of the tunneled stream that stays after the handshake (fake-TLS records). */
export interface StreamLayer {
  /** Outgoing stream bytes → wire bytes. */
  encode(data: Uint8Array): Uint8Array;
  /** Incoming wire bytes (any chunking) → stream bytes (possibly empty). Throws `TransportError` on bad framing. */
  decode(chunk: Uint8Array): Uint8Array;
}

/** What one `feed` call produced. */
export interface HandshakeStep {
  /** Bytes to send to the proxy now (empty when there is nothing to send). */
  send: Uint8Array;
  /** True once the tunnel is open; later bytes belong to the tunneled stream. */
  done: boolean;
  /** With `done`: bytes that arrived after the handshake's last byte (already the tunneled stream's). */
  rest?: Uint8Array;
  /** With `done`: a transform to apply to the tunneled stream from now on. */
  layer?: StreamLayer;
}

/** A client-side proxy handshake as a state machine. */
export interface ProxyHandshake {
  /** The first bytes to send once the socket to the proxy is open. */
  start(): Uint8Array;
  /**
   * Bytes from the proxy (any chunking). Throws `ProxyError` when the proxy
   * refuses or breaks the protocol; buffers at most a fixed, small number of
   * bytes (each handshake documents its bound).
   */
  feed(chunk: Uint8Array): HandshakeStep;
}

/** Concatenates two byte arrays (either may be empty). */
export function joinBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** An empty byte array (shared; never written to). */
export const NO_BYTES: Uint8Array = new Uint8Array(0);
