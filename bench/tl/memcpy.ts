/**
 * The floor for `upload-file-512k`: allocate a buffer and copy the 512 KiB
 * payload into it, which is all an encoder (bytes out) or a copying decoder
 * (bytes into a fresh Uint8Array) has to do. Encode: `new Uint8Array(size)` +
 * `set` at the payload offset; decode: `slice` of the payload. Only that case.
 */
import { type CaseName, FILE_SIZE, fixture } from './fixtures.js';
import type { Impl, Op, Prepared } from './impls.js';

/** upload.file header: id, storage.filePartial id, mtime, 4-byte length prefix. */
const HEADER = 16;

async function prepare(op: Op, c: CaseName): Promise<Prepared | { unsupported: string }> {
  if (c !== 'upload-file-512k') return { unsupported: 'a reference for upload-file-512k only' };
  const data = fixture(c).bytes as Uint8Array;
  const size = HEADER + FILE_SIZE;
  if (op === 'encode') {
    return {
      run: () => {
        const out = new Uint8Array(size);
        out.set(data, HEADER);
        return out;
      },
      size,
      output: (r) => (r as Uint8Array).subarray(HEADER),
    };
  }
  const encoded = new Uint8Array(size);
  encoded.set(data, HEADER);
  return { run: () => encoded.slice(HEADER, HEADER + FILE_SIZE), size, output: (r) => r };
}

export const impl: Impl = { name: 'memcpy', layer: null, prepare };
