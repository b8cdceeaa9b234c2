/**
 * The one socket interface the transport needs, defined by the platform layer
 * (ts/platform/types.ts) that implements it: Node TCP, Deno TCP, Cloudflare
 * TCP, and here in the transport WebSocket (websocket.ts) and HTTP (http.ts).
 * Nothing above this file knows which one runs.
 */
export type { Socket, SocketFactory, SocketHandlers } from '../platform/types.js';
