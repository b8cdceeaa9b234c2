/**
 * `#platform/file-system` on Node, Deno and Bun: session files through
 * `node:fs` (the file backend, `FileStorage`, writes through it). Browsers
 * and workers get ts/platform/web/file-system.ts, which throws.
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import { SessionError } from '../../errors.js';
import type { StorageFileSystem } from '../types.js';

/** Options of {@link NodeFileSystem}. */
export interface NodeFileSystemOptions {
  /** Called after the temporary file is written and synced, before the rename (tests pause or crash here). */
  beforeRename?: (tempPath: string, targetPath: string) => Promise<void> | void;
  /** File mode of new files (default 0o600: sessions hold auth keys). */
  mode?: number;
}

function code(e: unknown): string | undefined {
  return (e as { code?: string } | null)?.code;
}

/** Node's `fs/promises` behind {@link StorageFileSystem}. */
export class NodeFileSystem implements StorageFileSystem {
  constructor(private readonly options: NodeFileSystemOptions = {}) {}

  async readFile(file: string): Promise<Uint8Array | undefined> {
    try {
      const b = await fsp.readFile(file);
      return new Uint8Array(b.buffer, b.byteOffset, b.length);
    } catch (e) {
      if (code(e) === 'ENOENT') return undefined;
      throw new SessionError(`cannot read ${file}: ${code(e) ?? 'I/O error'}`);
    }
  }

  async writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    let renamed = false;
    try {
      const fh = await fsp.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, this.options.mode ?? 0o600);
      try {
        await fh.writeFile(data);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await this.options.beforeRename?.(temp, file);
      await fsp.rename(temp, file);
      renamed = true;
      await syncDir(path.dirname(file));
    } catch (e) {
      if (!renamed) await fsp.rm(temp, { force: true }).catch(() => {});
      if (e instanceof SessionError) throw e;
      throw new SessionError(`cannot write ${file}: ${code(e) ?? 'I/O error'}`);
    }
  }

  async createExclusive(file: string, data: Uint8Array): Promise<boolean> {
    try {
      await fsp.writeFile(file, data, { flag: 'wx', mode: this.options.mode ?? 0o600 });
      return true;
    } catch (e) {
      if (code(e) === 'EEXIST') return false;
      throw new SessionError(`cannot create ${file}: ${code(e) ?? 'I/O error'}`);
    }
  }

  async remove(file: string): Promise<void> {
    await fsp.rm(file, { force: true });
  }
}

/** fsync of a directory makes the rename itself durable (POSIX); platforms that cannot open a directory skip it. */
async function syncDir(dir: string): Promise<void> {
  let fh: fsp.FileHandle | undefined;
  try {
    fh = await fsp.open(dir, constants.O_RDONLY);
    await fh.sync();
  } catch (e) {
    if (!['EISDIR', 'EPERM', 'EACCES', 'EINVAL'].includes(code(e) ?? '')) throw e;
  } finally {
    await fh?.close();
  }
}
