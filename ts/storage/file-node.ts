/**
 * The file backend on the local disk: {@link FileStorage} over the platform's
 * file system (`#platform/file-system`: node:fs on Node, Deno and Bun; a stub
 * that throws `SessionError` in browsers and workers). Kept out of
 * `ts/storage/index.ts` (entry `wasmgram/storage/node`).
 */
import { NodeFileSystem, type NodeFileSystemOptions } from '../platform/node/file-system.js';
import { FileStorage, type FileStorageOptions } from './file-storage.js';

export { NodeFileSystem, type NodeFileSystemOptions } from '../platform/node/file-system.js';

/**
 * A {@link FileStorage} on the local disk.
 *
 * @example
 * ```ts
 * import { nodeFileStorage } from 'wasmgram/storage/node';
 * const storage = nodeFileStorage('./me.session');
 * ```
 */
export function nodeFileStorage(file: string, options: Omit<FileStorageOptions, 'fs'> & NodeFileSystemOptions = {}): FileStorage {
  return new FileStorage(file, { ...options, fs: new NodeFileSystem(options) });
}
