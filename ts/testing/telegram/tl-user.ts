/**
 * Accounts as the TL objects clients receive: `user` (https://core.telegram.org/constructor/user)
 * and `userFull` (https://core.telegram.org/constructor/userFull).
 */
import type { User, UserFull } from '../../tl/generated/types.js';
import type { UserRecord } from './user-store.js';

/** How long a user counts as online after a request (seconds), as in `userStatusOnline.expires`. */
export const ONLINE_FOR = 300;

/**
 * The `user` object `viewer` sees for `u`: with `self` and the phone number
 * when it is the viewer's own account, the bot flags for bots, and an
 * access hash either way (never a `min` constructor). `accessHash` is the
 * hash `viewer` sees (per-account hashes: `TelegramBackend.tlUser`).
 */
export function toTlUser(u: UserRecord, viewer: bigint | undefined, now: number, accessHash = u.accessHash): User.user {
  const self = viewer === u.id;
  const out: User.user = {
    _: 'user',
    id: u.id,
    access_hash: accessHash,
    first_name: u.firstName,
  };
  if (self) out.self = true;
  if (u.lastName !== '') out.last_name = u.lastName;
  if (u.username !== undefined) out.username = u.username;
  if (u.photo) out.photo = { _: 'userProfilePhoto', photo_id: u.photo.id, dc_id: u.photo.dcId };
  if (u.bot) {
    out.bot = true;
    out.bot_info_version = 1;
  } else {
    if (self && u.phone !== undefined) out.phone = u.phone;
    out.status = self ? { _: 'userStatusOnline', expires: now + ONLINE_FOR } : { _: 'userStatusRecently' };
  }
  return out;
}

/** The `userFull` of `u`: bio, empty settings and no common chats (the emulator has no chats yet). */
export function toUserFull(u: UserRecord): UserFull.userFull {
  const out: UserFull.userFull = {
    _: 'userFull',
    id: u.id,
    settings: { _: 'peerSettings' },
    notify_settings: { _: 'peerNotifySettings' },
    common_chats_count: 0,
  };
  if (u.about !== '') out.about = u.about;
  if (u.bot) out.bot_info = { _: 'botInfo', user_id: u.id, description: u.about, commands: [] };
  return out;
}
