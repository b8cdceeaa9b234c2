/**
 * `uploadFile`: a file to the home DC in parts, several at once over the
 * DC's transfer connections (https://core.telegram.org/api/files#uploading-files):
 * `upload.saveFilePart` up to 10 MiB, `upload.saveBigFilePart` with
 * `file_total_parts` above (−1 while a stream's length is unknown; the last
 * part names the count), 512 KiB parts by default, the same size for every
 * part but the last. The md5 of small files is optional and not sent.
 */
import { WasmgramError } from '../../../errors.js';
import type { InputFile } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { openUploadSource, type UploadPart, type UploadSource } from './file-source.js';
import { runWorkers } from './transfer-workers.js';

/** Files above this many bytes go up as big files (`upload.saveBigFilePart`). */
export const BIG_FILE_MIN_SIZE = 10 * 1024 * 1024;
/** Telegram's largest part, and the default. */
export const MAX_UPLOAD_PART_SIZE = 512 * 1024;
/** Most parts of one file. */
const MAX_UPLOAD_PARTS = 4000;

/** Options of {@link uploadFile}. */
export interface UploadFileParams {
  /** File name sent with the upload (default: the `File`'s or path's name, else 'file'). */
  fileName?: string;
  /** Total bytes, for a stream or iterable whose length is known (lets a big stream name its part count upfront). */
  fileSize?: number;
  /** Part size in bytes: a multiple of 1 KiB that divides 512 KiB (default 512 KiB). */
  partSize?: number;
  /** Transfer connections to the DC (default 4). */
  connections?: number;
  /** Parts in flight per connection (default 2). */
  requestsPerConnection?: number;
  /** Called after each part with the bytes sent so far and the total (undefined while unknown). */
  onProgress?: (uploaded: number, total: number | undefined) => void;
  /** Stops the upload; it rejects with the signal's reason once every part in flight has settled. */
  signal?: AbortSignal;
  /** The upload's file_id (default: 8 random bytes from the client's crypto). */
  fileId?: bigint;
}

/** An uploaded file: the `InputFile` to send with `messages.sendMedia` and what is known about it. */
export interface UploadedFile {
  readonly inputFile: InputFile.inputFile | InputFile.inputFileBig;
  readonly size: number;
  readonly name: string;
  /** The MIME type a `Blob` carried. */
  readonly mimeType: string | undefined;
}

function checkPartSize(n: number): void {
  if (!Number.isInteger(n) || n <= 0 || n % 1024 !== 0 || MAX_UPLOAD_PART_SIZE % n !== 0) {
    throw new WasmgramError(`partSize must be a multiple of 1 KiB that divides 512 KiB, got ${n}`);
  }
}

/**
 * Uploads a file and returns its `InputFile` (inside an {@link UploadedFile}).
 *
 * @example
 * ```ts
 * const file = await uploadFile(client, new Uint8Array(await blob.arrayBuffer()), {
 *   fileName: 'report.pdf',
 *   onProgress: (sent, total) => console.log(`${sent}/${total}`),
 * });
 * await client.invoke({ _: 'messages.uploadMedia', peer: { _: 'inputPeerSelf' },
 *   media: { _: 'inputMediaUploadedDocument', file: file.inputFile, mime_type: 'application/pdf', attributes: [] } });
 * ```
 * @throws WasmgramError for an empty or too large file or bad options; RpcError from the server; the abort reason when aborted
 */
export async function uploadFile(client: ClientCore, source: UploadSource, params: UploadFileParams = {}): Promise<UploadedFile> {
  const partSize = params.partSize ?? MAX_UPLOAD_PART_SIZE;
  checkPartSize(partSize);
  const connections = Math.max(1, Math.floor(params.connections ?? 4));
  const perConnection = Math.max(1, Math.floor(params.requestsPerConnection ?? 2));
  const signal = params.signal;
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new WasmgramError('file transfer aborted');

  const reader = await openUploadSource(source, partSize, params.fileSize);
  try {
    const size = reader.size;
    if (size !== undefined && size > MAX_UPLOAD_PARTS * partSize) {
      throw new WasmgramError(`file too large: ${size} bytes is more than ${MAX_UPLOAD_PARTS} parts of ${partSize}`);
    }
    const first = await reader.next();
    if (!first || first.bytes.length === 0) throw new WasmgramError('cannot upload an empty file');
    // A stream of unknown length that ended within its first part is small, too.
    const big = size === undefined ? !first.last : size > BIG_FILE_MIN_SIZE;
    let totalParts = size !== undefined ? Math.ceil(size / partSize) : first.last ? 1 : -1;
    const fileId = params.fileId ?? randomLong(client);
    const dcId = await homeDc(client);
    let sent = 0;
    let lastIndex = -1;
    let pending: UploadPart | undefined = first;

    const sendPart = async (part: UploadPart, slot: number) => {
      if (part.last) {
        lastIndex = part.index;
        if (totalParts === -1) totalParts = part.index + 1;
      }
      if (part.index >= MAX_UPLOAD_PARTS) throw new WasmgramError(`file too large: more than ${MAX_UPLOAD_PARTS} parts`);
      const options = { dcId, slot, ...(signal && { signal }) };
      const ok = big
        ? await client.invoke(
            {
              _: 'upload.saveBigFilePart',
              file_id: fileId,
              file_part: part.index,
              file_total_parts: part.last ? part.index + 1 : totalParts,
              bytes: part.bytes,
            },
            options,
          )
        : await client.invoke({ _: 'upload.saveFilePart', file_id: fileId, file_part: part.index, bytes: part.bytes }, options);
      if (!ok) throw new WasmgramError(`the server refused part ${part.index} of the upload`);
      sent += part.bytes.length;
      params.onProgress?.(sent, size);
    };

    const workers = totalParts === 1 ? 1 : connections * perConnection;
    await runWorkers(
      workers,
      async (i, stopped) => {
        const slot = 1 + (i % connections);
        while (!stopped()) {
          let part: UploadPart | undefined = pending;
          pending = undefined;
          part ??= await reader.next();
          if (!part || stopped()) return;
          await sendPart(part, slot);
        }
      },
      signal,
    );
    if (lastIndex < 0) throw new WasmgramError('the upload source ended without a last part');
    const count = lastIndex + 1;
    const name = params.fileName ?? reader.name ?? 'file';
    const inputFile: UploadedFile['inputFile'] = big
      ? { _: 'inputFileBig', id: fileId, parts: count, name }
      : { _: 'inputFile', id: fileId, parts: count, name, md5_checksum: '' };
    return { inputFile, size: sent, name, mimeType: reader.mimeType };
  } finally {
    await reader.close();
  }
}

/** The home DC, after connecting (uploads go where the account lives). */
async function homeDc(client: ClientCore): Promise<number> {
  try {
    return client.pool.homeDc;
  } catch {
    // Not connected yet: any call connects.
    await client.invoke({ _: 'help.getNearestDc' });
    return client.pool.homeDc;
  }
}

/** A random file_id from the client's crypto. */
function randomLong(client: ClientCore): bigint {
  const b = client.crypto.randomBytes(8);
  return new DataView(b.buffer, b.byteOffset, 8).getBigInt64(0, true);
}
