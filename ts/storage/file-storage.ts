/**
 * The binary file backend: the whole session in one versioned, checksummed
 * file (see snapshot-codec.ts), replaced atomically on every save, with
 * writes coalesced so a burst of peer updates costs one write.
 */
import { SessionError } from '../errors.js';
import { FileLease, type LeaseClock, systemClock } from './file-lease.js';
import type { StorageFileSystem } from './file-system.js';
import { decodeSessionFile, encodeSessionFile } from './snapshot-codec.js';
import { SnapshotStorage } from './snapshot-storage.js';
import type { LeaseInfo } from './types.js';

/** Options of {@link FileStorage}. */
export interface FileStorageOptions {
  /** File access (Node: `new NodeFileSystem()` from `wasmgram/storage/node`). */
  fs: StorageFileSystem;
  /** Writes within this many ms are coalesced into one (default 100; 0 writes on the next tick). `flush()` writes at once. */
  debounceMs?: number;
  /** Called when a background write fails (the error is also thrown by the next `flush()`/`close()`). */
  onWriteError?: (error: SessionError) => void;
  /** Clock for the lease (tests). */
  clock?: LeaseClock;
}

/**
 * A `SessionStorage` in one file. A missing file is a new, empty session; a
 * corrupt, truncated, foreign or newer file makes `open()` throw a
 * `SessionFileError` (its `problem` says which) and the file is left as it is.
 *
 * @example
 * ```ts
 * import { FileStorage } from 'wasmgram/storage';
 * import { NodeFileSystem } from 'wasmgram/storage/node';
 * const storage = new FileStorage('./bot.session', { fs: new NodeFileSystem() });
 * await storage.open();
 * ```
 */
export class FileStorage extends SnapshotStorage {
  private readonly fs: StorageFileSystem;
  private readonly debounceMs: number;
  private readonly onWriteError: ((error: SessionError) => void) | undefined;
  private readonly fileLease: FileLease;
  private readonly clock: LeaseClock;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  private writing: Promise<void> = Promise.resolve();
  private failed: SessionError | undefined;
  private heldBy: string | undefined;

  constructor(
    /** Path of the session file. */
    readonly path: string,
    options: FileStorageOptions,
  ) {
    super('FileStorage');
    if (!options?.fs) throw new SessionError('FileStorage needs a file system adapter (options.fs)');
    this.fs = options.fs;
    this.debounceMs = options.debounceMs ?? 100;
    this.onWriteError = options.onWriteError;
    this.clock = options.clock ?? systemClock;
    this.fileLease = new FileLease(this.fs, path, this.clock);
  }

  protected async load(): Promise<void> {
    const data = await this.fs.readFile(this.path);
    if (data === undefined) return;
    this.state.restore(decodeSessionFile(data, `session file ${this.path}`));
  }

  protected changed(): void {
    this.dirty = true;
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.persist().catch(() => {});
    }, this.debounceMs);
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** Writes the state if it changed; one write at a time, in order. */
  protected async persist(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const run = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      const bytes = encodeSessionFile(this.state.snapshot());
      try {
        await this.fs.writeFileAtomic(this.path, bytes);
        this.failed = undefined;
      } catch (e) {
        this.dirty = true;
        const err = e instanceof SessionError ? e : new SessionError(`cannot write session file ${this.path}`);
        this.failed = err;
        this.onWriteError?.(err);
      }
    });
    this.writing = run;
    await run;
    if (this.failed) throw this.failed;
  }

  override async acquireLease(owner: string, ttlMs: number, takeOver = false): Promise<LeaseInfo> {
    this.ensureOpen();
    const info = await this.fileLease.acquire(owner, ttlMs, takeOver);
    this.heldBy = owner;
    return info;
  }
  override async renewLease(owner: string, ttlMs: number): Promise<LeaseInfo> {
    this.ensureOpen();
    try {
      return await this.fileLease.renew(owner, ttlMs);
    } catch (e) {
      if (this.heldBy === owner) this.heldBy = undefined;
      throw e;
    }
  }
  override async releaseLease(owner: string): Promise<void> {
    await this.fileLease.release(owner);
    if (this.heldBy === owner) this.heldBy = undefined;
  }

  /** Who holds this session's lease now (undefined when free or lapsed). */
  async leaseHolder(): Promise<LeaseInfo | undefined> {
    const l = await this.fileLease.read();
    return l && l.expiresAt > this.clock.now() ? l : undefined;
  }

  override async close(): Promise<void> {
    try {
      await super.close();
    } finally {
      if (this.heldBy !== undefined) await this.fileLease.release(this.heldBy).catch(() => {});
      this.heldBy = undefined;
    }
  }
}
