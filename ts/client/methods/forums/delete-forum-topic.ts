/** `deleteForumTopic` (https://core.telegram.org/method/messages.deleteTopicHistory). */
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { type TopicLike, topicIdOf } from './topic-reply.js';

/** Most rounds of `deleteTopicHistory` one call makes (the server deletes in batches and says where it stopped). */
const MAX_ROUNDS = 1000;

/**
 * Deletes a topic with every message in it (admins with `delete_messages`,
 * or the topic's creator). General cannot be deleted.
 *
 * @example
 * ```ts
 * await client.deleteForumTopic(forum, topic);
 * ```
 * @throws RpcError TOPIC_ID_INVALID, CHAT_ADMIN_REQUIRED
 */
export async function deleteForumTopic(client: ClientCore, chat: PeerLike, topic: TopicLike): Promise<void> {
  const peer = await resolvePeer(client, chat);
  // affectedHistory.offset > 0 means "call again" (https://core.telegram.org/constructor/messages.affectedHistory).
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const r = await client.invoke({ _: 'messages.deleteTopicHistory', peer, top_msg_id: topicIdOf(topic) });
    if (r.offset <= 0) return;
  }
}
