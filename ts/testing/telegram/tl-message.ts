/**
 * Stored messages as the TL `message` / `messageService` a given account
 * receives (https://core.telegram.org/constructor/message): `out` is
 * relative to the viewer, ids are those of the copy's box.
 */
import type { Message, MessageFwdHeader, MessageReplies, MessageReplyHeader } from '../../tl/generated/types.js';
import { messageReactions } from './methods/reactions-store.js';
import { isThreadPost, isThreadRoot, liveComments, recentRepliers, type ThreadRecord, threadOf } from './store/discussion-store.js';
import type { StoredMessage } from './store/mailbox.js';
import { tlPeer } from './store/peer-ref.js';

/** The `message` (or `messageService`) object of `m` for account `viewer`. */
export function toTlMessage(m: StoredMessage, viewer: bigint): Message {
  const out = m.box.kind === 'account' ? m.fromId === m.box.id : m.fromId === viewer;
  // A discussion group's automatic forward has no author account, only the channel as `from_id` (sendAs).
  const fromId = m.post
    ? undefined
    : m.sendAs
      ? tlPeer(m.sendAs)
      : m.fromId === undefined
        ? undefined
        : ({ _: 'peerUser', user_id: m.fromId } as const);
  if (m.action) {
    const s: Message.messageService = { _: 'messageService', id: m.id, peer_id: tlPeer(m.peer), date: m.date, action: m.action };
    if (out) s.out = true;
    if (fromId) s.from_id = fromId;
    if (m.post) s.post = true;
    if (m.silent) s.silent = true;
    if (m.topicId !== undefined && m.topicId !== m.id) s.reply_to = replyHeader(m);
    return s;
  }
  const msg: Message.message = { _: 'message', id: m.id, peer_id: tlPeer(m.peer), date: m.date, message: m.text };
  if (out) msg.out = true;
  if (fromId) msg.from_id = fromId;
  if (m.post) msg.post = true;
  if (m.silent) msg.silent = true;
  if (m.pinned) msg.pinned = true;
  if (m.entities && m.entities.length > 0) msg.entities = m.entities;
  const thread = threadOf(m.link);
  if (m.replyToId !== undefined || m.topicId !== undefined) msg.reply_to = replyHeader(m, thread);
  if (thread && (isThreadPost(thread, m) || isThreadRoot(thread, m))) msg.replies = tlReplies(thread, m, viewer);
  if (m.fwd) msg.fwd_from = toFwdHeader(m);
  if (m.editDate !== undefined) msg.edit_date = m.editDate;
  if (m.media) msg.media = m.media.toMessageMedia(viewer);
  if (m.groupedId !== undefined) msg.grouped_id = m.groupedId;
  const reactions = messageReactions(m.link, viewer);
  if (reactions) msg.reactions = reactions;
  if (m.replyMarkup) msg.reply_markup = m.replyMarkup;
  if (m.viaBotId !== undefined) msg.via_bot_id = m.viaBotId;
  if (m.post) {
    // views and forwards share flag bit 10: both or neither.
    msg.views = 1;
    msg.forwards = 0;
  }
  return msg;
}

/**
 * The `messageReplyHeader` of a reply and/or a forum topic message
 * (https://core.telegram.org/api/forum#forum-topics): `forum_topic` set,
 * `reply_to_msg_id` = the replied message or else the topic,
 * `reply_to_top_id` = the topic when a message inside it is replied to.
 */
function replyHeader(m: StoredMessage, thread?: ThreadRecord): MessageReplyHeader {
  const h: MessageReplyHeader.messageReplyHeader = { _: 'messageReplyHeader' };
  if (m.topicId !== undefined) {
    h.forum_topic = true;
    h.reply_to_msg_id = m.replyToId ?? m.topicId;
    if (m.replyToId !== undefined && m.replyToId !== m.topicId) h.reply_to_top_id = m.topicId;
  } else {
    h.reply_to_msg_id = m.replyToId!;
    // A reply to another comment names the thread's root (https://core.telegram.org/api/threads).
    if (thread && m.box.id === thread.groupId && m.replyToId !== thread.rootId) h.reply_to_top_id = thread.rootId;
  }
  return h;
}

/**
 * `messageReplies` of a thread's post (`comments`, the group as `channel_id`)
 * or of its root in the group (https://core.telegram.org/api/discussion).
 */
function tlReplies(t: ThreadRecord, m: StoredMessage, viewer: bigint): MessageReplies {
  const comments = liveComments(t);
  const r: MessageReplies.messageReplies = { _: 'messageReplies', replies: comments.length, replies_pts: t.repliesPts };
  if (isThreadPost(t, m)) {
    r.comments = true;
    r.channel_id = t.groupId;
  }
  const repliers = recentRepliers(t);
  if (repliers.length > 0) r.recent_repliers = repliers.map(tlPeer);
  const last = comments.at(-1);
  if (last) r.max_id = last.id;
  const read = t.readMax.get(viewer);
  if (read !== undefined) r.read_max_id = read;
  return r;
}

/** The `messageFwdHeader` of a forwarded copy. */
export function toFwdHeader(m: StoredMessage): MessageFwdHeader {
  const f = m.fwd!;
  const h: MessageFwdHeader.messageFwdHeader = { _: 'messageFwdHeader', from_id: tlPeer(f.from), date: f.date };
  if (f.channelPost !== undefined) h.channel_post = f.channelPost;
  if (f.savedFrom) {
    h.saved_from_peer = tlPeer(f.savedFrom.peer);
    h.saved_from_msg_id = f.savedFrom.msgId;
  }
  return h;
}
