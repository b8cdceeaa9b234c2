/**
 * `iterComments`: the comments on a channel post, as an async iterator
 * (https://core.telegram.org/api/discussion). They are the post's reply
 * thread in the linked discussion group; `messages.getReplies` with the
 * channel and the post id reads it, paged like the history.
 */
import type { ClientCore } from '../../core.js';
import type { Message } from '../../types/message.js';
import type { PeerLike } from '../../types/peer-like.js';
import { type IterHistoryParams, iterHistory } from './iter-history.js';

/** Options of {@link iterComments}: those of `iterHistory`, except `topic`. */
export type IterCommentsParams = Omit<IterHistoryParams, 'topic'>;

/**
 * Yields the comments on post `postId` of broadcast `channel`, newest first
 * (oldest first with `reverse`); each is a message of the discussion group.
 *
 * @example
 * ```ts
 * for await (const c of client.iterComments('@my_channel', 42, { limit: 50 })) console.log(c.sender?.id, c.text);
 * ```
 * @throws RpcError MSG_ID_INVALID (no such post), CHANNEL_PRIVATE
 */
export function iterComments(
  client: ClientCore,
  channel: PeerLike,
  postId: number,
  params: IterCommentsParams = {},
): AsyncGenerator<Message> {
  // getReplies serves forum topics and comment threads alike: the post id names the thread.
  return iterHistory(client, channel, { ...params, topic: postId });
}
