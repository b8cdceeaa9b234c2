/** `pinForumTopic` / `unpinForumTopic` (https://core.telegram.org/method/messages.updatePinnedForumTopic). */
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { type TopicLike, topicIdOf } from './topic-reply.js';

/**
 * Pins a topic to the top of the forum's topic list (admins with `manage_topics`).
 *
 * @example
 * ```ts
 * await client.pinForumTopic(forum, topic);
 * const [first] = await client.getForumTopics(forum, { limit: 1 }); // pinned topics come first
 * ```
 * @throws RpcError PINNED_TOO_MUCH, TOPIC_ID_INVALID, CHAT_ADMIN_REQUIRED
 */
export async function pinForumTopic(client: ClientCore, chat: PeerLike, topic: TopicLike): Promise<void> {
  await client.invoke({
    _: 'messages.updatePinnedForumTopic',
    peer: await resolvePeer(client, chat),
    topic_id: topicIdOf(topic),
    pinned: true,
  });
}

/**
 * Unpins a topic.
 *
 * @example
 * ```ts
 * await client.unpinForumTopic(forum, topic);
 * ```
 * @throws RpcError TOPIC_ID_INVALID, CHAT_ADMIN_REQUIRED
 */
export async function unpinForumTopic(client: ClientCore, chat: PeerLike, topic: TopicLike): Promise<void> {
  await client.invoke({
    _: 'messages.updatePinnedForumTopic',
    peer: await resolvePeer(client, chat),
    topic_id: topicIdOf(topic),
    pinned: false,
  });
}
