/**
 * `#platform/file-system` in browsers and workers: no local files, so the
 * file backend cannot be built (use StringStorage, or libSQL over HTTP).
 */
import { SessionError } from '../../errors.js';
import { notAvailable } from '../not-available.js';
import type { StorageFileSystem } from '../types.js';

/** Options of the Node file system (accepted so the signature matches; nothing is used here). */
export interface NodeFileSystemOptions {
  /** Called after the temporary file is written and synced, before the rename. */
  beforeRename?: (tempPath: string, targetPath: string) => Promise<void> | void;
  /** File mode of new files. */
  mode?: number;
}

/**
 * Throws `SessionError` when constructed: browsers and workers have no local
 * files. (Typed as the Node class; it has no methods, as no instance is ever made.)
 */
export const NodeFileSystem = class NodeFileSystem {
  constructor(_options?: NodeFileSystemOptions) {
    throw new SessionError(notAvailable('file storage (Node fs)'));
  }
} as unknown as new (
  options?: NodeFileSystemOptions,
) => StorageFileSystem;
