/** `deleteProfilePhotos` (https://core.telegram.org/method/photos.deletePhotos). */
import type { ClientCore } from '../../core.js';
import type { Photo } from '../../types/photo.js';

/**
 * Deletes some of your profile photos (the newest remaining one becomes
 * current) and returns the ids that were deleted.
 *
 * @example
 * ```ts
 * const [current] = await Array.fromAsync(client.iterProfilePhotos('me', { limit: 1 }));
 * await client.deleteProfilePhotos([current]);
 * ```
 */
export async function deleteProfilePhotos(client: ClientCore, photos: readonly Photo[]): Promise<bigint[]> {
  if (photos.length === 0) return [];
  return client.invoke({
    _: 'photos.deletePhotos',
    id: photos.map(
      (p) => ({ _: 'inputPhoto', id: p.raw.id, access_hash: p.raw.access_hash, file_reference: p.raw.file_reference }) as const,
    ),
  });
}
