/**
 * Reading forums (https://core.telegram.org/api/forum): `getForumTopics`
 * (pinned topics first, then by latest message, searched by title, paged
 * by the last topic's top message and id), `getForumTopicsByID` (each under
 * its `channels.*` and `messages.*` name), `messages.getReplies` — the
 * messages of a topic (msg_id = the topic id) or, outside forums, of a
 * reply thread (https://core.telegram.org/api/threads) — and
 * `messages.readDiscussion`, a topic's own read marker (unread counts count
 * from the later of it and the chat's marker).
 */
import type { ForumTopic, InputPeer, Message, messages } from '../../../tl/generated/types.js';
import { messageRefs } from '../actions/post.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { ChatRecord } from '../store/chat-store.js';
import type { ForumRecord, TopicRecord } from '../store/forum-store.js';
import { liveComments } from '../store/discussion-store.js';
import type { StoredMessage } from '../store/mailbox.js';
import { type PeerRef, tlPeer } from '../store/peer-ref.js';
import { commentThread, readCommentThread } from './comments.js';
import { findTopic, requireForum, topicOfMessage } from './forum-place.js';
import { PAGE_MAX, sliceHistory } from './history-slice.js';
import { messagesAnswer } from './messages-history.js';
import { checkReadable, resolveChannel, resolvePeer } from './peers.js';

function refOfChat(chat: ChatRecord): PeerRef {
  return { kind: 'channel', id: chat.id };
}

/** The supergroup an `InputPeer` names, or 400 PEER_ID_INVALID. */
function channelOfPeer(call: MethodCall, input: InputPeer): ChatRecord {
  const peer = resolvePeer(call, input);
  const chat = peer.kind === 'channel' ? call.backend.chats.channel(peer.id) : undefined;
  if (!chat) throw badRequest('PEER_ID_INVALID');
  return chat;
}

/** Every message of `topicId` in `chat`, ascending (General: every message outside a topic). */
export function topicMessages(call: MethodCall, chat: ChatRecord, topicId: number): StoredMessage[] {
  const box = call.backend.messages.channel(chat.id);
  const out: StoredMessage[] = [];
  for (const id of box.idsOf(refOfChat(chat))) {
    const m = box.get(id);
    if (m && topicOfMessage(m) === topicId) out.push(m);
  }
  return out;
}

/** Topic id → its messages, in one pass over the forum's box. */
function messagesByTopic(call: MethodCall, chat: ChatRecord): Map<number, StoredMessage[]> {
  const box = call.backend.messages.channel(chat.id);
  const out = new Map<number, StoredMessage[]>();
  for (const id of box.idsOf(refOfChat(chat))) {
    const m = box.get(id);
    if (!m) continue;
    const t = topicOfMessage(m);
    let l = out.get(t);
    if (!l) out.set(t, (l = []));
    l.push(m);
  }
  return out;
}

/** The `forumTopic` `viewer` sees: read up to the later of the chat's and the topic's marker; unread = newer messages of others. */
function tlTopic(call: MethodCall, chat: ChatRecord, forum: ForumRecord, t: TopicRecord, msgs: readonly StoredMessage[]): ForumTopic {
  const me = call.self().id;
  const chatRead = call.backend.dialogs.get(me, refOfChat(chat))?.readInboxMaxId ?? 0;
  const readIn = Math.max(chatRead, forum.readMax.get(`${me}:${t.id}`) ?? 0);
  const top = msgs.at(-1);
  const out: ForumTopic.forumTopic = {
    _: 'forumTopic',
    id: t.id,
    date: t.date,
    peer: tlPeer(refOfChat(chat)),
    title: t.title,
    icon_color: t.iconColor,
    top_message: top?.id ?? t.id,
    read_inbox_max_id: readIn,
    read_outbox_max_id: chat.readMaxId,
    unread_count: msgs.filter((m) => m.id > readIn && m.fromId !== me && !m.action).length,
    unread_mentions_count: 0,
    unread_reactions_count: 0,
    unread_poll_votes_count: 0,
    from_id: tlPeer(t.creator),
    notify_settings: { _: 'peerNotifySettings' },
  };
  if (t.iconEmojiId !== undefined) out.icon_emoji_id = t.iconEmojiId;
  if (t.creatorUserId === me) out.my = true;
  if (t.closed) out.closed = true;
  if (t.hidden) out.hidden = true;
  if (forum.pinned.includes(t.id)) out.pinned = true;
  return out;
}

/** The `messages.forumTopics` answer for `topics` with their top messages. */
function topicsAnswer(
  call: MethodCall,
  chat: ChatRecord,
  forum: ForumRecord,
  list: (TopicRecord | number)[],
  count: number,
  byTopic: Map<number, StoredMessage[]>,
): messages.ForumTopics {
  const b = call.backend;
  const me = call.self().id;
  const refs: PeerRef[] = [refOfChat(chat)];
  const msgs: Message[] = [];
  const topics: ForumTopic[] = list.map((t) => {
    if (typeof t === 'number') return { _: 'forumTopicDeleted', id: t };
    const own = byTopic.get(t.id) ?? [];
    const top = own.at(-1);
    if (top) {
      msgs.push(b.tlMessage(top, me));
      refs.push(...messageRefs(top));
    }
    refs.push(t.creator);
    return tlTopic(call, chat, forum, t, own);
  });
  const { users, chats } = b.peerLists(me, refs);
  return { _: 'messages.forumTopics', count, topics, messages: msgs, chats, users, pts: b.updates.channelLog(chat.id).pts };
}

interface ListInput {
  readonly q?: string | undefined;
  readonly offset_date: number;
  readonly offset_id: number;
  readonly offset_topic: number;
  readonly limit: number;
}

function listTopics(call: MethodCall, chat: ChatRecord, req: ListInput): messages.ForumTopics {
  checkReadable(call, refOfChat(chat));
  const forum = requireForum(call, chat);
  if (req.limit < 0) throw badRequest('LIMIT_INVALID');
  const byTopic = messagesByTopic(call, chat);
  const q = req.q?.toLowerCase() ?? '';
  const lastId = (t: TopicRecord) => byTopic.get(t.id)?.at(-1)?.id ?? t.id;
  const live = [...forum.topics.values()].filter((t) => !t.deleted && t.title.toLowerCase().includes(q));
  // Pinned first (in pin order), then by latest message, newest first.
  const pinned = forum.pinned.map((id) => live.find((t) => t.id === id)).filter((t) => t !== undefined);
  const rest = live.filter((t) => !forum.pinned.includes(t.id)).sort((x, y) => lastId(y) - lastId(x) || y.id - x.id);
  const ordered = [...pinned, ...rest];
  // After the offset topic; when it is gone (deleted, or moved by new messages), after the first topic older than offset_id.
  const olderThanOffset = () => {
    const i = rest.findIndex((t) => lastId(t) < req.offset_id);
    return i < 0 ? ordered.length : pinned.length + i;
  };
  let start = 0;
  if (req.offset_topic > 0) {
    const at = ordered.findIndex((t) => t.id === req.offset_topic);
    start = at >= 0 ? at + 1 : olderThanOffset();
  } else if (req.offset_id > 0) start = olderThanOffset();
  const limit = req.limit === 0 ? 20 : Math.min(req.limit, PAGE_MAX);
  return topicsAnswer(call, chat, forum, ordered.slice(start, start + limit), ordered.length, byTopic);
}

function topicsById(call: MethodCall, chat: ChatRecord, ids: readonly number[]): messages.ForumTopics {
  checkReadable(call, refOfChat(chat));
  const forum = requireForum(call, chat);
  if (ids.length === 0) throw badRequest('TOPICS_EMPTY');
  if (ids.length > PAGE_MAX) throw badRequest('LIMIT_INVALID');
  const list = ids.map((id) => {
    const t = forum.topics.get(id);
    return t && !t.deleted ? t : id;
  });
  const found = list.filter((t) => typeof t !== 'number').length;
  return topicsAnswer(call, chat, forum, list, found, messagesByTopic(call, chat));
}

/** Messages of a reply thread outside forums: every message replying to the root, directly or through others (not the root itself). */
function threadMessages(call: MethodCall, peer: PeerRef, rootId: number): StoredMessage[] {
  const box = call.backend.messages.boxFor(call.self().id, peer);
  const inThread = new Set([rootId]);
  const out: StoredMessage[] = [];
  for (const id of box.idsOf(peer)) {
    const m = box.get(id);
    if (!m || id === rootId || m.replyToId === undefined || !inThread.has(m.replyToId)) continue;
    inThread.add(id); // replies always have larger ids than what they reply to, so one ascending pass finds them all
    out.push(m);
  }
  return out;
}

/** `getForumTopics`, `getForumTopicsByID` (both names), `messages.getReplies`, `messages.readDiscussion`. */
export const forumReadMethods: MethodTable = {
  'channels.getForumTopics': {
    auth: true,
    run: (call, req) => listTopics(call, resolveChannel(call, req.channel), req),
  },
  'messages.getForumTopics': {
    auth: true,
    run: (call, req) => listTopics(call, channelOfPeer(call, req.peer), req),
  },
  'channels.getForumTopicsByID': {
    auth: true,
    run: (call, req) => topicsById(call, resolveChannel(call, req.channel), req.topics),
  },
  'messages.getForumTopicsByID': {
    auth: true,
    run: (call, req) => topicsById(call, channelOfPeer(call, req.peer), req.topics),
  },
  'messages.readDiscussion': {
    auth: true,
    run(call, req) {
      // In forums msg_id names a topic (https://core.telegram.org/method/messages.readDiscussion); its marker only moves forward.
      const peer = resolvePeer(call, req.peer);
      checkReadable(call, peer);
      const chat = peer.kind === 'channel' ? call.backend.chats.channel(peer.id) : undefined;
      if (!chat?.forum) {
        // A channel post's comment thread (comments.ts): peer = the channel or its discussion group.
        const t = commentThread(call, peer, req.msg_id);
        if (!t) throw badRequest('MSG_ID_INVALID');
        readCommentThread(call, t, req.read_max_id);
        return true;
      }
      const forum = requireForum(call, chat);
      findTopic(forum, req.msg_id);
      const key = `${call.self().id}:${req.msg_id}`;
      forum.readMax.set(key, Math.max(forum.readMax.get(key) ?? 0, req.read_max_id));
      return true;
    },
  },
  'messages.getReplies': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const peer = resolvePeer(call, req.peer);
      checkReadable(call, peer);
      const chat = peer.kind === 'channel' ? b.chats.channel(peer.id) : undefined;
      let all: StoredMessage[];
      let at = peer;
      const comments = chat?.forum ? undefined : commentThread(call, peer, req.msg_id);
      if (comments) {
        // A post's comments live in the discussion group (https://core.telegram.org/api/discussion).
        at = { kind: 'channel', id: comments.groupId };
        all = liveComments(comments);
      } else if (chat?.forum) {
        findTopic(requireForum(call, chat), req.msg_id);
        all = topicMessages(call, chat, req.msg_id);
      } else {
        if (!b.messages.boxFor(me, peer).get(req.msg_id)) throw badRequest('MSG_ID_INVALID');
        all = threadMessages(call, peer, req.msg_id);
      }
      const slice = sliceHistory(all, req);
      return messagesAnswer(call, slice.page, slice, at.kind === 'channel' ? at.id : undefined, at);
    },
  },
};
