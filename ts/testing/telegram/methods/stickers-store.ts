/**
 * Sticker sets of the in-memory Telegram
 * (https://core.telegram.org/api/stickers): a set has an id, an access hash,
 * a unique short name (the `t.me/addstickers/NAME` part) and its stickers,
 * which are documents of the media store — so `upload.getFile` serves them
 * with file references that tests can expire like any other file. Sets are
 * made from code ({@link StickerSetStore.create}); `messages.getStickerSet`
 * (stickers.ts) reads them.
 */
import { ArgumentError } from '../../../errors.js';
import type { TelegramBackend } from '../backend.js';
import { type MediaFile, mediaStore } from './media-store.js';

/** Most stickers one set holds (Telegram's limit for regular sets). */
const STICKERS_PER_SET_MAX = 120;
/** Most sets one backend keeps (a bound for tests that make sets in a loop). */
const STICKER_SETS_MAX = 1000;
/** Largest sticker file taken (static WebP stickers are at most 512 KiB). */
const STICKER_BYTES_MAX = 512 * 1024;

/** One sticker of {@link NewStickerSet}. */
export interface NewSticker {
  /** The file (WebP, TGS or WebM). */
  readonly bytes: Uint8Array;
  /** The emoji it stands for (default 🙂). */
  readonly emoji?: string;
  /** Default image/webp. */
  readonly mimeType?: string;
}

/** What {@link StickerSetStore.create} takes. */
export interface NewStickerSet {
  /** Unique, case-insensitive: letters, digits and underscores, starting with a letter (1-64 characters). */
  readonly shortName: string;
  readonly title: string;
  readonly stickers: readonly NewSticker[];
  /** The DC that stores the files (default 2, or 1 with a single DC). */
  readonly dcId?: number;
}

/** A stored sticker set. */
export interface StickerSetRecord {
  readonly id: bigint;
  readonly accessHash: bigint;
  readonly shortName: string;
  readonly title: string;
  readonly date: number;
  /** The stickers with their emoji, in set order. */
  readonly stickers: readonly { readonly file: MediaFile; readonly emoji: string }[];
}

/** Every sticker set of one backend, by id and by short name. */
export class StickerSetStore {
  private readonly byId = new Map<bigint, StickerSetRecord>();
  private readonly byName = new Map<string, StickerSetRecord>();

  constructor(private readonly backend: TelegramBackend) {}

  /**
   * Makes a sticker set whose stickers are new documents of the media store.
   *
   * @throws ArgumentError for a bad or taken short name, no stickers, too many, or a file too big
   */
  create(input: NewStickerSet): StickerSetRecord {
    const name = input.shortName;
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name)) throw new ArgumentError(`bad sticker set short name: ${JSON.stringify(name)}`);
    if (this.byName.has(name.toLowerCase())) throw new ArgumentError(`sticker set ${name} exists`);
    if (input.stickers.length === 0 || input.stickers.length > STICKERS_PER_SET_MAX)
      throw new ArgumentError(`a sticker set holds 1..${STICKERS_PER_SET_MAX} stickers, got ${input.stickers.length}`);
    if (this.byId.size >= STICKER_SETS_MAX) throw new ArgumentError(`at most ${STICKER_SETS_MAX} sticker sets per backend`);
    const b = this.backend;
    const dcId = input.dcId ?? (b.dcs.count >= 2 ? 2 : 1);
    b.dcs.check(dcId);
    let id: bigint;
    do id = readLong(b.randomBytes(8));
    while (id === 0n || this.byId.has(id));
    const accessHash = readLong(b.randomBytes(8));
    const date = b.now();
    const stickers = input.stickers.map((s) => {
      if (s.bytes.length === 0 || s.bytes.length > STICKER_BYTES_MAX)
        throw new ArgumentError(`a sticker file has 1..${STICKER_BYTES_MAX} bytes, got ${s.bytes.length}`);
      const emoji = s.emoji ?? '🙂';
      const file = mediaStore(b).add({
        kind: 'document',
        content: { parts: [s.bytes.slice()], size: s.bytes.length },
        dcId,
        date,
        mimeType: s.mimeType ?? 'image/webp',
        attributes: [
          { _: 'documentAttributeImageSize', w: 512, h: 512 },
          { _: 'documentAttributeSticker', alt: emoji, stickerset: { _: 'inputStickerSetID', id, access_hash: accessHash } },
        ],
        width: 512,
        height: 512,
      });
      return { file, emoji };
    });
    const rec: StickerSetRecord = { id, accessHash, shortName: name, title: input.title, date, stickers };
    this.byId.set(id, rec);
    this.byName.set(name.toLowerCase(), rec);
    return rec;
  }

  /** The set with `id`, or undefined. */
  get(id: bigint): StickerSetRecord | undefined {
    return this.byId.get(id);
  }

  /** The set with short name `name` (case-insensitive), or undefined. */
  byShortName(name: string): StickerSetRecord | undefined {
    return this.byName.get(name.toLowerCase());
  }
}

function readLong(b: Uint8Array): bigint {
  return new DataView(b.buffer, b.byteOffset, 8).getBigInt64(0, true);
}

const stores = new WeakMap<TelegramBackend, StickerSetStore>();

/**
 * The sticker set store of `backend` (made on first use).
 *
 * @example
 * ```ts
 * const set = stickerSetStore(server.backend).create({
 *   shortName: 'cats',
 *   title: 'Cats',
 *   stickers: [{ bytes: webp, emoji: '🐱' }],
 * });
 * // a client: await client.getStickerSet('cats')
 * ```
 */
export function stickerSetStore(backend: TelegramBackend): StickerSetStore {
  let s = stores.get(backend);
  if (!s) stores.set(backend, (s = new StickerSetStore(backend)));
  return s;
}
