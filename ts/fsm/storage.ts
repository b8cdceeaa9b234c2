/**
 * The `StateStorage` interface every FSM backend implements (memory, libSQL,
 * Redis, or your own). Values are opaque strings (see codec.ts), keys come
 * from a {@link KeyStrategy}; a TTL makes a forgotten conversation expire.
 */

/** Options of {@link StateStorage.set}. */
export interface StateSetOptions {
  /** Milliseconds until the value expires (unset: never). */
  ttlMs?: number;
}

/**
 * Where FSM states and scene positions live.
 *
 * Contract (checked by tests/fsm/_conformance.ts for every backend):
 * - `get` returns what the last `set` stored for the key, or undefined when
 *   nothing was stored, it was deleted, or its TTL passed;
 * - `set` replaces the value and its TTL (no `ttlMs` = no expiry);
 * - `delete` of a missing key is not an error.
 *
 * @example
 * ```ts
 * const storage = new MemoryStateStorage();
 * await storage.set('fsm:42', '{"name":"askAge"}', { ttlMs: 3_600_000 });
 * ```
 */
export interface StateStorage {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: StateSetOptions): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Atomic read-modify-write, where the backend can do it cheaply (memory:
   * synchronous; libSQL: one write transaction). `fn` gets the current value
   * and returns the new one (undefined deletes it).
   */
  update?(key: string, fn: (current: string | undefined) => string | undefined, options?: StateSetOptions): Promise<string | undefined>;
  /** Releases connections the storage opened itself. */
  close?(): Promise<void>;
}
