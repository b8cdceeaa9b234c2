/**
 * Uploaded file parts, kept in memory per account
 * (https://core.telegram.org/api/files#uploading-files). A file is its parts
 * in part order; everything is bounded so a client cannot grow the server
 * without limit: a part holds at most 512 KiB, a file at most 10 MiB (the
 * `upload.saveFilePart` size class) or 4000 parts (`upload.saveBigFilePart`),
 * an account at most {@link MAX_FILES_PER_USER} files and
 * {@link MAX_BYTES_PER_USER} bytes — the oldest is forgotten first.
 *
 * The store hangs off the backend through a WeakMap, so it lives and dies
 * with that backend's world.
 */
import type { TelegramBackend } from '../backend.js';

/** Largest part Telegram accepts: 512 KiB. */
export const MAX_PART_SIZE = 512 * 1024;
/** Part numbers run 0..3999 (https://core.telegram.org/api/files#uploading-files). */
export const MAX_PART_COUNT = 4000;
/** Most bytes one file may hold: `upload.saveFilePart` is for files up to 10 MiB. */
export const MAX_FILE_SIZE = 10 * 1024 * 1024;
/** Most bytes of a big file: 4000 parts of 512 KiB. */
export const MAX_BIG_FILE_SIZE = MAX_PART_COUNT * MAX_PART_SIZE;
/** Files kept per account; storing one more forgets the least recently written. */
export const MAX_FILES_PER_USER = 8;
/** Bytes of unfinished uploads kept per account; past it the least recently written files are forgotten. */
const MAX_BYTES_PER_USER = 320 * 1024 * 1024;

/** The stored parts of one file. */
export class StoredFile {
  private readonly parts = new Map<number, Uint8Array>();
  private bytes = 0;
  /** Written with `upload.saveBigFilePart`. */
  big = false;
  /** `file_total_parts` of the big-file parts (undefined until a part names a count other than −1). */
  totalParts: number | undefined;

  /** Total bytes over every stored part. */
  get size(): number {
    return this.bytes;
  }

  /** What the file would hold with `part` replaced by `length` bytes. */
  sizeWith(part: number, length: number): number {
    return this.bytes - (this.parts.get(part)?.length ?? 0) + length;
  }

  /** Number of stored parts. */
  get partCount(): number {
    return this.parts.size;
  }

  /** Stores (or replaces) part `part` with a copy of `data`; returns the change in stored bytes. */
  put(part: number, data: Uint8Array): number {
    const before = this.bytes;
    this.bytes = this.sizeWith(part, data.length);
    // A copy: the request's bytes may be a view into a buffer the session reuses.
    this.parts.set(part, data.slice());
    return this.bytes - before;
  }

  /**
   * The part numbers 0..n−1 in order, up to the first missing one, and the
   * first missing number below the highest stored part (or undefined when
   * the parts are contiguous).
   */
  contiguous(): { parts: Uint8Array[]; missing: number | undefined } {
    const parts: Uint8Array[] = [];
    const highest = Math.max(-1, ...this.parts.keys());
    for (let i = 0; i <= highest; i++) {
      const p = this.parts.get(i);
      if (!p) return { parts, missing: i };
      parts.push(p);
    }
    return { parts, missing: undefined };
  }

  /** Parts 0..count−1 in order, or the first missing part number. */
  first(count: number): { parts: Uint8Array[]; missing: number | undefined } {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < count; i++) {
      const p = this.parts.get(i);
      if (!p) return { parts, missing: i };
      parts.push(p);
    }
    return { parts, missing: undefined };
  }
}

/** Every account's uploads on one backend. */
export class FilePartStore {
  private readonly byUser = new Map<bigint, Map<bigint, StoredFile>>();
  private readonly bytesByUser = new Map<bigint, number>();

  /** The file `fileId` of `userId`, or undefined. */
  get(userId: bigint, fileId: bigint): StoredFile | undefined {
    return this.byUser.get(userId)?.get(fileId);
  }

  /** The file `fileId` of `userId`, created (and the oldest evicted past the limit) when new. */
  open(userId: bigint, fileId: bigint): StoredFile {
    let files = this.byUser.get(userId);
    if (!files) this.byUser.set(userId, (files = new Map()));
    let file = files.get(fileId);
    if (file) {
      // Map order is insertion order: move to the end as the most recently written.
      files.delete(fileId);
    } else {
      file = new StoredFile();
      while (files.size >= MAX_FILES_PER_USER) {
        const oldest = files.keys().next().value!;
        this.bytesByUser.set(userId, (this.bytesByUser.get(userId) ?? 0) - files.get(oldest)!.size);
        files.delete(oldest);
      }
    }
    files.set(fileId, file);
    return file;
  }

  /**
   * Stores part `part` of `fileId` for `userId` (opening the file), then
   * forgets the least recently written other files while the account holds
   * more than {@link MAX_BYTES_PER_USER}.
   */
  put(userId: bigint, fileId: bigint, part: number, data: Uint8Array): StoredFile {
    const file = this.open(userId, fileId);
    let total = (this.bytesByUser.get(userId) ?? 0) + file.put(part, data);
    const files = this.byUser.get(userId)!;
    for (const [id, f] of files) {
      if (total <= MAX_BYTES_PER_USER) break;
      if (f === file) continue;
      files.delete(id);
      total -= f.size;
    }
    this.bytesByUser.set(userId, total);
    return file;
  }

  /** Removes and returns the file (an upload is used once, by the media made of it). */
  take(userId: bigint, fileId: bigint): StoredFile | undefined {
    const files = this.byUser.get(userId);
    const file = files?.get(fileId);
    if (!files || !file) return undefined;
    files.delete(fileId);
    this.bytesByUser.set(userId, (this.bytesByUser.get(userId) ?? 0) - file.size);
    return file;
  }

  /** Number of files `userId` has stored. */
  count(userId: bigint): number {
    return this.byUser.get(userId)?.size ?? 0;
  }
}

const stores = new WeakMap<TelegramBackend, FilePartStore>();

/** The upload store of `backend` (made on first use). */
export function filePartStore(backend: TelegramBackend): FilePartStore {
  let store = stores.get(backend);
  if (!store) stores.set(backend, (store = new FilePartStore()));
  return store;
}
