/** `promoteMember` / `demoteMember` (https://core.telegram.org/method/channels.editAdmin; basic groups: messages.editChatAdmin). */
import type { ChatAdminRights } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { type AdminRight, type AdminRightsInit, adminRights } from '../../types/admin-rights.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolveUser } from '../peers/resolve-peer.js';
import { resolveChatTarget } from './chat-target.js';

/**
 * Makes a member an admin with `rights` (names, a plain object, or a built
 * `chatAdminRights`) and an optional custom title (`rank`, up to 16
 * characters, no emoji). Calling it again edits the rights. Basic groups
 * have one kind of admin: any right given makes them an admin.
 *
 * @example
 * ```ts
 * await client.promoteMember(group, '@bob', ['delete_messages', 'ban_users', 'pin_messages'], 'moderator');
 * await client.promoteMember(channel, '@writer', adminRights({ post_messages: true, edit_messages: true }));
 * ```
 * @throws RpcError CHAT_ADMIN_REQUIRED (needs add_admins), RIGHT_FORBIDDEN (a right you do not have, or another admin's admin),
 *   USER_NOT_PARTICIPANT, USER_CREATOR, ADMIN_RANK_INVALID
 */
export async function promoteMember(
  client: ClientCore,
  chat: PeerLike,
  user: PeerLike,
  rights: AdminRightsInit | readonly AdminRight[] | ChatAdminRights,
  rank?: string,
): Promise<void> {
  const target = await resolveChatTarget(client, chat, 'promoteMember');
  const u = await resolveUser(client, user);
  const built = '_' in rights ? rights : adminRights(rights);
  if (target.kind === 'group') {
    const any = Object.entries(built).some(([k, v]) => k !== '_' && v === true);
    await client.invoke({ _: 'messages.editChatAdmin', chat_id: target.chatId, user_id: u, is_admin: any });
    return;
  }
  await client.invoke({
    _: 'channels.editAdmin',
    channel: target.channel,
    user_id: u,
    admin_rights: built,
    ...(rank !== undefined && { rank }),
  });
}

/**
 * Takes every admin right from an admin (they stay a member).
 *
 * @example
 * ```ts
 * await client.demoteMember(group, '@bob');
 * ```
 * @throws RpcError CHAT_ADMIN_REQUIRED, RIGHT_FORBIDDEN, USER_CREATOR
 */
export function demoteMember(client: ClientCore, chat: PeerLike, user: PeerLike): Promise<void> {
  return promoteMember(client, chat, user, {});
}
