/**
 * Profile photos of the in-memory Telegram
 * (https://core.telegram.org/api/files#profile-photos): each account has a
 * list of photos, newest (the current one) first; the photos themselves
 * live in the media store, so `upload.getFile` serves them with their file
 * references like any other photo. Chat photos use the same upload path.
 */
import type { InputFile, InputPhoto } from '../../../tl/generated/types.js';
import type { MethodCall } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { TelegramBackend } from '../backend.js';
import { imageInfo, takeInputFile } from './input-file.js';
import { type MediaFile, mediaStore } from './media-store.js';

/** Largest photo Telegram takes (https://core.telegram.org/api/files#uploading-files). */
const PHOTO_SIZE_MAX = 10 * 1024 * 1024;
/** Most profile photos one account keeps (older ones drop off). */
const PROFILE_PHOTOS_MAX = 100;

/** Stores an uploaded image as a photo, or throws PHOTO_INVALID / IMAGE_PROCESS_FAILED. */
export function storeUploadedPhoto(call: MethodCall, file: InputFile): MediaFile {
  const content = takeInputFile(call, file);
  if (content.size > PHOTO_SIZE_MAX) throw badRequest('PHOTO_INVALID');
  // Telegram decodes the image; the emulator reads the header (PNG or JPEG).
  const info = imageInfo(content.parts[0]!.subarray(0, 64 * 1024));
  if (!info) throw badRequest('IMAGE_PROCESS_FAILED');
  return mediaStore(call.backend).add({
    kind: 'photo',
    content,
    dcId: call.dcId,
    date: call.now,
    mimeType: info.mimeType,
    attributes: [],
    width: info.width,
    height: info.height,
  });
}

/** A stored photo an `InputPhoto` names, with its access hash and reference checked. */
export function existingPhoto(call: MethodCall, input: InputPhoto): MediaFile {
  if (input._ !== 'inputPhoto') throw badRequest('PHOTO_INVALID');
  const m = mediaStore(call.backend).get(input.id);
  if (m?.file.kind !== 'photo' || m.accessHash !== input.access_hash) throw badRequest('PHOTO_INVALID');
  const ref = m.referenceState(input.file_reference);
  if (ref === 'expired') throw badRequest('FILE_REFERENCE_EXPIRED');
  if (ref === 'invalid') throw badRequest('FILE_REFERENCE_INVALID');
  return m;
}

/** Every account's profile photo ids, newest first. */
export class ProfilePhotoStore {
  private readonly lists = new Map<bigint, bigint[]>();

  constructor(private readonly backend: TelegramBackend) {}

  /** The photos of `userId` still held by the media store, newest first. */
  photos(userId: bigint): MediaFile[] {
    const media = mediaStore(this.backend);
    return (this.lists.get(userId) ?? []).map((id) => media.get(id)).filter((m) => m !== undefined);
  }

  /** The current photo of `userId`, if any. */
  current(userId: bigint): MediaFile | undefined {
    return this.photos(userId)[0];
  }

  /** Makes `photo` the current one (moving it to the front if it was in the list). */
  setCurrent(userId: bigint, photo: MediaFile): void {
    const list = (this.lists.get(userId) ?? []).filter((id) => id !== photo.id);
    list.unshift(photo.id);
    if (list.length > PROFILE_PHOTOS_MAX) list.length = PROFILE_PHOTOS_MAX;
    this.lists.set(userId, list);
  }

  /** Removes the photos of `userId` among `ids`; returns the ids removed. */
  delete(userId: bigint, ids: readonly bigint[]): bigint[] {
    const list = this.lists.get(userId) ?? [];
    const gone = list.filter((id) => ids.includes(id));
    this.lists.set(
      userId,
      list.filter((id) => !gone.includes(id)),
    );
    return gone;
  }
}

const stores = new WeakMap<TelegramBackend, ProfilePhotoStore>();

/** The profile photo store of `backend` (made on first use). */
export function profilePhotoStore(backend: TelegramBackend): ProfilePhotoStore {
  let s = stores.get(backend);
  if (!s) stores.set(backend, (s = new ProfilePhotoStore(backend)));
  return s;
}
