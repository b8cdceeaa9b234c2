/** `editInviteLink` / `revokeInviteLink` (https://core.telegram.org/method/messages.editExportedChatInvite). */
import type { messages } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { usersById } from '../../types/chat-member.js';
import { InviteLink } from '../../types/invite-link.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { type InviteLinkParams, unixTime } from './create-invite-link.js';

function linkText(link: string | InviteLink): string {
  return typeof link === 'string' ? link : link.link;
}

function wrap(r: messages.ExportedChatInvite, pick: 'invite' | 'new'): InviteLink {
  const users = usersById(r.users);
  const inv = pick === 'new' && r._ === 'messages.exportedChatInviteReplaced' ? r.new_invite : r.invite;
  return new InviteLink(inv, inv._ === 'chatInviteExported' ? users.get(inv.admin_id) : undefined);
}

/**
 * Changes an invite link's expiry, usage limit, approval or title (0 or ''
 * removes a limit or title).
 *
 * @example
 * ```ts
 * const edited = await client.editInviteLink(group, link, { usageLimit: 50, title: 'wider' });
 * ```
 * @throws RpcError INVITE_HASH_INVALID, CHAT_ADMIN_REQUIRED, USAGE_LIMIT_INVALID, INVITE_REVOKED_MISSING (revoked already)
 */
export async function editInviteLink(
  client: ClientCore,
  chat: PeerLike,
  link: string | InviteLink,
  params: InviteLinkParams,
): Promise<InviteLink> {
  const peer = await resolvePeer(client, chat);
  const r = await client.invoke({
    _: 'messages.editExportedChatInvite',
    peer,
    link: linkText(link),
    ...(params.expireDate !== undefined && { expire_date: unixTime(params.expireDate) }),
    ...(params.usageLimit !== undefined && { usage_limit: params.usageLimit }),
    ...(params.requestNeeded !== undefined && { request_needed: params.requestNeeded }),
    ...(params.title !== undefined && { title: params.title }),
  });
  return wrap(r, 'invite');
}

/**
 * Revokes an invite link: it stops working at once (joining with it gives
 * INVITE_HASH_EXPIRED). Revoking the primary link returns the new primary
 * link that replaces it; otherwise the revoked link.
 *
 * @example
 * ```ts
 * await client.revokeInviteLink(group, 'https://t.me/+AbCd');
 * ```
 * @throws RpcError INVITE_HASH_INVALID, CHAT_ADMIN_REQUIRED
 */
export async function revokeInviteLink(client: ClientCore, chat: PeerLike, link: string | InviteLink): Promise<InviteLink> {
  const peer = await resolvePeer(client, chat);
  const r = await client.invoke({ _: 'messages.editExportedChatInvite', peer, link: linkText(link), revoked: true });
  return wrap(r, 'new');
}
