/**
 * `#platform/file-storage` in browsers and workers: no local files, so the
 * file backend throws `SessionError` (use StringStorage, or libSQL over HTTP).
 * A twin of file-node.ts so that client bundles for the web do not carry
 * `FileStorage` and its lease (~12 KB) for a path that cannot work there.
 */
import { SessionError } from '../errors.js';
import { notAvailable } from '../platform/not-available.js';
import type { FileStorage } from './file-storage.js';

/** Throws `SessionError`: browsers and workers have no local files. */
export function nodeFileStorage(_file: string, _options?: unknown): FileStorage {
  throw new SessionError(notAvailable('file storage (Node fs)'));
}

export { NodeFileSystem, type NodeFileSystemOptions } from '../platform/web/file-system.js';
