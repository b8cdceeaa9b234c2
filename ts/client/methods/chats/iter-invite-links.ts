/** `iterInviteLinks` (https://core.telegram.org/method/messages.getExportedChatInvites). */
import type { ClientCore } from '../../core.js';
import { usersById } from '../../types/chat-member.js';
import { InviteLink } from '../../types/invite-link.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer, resolveUser } from '../peers/resolve-peer.js';

/** Options of {@link iterInviteLinks}. */
export interface IterInviteLinksParams {
  /** Whose links (default: yours; others' need the add_admins right). */
  admin?: PeerLike;
  /** List revoked links instead of working ones. */
  revoked?: boolean;
  /** Stop after this many. */
  limit?: number;
  /** Links asked per request (default 100). */
  chunkSize?: number;
}

/**
 * Iterates over the invite links of a chat made by one admin, newest first.
 *
 * @example
 * ```ts
 * for await (const link of client.iterInviteLinks(group)) console.log(link.link, link.usage, link.usageLimit);
 * ```
 * @throws RpcError CHAT_ADMIN_REQUIRED
 */
export async function* iterInviteLinks(
  client: ClientCore,
  chat: PeerLike,
  params: IterInviteLinksParams = {},
): AsyncGenerator<InviteLink, void, undefined> {
  const peer = await resolvePeer(client, chat);
  const admin_id = await resolveUser(client, params.admin ?? 'me');
  const limit = params.limit ?? Number.POSITIVE_INFINITY;
  const chunk = Math.min(Math.max(1, params.chunkSize ?? 100), 100);
  let offset: { date: number; link: string } | undefined;
  let got = 0;
  while (got < limit) {
    const want = Math.min(chunk, limit - got);
    const r = await client.invoke({
      _: 'messages.getExportedChatInvites',
      peer,
      admin_id,
      limit: want,
      ...(params.revoked && { revoked: true }),
      ...(offset && { offset_date: offset.date, offset_link: offset.link }),
    });
    const users = usersById(r.users);
    for (const inv of r.invites) {
      if (inv._ !== 'chatInviteExported') continue;
      got++;
      yield new InviteLink(inv, users.get(inv.admin_id));
      offset = { date: inv.date, link: inv.link };
      if (got >= limit) return;
    }
    if (r.invites.length < want) return;
  }
}
