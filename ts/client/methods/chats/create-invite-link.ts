/** `createInviteLink` / `exportInviteLink` (https://core.telegram.org/method/messages.exportChatInvite). */
import type { ClientCore } from '../../core.js';
import { InviteLink } from '../../types/invite-link.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';

/** Options of {@link createInviteLink} (and {@link editInviteLink}). */
export interface InviteLinkParams {
  /** When the link stops working (a `Date` or Unix seconds; 0 = never). */
  expireDate?: Date | number;
  /** How many people may join through it (0 = no limit; not with `requestNeeded`). */
  usageLimit?: number;
  /** Joining needs an admin's approval (join requests). */
  requestNeeded?: boolean;
  /** A name for the link, shown to admins. */
  title?: string;
}

/** Unix seconds of a `Date` or a number. */
export function unixTime(d: Date | number): number {
  return d instanceof Date ? Math.floor(d.getTime() / 1000) : d;
}

/**
 * Creates an additional invite link to a group or channel.
 *
 * @example
 * ```ts
 * const link = await client.createInviteLink(group, { usageLimit: 10, expireDate: new Date(Date.now() + 86_400_000), title: 'friends' });
 * console.log(link.link); // https://t.me/+...
 * const gated = await client.createInviteLink(group, { requestNeeded: true }); // joiners wait for approval
 * ```
 * @throws RpcError CHAT_ADMIN_REQUIRED (needs invite_users), EXPIRE_DATE_INVALID, USAGE_LIMIT_INVALID
 */
export async function createInviteLink(client: ClientCore, chat: PeerLike, params: InviteLinkParams = {}): Promise<InviteLink> {
  const peer = await resolvePeer(client, chat);
  const r = await client.invoke({
    _: 'messages.exportChatInvite',
    peer,
    ...(params.expireDate !== undefined && { expire_date: unixTime(params.expireDate) }),
    ...(params.usageLimit !== undefined && { usage_limit: params.usageLimit }),
    ...(params.requestNeeded && { request_needed: true }),
    ...(params.title !== undefined && { title: params.title }),
  });
  return new InviteLink(r);
}

/**
 * Makes a new primary (permanent) invite link for the chat; the previous
 * primary link you made stops working.
 *
 * @example
 * ```ts
 * const primary = await client.exportInviteLink(group);
 * ```
 * @throws RpcError CHAT_ADMIN_REQUIRED
 */
export async function exportInviteLink(client: ClientCore, chat: PeerLike): Promise<InviteLink> {
  const peer = await resolvePeer(client, chat);
  return new InviteLink(await client.invoke({ _: 'messages.exportChatInvite', peer, legacy_revoke_permanent: true }));
}
