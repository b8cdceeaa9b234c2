/**
 * Turning an `InputFile` (https://core.telegram.org/constructor/inputFile,
 * https://core.telegram.org/constructor/inputFileBig) into the uploaded
 * bytes, with Telegram's upload rules (https://core.telegram.org/api/files#uploading-files):
 * every part but the last has the same size, divisible by 1 KiB, and
 * 512 KiB divisible by it; the part count matches; a small file is at most
 * 10 MiB and its md5 (when given) matches; a big file was written with
 * `upload.saveBigFilePart` and the same `file_total_parts`. The upload is
 * consumed: it is used once.
 */
import { createHash } from 'node:crypto';
import type { InputFile } from '../../../tl/generated/types.js';
import type { MethodCall } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import { filePartStore, MAX_FILE_SIZE, MAX_PART_COUNT, MAX_PART_SIZE } from './file-parts.js';
import type { FileContent } from './media-store.js';

const KIB = 1024;

/**
 * The bytes of the caller's upload `f`, checked and taken out of the part store.
 *
 * @throws RpcError FILE_PARTS_INVALID, FILE_PART_<n>_MISSING, FILE_PART_SIZE_INVALID, FILE_PART_SIZE_CHANGED, MD5_CHECKSUM_INVALID
 */
export function takeInputFile(call: MethodCall, f: InputFile): FileContent {
  const store = filePartStore(call.backend);
  const me = call.self().id;
  if (f._ !== 'inputFile' && f._ !== 'inputFileBig') throw badRequest('FILE_PARTS_INVALID'); // stored-file inputs are not uploads
  if (!Number.isInteger(f.parts) || f.parts <= 0 || f.parts > MAX_PART_COUNT) throw badRequest('FILE_PARTS_INVALID');
  const file = store.get(me, f.id);
  if (!file) throw badRequest('FILE_PART_0_MISSING');
  const big = f._ === 'inputFileBig';
  if (file.big !== big || (big && file.totalParts !== f.parts)) throw badRequest('FILE_PARTS_INVALID');
  const { parts, missing } = file.first(f.parts);
  if (missing !== undefined) throw badRequest(`FILE_PART_${missing}_MISSING`);
  if (file.partCount !== f.parts) throw badRequest('FILE_PARTS_INVALID');
  const partSize = parts[0]!.length;
  if (parts.length > 1 && (partSize % KIB !== 0 || MAX_PART_SIZE % partSize !== 0)) throw badRequest('FILE_PART_SIZE_INVALID');
  for (let i = 1; i < parts.length - 1; i++) if (parts[i]!.length !== partSize) throw badRequest('FILE_PART_SIZE_CHANGED');
  if (parts.length > 1 && parts[parts.length - 1]!.length > partSize) throw badRequest('FILE_PART_SIZE_CHANGED');
  if (!big) {
    if (file.size > MAX_FILE_SIZE) throw badRequest('FILE_PARTS_INVALID');
    if (f.md5_checksum !== '') {
      const h = createHash('md5');
      for (const p of parts) h.update(p);
      if (h.digest('hex') !== f.md5_checksum.toLowerCase()) throw badRequest('MD5_CHECKSUM_INVALID');
    }
  }
  store.take(me, f.id);
  return { parts, size: file.size };
}

/** The whole content as one array (small files only: thumbnails, image headers). */
export function joinContent(c: FileContent): Uint8Array {
  if (c.parts.length === 1) return c.parts[0]!;
  const out = new Uint8Array(c.size);
  let at = 0;
  for (const p of c.parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Pixel size and MIME type of a PNG or JPEG image, read from its header
 * (PNG: the IHDR chunk; JPEG: the first SOFn marker); undefined for
 * anything else — Telegram answers IMAGE_PROCESS_FAILED for such "photos".
 */
export function imageInfo(head: Uint8Array): { width: number; height: number; mimeType: string } | undefined {
  const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (head.length >= 24 && v.getUint32(0) === 0x89504e47 && v.getUint32(4) === 0x0d0a1a0a && v.getUint32(12) === 0x49484452) {
    return { width: v.getUint32(16), height: v.getUint32(20), mimeType: 'image/png' };
  }
  if (head.length < 4 || head[0] !== 0xff || head[1] !== 0xd8) return undefined;
  for (let at = 2; at + 9 <= head.length; ) {
    if (head[at] !== 0xff) return undefined;
    const marker = head[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const len = v.getUint16(at + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: v.getUint16(at + 7), height: v.getUint16(at + 5), mimeType: 'image/jpeg' };
    }
    at += 2 + len;
  }
  return undefined;
}
