/** `setChatTitle` (https://core.telegram.org/method/messages.editChatTitle, channels.editTitle). */
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolveChatTarget } from './chat-target.js';

/**
 * Renames a group or channel (members see a "changed the title" service message).
 *
 * @example
 * ```ts
 * await client.setChatTitle(group, 'Weekend plans (confirmed)');
 * ```
 * @throws RpcError CHAT_ADMIN_REQUIRED (needs change_info), CHAT_NOT_MODIFIED, CHAT_TITLE_EMPTY
 */
export async function setChatTitle(client: ClientCore, chat: PeerLike, title: string): Promise<void> {
  const t = await resolveChatTarget(client, chat, 'setChatTitle');
  if (t.kind === 'group') await client.invoke({ _: 'messages.editChatTitle', chat_id: t.chatId, title });
  else await client.invoke({ _: 'channels.editTitle', channel: t.channel, title });
}
