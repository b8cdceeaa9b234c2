/**
 * FSM states in process memory: for one-process bots and tests. TTLs are
 * honoured on read (with an injectable clock) and expired entries are swept a
 * few at a time on write; the entry count is bounded (the least recently
 * written state is dropped first), so a bot talking to millions of users
 * cannot grow without limit.
 */
import type { StateSetOptions, StateStorage } from './storage.js';

/** Options of {@link MemoryStateStorage}. */
export interface MemoryStateStorageOptions {
  /** Most entries kept (default 100 000); past it the least recently written is dropped. */
  maxEntries?: number;
  /** Clock in ms (default `Date.now`), for TTL tests. */
  now?: () => number;
}

interface Entry {
  value: string;
  /** Absolute ms, or Infinity. */
  expiresAt: number;
}

/** Entries checked for expiry per write (keeps sweeping O(1) per call). */
const SWEEP_PER_WRITE = 4;

/**
 * A {@link StateStorage} in a `Map`.
 *
 * @example
 * ```ts
 * const dp = new Dispatcher({ storage: new MemoryStateStorage({ maxEntries: 10_000 }) });
 * ```
 */
export class MemoryStateStorage implements StateStorage {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: MemoryStateStorageOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? 100_000);
    this.now = options.now ?? Date.now;
  }

  /** Entries held, expired ones not yet swept included. */
  get size(): number {
    return this.entries.size;
  }

  async get(key: string): Promise<string | undefined> {
    return this.read(key);
  }

  async set(key: string, value: string, options?: StateSetOptions): Promise<void> {
    this.write(key, value, options);
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  /** Atomic: the read and the write happen in one synchronous step. */
  async update(
    key: string,
    fn: (current: string | undefined) => string | undefined,
    options?: StateSetOptions,
  ): Promise<string | undefined> {
    const next = fn(this.read(key));
    if (next === undefined) this.entries.delete(key);
    else this.write(key, next, options);
    return next;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }

  private read(key: string): string | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  private write(key: string, value: string, options?: StateSetOptions): void {
    const ttl = options?.ttlMs;
    const expiresAt = ttl === undefined ? Number.POSITIVE_INFINITY : this.now() + Math.max(0, ttl);
    // Delete first so the key moves to the end of the Map's order (most recently written).
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt });
    this.sweep();
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  private sweep(): void {
    const now = this.now();
    let checked = 0;
    for (const [k, e] of this.entries) {
      if (++checked > SWEEP_PER_WRITE) break;
      if (e.expiresAt <= now) this.entries.delete(k);
    }
  }
}
