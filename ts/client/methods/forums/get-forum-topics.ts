/**
 * Listing forum topics: `iterForumTopics`, `getForumTopics`, `getForumTopicsById`
 * (https://core.telegram.org/method/messages.getForumTopics,
 * https://core.telegram.org/method/messages.getForumTopicsByID); pages are
 * chained by the last topic's top message date and id and its topic id
 * (https://core.telegram.org/api/offsets).
 */
import type { messages } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { ForumTopic } from '../../types/forum-topic.js';
import { Message } from '../../types/message.js';
import { PeerIndex } from '../../types/peer-index.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { type TopicLike, topicIdOf } from './topic-reply.js';

/** Options of {@link iterForumTopics}. */
export interface IterForumTopicsParams {
  /** Only topics whose title contains this. */
  query?: string;
  /** Stop after this many topics (default: all). */
  limit?: number;
  /** Topics per request (1..100, default 100). */
  chunkSize?: number;
}

/** The `ForumTopic`s of an answer (deleted ones as undefined), each with its top message. */
export function wrapTopics(client: ClientCore, res: messages.ForumTopics): (ForumTopic | undefined)[] {
  const index = new PeerIndex(res.users, res.chats);
  const tops = new Map<number, Message>();
  for (const m of res.messages) if (m._ !== 'messageEmpty') tops.set(m.id, new Message(client, m, index));
  return res.topics.map((t) => (t._ === 'forumTopic' ? new ForumTopic(t, index, tops.get(t.top_message)) : undefined));
}

/**
 * Yields the topics of a forum: pinned ones first, then by latest activity.
 *
 * @example
 * ```ts
 * for await (const t of client.iterForumTopics(forum)) console.log(t.id, t.title, t.unreadCount, t.closed);
 * const bugs = await client.getForumTopics(forum, { query: 'bug' });
 * ```
 * @throws RpcError CHANNEL_FORUM_MISSING (not a forum), CHANNEL_PRIVATE, PEER_ID_INVALID
 */
export async function* iterForumTopics(client: ClientCore, chat: PeerLike, params: IterForumTopicsParams = {}): AsyncGenerator<ForumTopic> {
  const peer = await resolvePeer(client, chat);
  const chunk = Math.max(1, Math.min(100, params.chunkSize ?? 100));
  let remaining = params.limit ?? Number.POSITIVE_INFINITY;
  let offset = { offset_date: 0, offset_id: 0, offset_topic: 0 };
  const seen = new Set<number>();
  while (remaining > 0) {
    const limit = Math.min(chunk, remaining);
    const res = await client.invoke({
      _: 'messages.getForumTopics',
      peer,
      ...(params.query !== undefined && params.query !== '' && { q: params.query }),
      ...offset,
      limit,
    });
    const page = wrapTopics(client, res).filter((t) => t !== undefined);
    for (const t of page) {
      if (remaining <= 0) return;
      // A topic whose activity moved between pages can come twice: yield it once.
      if (seen.has(t.id)) continue;
      seen.add(t.id);
      remaining--;
      yield t;
    }
    const last = page.at(-1);
    if (!last || page.length < limit || seen.size >= res.count) return;
    offset = { offset_date: last.topMessage?.raw.date ?? 0, offset_id: last.topMessageId, offset_topic: last.id };
  }
}

/**
 * The topics of a forum as an array (see {@link iterForumTopics}).
 *
 * @example
 * ```ts
 * const topics = await client.getForumTopics(forum, { limit: 20 });
 * ```
 */
export async function getForumTopics(client: ClientCore, chat: PeerLike, params: IterForumTopicsParams = {}): Promise<ForumTopic[]> {
  const out: ForumTopic[] = [];
  for await (const t of iterForumTopics(client, chat, params)) out.push(t);
  return out;
}

/**
 * Topics by id, in the order asked; a deleted or unknown topic is `undefined`.
 *
 * @example
 * ```ts
 * const [general, t] = await client.getForumTopicsById(forum, [1, 42]);
 * ```
 * @throws RpcError TOPICS_EMPTY (no ids), CHANNEL_FORUM_MISSING
 */
export async function getForumTopicsById(client: ClientCore, chat: PeerLike, topics: TopicLike[]): Promise<(ForumTopic | undefined)[]> {
  const res = await client.invoke({
    _: 'messages.getForumTopicsByID',
    peer: await resolvePeer(client, chat),
    topics: topics.map(topicIdOf),
  });
  return wrapTopics(client, res);
}
