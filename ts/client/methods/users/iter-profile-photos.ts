/** `iterProfilePhotos` (https://core.telegram.org/method/photos.getUserPhotos). */
import type { ClientCore } from '../../core.js';
import { Photo } from '../../types/photo.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolveUser } from '../peers/resolve-peer.js';
import { profilePhotoOrigin, withOrigin } from '../files/file-reference.js';

/** Options of {@link iterProfilePhotos}. */
export interface IterProfilePhotosParams {
  /** Stop after this many. */
  limit?: number;
  /** Photos asked per request (default and most: 100). */
  chunkSize?: number;
}

/**
 * Iterates over a user's profile photos, the current one first. Each is a
 * `Photo` you can download (`client.downloadToBuffer(photo)`); an expired
 * file reference is refreshed from `photos.getUserPhotos` by itself.
 *
 * @example
 * ```ts
 * for await (const p of client.iterProfilePhotos('@bob', { limit: 3 })) console.log(p.id, p.width, p.height);
 * ```
 * @throws RpcError USER_ID_INVALID
 */
export async function* iterProfilePhotos(
  client: ClientCore,
  user: PeerLike,
  params: IterProfilePhotosParams = {},
): AsyncGenerator<Photo, void, undefined> {
  const user_id = await resolveUser(client, user);
  const limit = params.limit ?? Number.POSITIVE_INFINITY;
  const chunk = Math.min(Math.max(1, params.chunkSize ?? 100), 100);
  let offset = 0;
  while (offset < limit) {
    const want = Math.min(chunk, limit - offset);
    const r = await client.invoke({ _: 'photos.getUserPhotos', user_id, offset, max_id: 0n, limit: want });
    // Each photo remembers the list it came from: an expired file reference is refreshed from it.
    for (const p of r.photos) if (p._ === 'photo') yield withOrigin(new Photo(p), profilePhotoOrigin(client, user_id, p.id));
    offset += r.photos.length;
    const total = r._ === 'photos.photosSlice' ? r.count : offset;
    if (r.photos.length < want || offset >= total) return;
  }
}
