/** `iterInviteLinkMembers` / `iterJoinRequests` (https://core.telegram.org/method/messages.getChatInviteImporters). */
import type { InputUser, messages } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { usersById } from '../../types/chat-member.js';
import { type InviteLink, InviteLinkMember } from '../../types/invite-link.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';

/** Options of {@link iterInviteLinkMembers}. */
export interface IterInviteLinkMembersParams {
  /** Only those who came through this link (default: every link of the chat). */
  link?: string | InviteLink;
  /** Pending join requests instead of people who joined. */
  requested?: boolean;
  /** Names to look for. */
  query?: string;
  /** Stop after this many. */
  limit?: number;
}

/**
 * Iterates over the people who joined a chat through its invite links (or
 * one link), newest first — or, with `requested`, over pending join requests.
 *
 * @example
 * ```ts
 * for await (const m of client.iterInviteLinkMembers(group, { link })) console.log(m.userId, m.date);
 * for await (const r of client.iterInviteLinkMembers(group, { requested: true })) await client.approveJoinRequest(group, r.userId);
 * ```
 * @throws RpcError CHAT_ADMIN_REQUIRED, INVITE_HASH_INVALID
 */
export async function* iterInviteLinkMembers(
  client: ClientCore,
  chat: PeerLike,
  params: IterInviteLinkMembersParams = {},
): AsyncGenerator<InviteLinkMember, void, undefined> {
  const peer = await resolvePeer(client, chat);
  const limit = params.limit ?? Number.POSITIVE_INFINITY;
  const link = params.link === undefined ? undefined : typeof params.link === 'string' ? params.link : params.link.link;
  let offsetDate = 0;
  let offsetUser: InputUser = { _: 'inputUserEmpty' };
  let got = 0;
  while (got < limit) {
    const want = Math.min(100, limit - got);
    const r: messages.ChatInviteImporters = await client.invoke({
      _: 'messages.getChatInviteImporters',
      peer,
      offset_date: offsetDate,
      offset_user: offsetUser,
      limit: want,
      ...(params.requested && { requested: true }),
      ...(link !== undefined && { link }),
      ...(params.query !== undefined && { q: params.query }),
    });
    const users = usersById(r.users);
    for (const imp of r.importers) {
      got++;
      const user = users.get(imp.user_id);
      yield new InviteLinkMember(imp, user);
      offsetDate = imp.date;
      offsetUser = { _: 'inputUser', user_id: imp.user_id, access_hash: user?.raw.access_hash ?? 0n };
      if (got >= limit) return;
    }
    if (r.importers.length < want) return;
  }
}

/**
 * Iterates over pending join requests (same as `iterInviteLinkMembers` with `requested: true`).
 *
 * @example
 * ```ts
 * for await (const r of client.iterJoinRequests(group)) console.log(r.user?.displayName, r.about);
 * ```
 */
export function iterJoinRequests(
  client: ClientCore,
  chat: PeerLike,
  params: Omit<IterInviteLinkMembersParams, 'requested'> = {},
): AsyncGenerator<InviteLinkMember, void, undefined> {
  return iterInviteLinkMembers(client, chat, { ...params, requested: true });
}
