/**
 * The Node-only socket adapters (node:net TCP and the `ws` WebSocket
 * client), kept out of index.ts so that browser and edge bundles of the
 * transport layer never reference node:net or ws.
 */
export { createNodeTcpFactory, type NodeTcpOptions } from './tcp-node.js';
export { createNodeWebSocketFactory } from './websocket-node.js';
