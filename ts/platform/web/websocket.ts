/**
 * `#platform/websocket` in browsers and workers: they have a global
 * `WebSocket` (the transport's default), and the `ws` package is not theirs.
 */
import { TransportError } from '../../errors.js';
import type { WebSocketConstructor } from '../types.js';
import { notAvailable } from '../not-available.js';

/** Throws `TransportError`: use the global `WebSocket` (createWebSocketFactory) here. */
export function webSocketClient(): WebSocketConstructor {
  throw new TransportError(notAvailable('the ws WebSocket client'));
}
