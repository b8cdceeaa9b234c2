/**
 * `getDiscussionMessage` (https://core.telegram.org/method/messages.getDiscussionMessage):
 * a channel post's comment thread — its copy in the linked discussion group
 * (the thread's root) and the thread's read state
 * (https://core.telegram.org/api/discussion).
 */
import { WasmgramError } from '../../../errors.js';
import type { ClientCore } from '../../core.js';
import { Message } from '../../types/message.js';
import { PeerIndex } from '../../types/peer-index.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';

/** A post's comment thread as `getDiscussionMessage` returns it. */
export interface DiscussionMessage {
  /** The post's copy in the discussion group: comments reply to it (`root.chatId` is the group). */
  readonly root: Message;
  /** Id (in the group) of the latest comment, if any. */
  readonly maxId: number | undefined;
  /** The account's read marker in the thread, if it read any comment. */
  readonly readMaxId: number | undefined;
  /** Comments of others after the marker. */
  readonly unreadCount: number;
}

/**
 * The comment thread of post `postId` in broadcast `channel` (or of a
 * message in a discussion group: the thread it belongs to).
 *
 * @example
 * ```ts
 * const thread = await client.getDiscussionMessage('@my_channel', 42);
 * console.log(thread.root.chatId, thread.unreadCount);
 * ```
 * @throws RpcError MSG_ID_INVALID (no such post, or a post without comments), CHANNEL_PRIVATE
 */
export async function getDiscussionMessage(client: ClientCore, channel: PeerLike, postId: number): Promise<DiscussionMessage> {
  const peer = await resolvePeer(client, channel);
  const res = await client.invoke({ _: 'messages.getDiscussionMessage', peer, msg_id: postId });
  const index = new PeerIndex(res.users, res.chats);
  // Albums have one root per item; the thread hangs off the first.
  const raw = res.messages.find((m) => m._ !== 'messageEmpty');
  if (!raw) throw new WasmgramError('messages.getDiscussionMessage: the answer does not contain the thread root');
  return {
    root: new Message(client, raw, index),
    maxId: res.max_id,
    readMaxId: res.read_inbox_max_id,
    unreadCount: res.unread_count,
  };
}
