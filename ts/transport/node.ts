/**
 * The runtime's own socket adapters (node:net TCP and the `ws` WebSocket
 * client on Node), kept out of index.ts so that browser and edge bundles of
 * the transport layer never reference node:net or ws. Through the package's
 * `#platform/tcp`, `createNodeTcpFactory` is the runtime's TCP wherever it
 * has one (Deno.connect under `deno`, cloudflare:sockets under `workerd`).
 */
export { createNodeTcpFactory, type NodeTcpOptions } from '../platform/node/tcp.js';
export { createNodeWebSocketFactory } from './websocket-node.js';
