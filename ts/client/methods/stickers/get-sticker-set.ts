/** `getStickerSet` (https://core.telegram.org/method/messages.getStickerSet). */
import { ArgumentError } from '../../../errors.js';
import type { InputStickerSet } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { Document } from '../../types/document.js';
import { type Sticker, StickerSet } from '../../types/sticker-set.js';
import { stickerSetOrigin, withOrigin } from '../files/file-reference.js';

/** A sticker set by short name (`'cats'`, `t.me/addstickers/cats`), by id and access hash, or as an `InputStickerSet`. */
export type StickerSetLike = string | { readonly id: bigint; readonly accessHash: bigint } | InputStickerSet;

/** The `InputStickerSet` of `set`. */
export function toInputStickerSet(set: StickerSetLike): InputStickerSet {
  if (typeof set === 'string') {
    const name = set.replace(/^(?:https?:\/\/)?(?:t\.me|telegram\.me)\/addstickers\//i, '');
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name)) throw new ArgumentError(`not a sticker set name or link: ${JSON.stringify(set)}`);
    return { _: 'inputStickerSetShortName', short_name: name };
  }
  if ('_' in set) return set;
  return { _: 'inputStickerSetID', id: set.id, access_hash: set.accessHash };
}

/**
 * Fetches a sticker set with its stickers. Each sticker's `Document`
 * remembers the set, so a download whose file reference expired fetches
 * the set again and retries (https://core.telegram.org/api/file_reference).
 *
 * @example
 * ```ts
 * const set = await client.getStickerSet('t.me/addstickers/cats');
 * const webp = await client.downloadToBuffer(set.stickers[0]!.document);
 * ```
 * @throws RpcError STICKERSET_INVALID; ArgumentError for a malformed name
 */
export async function getStickerSet(client: ClientCore, set: StickerSetLike): Promise<StickerSet> {
  const r = await client.invoke({ _: 'messages.getStickerSet', stickerset: toInputStickerSet(set), hash: 0 });
  if (r._ !== 'messages.stickerSet') throw new ArgumentError('messages.getStickerSet answered not-modified to hash 0');
  // Refresh by id: a short name can be reassigned, the id cannot.
  const byId: InputStickerSet = { _: 'inputStickerSetID', id: r.set.id, access_hash: r.set.access_hash };
  const emojiOf = new Map<bigint, string>();
  for (const p of r.packs) for (const id of p.documents) if (!emojiOf.has(id)) emojiOf.set(id, p.emoticon);
  const stickers: Sticker[] = [];
  for (const d of r.documents) {
    if (d._ !== 'document') continue;
    const document = withOrigin(new Document(d), stickerSetOrigin(client, byId, d.id));
    const alt = d.attributes.find((a) => a._ === 'documentAttributeSticker')?.alt ?? '';
    stickers.push({ document, emoji: emojiOf.get(d.id) ?? alt });
  }
  return new StickerSet(r, stickers);
}
