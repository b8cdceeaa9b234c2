/**
 * Comment threads of channel posts (https://core.telegram.org/api/discussion):
 * `messages.getDiscussionMessage` (the post's copy in the discussion group,
 * the thread's root) and `commentThread`, which `messages.getReplies` and
 * `messages.readDiscussion` (forum-read.ts) use to read the thread of a post
 * (peer = the channel, msg_id = the post) or of a root (peer = the group,
 * msg_id = the root or one of its comments), and `checkWritableOrComment`
 * (readers of the channel comment without joining the group).
 */
import { RpcError } from '../../../errors.js';
import type { InputReplyTo, messages, Update } from '../../../tl/generated/types.js';
import { container, push } from '../actions/deliver.js';
import { messageRefs } from '../actions/post.js';
import { caller, type MethodCall, type MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import { liveComments, type ThreadRecord, threadOf } from '../store/discussion-store.js';
import type { PeerRef } from '../store/peer-ref.js';
import { checkReadable, checkWritable, resolvePeer } from './peers.js';

/**
 * The comment thread `msgId` names in `peer` (a post of a broadcast channel,
 * or a root or comment in its discussion group); undefined when the message
 * exists but has no comment thread, 400 MSG_ID_INVALID when it does not exist.
 */
export function commentThread(call: MethodCall, peer: PeerRef, msgId: number): ThreadRecord | undefined {
  if (peer.kind !== 'channel') return undefined;
  const m = call.backend.messages.channel(peer.id).get(msgId);
  if (!m) throw badRequest('MSG_ID_INVALID');
  return threadOf(m.link);
}

/** The read state of `t` for `viewer`: its marker and the comments of others after it. */
export function threadReadState(t: ThreadRecord, viewer: bigint): { readMax: number; unread: number } {
  const readMax = t.readMax.get(viewer) ?? 0;
  const unread = liveComments(t).filter((m) => m.id > readMax && m.fromId !== viewer).length;
  return { readMax, unread };
}

/**
 * `checkWritable`, except that a reader of a channel (a member, or anyone
 * for a public one) may comment in its discussion group without joining it:
 * a reply inside a post's thread (https://core.telegram.org/api/discussion;
 * Telegram's `join_to_send` is off for discussion groups by default). Bans
 * and the group's default rights still apply.
 */
export function checkWritableOrComment(call: MethodCall, peer: PeerRef, replyTo: InputReplyTo | undefined): void {
  const b = call.backend;
  const me = call.self().id;
  const group = peer.kind === 'channel' ? b.chats.channel(peer.id) : undefined;
  const channel = group?.linkedChatId === undefined ? undefined : b.chats.channel(group.linkedChatId);
  const replied = replyTo?._ === 'inputReplyToMessage' ? b.messages.channel(peer.id).get(replyTo.reply_to_msg_id) : undefined;
  const t = replied && threadOf(replied.link);
  const comment =
    group?.kind === 'supergroup' &&
    !group.members.has(me) &&
    channel?.kind === 'broadcast' &&
    (channel.members.has(me) || channel.username !== undefined) &&
    t?.groupId === group.id;
  if (!comment) return checkWritable(call, peer);
  if (group.banned?.has(me)) throw badRequest('USER_BANNED_IN_CHANNEL');
  if (group.defaultBannedRights?.send_messages) throw new RpcError(403, 'CHAT_WRITE_FORBIDDEN');
}

/**
 * Moves the caller's marker in comment thread `t` forward and tells the
 * caller's other sessions (`updateReadChannelDiscussionInbox`, naming the post).
 */
export function readCommentThread(call: MethodCall, t: ThreadRecord, readMaxId: number): void {
  const me = call.self().id;
  const before = t.readMax.get(me) ?? 0;
  const readMax = Math.min(Math.max(before, readMaxId), liveComments(t).at(-1)?.id ?? t.rootId);
  if (readMax <= before) return;
  t.readMax.set(me, readMax);
  const u: Update = {
    _: 'updateReadChannelDiscussionInbox',
    channel_id: t.groupId,
    top_msg_id: t.rootId,
    read_max_id: readMax,
    broadcast_id: t.channelId,
    broadcast_post: t.postId,
  };
  const b = call.backend;
  push(b, me, container(b, me, [u], [{ kind: 'channel', id: t.groupId }]), caller(call));
}

/** `messages.getDiscussionMessage`. */
export const commentsMethods: MethodTable = {
  'messages.getDiscussionMessage': {
    auth: true,
    run(call, req): messages.DiscussionMessage {
      const b = call.backend;
      const me = call.self().id;
      const peer = resolvePeer(call, req.peer);
      checkReadable(call, peer);
      // A post without comments (no discussion group when it was posted) has no thread: MSG_ID_INVALID, as on Telegram.
      const t = commentThread(call, peer, req.msg_id);
      if (!t) throw badRequest('MSG_ID_INVALID');
      const root = t.groupBox.get(t.rootId);
      if (!root) throw badRequest('MSG_ID_INVALID');
      const comments = liveComments(t);
      const { readMax, unread } = threadReadState(t, me);
      const refs: PeerRef[] = [root.peer, { kind: 'channel', id: t.channelId }, ...messageRefs(root)];
      const { users, chats } = b.peerLists(me, refs);
      const out: messages.DiscussionMessage = {
        _: 'messages.discussionMessage',
        messages: [b.tlMessage(root, me)],
        unread_count: unread,
        chats,
        users,
      };
      const last = comments.at(-1);
      if (last) out.max_id = last.id;
      if (readMax > 0) out.read_inbox_max_id = readMax;
      return out;
    },
  },
};
