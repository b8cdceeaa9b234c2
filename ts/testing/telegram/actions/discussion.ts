/**
 * Comments on channel posts (https://core.telegram.org/api/discussion): a
 * post of a broadcast channel with a linked discussion group is copied into
 * the group as an automatic forward (`fwd_from` naming the post with
 * `saved_from_peer` / `saved_from_msg_id`, `from_id` the channel), the root of
 * the post's comment thread; a group message replying inside the thread is a
 * comment, counted in the post's `replies`; an edit of the post reaches
 * the root. Each new comment reaches the
 * channel's readers as an `updateEditChannelMessage` of the post carrying the
 * new `replies` (the way Telegram refreshes interaction counters of a post).
 */
import type { TelegramBackend } from '../backend.js';
import { addComment, isThreadPost, openThread, recentRepliers, type ThreadRecord, threadOf } from '../store/discussion-store.js';
import type { StoredMessage } from '../store/mailbox.js';
import type { PeerRef } from '../store/peer-ref.js';
import { announceChannelMessage } from './channel-announce.js';
import { announceChannelEdit } from './deliver.js';

/**
 * Stores the automatic forward of `post` in the channel's discussion group
 * and opens its thread; undefined when the channel has none. Announced
 * separately (`announceThread`), after the post itself.
 */
export function startThread(b: TelegramBackend, post: StoredMessage): ThreadRecord | undefined {
  if (post.box.kind !== 'channel') return undefined;
  const channel = b.chats.channel(post.box.id);
  if (channel?.kind !== 'broadcast' || channel.linkedChatId === undefined) return undefined;
  const group = b.chats.channel(channel.linkedChatId);
  if (!group) return undefined;
  const channelRef: PeerRef = { kind: 'channel', id: channel.id };
  const groupBox = b.messages.channel(group.id);
  const root = groupBox.add(
    {
      peer: { kind: 'channel', id: group.id },
      fromId: undefined,
      sendAs: channelRef,
      date: post.date,
      text: post.text,
      entities: post.entities,
      replyToId: undefined,
      fwd: { from: channelRef, date: post.date, channelPost: post.id, savedFrom: { peer: channelRef, msgId: post.id } },
      action: undefined,
      media: post.media,
      groupedId: post.groupedId,
      editDate: undefined,
      pinned: false,
      silent: post.silent,
      noWebpage: post.noWebpage,
      post: false,
    },
    { copies: [] },
  );
  return openThread(post, root, groupBox, b.updates.channelLog(group.id).pts);
}

/** Pushes a new thread's root to every member of the group. */
export function announceThread(b: TelegramBackend, t: ThreadRecord): void {
  const root = t.groupBox.get(t.rootId)!;
  announceChannelMessage(b, root, { actor: undefined, refs: [root.peer, { kind: 'channel', id: t.channelId }] });
  t.repliesPts = b.updates.channelLog(t.groupId).pts;
}

/** When `m` (a new supergroup message) replies inside a comment thread, records it there and returns the thread. */
export function joinThread(b: TelegramBackend, m: StoredMessage): ThreadRecord | undefined {
  if (m.box.kind !== 'channel' || m.replyToId === undefined || m.action) return undefined;
  const replied = b.messages.channel(m.box.id).get(m.replyToId);
  const t = replied && threadOf(replied.link);
  if (!t || t.groupId !== m.box.id) return undefined;
  addComment(t, m);
  return t;
}

/** After a comment was announced in the group: the post's new `replies` to every reader of the channel. */
export function announceReplies(b: TelegramBackend, t: ThreadRecord): void {
  t.repliesPts = b.updates.channelLog(t.groupId).pts;
  const channel = b.chats.channel(t.channelId);
  const post = b.messages.channel(t.channelId).get(t.postId);
  if (!channel || !post) return;
  announceChannelEdit(b, channel, post, [post.peer, { kind: 'channel', id: t.groupId }, ...recentRepliers(t)]);
}

/** After an edit of a post: the same text on its root in the group (Telegram keeps the two in step), announced to the group's members. */
export function mirrorPostEdit(b: TelegramBackend, post: StoredMessage): void {
  const t = threadOf(post.link);
  if (!t || !isThreadPost(t, post)) return;
  const root = t.groupBox.get(t.rootId);
  const group = b.chats.channel(t.groupId);
  if (!root || !group) return;
  root.text = post.text;
  root.entities = post.entities;
  root.editDate = post.editDate;
  announceChannelEdit(b, group, root, [root.peer, { kind: 'channel', id: t.channelId }]);
}
