/** The downloadable media of a message: a `Photo` or a `Document` (https://core.telegram.org/type/MessageMedia). */
import type { MessageMedia } from '../../tl/generated/types.js';
import { Document } from './document.js';
import { Photo } from './photo.js';

/** A photo or document. */
export type Media = Photo | Document;

/** The `Photo` or `Document` inside `media`, or undefined for other kinds (and empty or expired ones). */
export function wrapMedia(media: MessageMedia | undefined): Media | undefined {
  if (media?._ === 'messageMediaPhoto' && media.photo?._ === 'photo') return new Photo(media.photo);
  if (media?._ === 'messageMediaDocument' && media.document?._ === 'document') return new Document(media.document);
  return undefined;
}

/** What a `Photo`/`Document` came from, so a download can re-fetch it when its file reference expired. */
export interface MediaOrigin {
  /** Fetches the origin again and returns its current media. */
  refetch(): Promise<Media | undefined>;
}

const origins = new WeakMap<Media, MediaOrigin>();

/** Records where `media` came from (a message); `originOf` reads it back. */
export function setMediaOrigin(media: Media, origin: MediaOrigin): void {
  origins.set(media, origin);
}

/** Where `media` came from, when known. */
export function originOf(media: Media): MediaOrigin | undefined {
  return origins.get(media);
}
