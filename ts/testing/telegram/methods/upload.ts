/**
 * `upload.saveFilePart`, `upload.saveBigFilePart` and `upload.getFile`
 * (https://core.telegram.org/api/files): parts are kept in memory per
 * account (bounds in file-parts.ts) until `messages.sendMedia` /
 * `messages.uploadMedia` turn them into a photo or document (media-store.ts),
 * which `upload.getFile` reads with Telegram's offset/limit rules: the
 * location's access hash and file reference are checked
 * (FILE_REFERENCE_EXPIRED after {@link MediaStore.expireReferences}), and a
 * file asked for on another DC than the one storing it answers
 * `303 FILE_MIGRATE_X`.
 *
 * A test-server convention stays for raw protocol tests and benchmarks: an
 * account reads its own unfinished upload back through
 * `inputDocumentFileLocation` whose `id` is the upload's `file_id`
 * (`thumb_size` empty; access_hash and file_reference not checked).
 * `inputPeerPhotoFileLocation` serves a user's, group's or channel's photo
 * by peer (what GramJS's downloadProfilePhoto asks). Other location kinds
 * answer METHOD_NOT_IMPLEMENTED. With `cdn_supported`, a
 * document the emulator's CDN holds is answered `upload.fileCdnRedirect` (cdn.ts).
 */
import type { InputFileLocation } from '../../../tl/generated/types.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest, migrate, notImplemented } from '../rpc-errors.js';
import { cdnRedirect, refuseOnCdn } from './cdn.js';
import { filePartStore, MAX_BIG_FILE_SIZE, MAX_FILE_SIZE, MAX_PART_COUNT, MAX_PART_SIZE } from './file-parts.js';
import { type FileContent, type MediaStore, mediaStore } from './media-store.js';
import { resolvePeer } from './peers.js';
import { profilePhotoStore } from './photos-store.js';

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

/** Checks a part's number and size (both save methods). */
function checkPart(part: number, bytes: Uint8Array): void {
  if (!Number.isInteger(part) || part < 0 || part >= MAX_PART_COUNT) throw badRequest('FILE_PART_INVALID');
  if (bytes.length === 0) throw badRequest('FILE_PART_EMPTY');
  if (bytes.length > MAX_PART_SIZE) throw badRequest('FILE_PART_TOO_BIG');
}

/**
 * The content a media location names, after the access hash, file
 * reference and DC checks; undefined when the location is not a stored photo/document.
 */
function mediaContent(call: MethodCall, store: MediaStore, loc: InputFileLocation): FileContent | undefined {
  if (loc._ !== 'inputDocumentFileLocation' && loc._ !== 'inputPhotoFileLocation') return undefined;
  const m = store.get(loc.id);
  if (!m) return undefined;
  if ((m.file.kind === 'photo') !== (loc._ === 'inputPhotoFileLocation') || m.accessHash !== loc.access_hash) {
    throw badRequest('LOCATION_INVALID');
  }
  const ref = m.referenceState(loc.file_reference);
  if (ref === 'expired') throw badRequest('FILE_REFERENCE_EXPIRED');
  if (ref === 'invalid') throw badRequest('FILE_REFERENCE_INVALID');
  const content = m.contentFor(loc.thumb_size);
  if (!content) throw badRequest('LOCATION_INVALID');
  // https://core.telegram.org/api/datacenter#file-migration: files live on one DC.
  if (call.dcId !== m.file.dcId) throw migrate('FILE', m.file.dcId);
  return content;
}

/**
 * A profile or chat photo by peer (`inputPeerPhotoFileLocation`,
 * https://core.telegram.org/api/files#downloading-files): `photo_id` is the
 * one the peer's `userProfilePhoto` / `chatPhoto` showed (for a user, any of
 * its profile photos still held). No file reference is involved. The
 * emulator keeps one size per photo: `big` and small get the same bytes.
 */
function peerPhotoContent(call: MethodCall, store: MediaStore, loc: InputFileLocation.inputPeerPhotoFileLocation): FileContent {
  const peer = resolvePeer(call, loc.peer);
  const b = call.backend;
  let known: boolean;
  if (peer.kind === 'user') {
    known =
      b.users.get(peer.id)?.photo?.id === loc.photo_id ||
      profilePhotoStore(b)
        .photos(peer.id)
        .some((m) => m.id === loc.photo_id);
  } else {
    known = (peer.kind === 'chat' ? b.chats.group(peer.id) : b.chats.channel(peer.id))?.photo?.id === loc.photo_id;
  }
  const m = known ? store.get(loc.photo_id) : undefined;
  if (m?.file.kind !== 'photo') throw badRequest('LOCATION_INVALID');
  if (call.dcId !== m.file.dcId) throw migrate('FILE', m.file.dcId);
  return m.file.content;
}

/** `upload.saveFilePart`, `upload.saveBigFilePart`, `upload.getFile`. */
export const uploadMethods: MethodTable = {
  'upload.saveFilePart': {
    auth: true,
    run(call, req) {
      checkPart(req.file_part, req.bytes);
      const store = filePartStore(call.backend);
      const userId = call.self().id;
      const existing = store.get(userId, req.file_id);
      if (existing?.big) throw badRequest('FILE_PARTS_INVALID'); // one file, one method
      if ((existing?.sizeWith(req.file_part, req.bytes.length) ?? req.bytes.length) > MAX_FILE_SIZE) {
        throw badRequest('FILE_PARTS_INVALID');
      }
      store.put(userId, req.file_id, req.file_part, req.bytes);
      return true;
    },
  },
  'upload.saveBigFilePart': {
    auth: true,
    run(call, req) {
      checkPart(req.file_part, req.bytes);
      // file_total_parts is −1 while a streamed upload does not know its size yet; the last part names it.
      const total = req.file_total_parts;
      if (!Number.isInteger(total) || total === 0 || total < -1 || total > MAX_PART_COUNT || (total !== -1 && req.file_part >= total)) {
        throw badRequest('FILE_PARTS_INVALID');
      }
      const store = filePartStore(call.backend);
      const userId = call.self().id;
      const existing = store.get(userId, req.file_id);
      if (existing && (!existing.big || (total !== -1 && existing.totalParts !== undefined && existing.totalParts !== total))) {
        throw badRequest('FILE_PARTS_INVALID');
      }
      if ((existing?.sizeWith(req.file_part, req.bytes.length) ?? req.bytes.length) > MAX_BIG_FILE_SIZE)
        throw badRequest('FILE_PARTS_INVALID');
      const file = store.put(userId, req.file_id, req.file_part, req.bytes);
      file.big = true;
      if (total !== -1) file.totalParts = total;
      return true;
    },
  },
  'upload.getFile': {
    auth: true,
    run(call, req) {
      const loc = req.location;
      if (loc._ === 'inputPeerPhotoFileLocation') {
        refuseOnCdn(call);
        checkRange(req.offset, req.limit, req.precise ?? false);
        const { parts, size } = peerPhotoContent(call, mediaStore(call.backend), loc);
        const offset = req.offset > BigInt(size) ? size : Number(req.offset);
        return { _: 'upload.file', type: { _: 'storage.filePartial' }, mtime: call.now, bytes: readRange(parts, offset, req.limit) };
      }
      if (loc._ !== 'inputDocumentFileLocation' && loc._ !== 'inputPhotoFileLocation') {
        throw notImplemented(`upload.getFile.${loc._}`, 'upload.getFile');
      }
      refuseOnCdn(call);
      checkRange(req.offset, req.limit, req.precise ?? false);
      let content = mediaContent(call, mediaStore(call.backend), loc);
      if (content && req.cdn_supported && loc._ === 'inputDocumentFileLocation' && loc.thumb_size === '') {
        // A client that supports CDNs is sent there for the files the CDN holds (https://core.telegram.org/cdn).
        const redirect = cdnRedirect(call, mediaStore(call.backend).get(loc.id)!);
        if (redirect) return redirect;
      }
      if (!content) {
        // The raw-protocol convention: the caller's own unfinished upload by file_id.
        const file = loc._ === 'inputDocumentFileLocation' ? filePartStore(call.backend).get(call.self().id, loc.id) : undefined;
        if (!file || loc.thumb_size !== '') throw badRequest('LOCATION_INVALID');
        const { parts, missing } = file.contiguous();
        if (missing !== undefined) throw badRequest(`FILE_PART_${missing}_MISSING`);
        content = { parts, size: file.size };
      }
      // offset < 2^63 passed checkRange; past the largest file it is simply past the end.
      const offset = req.offset > BigInt(MAX_BIG_FILE_SIZE) ? MAX_BIG_FILE_SIZE : Number(req.offset);
      return { _: 'upload.file', type: { _: 'storage.filePartial' }, mtime: call.now, bytes: readRange(content.parts, offset, req.limit) };
    },
  },
};
