/**
 * Comments on channel posts (https://core.telegram.org/api/discussion) for
 * scripted accounts: find the post's thread in the discussion group with
 * `messages.getDiscussionMessage`, then reply to its root there — what a
 * person does when pressing "Leave a comment". A bot or userbot that handles
 * comments is then tested offline.
 */
import { ArgumentError } from '../../errors.js';
import type { AnyRequest, InputPeer, ResultOf } from '../../tl/generated/types.js';
import type { StoredMessage } from '../telegram/store/mailbox.js';
import type { PeerRef } from '../telegram/store/peer-ref.js';

/** What a comment needs of a scripted account. */
export interface CommentActor {
  invoke<R extends AnyRequest>(request: R): Promise<ResultOf<R>>;
  inputPeer(t: PeerRef): InputPeer;
  sendMessage(to: PeerRef, text: string, options: { replyTo?: number }): Promise<StoredMessage>;
}

/** The discussion group and the root (the post's copy there) of `postId`'s comment thread. */
export async function discussionRoot(actor: CommentActor, channel: PeerRef, postId: number): Promise<{ group: PeerRef; rootId: number }> {
  const d = await actor.invoke({ _: 'messages.getDiscussionMessage', peer: actor.inputPeer(channel), msg_id: postId });
  const root = d.messages[0];
  if (root?._ !== 'message' || root.peer_id._ !== 'peerChannel') throw new ArgumentError(`post ${postId} has no discussion root`);
  return { group: { kind: 'channel', id: root.peer_id.channel_id }, rootId: root.id };
}

/**
 * Comments `text` on post `postId` of `channel` (or, with `replyTo`, answers
 * another comment of that thread, by its id in the group); resolves with this
 * account's copy in the group. Rejects with Telegram's error
 * (MSG_ID_INVALID for a post without comments, CHAT_WRITE_FORBIDDEN, ...).
 */
export async function comment(
  actor: CommentActor,
  channel: PeerRef,
  postId: number,
  text: string,
  options: { replyTo?: number } = {},
): Promise<StoredMessage> {
  const { group, rootId } = await discussionRoot(actor, channel, postId);
  return actor.sendMessage(group, text, { replyTo: options.replyTo ?? rootId });
}
