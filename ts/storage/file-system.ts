/**
 * The few file operations the file backend needs, behind an interface so the
 * storage core imports no `node:*` (the Node adapter is `file-node.ts`, the
 * Deno one `file-deno.ts`; write your own for other runtimes).
 */

/** File access for {@link FileStorage}. Paths are whatever the runtime accepts. */
export interface StorageFileSystem {
  /** The file's bytes, or undefined when it does not exist. */
  readFile(path: string): Promise<Uint8Array | undefined>;
  /**
   * Replaces `path` with `data` so that a crash at any point leaves either the
   * old or the new contents: write a temporary file in the same directory,
   * fsync it, rename it over `path`, fsync the directory.
   */
  writeFileAtomic(path: string, data: Uint8Array): Promise<void>;
  /** Creates `path` with `data` only if it does not exist (O_EXCL); false when it exists. */
  createExclusive(path: string, data: Uint8Array): Promise<boolean>;
  /** Deletes `path`; no error when it is already gone. */
  remove(path: string): Promise<void>;
}
