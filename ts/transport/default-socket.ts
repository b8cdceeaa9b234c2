/**
 * Picks the socket factory for the runtime: TCP on Deno (`Deno.connect`) and
 * Node (node:net), WebSocket everywhere else (browsers, edge). The Node
 * adapters are loaded with a dynamic import so bundles for other runtimes
 * never include node:net or ws.
 */
import { TransportError } from '../errors.js';
import type { SocketFactory } from './socket.js';
import { createDenoTcpFactory } from './tcp-deno.js';
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
  const g = globalThis as { Deno?: unknown; WebSocket?: unknown; process?: { versions?: { node?: string } } };
  const isNode = typeof g.process?.versions?.node === 'string' && g.Deno === undefined;
  if (options.prefer !== 'websocket') {
    if (g.Deno !== undefined) return createDenoTcpFactory();
    if (isNode) return (await import('./tcp-node.js')).createNodeTcpFactory();
  }
  if (g.WebSocket !== undefined) return createWebSocketFactory(options.websocket);
  if (isNode) return (await import('./websocket-node.js')).createNodeWebSocketFactory(options.websocket);
  throw new TransportError('this runtime offers neither TCP nor WebSocket');
}
