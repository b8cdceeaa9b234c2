/**
 * Accounts as the TL objects clients receive: `user` (https://core.telegram.org/constructor/user)
 * and `userFull` (https://core.telegram.org/constructor/userFull).
 */
import type { User, UserFull } from '../../tl/generated/types.js';
import type { ContactRecord } from './store/contact-store.js';
import type { UserRecord } from './user-store.js';

/** How long a user counts as online after a request (seconds), as in `userStatusOnline.expires`. */
export const ONLINE_FOR = 300;

/** What the viewer has to do with the user: its saved contact, whether it is mutual, whether the phone privacy rules let it see the number. */
export interface ViewerRelation {
  readonly contact?: ContactRecord | undefined;
  readonly mutual?: boolean;
  readonly phone?: boolean;
}

/**
 * The `user` object `viewer` sees for `u`: with `self` and the phone number
 * when it is the viewer's own account (or `seen.phone` allows it), the
 * `contact` / `mutual_contact` flags and saved name from `seen`, the bot
 * flags for bots, and an access hash either way (never a `min` constructor). `accessHash` is the
 * hash `viewer` sees (per-account hashes: `TelegramBackend.tlUser`).
 */
export function toTlUser(
  u: UserRecord,
  viewer: bigint | undefined,
  now: number,
  accessHash = u.accessHash,
  seen: ViewerRelation = {},
): User.user {
  const self = viewer === u.id;
  // A contact is shown under the name the viewer saved it with.
  const c = self ? undefined : seen.contact;
  const out: User.user = {
    _: 'user',
    id: u.id,
    access_hash: accessHash,
    first_name: c ? c.firstName : u.firstName,
  };
  if (self) out.self = true;
  if (c) out.contact = true;
  if (c && seen.mutual) out.mutual_contact = true;
  const lastName = c ? c.lastName : u.lastName;
  if (lastName !== '') out.last_name = lastName;
  if (u.username !== undefined) out.username = u.username;
  if (u.photo) out.photo = { _: 'userProfilePhoto', photo_id: u.photo.id, dc_id: u.photo.dcId };
  if (u.bot) {
    out.bot = true;
    out.bot_info_version = 1;
  } else {
    if ((self || seen.phone) && u.phone !== undefined) out.phone = u.phone;
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
