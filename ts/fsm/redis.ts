/**
 * FSM states in Redis — what bot frameworks use to share conversation state
 * between processes. wasmgram does not depend on a Redis package: pass any
 * client with `get`, `set(key, value, 'PX', ms)` and `del`.
 *
 * - **ioredis** satisfies {@link RedisClientLike} as it is: `new RedisStateStorage({ client: new Redis() })`.
 * - **node-redis** (v4+) takes its options as an object; wrap it with
 *   {@link nodeRedisClient}: `new RedisStateStorage({ client: nodeRedisClient(createClient()) })`.
 *
 * Expiry is Redis's own (`SET ... PX`), so it holds across processes; Redis's
 * clock decides, not an injected one.
 */
import type { StateSetOptions, StateStorage } from './storage.js';

/**
 * The three commands the storage uses, shaped like ioredis's methods.
 * `set` is called as `set(key, value)` or `set(key, value, 'PX', ms)`.
 */
export interface RedisClientLike {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<unknown>;
  set(key: string, value: string, mode: 'PX', milliseconds: number): Promise<unknown>;
  del(key: string): Promise<unknown>;
}

/** The part of a node-redis (v4+) client {@link nodeRedisClient} wraps. */
export interface NodeRedisLike {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, options?: { PX?: number }): Promise<unknown>;
  del(key: string): Promise<unknown>;
}

/**
 * Adapts a node-redis client (`createClient()` from `redis`/`@redis/client`) to {@link RedisClientLike}.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * const redis = await createClient({ url: 'redis://127.0.0.1:6379' }).connect();
 * const storage = new RedisStateStorage({ client: nodeRedisClient(redis) });
 * ```
 */
export function nodeRedisClient(client: NodeRedisLike): RedisClientLike {
  return {
    get: (key) => client.get(key),
    set: (key: string, value: string, _mode?: 'PX', milliseconds?: number) =>
      milliseconds === undefined ? client.set(key, value) : client.set(key, value, { PX: milliseconds }),
    del: (key) => client.del(key),
  };
}

/** Options of {@link RedisStateStorage}. */
export interface RedisStateStorageOptions {
  client: RedisClientLike;
  /** Prepended to every key (default `wasmgram:fsm:`), so several bots can share one Redis. */
  prefix?: string;
}

/**
 * A {@link StateStorage} in Redis. The client's connection is yours: `close()` does not quit it.
 *
 * @example
 * ```ts
 * import Redis from 'ioredis';
 * const dp = new Dispatcher({ storage: new RedisStateStorage({ client: new Redis(), prefix: 'echo-bot:' }) });
 * ```
 */
export class RedisStateStorage implements StateStorage {
  private readonly client: RedisClientLike;
  private readonly prefix: string;

  constructor(options: RedisStateStorageOptions) {
    this.client = options.client;
    this.prefix = options.prefix ?? 'wasmgram:fsm:';
  }

  async get(key: string): Promise<string | undefined> {
    const v = await this.client.get(this.prefix + key);
    return v ?? undefined;
  }

  async set(key: string, value: string, options?: StateSetOptions): Promise<void> {
    const ttl = options?.ttlMs;
    // PX needs a positive integer; a TTL under 1 ms is "already expired".
    if (ttl !== undefined && ttl < 1) await this.client.del(this.prefix + key);
    else if (ttl !== undefined) await this.client.set(this.prefix + key, value, 'PX', Math.ceil(ttl));
    else await this.client.set(this.prefix + key, value);
  }

  async delete(key: string): Promise<void> {
    await this.client.del(this.prefix + key);
  }
}
