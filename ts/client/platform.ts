/**
 * The client's platform defaults in one place: the crypto engine, the
 * socket factory and file-path storage. Each is loaded with a dynamic
 * import, so the client core imports no `node:*` and bundles for browsers
 * never include Node adapters.
 */
import type { CryptoProvider } from '../crypto/provider.js';
import type { SessionStorage } from '../storage/types.js';
import type { SocketFactory } from '../transport/socket.js';

/** The runtime's crypto engine (`node` on Node, WASM elsewhere). */
export async function defaultCrypto(): Promise<CryptoProvider> {
  return (await import('../crypto/create-provider.js')).createCryptoProvider();
}

/** TCP on Node, Deno and Bun; WebSocket in browsers and workers. */
export async function defaultSockets(): Promise<SocketFactory> {
  return (await import('../transport/default-socket.js')).createDefaultSocketFactory();
}

/** A new memory storage. */
export async function memoryStorage(): Promise<SessionStorage> {
  return new (await import('../storage/memory.js')).MemoryStorage();
}

/** The binary file backend for `path` (Node, Deno and Bun, through node:fs). */
export async function fileStorage(path: string): Promise<SessionStorage> {
  return (await import('../storage/file-node.js')).nodeFileStorage(path);
}
