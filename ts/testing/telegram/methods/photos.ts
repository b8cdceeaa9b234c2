/**
 * Profile photos: `photos.uploadProfilePhoto`, `photos.updateProfilePhoto`,
 * `photos.getUserPhotos`, `photos.deletePhotos`
 * (https://core.telegram.org/api/files#profile-photos). The current photo
 * shows in `user.photo`; other sessions of the account get `updateUser`.
 */
import type { Photo } from '../../../tl/generated/types.js';
import { container, push } from '../actions/deliver.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest, notImplemented } from '../rpc-errors.js';
import type { MediaFile } from './media-store.js';
import { caller } from './messages-send.js';
import { resolveUser } from './peers.js';
import { existingPhoto, profilePhotoStore, storeUploadedPhoto } from './photos-store.js';

/** Most photos one `photos.getUserPhotos` answer holds. */
const PHOTOS_LIMIT_MAX = 100;

/** Makes `photo` (or nothing) the caller's current photo and tells their other sessions. */
function setCurrent(call: MethodCall, photo: MediaFile | undefined): void {
  const me = call.self();
  if (photo) {
    profilePhotoStore(call.backend).setCurrent(me.id, photo);
    me.photo = { id: photo.id, dcId: photo.file.dcId };
  } else delete me.photo;
  const b = call.backend;
  push(b, me.id, container(b, me.id, [{ _: 'updateUser', user_id: me.id }], [{ kind: 'user', id: me.id }]), caller(call));
}

/** After a deletion: the newest remaining photo becomes current. */
function refreshCurrent(call: MethodCall): void {
  const me = call.self();
  const next = profilePhotoStore(call.backend).current(me.id);
  if (next?.id === me.photo?.id) return;
  setCurrent(call, next);
}

/** The `photos.photo` answer. */
function photoAnswer(call: MethodCall, photo: Photo) {
  const me = call.self().id;
  return { _: 'photos.photo' as const, photo, users: call.backend.peerLists(me, [{ kind: 'user', id: me }]).users };
}

/** Profile photo methods; see the module comment. */
export const photosMethods: MethodTable = {
  'photos.uploadProfilePhoto': {
    auth: true,
    run(call, req) {
      if (req.bot !== undefined || req.fallback) throw notImplemented('photos.uploadProfilePhoto with bot/fallback');
      if (req.video !== undefined || req.video_emoji_markup !== undefined) throw notImplemented('photos.uploadProfilePhoto with video');
      if (!req.file) throw badRequest('PHOTO_FILE_MISSING');
      const photo = storeUploadedPhoto(call, req.file);
      setCurrent(call, photo);
      return photoAnswer(call, photo.toPhoto());
    },
  },
  'photos.updateProfilePhoto': {
    auth: true,
    run(call, req) {
      if (req.bot !== undefined || req.fallback) throw notImplemented('photos.updateProfilePhoto with bot/fallback');
      if (req.id._ === 'inputPhotoEmpty') {
        setCurrent(call, undefined);
        return photoAnswer(call, { _: 'photoEmpty', id: 0n });
      }
      const photo = existingPhoto(call, req.id);
      setCurrent(call, photo);
      return photoAnswer(call, photo.toPhoto());
    },
  },
  'photos.getUserPhotos': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const user = resolveUser(call, req.user_id);
      if (req.offset < 0 || req.limit < 0) throw badRequest('LIMIT_INVALID');
      let all = profilePhotoStore(call.backend).photos(user.id);
      const count = all.length;
      // max_id: only photos older than that one (ids are not ordered: "older" is after it in the list).
      if (req.max_id !== 0n) {
        const i = all.findIndex((p) => p.id === req.max_id);
        if (i >= 0) all = all.slice(i + 1);
      }
      const page = all.slice(req.offset, req.offset + Math.min(req.limit, PHOTOS_LIMIT_MAX));
      const users = call.backend.peerLists(me, [{ kind: 'user', id: user.id }]).users;
      const photos = page.map((p) => p.toPhoto());
      const complete = req.offset === 0 && req.max_id === 0n && page.length === count;
      return complete ? { _: 'photos.photos', photos, users } : { _: 'photos.photosSlice', count, photos, users };
    },
  },
  'photos.deletePhotos': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const ids = req.id.filter((p) => p._ === 'inputPhoto').map((p) => p.id);
      const gone = profilePhotoStore(call.backend).delete(me, ids);
      if (gone.length > 0) refreshCurrent(call);
      return gone;
    },
  },
};
