/** `setDefaultPermissions` (https://core.telegram.org/method/messages.editChatDefaultBannedRights). */
import type { ChatBannedRights } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { type BannedRight, type BannedRightsInit, bannedRights } from '../../types/admin-rights.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';

/**
 * Sets what ordinary members of a group may NOT do (admins are not
 * affected): e.g. `['send_media']` for a text-only group, `[]` to allow
 * everything again. Members who then send what is forbidden get
 * `CHAT_WRITE_FORBIDDEN`.
 *
 * @example
 * ```ts
 * await client.setDefaultPermissions(group, { send_messages: true }); // announcements only
 * await client.setDefaultPermissions(group, []); // everyone may talk again
 * ```
 * @throws RpcError CHAT_ADMIN_REQUIRED (needs ban_users), CHAT_NOT_MODIFIED
 */
export async function setDefaultPermissions(
  client: ClientCore,
  chat: PeerLike,
  forbidden: BannedRightsInit | readonly BannedRight[] | ChatBannedRights,
): Promise<void> {
  const peer = await resolvePeer(client, chat);
  const rights = '_' in forbidden ? { ...forbidden, until_date: 0 } : bannedRights(forbidden);
  await client.invoke({ _: 'messages.editChatDefaultBannedRights', peer, banned_rights: rights });
}
