/**
 * Changing a topic: `editForumTopic`, `closeForumTopic`, `reopenForumTopic`,
 * `setGeneralTopicHidden` (https://core.telegram.org/method/messages.editForumTopic).
 * Each change posts a "topic edited" service message inside the topic.
 */
import { ArgumentError } from '../../../errors.js';
import type { messages } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { GENERAL_TOPIC_ID } from '../../types/forum-topic.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { type TopicLike, topicIdOf } from './topic-reply.js';

/** What {@link editForumTopic} changes (at least one). */
export interface EditForumTopicParams {
  title?: string;
  /** A custom emoji as the icon; `0n` removes it (not for General). */
  iconEmojiId?: bigint;
}

type EditFields = Omit<messages.editForumTopic, '_' | 'peer' | 'topic_id'>;

async function edit(client: ClientCore, chat: PeerLike, topic: TopicLike, fields: EditFields): Promise<void> {
  await client.invoke({ _: 'messages.editForumTopic', peer: await resolvePeer(client, chat), topic_id: topicIdOf(topic), ...fields });
}

/**
 * Renames a topic or changes its icon (admins with `manage_topics`, or the topic's creator).
 *
 * @example
 * ```ts
 * await client.editForumTopic(forum, topic, { title: 'Release 2.0 (shipped)' });
 * ```
 * @throws ArgumentError with nothing to change; RpcError TOPIC_NOT_MODIFIED, TOPIC_ID_INVALID, CHAT_ADMIN_REQUIRED, GENERAL_MODIFY_ICON_FORBIDDEN
 */
export function editForumTopic(client: ClientCore, chat: PeerLike, topic: TopicLike, params: EditForumTopicParams): Promise<void> {
  if (params.title === undefined && params.iconEmojiId === undefined) throw new ArgumentError('editForumTopic: nothing to change');
  return edit(client, chat, topic, {
    ...(params.title !== undefined && { title: params.title }),
    ...(params.iconEmojiId !== undefined && { icon_emoji_id: params.iconEmojiId }),
  });
}

/**
 * Closes a topic: only admins can write in it until it is reopened.
 *
 * @example
 * ```ts
 * await client.closeForumTopic(forum, topic);
 * ```
 * @throws RpcError TOPIC_NOT_MODIFIED (already closed), TOPIC_ID_INVALID, CHAT_ADMIN_REQUIRED
 */
export function closeForumTopic(client: ClientCore, chat: PeerLike, topic: TopicLike): Promise<void> {
  return edit(client, chat, topic, { closed: true });
}

/**
 * Reopens a closed topic.
 *
 * @example
 * ```ts
 * await client.reopenForumTopic(forum, topic);
 * ```
 * @throws RpcError TOPIC_NOT_MODIFIED (not closed), TOPIC_ID_INVALID, CHAT_ADMIN_REQUIRED
 */
export function reopenForumTopic(client: ClientCore, chat: PeerLike, topic: TopicLike): Promise<void> {
  return edit(client, chat, topic, { closed: false });
}

/**
 * Hides (or shows) the General topic in the topic list; hiding also closes it, showing it opens it again.
 *
 * @example
 * ```ts
 * await client.setGeneralTopicHidden(forum, true);
 * ```
 * @throws RpcError TOPIC_NOT_MODIFIED, CHAT_ADMIN_REQUIRED
 */
export function setGeneralTopicHidden(client: ClientCore, chat: PeerLike, hidden: boolean): Promise<void> {
  return edit(client, chat, GENERAL_TOPIC_ID, { hidden });
}
