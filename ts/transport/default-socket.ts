/**
 * Picks the socket factory for the runtime: TCP on Deno (`Deno.connect`),
 * Node and Bun (node:net) and Cloudflare Workers (`cloudflare:sockets`),
 * WebSocket everywhere else (browsers, other edge runtimes). The TCP adapter
 * is the package's `#platform/tcp-node`, loaded with a dynamic import: its
 * export conditions give node:net by default, cloudflare:sockets under
 * `workerd`, and a stub that throws `TransportError` under `browser` and
 * `worker` — so no bundle carries an adapter its runtime cannot load.
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
    // Elsewhere the package's conditions decide: cloudflare:sockets under workerd; the stub (no TCP) for browser and worker.
    const tcp = await platformTcp();
    if (tcp) return tcp;
  }
  if (g.WebSocket !== undefined) return createWebSocketFactory(options.websocket);
  if (isNode) return (await import('./websocket-node.js')).createNodeWebSocketFactory(options.websocket);
  throw new TransportError('this runtime offers neither TCP nor WebSocket');
}

/** `#platform/tcp-node` outside Node and Deno: a factory where the runtime has TCP, undefined where its stub throws (or the import fails). */
async function platformTcp(): Promise<SocketFactory | undefined> {
  try {
    return (await import('./tcp-node.js')).createNodeTcpFactory();
  } catch {
    return undefined;
  }
}
