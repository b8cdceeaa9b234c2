/** `createForumTopic` (https://core.telegram.org/method/messages.createForumTopic). */
import { WasmgramError } from '../../../errors.js';
import type { ClientCore } from '../../core.js';
import type { ForumTopic } from '../../types/forum-topic.js';
import type { PeerLike } from '../../types/peer-like.js';
import { sendAsField } from '../messages/send-as.js';
import { randomId } from '../messages/wrap.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { getForumTopicsById } from './get-forum-topics.js';

/** Options of {@link createForumTopic}. */
export interface CreateForumTopicParams {
  /** Fallback icon colour: one of 0x6FB9F0, 0xFFD67E, 0xCB86DB, 0x8EEE98, 0xFF93B2, 0xFB6F5F (default: the server picks). */
  iconColor?: number;
  /** A custom emoji as the icon (Premium). */
  iconEmojiId?: bigint;
  /** Create it as this peer (see `getSendAs`). */
  sendAs?: PeerLike;
}

/**
 * Creates a topic in a forum and returns it; its id is the id of the
 * "topic created" service message, and messages are sent into it with
 * `sendMessage(chat, text, { topic })`.
 *
 * @example
 * ```ts
 * const topic = await client.createForumTopic(forum, 'Release 2.0', { iconColor: 0x6fb9f0 });
 * await client.sendMessage(forum, 'Changelog draft inside', { topic });
 * ```
 * @throws RpcError CHANNEL_FORUM_MISSING, CHAT_ADMIN_REQUIRED (members may not create topics there), TOPIC_TITLE_EMPTY, TITLE_INVALID, COLOR_INVALID
 */
export async function createForumTopic(
  client: ClientCore,
  chat: PeerLike,
  title: string,
  params: CreateForumTopicParams = {},
): Promise<ForumTopic> {
  const peer = await resolvePeer(client, chat);
  const rid = randomId(client);
  const res = await client.invoke({
    _: 'messages.createForumTopic',
    peer,
    title,
    random_id: rid,
    ...(params.iconColor !== undefined && { icon_color: params.iconColor }),
    ...(params.iconEmojiId !== undefined && { icon_emoji_id: params.iconEmojiId }),
    ...(await sendAsField(client, params.sendAs)),
  });
  const updates = res._ === 'updates' || res._ === 'updatesCombined' ? res.updates : [];
  const id = updates.find((u) => u._ === 'updateMessageID' && u.random_id === rid);
  if (id?._ !== 'updateMessageID') throw new WasmgramError('messages.createForumTopic: the answer does not name the new topic');
  const [topic] = await getForumTopicsById(client, peer, [id.id]);
  if (!topic) throw new WasmgramError(`messages.createForumTopic: topic ${id.id} is not there`);
  return topic;
}
