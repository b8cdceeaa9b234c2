/** `readComments` (https://core.telegram.org/method/messages.readDiscussion, https://core.telegram.org/api/discussion). */
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { getDiscussionMessage } from './get-discussion-message.js';

/**
 * Marks the comments on post `postId` of `channel` read up to `maxId` (an id
 * in the discussion group; default: the latest comment), so the thread's
 * `unreadCount` drops.
 *
 * @example
 * ```ts
 * await client.readComments('@my_channel', 42);
 * console.log((await client.getDiscussionMessage('@my_channel', 42)).unreadCount); // 0
 * ```
 * @throws RpcError MSG_ID_INVALID (a post without comments), CHANNEL_PRIVATE
 */
export async function readComments(client: ClientCore, channel: PeerLike, postId: number, maxId?: number): Promise<void> {
  const thread = await getDiscussionMessage(client, channel, postId);
  const readMax = maxId ?? thread.maxId ?? thread.root.id;
  await client.invoke({ _: 'messages.readDiscussion', peer: thread.root.inputChat, msg_id: thread.root.id, read_max_id: readMax });
}
