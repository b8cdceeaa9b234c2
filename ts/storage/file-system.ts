/**
 * The few file operations the file backend needs, behind an interface so the
 * storage core imports no `node:*`: defined by the platform layer
 * (ts/platform/types.ts), implemented by ts/platform/node/file-system.ts;
 * write your own for other runtimes.
 */
export type { StorageFileSystem } from '../platform/types.js';
