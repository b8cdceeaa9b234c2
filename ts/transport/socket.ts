/**
 * The one socket interface the transport needs. Platform adapters implement
 * it: Node TCP (tcp-node.ts), Deno TCP (tcp-deno.ts), WebSocket for
 * browsers, Deno and edge runtimes (websocket.ts) and the `ws` package on
 * Node (websocket-node.ts). Nothing above this file knows which one runs.
 */
import type { TransportError } from '../errors.js';

/** Callbacks a socket reports to. */
export interface SocketHandlers {
  /** Bytes arrived (any chunking). The array belongs to the receiver. */
  onData(chunk: Uint8Array): void;
  /** The socket failed after it was open; `onClose` follows. */
  onError(error: TransportError): void;
  /** The socket is closed (by either side, or after an error). Called once. */
  onClose(): void;
  /**
   * Long-poll sockets only (HTTP): no request is open, so nothing can bring
   * the server's messages until something is written — the owner should send
   * a poll (`http_wait`, https://core.telegram.org/mtproto/transports#http).
   */
  onPoll?(): void;
}

/** An open byte stream. */
export interface Socket {
  /** Queues bytes to send. Writing to a closed socket is ignored (the `onClose` callback already said so). */
  write(data: Uint8Array): void;
  /** Closes after the queued bytes are sent; `onClose` follows. */
  close(): void;
}

/** Opens sockets of one kind. */
export interface SocketFactory {
  /**
   * True when the bytes are visible as such to the network path and must be
   * obfuscated (WebSocket, as Telegram's web clients do); the transport then
   * always uses obfuscated2.
   */
  readonly requiresObfuscation: boolean;
  /**
   * True for request/response sockets (the HTTP transport): the server
   * answers only on a request the client holds open, so the session sends
   * `http_wait` and the socket asks for polls (`SocketHandlers.onPoll`).
   */
  readonly longPoll?: boolean;
  /**
   * Connects to `host:port` (WebSocket factories build a URL from them).
   * Resolves once the socket is open; from then on `handlers` are called.
   * Rejects with `TransportError` when the connection cannot be made or
   * `signal` aborts it first.
   */
  connect(host: string, port: number, handlers: SocketHandlers, signal?: AbortSignal): Promise<Socket>;
}
