/** `readForumTopic` (https://core.telegram.org/method/messages.readDiscussion). */
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { getForumTopicsById } from './get-forum-topics.js';
import { type TopicLike, topicIdOf } from './topic-reply.js';

/**
 * Marks a topic read up to `maxId` (default: its latest message, looked up
 * first), so its `unreadCount` drops; other topics keep theirs.
 *
 * @example
 * ```ts
 * await client.readForumTopic(forum, topic);
 * const [t] = await client.getForumTopicsById(forum, [topic]);
 * console.log(t?.unreadCount); // 0
 * ```
 * @throws RpcError TOPIC_ID_INVALID, TOPIC_DELETED, MSG_ID_INVALID (not a forum)
 */
export async function readForumTopic(client: ClientCore, chat: PeerLike, topic: TopicLike, maxId?: number): Promise<void> {
  const peer = await resolvePeer(client, chat);
  const id = topicIdOf(topic);
  // A ForumTopic's topMessageId may be stale: ask for the current one.
  const readMax = maxId ?? (await getForumTopicsById(client, peer, [id]))[0]?.topMessageId ?? id;
  await client.invoke({ _: 'messages.readDiscussion', peer, msg_id: id, read_max_id: readMax });
}
