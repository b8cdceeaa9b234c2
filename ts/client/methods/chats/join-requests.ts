/** `approveJoinRequest` / `declineJoinRequest` / `settleAllJoinRequests` (https://core.telegram.org/method/messages.hideChatJoinRequest, messages.hideAllChatJoinRequests). */
import type { ClientCore } from '../../core.js';
import type { InviteLink } from '../../types/invite-link.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer, resolveUser } from '../peers/resolve-peer.js';

async function hide(client: ClientCore, chat: PeerLike, user: PeerLike, approved: boolean): Promise<void> {
  const peer = await resolvePeer(client, chat);
  const user_id = await resolveUser(client, user);
  await client.invoke({ _: 'messages.hideChatJoinRequest', peer, user_id, ...(approved && { approved: true }) });
}

/**
 * Lets a user who asked to join (through a `requestNeeded` link) into the chat.
 *
 * @example
 * ```ts
 * client.on('joinRequest', async (r) => client.approveJoinRequest(r.chat, r.userId));
 * await client.approveJoinRequest(group, '@carol');
 * ```
 * @throws RpcError HIDE_REQUESTER_MISSING (no such request), CHAT_ADMIN_REQUIRED, USER_ALREADY_PARTICIPANT
 */
export function approveJoinRequest(client: ClientCore, chat: PeerLike, user: PeerLike): Promise<void> {
  return hide(client, chat, user, true);
}

/**
 * Turns down a join request (the user may ask again).
 *
 * @example
 * ```ts
 * await client.declineJoinRequest(group, '@mallory');
 * ```
 * @throws RpcError HIDE_REQUESTER_MISSING, CHAT_ADMIN_REQUIRED
 */
export function declineJoinRequest(client: ClientCore, chat: PeerLike, user: PeerLike): Promise<void> {
  return hide(client, chat, user, false);
}

/**
 * Approves (or declines) every pending join request of the chat, or of one link.
 *
 * @example
 * ```ts
 * await client.settleAllJoinRequests(group, { approve: true });
 * ```
 * @throws RpcError CHAT_ADMIN_REQUIRED
 */
export async function settleAllJoinRequests(
  client: ClientCore,
  chat: PeerLike,
  params: { approve: boolean; link?: string | InviteLink },
): Promise<void> {
  const peer = await resolvePeer(client, chat);
  const link = params.link === undefined ? undefined : typeof params.link === 'string' ? params.link : params.link.link;
  await client.invoke({
    _: 'messages.hideAllChatJoinRequests',
    peer,
    ...(params.approve && { approved: true }),
    ...(link !== undefined && { link }),
  });
}
