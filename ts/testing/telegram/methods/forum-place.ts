/**
 * Where a new message goes inside a forum (https://core.telegram.org/api/forum#forum-topics):
 * `reply_to` = `inputReplyToMessage` with `top_msg_id` = the topic and
 * `reply_to_msg_id` = the replied message (the topic id itself to just post
 * in the topic); without `top_msg_id` a reply lands in the topic of the
 * replied message. Messages of the General topic (id 1) carry no topic.
 * A closed topic takes messages only from admins (406 TOPIC_CLOSED).
 */
import { RpcError } from '../../../errors.js';
import type { InputReplyTo } from '../../../tl/generated/types.js';
import type { MethodCall } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { ChatRecord } from '../store/chat-store.js';
import { type ForumRecord, forumStore, GENERAL_TOPIC_ID, type TopicRecord } from '../store/forum-store.js';
import type { StoredMessage } from '../store/mailbox.js';
import type { PeerRef } from '../store/peer-ref.js';
import { replyId } from './message-input.js';
import { isAdmin } from './peers.js';

/** The replied message and the topic of a new message. */
export interface ReplyPlace {
  /** Id of the replied message (undefined when only the topic was named). */
  readonly replyToId: number | undefined;
  /** The topic (undefined: General, or not a forum). */
  readonly topicId: number | undefined;
}

/** The topic a stored message belongs to (its own id for a topic's creation message; 1 for General). */
export function topicOfMessage(m: StoredMessage): number {
  if (m.action?._ === 'messageActionTopicCreate') return m.id;
  return m.topicId ?? GENERAL_TOPIC_ID;
}

/** The forum of `chat`, or 400 CHANNEL_FORUM_MISSING when it is not one. */
export function requireForum(call: MethodCall, chat: ChatRecord): ForumRecord {
  if (!chat.forum) throw badRequest('CHANNEL_FORUM_MISSING');
  return forumStore(call.backend).of(chat, call.now);
}

/** Topic `id` of `forum`: 400 TOPIC_ID_INVALID when it never existed, 406 TOPIC_DELETED when it was deleted. */
export function findTopic(forum: ForumRecord, id: number): TopicRecord {
  const t = forum.topics.get(id);
  if (!t) throw badRequest('TOPIC_ID_INVALID');
  if (t.deleted) throw new RpcError(406, 'TOPIC_DELETED');
  return t;
}

/**
 * The place of a message the caller sends to `peer` with `r`; outside
 * forums, the plain reply check (`top_msg_id` names comment threads there,
 * which this emulator does not model, so it is ignored).
 */
export function replyPlace(call: MethodCall, peer: PeerRef, r: InputReplyTo | undefined): ReplyPlace {
  const chat = peer.kind === 'channel' ? call.backend.chats.channel(peer.id) : undefined;
  if (!chat?.forum) return { replyToId: replyId(call, peer, r), topicId: undefined };
  const forum = requireForum(call, chat);
  const top = r?._ === 'inputReplyToMessage' ? r.top_msg_id : undefined;
  let replyToId: number | undefined;
  let topicId = top;
  if (r && !(r._ === 'inputReplyToMessage' && r.reply_to_msg_id === top)) {
    replyToId = replyId(call, peer, r);
    const replied = call.backend.messages.channel(chat.id).get(replyToId!)!;
    topicId ??= topicOfMessage(replied);
  }
  topicId ??= GENERAL_TOPIC_ID;
  const topic = findTopic(forum, topicId);
  if (topic.closed && !isAdmin(chat, call.self().id)) throw new RpcError(406, 'TOPIC_CLOSED');
  if (replyToId === topicId) replyToId = undefined;
  return { replyToId, topicId: topicId === GENERAL_TOPIC_ID ? undefined : topicId };
}
