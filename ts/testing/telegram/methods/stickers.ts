/**
 * `messages.getStickerSet` (https://core.telegram.org/method/messages.getStickerSet):
 * a set from the sticker set store (stickers-store.ts) by
 * `inputStickerSetID` (id + access hash) or `inputStickerSetShortName`,
 * with its documents carrying their current file references — what a
 * client fetches again when a sticker's reference expired
 * (https://core.telegram.org/api/file_reference). `hash` equal to the set's
 * answers `messages.stickerSetNotModified`; 0 always gets the set.
 */
import type { InputStickerSet, StickerPack, StickerSet } from '../../../tl/generated/types.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest, notImplemented } from '../rpc-errors.js';
import { type StickerSetRecord, stickerSetStore } from './stickers-store.js';

/** The set `input` names, or STICKERSET_INVALID. */
function findSet(call: MethodCall, input: InputStickerSet): StickerSetRecord {
  const store = stickerSetStore(call.backend);
  switch (input._) {
    case 'inputStickerSetID': {
      const s = store.get(input.id);
      if (!s || s.accessHash !== input.access_hash) throw badRequest('STICKERSET_INVALID');
      return s;
    }
    case 'inputStickerSetShortName': {
      const s = store.byShortName(input.short_name);
      if (!s) throw badRequest('STICKERSET_INVALID');
      return s;
    }
    case 'inputStickerSetEmpty':
      throw badRequest('STICKERSET_INVALID');
    default:
      throw notImplemented(`messages.getStickerSet with ${input._}`, 'messages.getStickerSet');
  }
}

/**
 * The set's hash: Telegram's 32-bit rolling hash over its document ids
 * (https://core.telegram.org/api/offsets#hash-generation), so it changes
 * when the stickers do — not when their file references do.
 */
function setHash(s: StickerSetRecord): number {
  let h = 0n;
  for (const { file } of s.stickers) {
    const id = BigInt.asUintN(64, file.id);
    h ^= h >> 21n;
    h ^= (h << 35n) & 0xffffffffffffffffn;
    h ^= h >> 4n;
    h = (h + id) & 0xffffffffffffffffn;
  }
  return Number(BigInt.asIntN(32, h));
}

function toStickerSet(s: StickerSetRecord): StickerSet {
  return {
    _: 'stickerSet',
    id: s.id,
    access_hash: s.accessHash,
    title: s.title,
    short_name: s.shortName,
    count: s.stickers.length,
    hash: setHash(s),
  };
}

/** One pack per emoji, its documents in set order. */
function packs(s: StickerSetRecord): StickerPack[] {
  const byEmoji = new Map<string, bigint[]>();
  for (const { file, emoji } of s.stickers) byEmoji.set(emoji, [...(byEmoji.get(emoji) ?? []), file.id]);
  return [...byEmoji].map(([emoticon, documents]) => ({ _: 'stickerPack', emoticon, documents }));
}

/** `messages.getStickerSet`. */
export const stickersMethods: MethodTable = {
  'messages.getStickerSet': {
    auth: true,
    run(call, req) {
      const s = findSet(call, req.stickerset);
      if (req.hash !== 0 && req.hash === setHash(s)) return { _: 'messages.stickerSetNotModified' };
      return {
        _: 'messages.stickerSet',
        set: toStickerSet(s),
        packs: packs(s),
        keywords: [],
        documents: s.stickers.map(({ file }) => file.toDocument()),
      };
    },
  },
};
