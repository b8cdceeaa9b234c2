/**
 * WebSocket sockets: binary frames carrying the obfuscated byte stream, as
 * Telegram's web clients connect (`wss://<host>/apiws`, subprotocol `binary`).
 * Works with the WHATWG `WebSocket` of browsers, Deno, Bun and edge runtimes,
 * and with any constructor shaped like it (the `ws` package on Node, see
 * websocket-node.ts and ts/platform/node/websocket.ts). Message boundaries carry no meaning: frames may be
 * split across messages, so the stream is decoded like a TCP stream.
 * https://core.telegram.org/mtproto/transports#websocket
 */
import { TransportError } from '../errors.js';
import type { Socket, SocketFactory, SocketHandlers, WebSocketConstructor, WebSocketLike } from '../platform/types.js';

export type { WebSocketConstructor, WebSocketLike } from '../platform/types.js';

/** Options of `createWebSocketFactory`. */
export interface WebSocketFactoryOptions {
  /** The constructor; default `globalThis.WebSocket`. */
  WebSocket?: WebSocketConstructor;
  /**
   * `wss` (TLS; the default, what Telegram's endpoints speak) or `ws` (plain:
   * local servers such as the test server, or behind a TLS-terminating proxy).
   * A `wss` open against a plain server fails fast with a `TransportError`
   * that says so. Ignored when `url` is given.
   */
  scheme?: 'ws' | 'wss';
  /** Older spelling of `scheme`: `false` means `ws`. `scheme` wins when both are given. */
  secure?: boolean;
  /** Builds the URL from the host and port given to `connect`; default `<scheme>://host:port/apiws`. */
  url?: (host: string, port: number) => string;
  /**
   * Longest wait for the WebSocket to open, ms (default 15 000), so an
   * endpoint that accepts TCP but never finishes the upgrade cannot hang a
   * caller that passed no `signal`. The connect rejects with `TransportError`.
   */
  openTimeoutMs?: number;
}

/** The scheme a factory with `options` uses. */
function webSocketScheme(options: Pick<WebSocketFactoryOptions, 'scheme' | 'secure'>): 'ws' | 'wss' {
  if (options.scheme !== undefined) {
    if (options.scheme !== 'ws' && options.scheme !== 'wss')
      throw new TransportError(`WebSocket scheme must be 'ws' or 'wss', got ${String(options.scheme)}`);
    return options.scheme;
  }
  return options.secure === false ? 'ws' : 'wss';
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
  // The global is the default, not a runtime test: every runtime but Node 20 has it (there, pass `ws`'s class).
  const Ctor = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (!Ctor) throw new TransportError('no WebSocket implementation in this runtime (on Node, use createNodeWebSocketFactory)');
  const scheme = webSocketScheme(options);
  const url = options.url ?? ((host: string, port: number) => `${scheme}://${host}:${port}/apiws`);
  const openTimeoutMs = options.openTimeoutMs ?? 15_000;
  return {
    requiresObfuscation: true,
    connect: (host, port, handlers, signal) => connectWebSocket(Ctor, url(host, port), handlers, openTimeoutMs, signal),
  };
}

/** A readable reason for a failed open; names the likely fix when TLS met a plain server. */
function openFailure(url: string, message: string): TransportError {
  const tlsMismatch = url.startsWith('wss:') && /EPROTO|wrong version number|SSL|TLS/i.test(message);
  const hint = tlsMismatch ? " (the server does not speak TLS: for a plain ws:// endpoint pass { scheme: 'ws' })" : '';
  return new TransportError(`WebSocket connect to ${url} failed: ${message}${hint}`);
}

function connectWebSocket(
  Ctor: WebSocketConstructor,
  url: string,
  handlers: SocketHandlers,
  openTimeoutMs: number,
  signal?: AbortSignal,
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new TransportError(`WebSocket connect to ${url} aborted`));
    let ws: WebSocketLike;
    try {
      ws = new Ctor(url, 'binary');
    } catch (e) {
      return reject(openFailure(url, (e as Error).message));
    }
    ws.binaryType = 'arraybuffer';
    let open = false;
    let closed = false;
    let settled = false;
    const fail = (error: TransportError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    };
    const onAbort = () => {
      fail(new TransportError(`WebSocket connect to ${url} aborted`));
      ws.close();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      fail(new TransportError(`WebSocket connect to ${url} did not open within ${openTimeoutMs} ms`));
      ws.close();
    }, openTimeoutMs);

    ws.onopen = () => {
      if (settled) {
        // Aborted or timed out just before it opened.
        ws.close(1000);
        return;
      }
      settled = true;
      clearTimeout(timer);
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
      else fail(openFailure(url, message));
    };
    ws.onclose = (event) => {
      if (!open) {
        fail(new TransportError(`WebSocket connect to ${url} closed (code ${event?.code ?? '?'})`));
        return;
      }
      if (closed) return;
      closed = true;
      handlers.onClose();
    };
  });
}
