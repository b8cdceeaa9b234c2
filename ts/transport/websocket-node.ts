/**
 * WebSocket on Node 20, which has no global WebSocket client: the generic
 * adapter (websocket.ts) over the class of `#platform/websocket` (the `ws`
 * package; in browsers and workers a stub that throws `TransportError`).
 */
import { webSocketClient } from '../platform/node/websocket.js';
import type { SocketFactory } from './socket.js';
import { createWebSocketFactory, type WebSocketFactoryOptions } from './websocket.js';

/**
 * A WebSocket `SocketFactory` for Node (the `ws` package).
 *
 * @example
 * ```ts
 * const sockets = createNodeWebSocketFactory({ scheme: 'ws' }); // ws://host:port/apiws (test server, local proxy)
 * const telegram = createNodeWebSocketFactory();                // wss://host:port/apiws
 * ```
 */
export function createNodeWebSocketFactory(options: Omit<WebSocketFactoryOptions, 'WebSocket'> = {}): SocketFactory {
  return createWebSocketFactory({ ...options, WebSocket: webSocketClient() });
}
