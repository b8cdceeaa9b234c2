/** `setProfilePhoto` (https://core.telegram.org/method/photos.uploadProfilePhoto). */
import { WasmgramError } from '../../../errors.js';
import type { ClientCore } from '../../core.js';
import { Photo } from '../../types/photo.js';
import type { UploadSource } from '../files/file-source.js';
import { type UploadFileParams, uploadFile } from '../files/upload-file.js';
import { profilePhotoOrigin, withOrigin } from '../files/file-reference.js';

/**
 * Uploads an image (JPEG or PNG) and makes it your profile photo; the
 * previous ones stay in the list ({@link iterProfilePhotos}).
 *
 * @example
 * ```ts
 * const photo = await client.setProfilePhoto(await readFile('me.jpg'));
 * ```
 * @throws RpcError PHOTO_INVALID, IMAGE_PROCESS_FAILED
 */
export async function setProfilePhoto(client: ClientCore, file: UploadSource, params: UploadFileParams = {}): Promise<Photo> {
  const uploaded = await uploadFile(client, file, params);
  const r = await client.invoke({ _: 'photos.uploadProfilePhoto', file: uploaded.inputFile });
  if (r.photo._ !== 'photo') throw new WasmgramError('photos.uploadProfilePhoto: the answer has no photo');
  return withOrigin(new Photo(r.photo), profilePhotoOrigin(client, { _: 'inputUserSelf' }, r.photo.id));
}
