/**
 * Picks the socket factory for the runtime: its TCP where it has one, else
 * WebSocket. The TCP is the package's `#platform/tcp`, loaded with a dynamic
 * import, whose export conditions decide (no global is sniffed): node:net by
 * default (Node, Bun), `Deno.connect` under `deno`, `cloudflare:sockets`
 * under `workerd`, and a stub that throws `TransportError` under `browser` and
 * `worker` — so no bundle carries an adapter its runtime cannot load.
 */
import { TransportError } from '../errors.js';
import type { SocketFactory } from './socket.js';
import { createWebSocketFactory, type WebSocketFactoryOptions } from './websocket.js';

/** Options of `createDefaultSocketFactory`. */
export interface DefaultSocketOptions {
  /** `tcp` (default where available) or `websocket`. */
  prefer?: 'tcp' | 'websocket';
  /** Options for a WebSocket factory when one is chosen (`scheme: 'ws'` for a plain endpoint; default `wss`). */
  websocket?: Omit<WebSocketFactoryOptions, 'WebSocket'>;
}

/**
 * The best socket factory for this runtime.
 * Throws `TransportError` when the runtime has neither TCP nor WebSocket.
 */
export async function createDefaultSocketFactory(options: DefaultSocketOptions = {}): Promise<SocketFactory> {
  if (options.prefer !== 'websocket') {
    const tcp = await platformTcp();
    if (tcp) return tcp;
  }
  // A feature test, not a condition: Node 20 has no global WebSocket and Node ≥ 22 has one, and
  // one `node` build serves both; browsers, workers, Deno and Bun always have it.
  if ((globalThis as { WebSocket?: unknown }).WebSocket !== undefined) return createWebSocketFactory(options.websocket);
  try {
    // `#platform/websocket`: the `ws` class on Node; in browsers and workers a stub that throws.
    return createWebSocketFactory({ ...options.websocket, WebSocket: (await import('../platform/node/websocket.js')).webSocketClient() });
  } catch {
    throw new TransportError('this runtime offers neither TCP nor WebSocket');
  }
}

/** `#platform/tcp`: a factory where the runtime has TCP, undefined where its stub throws (or the import fails). */
async function platformTcp(): Promise<SocketFactory | undefined> {
  try {
    return (await import('../platform/node/tcp.js')).createNodeTcpFactory();
  } catch {
    return undefined;
  }
}
