/** `kickMember`: remove without a lasting ban (https://core.telegram.org/method/channels.editBanned twice; basic groups: messages.deleteChatUser). */
import type { ClientCore } from '../../core.js';
import { bannedRights } from '../../types/admin-rights.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolveUser } from '../peers/resolve-peer.js';
import { resolveChatTarget, userAsPeer } from './chat-target.js';

/**
 * Removes a user from a group or channel; they may join again later.
 * Supergroups and channels: a ban immediately lifted (Telegram has no
 * single "kick" call there); basic groups: `messages.deleteChatUser`.
 *
 * @example
 * ```ts
 * await client.kickMember(group, '@bob');
 * ```
 * @throws RpcError CHAT_ADMIN_REQUIRED, USER_ADMIN_INVALID, USER_NOT_PARTICIPANT
 */
export async function kickMember(client: ClientCore, chat: PeerLike, user: PeerLike): Promise<void> {
  const target = await resolveChatTarget(client, chat, 'kickMember');
  const u = await resolveUser(client, user);
  if (target.kind === 'group') {
    await client.invoke({ _: 'messages.deleteChatUser', chat_id: target.chatId, user_id: u });
    return;
  }
  const participant = userAsPeer(u);
  await client.invoke({
    _: 'channels.editBanned',
    channel: target.channel,
    participant,
    banned_rights: bannedRights({ view_messages: true }),
  });
  await client.invoke({ _: 'channels.editBanned', channel: target.channel, participant, banned_rights: bannedRights({}) });
}
