/**
 * `#platform/websocket` on Node, Deno and Bun: the `ws` package's client,
 * for Node 20, which has no global WebSocket. The only library file that
 * imports `ws`.
 */
import WebSocket from 'ws';
import type { WebSocketConstructor } from '../types.js';

/** The `ws` package's WebSocket class, shaped as the WHATWG constructor the transport takes. */
export function webSocketClient(): WebSocketConstructor {
  return WebSocket as unknown as WebSocketConstructor;
}
