/**
 * `StickerSet`: a sticker set with its stickers
 * (https://core.telegram.org/constructor/messages.stickerSet). Each sticker is
 * a `Document` that remembers the set it came from, so downloading one
 * whose file reference expired fetches the set again.
 */
import type { messages, StickerSet as TlStickerSet } from '../../tl/generated/types.js';
import type { Document } from './document.js';

/** One sticker: its document and the emoji it stands for. */
export interface Sticker {
  readonly document: Document;
  /** The emoji of its pack, or the sticker's `alt` text. */
  readonly emoji: string;
}

/** A sticker set. The TL object is `.raw`. */
export class StickerSet {
  constructor(
    readonly raw: messages.StickerSet.stickerSet,
    /** The stickers in set order. */
    readonly stickers: readonly Sticker[],
  ) {}

  private get set(): TlStickerSet.stickerSet {
    return this.raw.set;
  }
  get id(): bigint {
    return this.set.id;
  }
  get accessHash(): bigint {
    return this.set.access_hash;
  }
  get title(): string {
    return this.set.title;
  }
  /** The name in `t.me/addstickers/NAME`. */
  get shortName(): string {
    return this.set.short_name;
  }
  /** Stickers in the set. */
  get count(): number {
    return this.set.count;
  }
}
