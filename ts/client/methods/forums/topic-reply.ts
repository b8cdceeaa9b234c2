/**
 * The `reply_to` of a message sent into a forum topic
 * (https://core.telegram.org/api/forum#forum-topics): `inputReplyToMessage`
 * with `top_msg_id` = the topic and `reply_to_msg_id` = the replied message,
 * or the topic itself when nothing is replied to. The General topic (id 1)
 * needs no `reply_to` at all.
 */
import type { InputReplyTo } from '../../../tl/generated/types.js';
import { GENERAL_TOPIC_ID } from '../../types/forum-topic.js';

/** A topic by id, or anything with an `id` (a `ForumTopic`). */
export type TopicLike = number | { readonly id: number };

/** The id of a `TopicLike`. */
export function topicIdOf(topic: TopicLike): number {
  return typeof topic === 'number' ? topic : topic.id;
}

/**
 * The `reply_to` field (spread into a send request) for a reply and/or a topic.
 *
 * @example
 * ```ts
 * replyToField(undefined, 42); // { reply_to: { _: 'inputReplyToMessage', reply_to_msg_id: 42, top_msg_id: 42 } }
 * replyToField(50, 42);        // reply to message 50 inside topic 42
 * replyToField(7);             // a plain reply
 * ```
 */
export function replyToField(replyTo: number | undefined, topic: TopicLike | undefined): { reply_to?: InputReplyTo } {
  const top = topic === undefined ? undefined : topicIdOf(topic);
  if (top === undefined || top === GENERAL_TOPIC_ID) {
    return replyTo === undefined ? {} : { reply_to: { _: 'inputReplyToMessage', reply_to_msg_id: replyTo } };
  }
  return { reply_to: { _: 'inputReplyToMessage', reply_to_msg_id: replyTo ?? top, top_msg_id: top } };
}
