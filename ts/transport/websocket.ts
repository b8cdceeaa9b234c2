/**
 * WebSocket sockets: binary frames carrying the obfuscated byte stream, as
 * Telegram's web clients connect (`wss://<host>/apiws`, subprotocol `binary`).
 * Works with the WHATWG `WebSocket` of browsers, Deno, Bun and edge runtimes,
 * and with any constructor shaped like it (the `ws` package on Node, see
 * websocket-node.ts). Message boundaries carry no meaning: frames may be
 * split across messages, so the stream is decoded like a TCP stream.
 * https://core.telegram.org/mtproto/transports#websocket
 */
import { TransportError } from '../errors.js';
import type { Socket, SocketFactory, SocketHandlers } from './socket.js';

/** The part of the WHATWG WebSocket this adapter uses. */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onclose: ((event: { code?: number; reason?: string }) => void) | null;
}

/** A WebSocket constructor (`globalThis.WebSocket`, or `ws`'s class). */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

/** Options of `createWebSocketFactory`. */
export interface WebSocketFactoryOptions {
  /** The constructor; default `globalThis.WebSocket`. */
  WebSocket?: WebSocketConstructor;
  /** Use `wss:` (default) or `ws:`. Ignored when `url` is given. */
  secure?: boolean;
  /** Builds the URL from the host and port given to `connect`; default `wss://host:port/apiws`. */
  url?: (host: string, port: number) => string;
}

const OPEN = 1;

/**
 * A `SocketFactory` over WebSocket. Its sockets always carry obfuscated2
 * (`requiresObfuscation` is true), as the WebSocket endpoints expect.
 * Throws `TransportError` when no WebSocket constructor is available.
 *
 * @example
 * ```ts
 * const sockets = createWebSocketFactory();                 // browser, Deno, edge
 * const transport = new Transport({ sockets, codec: 'intermediate', crypto, dcId: 2 });
 * await transport.connect('venus.web.telegram.org', 443);
 * ```
 */
export function createWebSocketFactory(options: WebSocketFactoryOptions = {}): SocketFactory {
  const Ctor = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (!Ctor) throw new TransportError('no WebSocket implementation in this runtime (on Node, use createNodeWebSocketFactory)');
  const scheme = options.secure === false ? 'ws' : 'wss';
  const url = options.url ?? ((host: string, port: number) => `${scheme}://${host}:${port}/apiws`);
  return {
    requiresObfuscation: true,
    connect: (host, port, handlers, signal) => connectWebSocket(Ctor, url(host, port), handlers, signal),
  };
}

function connectWebSocket(Ctor: WebSocketConstructor, url: string, handlers: SocketHandlers, signal?: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new TransportError(`WebSocket connect to ${url} aborted`));
    let ws: WebSocketLike;
    try {
      ws = new Ctor(url, 'binary');
    } catch (e) {
      return reject(new TransportError(`WebSocket connect to ${url} failed: ${(e as Error).message}`));
    }
    ws.binaryType = 'arraybuffer';
    let open = false;
    let closed = false;
    const onAbort = () => {
      ws.close();
      reject(new TransportError(`WebSocket connect to ${url} aborted`));
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    ws.onopen = () => {
      signal?.removeEventListener('abort', onAbort);
      open = true;
      resolve({
        write(data) {
          if (!closed && ws.readyState === OPEN) ws.send(data);
        },
        close() {
          if (!closed) ws.close(1000);
        },
      });
    };
    ws.onmessage = (event) => {
      const { data } = event;
      if (data instanceof ArrayBuffer) handlers.onData(new Uint8Array(data));
      else if (ArrayBuffer.isView(data)) handlers.onData(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      else {
        handlers.onError(new TransportError(`WebSocket ${url}: received a non-binary message`));
        ws.close(1003);
      }
    };
    ws.onerror = (event) => {
      const message = (event as { message?: string })?.message ?? 'error';
      if (open) handlers.onError(new TransportError(`WebSocket ${url}: ${message}`));
      else {
        signal?.removeEventListener('abort', onAbort);
        reject(new TransportError(`WebSocket connect to ${url} failed: ${message}`));
      }
    };
    ws.onclose = (event) => {
      if (!open) {
        signal?.removeEventListener('abort', onAbort);
        reject(new TransportError(`WebSocket connect to ${url} closed (code ${event?.code ?? '?'})`));
        return;
      }
      if (closed) return;
      closed = true;
      handlers.onClose();
    };
  });
}
