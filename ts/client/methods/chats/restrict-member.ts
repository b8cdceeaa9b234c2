/** `restrictMember` (https://core.telegram.org/method/channels.editBanned). */
import { WasmgramError } from '../../../errors.js';
import type { ChatBannedRights } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { type BannedRight, type BannedRightsInit, bannedRights } from '../../types/admin-rights.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolveUser } from '../peers/resolve-peer.js';
import { resolveChatTarget, userAsPeer } from './chat-target.js';

/**
 * Takes rights from a supergroup member (they stay in the chat): pass what
 * they may NOT do, as names, a plain object or a built `chatBannedRights`;
 * `untilDate` ends it by itself (omitted or 0: forever). A restricted
 * member who sends anyway gets `USER_BANNED_IN_CHANNEL`.
 *
 * @example
 * ```ts
 * await client.restrictMember(group, '@noisy', ['send_messages'], new Date(Date.now() + 600_000)); // muted for 10 min
 * await client.restrictMember(group, '@bob', { send_media: true, send_stickers: true });
 * ```
 * @throws RpcError CHAT_ADMIN_REQUIRED, USER_ADMIN_INVALID, USER_NOT_PARTICIPANT; WasmgramError for basic groups (they have no per-member rights)
 */
export async function restrictMember(
  client: ClientCore,
  chat: PeerLike,
  user: PeerLike,
  rights: BannedRightsInit | readonly BannedRight[] | ChatBannedRights,
  untilDate: Date | number = 0,
): Promise<void> {
  const target = await resolveChatTarget(client, chat, 'restrictMember');
  if (target.kind === 'group')
    throw new WasmgramError('restrictMember: basic groups have no per-member rights (use setDefaultPermissions)');
  const u = await resolveUser(client, user);
  const built =
    '_' in rights
      ? { ...rights, until_date: bannedRights([], untilDate || rights.until_date).until_date }
      : bannedRights(rights, untilDate);
  await client.invoke({ _: 'channels.editBanned', channel: target.channel, participant: userAsPeer(u), banned_rights: built });
}
