/**
 * `#platform/file-path` on Node, Deno and Bun: file paths in uploads and
 * downloads, through node:fs. Loaded with a dynamic import only when a path
 * is given; browsers and workers get ts/platform/web/file-path.ts, which throws.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FileSink, FileSource } from '../types.js';

/** A file read as chunks of `chunkSize` bytes, with its size and base name. */
export async function openFileSource(path: string, chunkSize: number): Promise<FileSource> {
  const handle = await open(path, 'r');
  const size = (await handle.stat()).size;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  const chunks: AsyncIterator<Uint8Array> = {
    async next() {
      if (closed) return { done: true, value: undefined };
      // A fresh buffer per chunk: the parts are held by requests in flight.
      const buf = new Uint8Array(chunkSize);
      const { bytesRead } = await handle.read(buf, 0, chunkSize, null);
      if (bytesRead === 0) {
        await close();
        return { done: true, value: undefined };
      }
      return { done: false, value: bytesRead === chunkSize ? buf : buf.subarray(0, bytesRead) };
    },
    async return() {
      await close();
      return { done: true, value: undefined };
    },
  };
  return { size, name: basename(path), chunks };
}

/** Creates (or truncates) `path` for writing. */
export async function openFileSink(path: string): Promise<FileSink> {
  const handle = await open(path, 'w');
  return {
    async write(bytes, position) {
      let at = 0;
      while (at < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, at, bytes.length - at, position + at);
        at += bytesWritten;
      }
    },
    close: () => handle.close(),
  };
}
