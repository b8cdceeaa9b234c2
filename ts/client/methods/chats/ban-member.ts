/** `banMember` / `unbanMember` (https://core.telegram.org/method/channels.editBanned; basic groups: messages.deleteChatUser). */
import type { ClientCore } from '../../core.js';
import { bannedRights } from '../../types/admin-rights.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolveUser } from '../peers/resolve-peer.js';
import { resolveChatTarget, userAsPeer } from './chat-target.js';

/**
 * Bans a user from a supergroup or channel: they are removed and cannot
 * come back (by link or by themselves) until {@link unbanMember}; with
 * `untilDate` the ban ends by itself. In a basic group there are no bans:
 * the user is removed (the same as {@link kickMember}).
 *
 * @example
 * ```ts
 * await client.banMember(group, '@spammer');
 * await client.banMember(group, '@flooder', new Date(Date.now() + 3600_000)); // for an hour
 * ```
 * @throws RpcError CHAT_ADMIN_REQUIRED (needs the ban_users right), USER_ADMIN_INVALID (an admin or yourself), USER_NOT_PARTICIPANT (basic groups)
 */
export async function banMember(client: ClientCore, chat: PeerLike, user: PeerLike, untilDate: Date | number = 0): Promise<void> {
  const target = await resolveChatTarget(client, chat, 'banMember');
  const u = await resolveUser(client, user);
  if (target.kind === 'group') {
    await client.invoke({ _: 'messages.deleteChatUser', chat_id: target.chatId, user_id: u });
    return;
  }
  await client.invoke({
    _: 'channels.editBanned',
    channel: target.channel,
    participant: userAsPeer(u),
    banned_rights: bannedRights({ view_messages: true }, untilDate),
  });
}

/**
 * Lifts a ban or a restriction: a banned user may join again (they are not
 * added back); a restricted member gets every right back.
 *
 * @example
 * ```ts
 * await client.unbanMember(group, '@reformed');
 * ```
 * @throws RpcError CHAT_ADMIN_REQUIRED, USER_NOT_PARTICIPANT (neither banned nor a member)
 */
export async function unbanMember(client: ClientCore, chat: PeerLike, user: PeerLike): Promise<void> {
  const target = await resolveChatTarget(client, chat, 'unbanMember');
  if (target.kind === 'group') return; // basic groups keep no ban list
  const u = await resolveUser(client, user);
  await client.invoke({ _: 'channels.editBanned', channel: target.channel, participant: userAsPeer(u), banned_rights: bannedRights({}) });
}
