/**
 * Where a file came from, so a download whose file reference expired can
 * fetch a fresh one (https://core.telegram.org/api/file_reference): each
 * origin re-reads the object that carried the file — a profile photo list
 * (`photos.getUserPhotos`), a sticker set (`messages.getStickerSet`); a
 * message's own origin is set by `Message.media` (`messages.getMessages` /
 * `channels.getMessages`) — and returns the same file (found by id) with
 * its new reference. The origin travels with the `Photo`/`Document`
 * (types/media.ts), so `client.downloadToBuffer(photo)` refreshes by itself.
 */
import type { InputStickerSet, InputUser } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { Document } from '../../types/document.js';
import { type Media, type MediaOrigin, setMediaOrigin } from '../../types/media.js';
import { Photo } from '../../types/photo.js';

/** Most profile photos a refetch looks through for the photo (Telegram keeps at most 100 per page). */
const PROFILE_PHOTOS_SCANNED = 1000;

/**
 * The origin of profile photo `photoId` of `user`: pages through
 * `photos.getUserPhotos` until it meets the photo (undefined once it was
 * deleted).
 */
export function profilePhotoOrigin(client: ClientCore, user: InputUser, photoId: bigint): MediaOrigin {
  return {
    async refetch(): Promise<Media | undefined> {
      for (let offset = 0; offset < PROFILE_PHOTOS_SCANNED; ) {
        const r = await client.invoke({ _: 'photos.getUserPhotos', user_id: user, offset, max_id: 0n, limit: 100 });
        const p = r.photos.find((x) => x._ === 'photo' && x.id === photoId);
        if (p?._ === 'photo') return withOrigin(new Photo(p), this);
        if (r.photos.length === 0 || r._ === 'photos.photos') return undefined;
        offset += r.photos.length;
        if (offset >= r.count) return undefined;
      }
      return undefined;
    },
  };
}

/** The origin of sticker `documentId` of sticker set `set`: `messages.getStickerSet` with hash 0 (always the full set). */
export function stickerSetOrigin(client: ClientCore, set: InputStickerSet, documentId: bigint): MediaOrigin {
  return {
    async refetch(): Promise<Media | undefined> {
      const r = await client.invoke({ _: 'messages.getStickerSet', stickerset: set, hash: 0 });
      if (r._ !== 'messages.stickerSet') return undefined;
      const d = r.documents.find((x) => x._ === 'document' && x.id === documentId);
      return d?._ === 'document' ? withOrigin(new Document(d), this) : undefined;
    },
  };
}

/** `media` with `origin` recorded (returned for chaining). */
export function withOrigin<M extends Media>(media: M, origin: MediaOrigin): M {
  setMediaOrigin(media, origin);
  return media;
}
