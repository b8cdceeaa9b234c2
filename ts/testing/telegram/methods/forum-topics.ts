/**
 * Changing forums and their topics (https://core.telegram.org/api/forum):
 * `channels.toggleForum`, `createForumTopic`, `editForumTopic`,
 * `updatePinnedForumTopic`, `deleteTopicHistory` — each under its
 * `channels.*` name (an `InputChannel`) and its `messages.*` name (an
 * `InputPeer`, the form of the current layer). A topic is created by its
 * `messageActionTopicCreate` service message, whose id becomes the topic id;
 * edits post `messageActionTopicEdit` inside the topic.
 */
import { RpcError } from '../../../errors.js';
import type { InputPeer, MessageAction, Update, Updates } from '../../../tl/generated/types.js';
import { deleteChannelMessages } from '../actions/change.js';
import { container, push } from '../actions/deliver.js';
import { postMessage } from '../actions/post.js';
import { caller, type MethodCall, type MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { ChatRecord } from '../store/chat-store.js';
import { GENERAL_TOPIC_ID, TOPIC_ICON_COLORS, TOPIC_TITLE_MAX, type TopicRecord } from '../store/forum-store.js';
import type { PeerRef } from '../store/peer-ref.js';
import { findTopic, requireForum, topicOfMessage } from './forum-place.js';
import { adminRightsOf, requireAdminRight, restrictionActive } from './participants-rights.js';
import { checkReadable, checkWritable, resolveChannel, resolvePeer } from './peers.js';
import { sendAsPeer } from './send-as.js';

/** Most pinned topics per forum (`topics_pinned_limit` of the app config). */
export const TOPICS_PINNED_MAX = 5;

const utf8 = new TextEncoder();

/** The supergroup an `InputPeer` names (the `messages.*` forms), or 400 PEER_ID_INVALID. */
function channelOfPeer(call: MethodCall, input: InputPeer): ChatRecord {
  const peer = resolvePeer(call, input);
  const chat = peer.kind === 'channel' ? call.backend.chats.channel(peer.id) : undefined;
  if (!chat) throw badRequest('PEER_ID_INVALID');
  return chat;
}

function refOfChat(chat: ChatRecord): PeerRef {
  return { kind: 'channel', id: chat.id };
}

/** 403 CHAT_ADMIN_REQUIRED unless `userId` may manage topics: admins with `manage_topics`; members unless the chat's default rights or their restriction forbid it. */
function checkMayCreateTopics(call: MethodCall, chat: ChatRecord, userId: bigint): void {
  const m = chat.members.get(userId);
  const admin = adminRightsOf(m);
  const ok = admin
    ? admin.manage_topics === true
    : !chat.defaultBannedRights?.manage_topics && !(restrictionActive(m?.bannedRights, call.now) && m?.bannedRights?.manage_topics);
  if (!ok) throw new RpcError(403, 'CHAT_ADMIN_REQUIRED');
}

/** True when `userId` holds `manage_topics` as an admin (or is the creator). */
function managesTopics(chat: ChatRecord, userId: bigint): boolean {
  return adminRightsOf(chat.members.get(userId))?.manage_topics === true;
}

/** 400 TOPIC_TITLE_EMPTY for a blank title, TITLE_INVALID past 128 UTF-8 bytes. */
function checkTitle(title: string): void {
  if (title.trim() === '') throw badRequest('TOPIC_TITLE_EMPTY');
  if (utf8.encode(title).length > TOPIC_TITLE_MAX) throw badRequest('TITLE_INVALID');
}

/** Pushes `update` to every member of `chat` but the caller and returns the caller's container. */
function broadcast(call: MethodCall, chat: ChatRecord, list: Update[], refs: PeerRef[]): Updates.updates {
  const b = call.backend;
  const me = call.self().id;
  for (const u of chat.members.keys()) if (u !== me) push(b, u, container(b, u, list, refs), undefined);
  return container(b, me, list, refs);
}

interface CreateInput {
  readonly title: string;
  readonly icon_color?: number | undefined;
  readonly icon_emoji_id?: bigint | undefined;
  readonly random_id: bigint;
  readonly send_as?: InputPeer | undefined;
}

function createTopic(call: MethodCall, chat: ChatRecord, req: CreateInput): Updates {
  const b = call.backend;
  const me = call.self().id;
  const ref = refOfChat(chat);
  const forum = requireForum(call, chat);
  checkWritable(call, ref);
  checkMayCreateTopics(call, chat, me);
  checkTitle(req.title);
  const color = req.icon_color ?? TOPIC_ICON_COLORS[Number(BigInt.asUintN(64, req.random_id) % BigInt(TOPIC_ICON_COLORS.length))]!;
  if (!TOPIC_ICON_COLORS.includes(color)) throw badRequest('COLOR_INVALID');
  const sendAs = sendAsPeer(call, ref, req.send_as);
  const action: MessageAction.messageActionTopicCreate = { _: 'messageActionTopicCreate', title: req.title, icon_color: color };
  if (req.icon_emoji_id !== undefined && req.icon_emoji_id !== 0n) action.icon_emoji_id = req.icon_emoji_id;
  const posted = postMessage(b, { actor: me, to: ref, text: '', action, sendAs, except: caller(call) });
  const topic: TopicRecord = {
    id: posted.copy.id,
    title: req.title,
    iconColor: color,
    iconEmojiId: action.icon_emoji_id,
    date: posted.copy.date,
    creator: sendAs ?? { kind: 'user', id: me },
    creatorUserId: me,
    closed: false,
    hidden: false,
    deleted: false,
  };
  forum.topics.set(topic.id, topic);
  return container(b, me, [{ _: 'updateMessageID', id: topic.id, random_id: req.random_id }, posted.update], posted.refs);
}

interface EditInput {
  readonly topic_id: number;
  readonly title?: string | undefined;
  readonly icon_emoji_id?: bigint | undefined;
  readonly closed?: boolean | undefined;
  readonly hidden?: boolean | undefined;
}

function editTopic(call: MethodCall, chat: ChatRecord, req: EditInput): Updates {
  const b = call.backend;
  const me = call.self().id;
  const ref = refOfChat(chat);
  const forum = requireForum(call, chat);
  checkReadable(call, ref);
  const topic = findTopic(forum, req.topic_id);
  const general = topic.id === GENERAL_TOPIC_ID;
  // Who: admins with manage_topics; the topic's creator for its own title, icon and closing (https://core.telegram.org/api/forum#forum-topics).
  const manager = managesTopics(chat, me);
  if (!manager && (topic.creatorUserId !== me || req.hidden !== undefined || general)) throw new RpcError(403, 'CHAT_ADMIN_REQUIRED');
  const content = req.title !== undefined || req.icon_emoji_id !== undefined;
  if (req.closed !== undefined && (content || req.hidden !== undefined)) throw badRequest('TOPIC_CLOSE_SEPARATELY');
  if (req.hidden !== undefined && content) throw badRequest('TOPIC_HIDE_SEPARATELY');
  if (req.hidden !== undefined && !general) throw badRequest('NOGENERAL_HIDE_FORBIDDEN');
  if (req.icon_emoji_id !== undefined && general) throw badRequest('GENERAL_MODIFY_ICON_FORBIDDEN');
  if (req.title !== undefined) checkTitle(req.title);
  const action: MessageAction.messageActionTopicEdit = { _: 'messageActionTopicEdit' };
  if (req.title !== undefined && req.title !== topic.title) action.title = req.title;
  if (req.icon_emoji_id !== undefined && req.icon_emoji_id !== (topic.iconEmojiId ?? 0n)) action.icon_emoji_id = req.icon_emoji_id;
  if (req.closed !== undefined && req.closed !== topic.closed) action.closed = req.closed;
  if (req.hidden !== undefined && req.hidden !== topic.hidden) action.hidden = req.hidden;
  if (Object.keys(action).length === 1) throw badRequest('TOPIC_NOT_MODIFIED');
  if (action.title !== undefined) topic.title = action.title;
  if (action.icon_emoji_id !== undefined) topic.iconEmojiId = action.icon_emoji_id === 0n ? undefined : action.icon_emoji_id;
  if (action.closed !== undefined) topic.closed = action.closed;
  if (action.hidden !== undefined) {
    // A hidden General is also closed; showing it again opens it (https://core.telegram.org/api/forum#the-general-topic).
    topic.hidden = action.hidden;
    topic.closed = action.hidden;
  }
  const posted = postMessage(b, {
    actor: me,
    to: ref,
    text: '',
    action,
    topicId: general ? undefined : topic.id,
    except: caller(call),
  });
  return container(b, me, [posted.update], posted.refs);
}

function pinTopic(call: MethodCall, chat: ChatRecord, topicId: number, pinned: boolean, peerForm: boolean): Updates {
  const me = call.self().id;
  const forum = requireForum(call, chat);
  checkReadable(call, refOfChat(chat));
  if (!managesTopics(chat, me)) throw new RpcError(403, 'CHAT_ADMIN_REQUIRED');
  findTopic(forum, topicId);
  const at = forum.pinned.indexOf(topicId);
  if (pinned && at < 0) {
    if (forum.pinned.length >= TOPICS_PINNED_MAX) throw badRequest('PINNED_TOO_MUCH');
    forum.pinned.push(topicId);
  } else if (!pinned && at >= 0) forum.pinned.splice(at, 1);
  const u: Update = peerForm
    ? { _: 'updatePinnedForumTopic', peer: { _: 'peerChannel', channel_id: chat.id }, topic_id: topicId, ...(pinned && { pinned: true }) }
    : { _: 'updateChannelPinnedTopic', channel_id: chat.id, topic_id: topicId, ...(pinned && { pinned: true }) };
  return broadcast(call, chat, [u], [refOfChat(chat)]);
}

function deleteTopic(call: MethodCall, chat: ChatRecord, topicId: number) {
  const b = call.backend;
  const me = call.self().id;
  const forum = requireForum(call, chat);
  checkReadable(call, refOfChat(chat));
  if (topicId === GENERAL_TOPIC_ID) throw badRequest('TOPIC_ID_INVALID');
  const topic = findTopic(forum, topicId);
  const mayDelete = adminRightsOf(chat.members.get(me))?.delete_messages === true || topic.creatorUserId === me;
  if (!mayDelete) throw new RpcError(403, 'CHAT_ADMIN_REQUIRED');
  const box = b.messages.channel(chat.id);
  const found = [];
  for (const id of box.idsOf(refOfChat(chat))) {
    const m = box.get(id);
    if (m && topicOfMessage(m) === topicId) found.push(m);
  }
  topic.deleted = true;
  const at = forum.pinned.indexOf(topicId);
  if (at >= 0) forum.pinned.splice(at, 1);
  const r = deleteChannelMessages(b, me, chat.id, found, caller(call));
  return { _: 'messages.affectedHistory' as const, pts: r.pts, pts_count: r.pts_count, offset: 0 };
}

/** The forum-changing methods under both names. */
export const forumTopicsMethods: MethodTable = {
  'channels.toggleForum': {
    auth: true,
    run(call, req) {
      const chat = resolveChannel(call, req.channel);
      const me = call.self().id;
      checkReadable(call, refOfChat(chat));
      if (chat.kind !== 'supergroup') throw badRequest('CHANNEL_INVALID');
      requireAdminRight(chat, me, 'change_info');
      if (req.enabled === (chat.forum === true)) throw badRequest('CHAT_NOT_MODIFIED');
      chat.forum = req.enabled;
      if (req.enabled) requireForum(call, chat); // makes General on first use
      return broadcast(call, chat, [{ _: 'updateChannel', channel_id: chat.id }], [refOfChat(chat)]);
    },
  },
  'channels.createForumTopic': {
    auth: true,
    run: (call, req) => createTopic(call, resolveChannel(call, req.channel), req),
  },
  'messages.createForumTopic': {
    auth: true,
    run(call, req) {
      if (req.title_missing) throw badRequest('TOPIC_TITLE_EMPTY'); // titleless topics belong to bot forums in private chats (not modelled)
      return createTopic(call, channelOfPeer(call, req.peer), req);
    },
  },
  'channels.editForumTopic': {
    auth: true,
    run: (call, req) => editTopic(call, resolveChannel(call, req.channel), req),
  },
  'messages.editForumTopic': {
    auth: true,
    run: (call, req) => editTopic(call, channelOfPeer(call, req.peer), req),
  },
  'channels.updatePinnedForumTopic': {
    auth: true,
    run: (call, req) => pinTopic(call, resolveChannel(call, req.channel), req.topic_id, req.pinned, false),
  },
  'messages.updatePinnedForumTopic': {
    auth: true,
    run: (call, req) => pinTopic(call, channelOfPeer(call, req.peer), req.topic_id, req.pinned, true),
  },
  'channels.deleteTopicHistory': {
    auth: true,
    run: (call, req) => deleteTopic(call, resolveChannel(call, req.channel), req.top_msg_id),
  },
  'messages.deleteTopicHistory': {
    auth: true,
    run: (call, req) => deleteTopic(call, channelOfPeer(call, req.peer), req.top_msg_id),
  },
};
