/**
 * Client e2e support: one test server per test file (DCs 1..3, the shared
 * RSA key), clients pointed at it with memory storage, a deadline for
 * every wait, and the two helpers most e2e files need (`rpcError`, `collect`).
 */
import * as assert from 'uvu/assert';
import { TelegramClient, type TelegramClientOptions } from '../../ts/client/index.js';
import { RpcError } from '../../ts/errors.js';
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

/** The RPC error name `p` rejects with; fails the test when it resolves or rejects with anything else. */
export async function rpcError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    assert.instance(e, RpcError, String(e));
    return (e as RpcError).text;
  }
  assert.unreachable('expected an RpcError');
  return '';
}

/** Everything an async iterator yields, in order. */
export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
