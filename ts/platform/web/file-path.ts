/**
 * `#platform/file-path` in browsers and workers: no file paths, so uploads
 * and downloads take bytes, blobs and streams there.
 */
import { WasmgramError } from '../../errors.js';
import type { FileSink, FileSource } from '../types.js';
import { notAvailable } from '../not-available.js';

/** Throws `WasmgramError`: browsers and workers have no file paths (pass bytes or a stream). */
export function openFileSource(_path: string, _chunkSize: number): Promise<FileSource> {
  throw new WasmgramError(notAvailable('file paths in uploads (Node fs)'));
}

/** Throws `WasmgramError`: browsers and workers have no file paths (pass a stream or take the bytes). */
export function openFileSink(_path: string): Promise<FileSink> {
  throw new WasmgramError(notAvailable('file paths in downloads (Node fs)'));
}
