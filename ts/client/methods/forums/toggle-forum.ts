/** `toggleForum` (https://core.telegram.org/method/channels.toggleForum). */
import { ArgumentError } from '../../../errors.js';
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolveChatTarget } from '../chats/chat-target.js';

/**
 * Turns forum topics on (or off) in a supergroup you administer
 * (https://core.telegram.org/api/forum). Turning them on creates the General topic (id 1).
 *
 * @example
 * ```ts
 * const group = await client.createChannel('Support', { supergroup: true });
 * await client.toggleForum(group);          // on
 * await client.toggleForum(group, false);   // off again (topics are kept)
 * ```
 * @throws ArgumentError for a basic group or user; RpcError CHAT_ADMIN_REQUIRED, CHAT_NOT_MODIFIED, CHANNEL_INVALID (a broadcast channel)
 */
export async function toggleForum(client: ClientCore, chat: PeerLike, enabled = true): Promise<void> {
  const t = await resolveChatTarget(client, chat, 'toggleForum');
  if (t.kind !== 'channel') throw new ArgumentError('toggleForum: only supergroups can be forums');
  await client.invoke({ _: 'channels.toggleForum', channel: t.channel, enabled, tabs: false });
}
