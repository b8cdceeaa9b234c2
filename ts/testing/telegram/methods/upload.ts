/**
 * `upload.saveFilePart` and `upload.getFile` (https://core.telegram.org/api/files):
 * parts are kept in memory per account (bounds in file-parts.ts), and read
 * back with Telegram's offset/limit rules.
 *
 * The emulator has no media messages yet, so nothing hands out a real file
 * location. Until it does, a test-server convention: an account reads its
 * own upload back through `inputDocumentFileLocation` whose `id` is the
 * upload's `file_id` (`thumb_size` empty; access_hash and file_reference are
 * not checked). Other location kinds answer METHOD_NOT_IMPLEMENTED.
 */
import type { MethodTable } from '../method-call.js';
import { badRequest, notImplemented } from '../rpc-errors.js';
import { filePartStore, MAX_FILE_SIZE, MAX_PART_COUNT, MAX_PART_SIZE } from './file-parts.js';

const KIB = 1024;
const MIB = 1024 * 1024;

/**
 * Telegram's download rules (https://core.telegram.org/api/files#downloading-files):
 * offset and limit multiples of 4 KiB, 1 MiB divisible by limit, and the
 * range inside one 1 MiB block; with `precise`, multiples of 1 KiB and
 * limit ≤ 1 MiB.
 */
function checkRange(offset: bigint, limit: number, precise: boolean): void {
  const unit = precise ? KIB : 4 * KIB;
  if (!Number.isInteger(limit) || limit <= 0 || limit > MIB || limit % unit !== 0 || (!precise && MIB % limit !== 0)) {
    throw badRequest('LIMIT_INVALID');
  }
  if (offset < 0n || offset % BigInt(unit) !== 0n) throw badRequest('OFFSET_INVALID');
  if (!precise && offset / BigInt(MIB) !== (offset + BigInt(limit) - 1n) / BigInt(MIB)) throw badRequest('LIMIT_INVALID');
}

/** Bytes [offset, offset + limit) of the concatenation of `parts` (a view when one part covers the range). */
function readRange(parts: readonly Uint8Array[], offset: number, limit: number): Uint8Array {
  let start = 0;
  let i = 0;
  while (i < parts.length && start + parts[i]!.length <= offset) start += parts[i++]!.length;
  if (i === parts.length) return new Uint8Array(0);
  const first = parts[i]!;
  const from = offset - start;
  if (from + limit <= first.length) return first.subarray(from, from + limit);
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(Math.min(limit, total - offset));
  let written = 0;
  for (let at = from; i < parts.length && written < out.length; i++, at = 0) {
    const chunk = parts[i]!.subarray(at, at + out.length - written);
    out.set(chunk, written);
    written += chunk.length;
  }
  return out;
}

/** `upload.saveFilePart`, `upload.getFile`. */
export const uploadMethods: MethodTable = {
  'upload.saveFilePart': {
    auth: true,
    run(call, req) {
      if (req.file_part < 0 || req.file_part >= MAX_PART_COUNT) throw badRequest('FILE_PART_INVALID');
      if (req.bytes.length === 0) throw badRequest('FILE_PART_EMPTY');
      if (req.bytes.length > MAX_PART_SIZE) throw badRequest('FILE_PART_TOO_BIG');
      const store = filePartStore(call.backend);
      const userId = call.self().id;
      const existing = store.get(userId, req.file_id);
      if ((existing?.sizeWith(req.file_part, req.bytes.length) ?? req.bytes.length) > MAX_FILE_SIZE) {
        throw badRequest('FILE_PARTS_INVALID');
      }
      store.open(userId, req.file_id).put(req.file_part, req.bytes);
      return true;
    },
  },
  'upload.getFile': {
    auth: true,
    run(call, req) {
      const loc = req.location;
      if (loc._ !== 'inputDocumentFileLocation') throw notImplemented(`upload.getFile.${loc._}`, 'upload.getFile');
      checkRange(req.offset, req.limit, req.precise ?? false);
      const file = filePartStore(call.backend).get(call.self().id, loc.id);
      if (!file || loc.thumb_size !== '') throw badRequest('LOCATION_INVALID');
      const { parts, missing } = file.contiguous();
      if (missing !== undefined) throw badRequest(`FILE_PART_${missing}_MISSING`);
      // offset < 2^63 passed checkRange; past the 10 MiB bound it is simply past the end.
      const offset = req.offset > BigInt(MAX_FILE_SIZE) ? MAX_FILE_SIZE : Number(req.offset);
      return { _: 'upload.file', type: { _: 'storage.filePartial' }, mtime: call.now, bytes: readRange(parts, offset, req.limit) };
    },
  },
};
