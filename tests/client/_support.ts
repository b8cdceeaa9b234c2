/**
 * Client e2e support: one test server per test file (DCs 1..3, the shared
 * RSA key), clients pointed at it with memory storage, and a deadline for
 * every wait.
 */
import { TelegramClient, type TelegramClientOptions } from '../../ts/client/index.js';
import { MemoryStorage } from '../../ts/storage/index.js';
import type { TestServer } from '../../ts/testing/index.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';
import { API, getCrypto, startServer } from '../testing/server-harness.js';

export { startServer };

/** A client for `server` (memory storage unless given), with short timeouts so a failure never hangs a test. */
export async function clientFor(server: TestServer, options: Partial<TelegramClientOptions> = {}): Promise<TelegramClient> {
  return new TelegramClient({
    apiId: API.api_id,
    apiHash: API.api_hash,
    testServer: server,
    crypto: await getCrypto(),
    sockets: createNodeTcpFactory(),
    storage: new MemoryStorage(),
    connection: { connectTimeoutMs: 5000, requestTimeoutMs: 5000, reconnect: { maxAttempts: 3 } },
    ...options,
  });
}

/** Rejects when `promise` takes longer than `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what = 'operation'): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    }),
  ]);
}
