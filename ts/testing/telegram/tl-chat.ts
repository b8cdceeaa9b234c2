/**
 * Groups and channels as the TL objects a given account receives: `chat`
 * (https://core.telegram.org/constructor/chat), `channel`
 * (https://core.telegram.org/constructor/channel), or the `...Forbidden`
 * forms for chats the account cannot see.
 */
import type { Chat, ChatPhoto } from '../../tl/generated/types.js';
import type { ChatRecord } from './store/chat-store.js';

const NO_PHOTO = { _: 'chatPhotoEmpty' } as const;

/** The `chatPhoto` of a chat record (https://core.telegram.org/constructor/chatPhoto). */
function photoOf(c: ChatRecord): ChatPhoto {
  return c.photo ? { _: 'chatPhoto', photo_id: c.photo.id, dc_id: c.photo.dc_id } : NO_PHOTO;
}

/** Full admin rights (creators and admins of the emulator have every right). */
const ALL_RIGHTS = {
  _: 'chatAdminRights',
  change_info: true,
  post_messages: true,
  edit_messages: true,
  delete_messages: true,
  ban_users: true,
  invite_users: true,
  pin_messages: true,
  add_admins: true,
  manage_call: true,
  other: true,
} as const;

/**
 * The object `viewer` sees for `c`: members (and anyone, for public
 * channels) get `chat` / `channel` with `left` when not a member; others
 * get `chatForbidden` / `channelForbidden`. `accessHash` is the hash this
 * viewer sees for a channel.
 */
export function toTlChat(c: ChatRecord, viewer: bigint, accessHash: bigint): Chat {
  const member = c.members.get(viewer);
  if (c.kind === 'group') {
    if (!member) return { _: 'chatForbidden', id: c.id, title: c.title };
    const out: Chat.chat = {
      _: 'chat',
      id: c.id,
      title: c.title,
      photo: photoOf(c),
      participants_count: c.members.size,
      date: c.date,
      version: c.version,
    };
    if (member.role === 'creator') out.creator = true;
    if (member.role === 'admin') out.admin_rights = member.adminRights ?? ALL_RIGHTS;
    if (c.defaultBannedRights) out.default_banned_rights = c.defaultBannedRights;
    return out;
  }
  if (!member && c.username === undefined) {
    return c.kind === 'broadcast'
      ? { _: 'channelForbidden', broadcast: true, id: c.id, access_hash: accessHash, title: c.title }
      : { _: 'channelForbidden', megagroup: true, id: c.id, access_hash: accessHash, title: c.title };
  }
  const out: Chat.channel = {
    _: 'channel',
    id: c.id,
    access_hash: accessHash,
    title: c.title,
    photo: photoOf(c),
    date: c.date,
    participants_count: c.members.size,
  };
  if (c.defaultBannedRights) out.default_banned_rights = c.defaultBannedRights;
  if (member?.bannedRights) out.banned_rights = member.bannedRights;
  if (c.kind === 'broadcast') out.broadcast = true;
  else out.megagroup = true;
  if (c.forum) out.forum = true;
  if (c.linkedChatId !== undefined) out.has_link = true;
  if (c.username !== undefined) out.username = c.username;
  if (!member) out.left = true;
  else if (member.role === 'creator') {
    out.creator = true;
    out.admin_rights = ALL_RIGHTS;
  } else if (member.role === 'admin') out.admin_rights = member.adminRights ?? ALL_RIGHTS;
  return out;
}
