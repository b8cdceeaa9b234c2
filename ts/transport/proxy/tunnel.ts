/**
 * `openTunnel`: opens a socket to a proxy through an inner `SocketFactory`,
 * runs a sans-IO `ProxyHandshake` over it under a deadline and the caller's
 * signal, then hands back a `Socket` that carries the tunneled stream (through
 * the handshake's `StreamLayer`, if it has one). Every proxy wrapper
 * (SOCKS5, HTTP CONNECT, MTProxy) is this function plus its handshake.
 */
import { TransportError } from '../../errors.js';
import type { Socket, SocketFactory, SocketHandlers } from '../socket.js';
import type { ProxyHandshake, StreamLayer } from './handshake.js';
import { ProxyError, type ProxyKind } from './proxy-error.js';

/** Default limit for a proxy handshake (connect + negotiation), ms. */
export const DEFAULT_PROXY_TIMEOUT_MS = 10_000;

/** Options of `openTunnel`. */
export interface TunnelOptions {
  /** Which proxy kind this is (for errors). */
  proxy: ProxyKind;
  /** How to reach the proxy. */
  inner: SocketFactory;
  /** The proxy's address. */
  host: string;
  port: number;
  /** The handshake to run once the socket is open. */
  handshake: ProxyHandshake;
  /** Who gets the tunneled stream's events. */
  handlers: SocketHandlers;
  /** Aborts the connect and the handshake. */
  signal?: AbortSignal | undefined;
  /** Limit for connect + handshake, ms (default `DEFAULT_PROXY_TIMEOUT_MS`). */
  timeoutMs?: number | undefined;
}

/**
 * Connects to the proxy and runs the handshake. Resolves with the tunneled
 * socket; rejects with `ProxyError` (a `TransportError`) when the proxy
 * refuses, breaks the protocol, closes, or the deadline/signal ends it first,
 * or with the inner factory's `TransportError` when the proxy cannot be reached.
 */
export function openTunnel(options: TunnelOptions): Promise<Socket> {
  const { proxy, handshake, handlers, signal } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS;
  return new Promise<Socket>((resolve, reject) => {
    let phase: 'connecting' | 'handshake' | 'open' | 'failed' = 'connecting';
    let inner: Socket | undefined;
    let layer: StreamLayer | undefined;
    /** Stream bytes held until the caller has the socket (see `deliverLater`). */
    let held: Uint8Array[] | undefined;
    let closedBeforeFlush = false;

    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (error: TransportError) => {
      if (phase === 'open' || phase === 'failed') return;
      phase = 'failed';
      cleanup();
      inner?.close();
      reject(error);
    };
    const onAbort = () => fail(new ProxyError(proxy, 'aborted', 'the handshake was aborted'));
    const timer = setTimeout(() => fail(new ProxyError(proxy, 'timeout', `no tunnel within ${timeoutMs} ms`)), timeoutMs);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });

    const deliver = (bytes: Uint8Array) => {
      if (bytes.length === 0) return;
      if (held) held.push(bytes);
      else handlers.onData(bytes);
    };
    const fromWire = (chunk: Uint8Array) => {
      let data = chunk;
      if (layer) {
        try {
          data = layer.decode(chunk);
        } catch (e) {
          handlers.onError(e instanceof TransportError ? e : new TransportError(String(e)));
          inner?.close();
          return;
        }
      }
      deliver(data);
    };

    const innerHandlers: SocketHandlers = {
      onData(chunk) {
        if (phase === 'open') return fromWire(chunk);
        if (phase !== 'handshake') return;
        let step;
        try {
          step = handshake.feed(chunk);
        } catch (e) {
          return fail(e instanceof TransportError ? e : new ProxyError(proxy, 'malformed', String(e)));
        }
        if (step.send.length > 0) inner!.write(step.send);
        if (!step.done) return;
        phase = 'open';
        cleanup();
        layer = step.layer;
        // The caller only starts listening once our promise has resolved (the
        // Transport sets up its stream after `await connect`), so bytes that
        // came with the handshake's end wait one macrotask; later chunks queue
        // behind them to keep the order.
        held = [];
        setTimeout(() => {
          const pending = held ?? [];
          held = undefined;
          for (const b of pending) handlers.onData(b);
          if (closedBeforeFlush) handlers.onClose();
        }, 0);
        if (step.rest && step.rest.length > 0) fromWire(step.rest);
        resolve(tunneled(inner!));
      },
      onError(error) {
        if (phase === 'open') handlers.onError(error);
        else fail(error);
      },
      onClose() {
        if (phase === 'open') {
          if (held) closedBeforeFlush = true;
          else handlers.onClose();
          return;
        }
        fail(new ProxyError(proxy, 'closed', 'the proxy closed the connection before the tunnel was open'));
      },
    };

    const tunneled = (socket: Socket): Socket => ({
      write(data) {
        socket.write(layer ? layer.encode(data) : data);
      },
      close() {
        socket.close();
      },
    });

    options.inner.connect(options.host, options.port, innerHandlers, signal).then(
      (socket) => {
        inner = socket;
        if (phase !== 'connecting') {
          socket.close();
          return;
        }
        phase = 'handshake';
        socket.write(handshake.start());
      },
      (e: unknown) => fail(e instanceof TransportError ? e : new TransportError(`cannot reach the ${proxy} proxy: ${String(e)}`)),
    );
  });
}

/**
 * The inner factory, or the runtime's default one (loaded on demand so a
 * bundle that passes its own factory never pulls node:net in).
 */
export async function resolveInner(inner: SocketFactory | undefined): Promise<SocketFactory> {
  if (inner) return inner;
  const { createDefaultSocketFactory } = await import('../default-socket.js');
  return createDefaultSocketFactory();
}

/** Where a SOCKS5 or HTTP proxy is, with its credentials (secret: never logged). */
export interface CredentialProxyOptions {
  host: string;
  port: number;
  username?: string | undefined;
  password?: string | undefined;
  /** Limit for reaching the proxy + the handshake, ms (default 10 000). */
  timeoutMs?: number | undefined;
}

/**
 * A `SocketFactory` that reaches each target through a proxy: per
 * `connect(host, port)` it makes the proxy's handshake for that target and
 * opens the tunnel through `inner` (default: the runtime's TCP factory).
 */
export function proxiedSocketFactory(
  proxy: ProxyKind,
  options: CredentialProxyOptions,
  inner: SocketFactory | undefined,
  handshakeFor: (target: { host: string; port: number; username?: string | undefined; password?: string | undefined }) => ProxyHandshake,
): SocketFactory {
  return {
    requiresObfuscation: inner?.requiresObfuscation ?? false,
    async connect(host, port, handlers, signal) {
      return openTunnel({
        proxy,
        inner: await resolveInner(inner),
        host: options.host,
        port: options.port,
        handshake: handshakeFor({ host, port, username: options.username, password: options.password }),
        handlers,
        signal,
        timeoutMs: options.timeoutMs,
      });
    },
  };
}
