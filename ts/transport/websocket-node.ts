/**
 * WebSocket on Node 20, which has no global WebSocket client: the generic
 * adapter (websocket.ts) over the `ws` package. Platform adapter; the only
 * transport file that imports `ws`.
 */
import WebSocket from 'ws';
import { createWebSocketFactory, type WebSocketConstructor, type WebSocketFactoryOptions } from './websocket.js';
import type { SocketFactory } from './socket.js';

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
  return createWebSocketFactory({ ...options, WebSocket: WebSocket as unknown as WebSocketConstructor });
}
