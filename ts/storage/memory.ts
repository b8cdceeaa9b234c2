/**
 * The memory backend: the default when a client is given no storage. Nothing
 * survives the process; export it with `exportStringSession(await
 * storage.snapshot())` to keep it.
 */
import { SnapshotStorage } from './snapshot-storage.js';
import type { SessionSnapshot } from './types.js';

/**
 * A `SessionStorage` kept in memory.
 *
 * @example
 * ```ts
 * const storage = new MemoryStorage();
 * await storage.open();
 * await storage.setHomeDc(2);
 * ```
 */
export class MemoryStorage extends SnapshotStorage {
  private readonly initial: SessionSnapshot | undefined;

  /** @param initial a snapshot to start from (e.g. from `importStringSession`). */
  constructor(initial?: SessionSnapshot) {
    super('MemoryStorage');
    this.initial = initial;
  }

  protected async load(): Promise<void> {
    if (this.initial) this.state.restore(this.initial);
  }
  protected changed(): void {}
  protected async persist(): Promise<void> {}
}
