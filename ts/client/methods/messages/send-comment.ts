/**
 * `sendComment`: comments on a channel post
 * (https://core.telegram.org/api/discussion): a message in the linked
 * discussion group replying to the post's copy there (the thread's root),
 * found with `messages.getDiscussionMessage`.
 */
import type { ClientCore } from '../../core.js';
import type { Message } from '../../types/message.js';
import type { PeerLike } from '../../types/peer-like.js';
import { getDiscussionMessage } from './get-discussion-message.js';
import { type SendMessageParams, sendMessage } from './send-message.js';

/** Options of {@link sendComment}: those of `sendMessage`; `replyTo` answers another comment (its id in the group). */
export type SendCommentParams = Omit<SendMessageParams, 'topic'>;

/**
 * Comments `text` on post `postId` of broadcast `channel` and returns the
 * comment (a message of the discussion group).
 *
 * @example
 * ```ts
 * const c = await client.sendComment('@my_channel', 42, 'Nice post!');
 * await client.sendComment('@my_channel', 42, 'I agree', { replyTo: c.id }); // answer a comment
 * ```
 * @throws RpcError MSG_ID_INVALID (a post without comments), CHANNEL_PRIVATE / CHAT_WRITE_FORBIDDEN (the group refuses you), USER_BANNED_IN_CHANNEL
 */
export async function sendComment(
  client: ClientCore,
  channel: PeerLike,
  postId: number,
  text: string,
  params: SendCommentParams = {},
): Promise<Message> {
  const { root } = await getDiscussionMessage(client, channel, postId);
  return sendMessage(client, root.inputChat, text, { ...params, replyTo: params.replyTo ?? root.id });
}
