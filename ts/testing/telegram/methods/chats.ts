/**
 * Groups and channels: `messages.createChat`, `messages.addChatUser`,
 * `messages.deleteChatUser`, `messages.getChats`, `channels.createChannel`,
 * `channels.inviteToChannel`, `channels.joinChannel`, `channels.leaveChannel`,
 * `channels.getChannels`, `channels.updateUsername`
 * (https://core.telegram.org/api/channel).
 */
import { addMembers, createChannel, createGroup, removeMember } from '../actions/chats.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { ChatRecord } from '../store/chat-store.js';
import { caller } from './messages-send.js';
import { isAdmin, resolveChannel, resolveUser } from './peers.js';

const TITLE_MAX = 128;
const USERNAME_RE = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;

function checkTitle(title: string): string {
  const t = title.trim();
  if (t === '') throw badRequest('CHAT_TITLE_EMPTY');
  if (t.length > TITLE_MAX) throw badRequest('CHAT_TITLE_TOO_LONG');
  return t;
}

/** Checks a new public username: USERNAME_INVALID, USERNAME_OCCUPIED (users and channels share the namespace). */
function checkFreeUsername(call: MethodCall, username: string, self?: ChatRecord): void {
  if (!USERNAME_RE.test(username)) throw badRequest('USERNAME_INVALID');
  const chat = call.backend.chats.byUsername(username);
  if (call.backend.users.byUsername(username) || (chat && chat !== self)) throw badRequest('USERNAME_OCCUPIED');
}

/** The basic group `id` the caller is in, or 400 CHAT_ID_INVALID. */
function memberGroup(call: MethodCall, id: bigint): ChatRecord {
  const chat = call.backend.chats.group(id);
  if (chat?.members.has(call.self().id) !== true) throw badRequest('CHAT_ID_INVALID');
  return chat;
}

/** Group and channel methods; see the module comment. */
export const chatsMethods: MethodTable = {
  'messages.createChat': {
    auth: true,
    run(call, req) {
      const title = checkTitle(req.title);
      const me = call.self().id;
      const members = [...new Set(req.users.map((u) => resolveUser(call, u).id))].filter((id) => id !== me);
      const { updates } = createGroup(call.backend, me, title, members, caller(call));
      return { _: 'messages.invitedUsers', updates, missing_invitees: [] };
    },
  },
  'messages.addChatUser': {
    auth: true,
    run(call, req) {
      const chat = memberGroup(call, req.chat_id);
      const user = resolveUser(call, req.user_id);
      if (chat.members.has(user.id)) throw badRequest('USER_ALREADY_PARTICIPANT');
      const updates = addMembers(call.backend, call.self().id, chat, [user.id], caller(call));
      return { _: 'messages.invitedUsers', updates, missing_invitees: [] };
    },
  },
  'messages.deleteChatUser': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const chat = memberGroup(call, req.chat_id);
      const user = resolveUser(call, req.user_id);
      if (!chat.members.has(user.id)) throw badRequest('USER_NOT_PARTICIPANT');
      if (user.id !== me && !isAdmin(chat, me) && chat.members.get(user.id)?.inviterId !== me) throw badRequest('CHAT_ADMIN_REQUIRED');
      return removeMember(call.backend, me, chat, user.id, caller(call));
    },
  },
  'messages.getChats': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const chats = req.id.map((id) => call.backend.chats.group(id)).filter((c) => c !== undefined);
      return { _: 'messages.chats', chats: chats.map((c) => call.backend.tlChat(c, me)) };
    },
  },
  'channels.createChannel': {
    auth: true,
    run(call, req) {
      const title = checkTitle(req.title);
      if (req.about.length > 255) throw badRequest('CHAT_ABOUT_TOO_LONG');
      const kind = req.megagroup ? 'supergroup' : 'broadcast';
      return createChannel(call.backend, call.self().id, kind, title, req.about, undefined, caller(call)).updates;
    },
  },
  'channels.updateUsername': {
    auth: true,
    run(call, req) {
      const chat = resolveChannel(call, req.channel);
      if (!isAdmin(chat, call.self().id)) throw badRequest('CHAT_ADMIN_REQUIRED');
      if (req.username === '') call.backend.chats.setUsername(chat, undefined);
      else {
        if (chat.username === req.username) throw badRequest('USERNAME_NOT_MODIFIED');
        checkFreeUsername(call, req.username, chat);
        call.backend.chats.setUsername(chat, req.username);
      }
      return true;
    },
  },
  'channels.inviteToChannel': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const chat = resolveChannel(call, req.channel);
      if (!chat.members.has(me)) throw badRequest(chat.username === undefined ? 'CHANNEL_PRIVATE' : 'USER_NOT_PARTICIPANT');
      if (chat.kind === 'broadcast' && !isAdmin(chat, me)) throw badRequest('CHAT_ADMIN_REQUIRED');
      if (req.users.length === 0) throw badRequest('USERS_TOO_FEW');
      const users = req.users.map((u) => resolveUser(call, u));
      if (users.some((u) => u.bot) && chat.kind === 'broadcast' && !isAdmin(chat, me)) throw badRequest('BOT_GROUPS_BLOCKED');
      const updates = addMembers(
        call.backend,
        me,
        chat,
        users.map((u) => u.id),
        caller(call),
      );
      return { _: 'messages.invitedUsers', updates, missing_invitees: [] };
    },
  },
  'channels.joinChannel': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const chat = resolveChannel(call, req.channel);
      if (chat.members.has(me)) throw badRequest('USER_ALREADY_PARTICIPANT');
      if (chat.username === undefined) throw badRequest('CHANNEL_PRIVATE'); // private channels need an invite link
      const updates = addMembers(call.backend, me, chat, [me], caller(call));
      return { _: 'messages.chatInviteJoinResultOk', updates };
    },
  },
  'channels.leaveChannel': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const chat = resolveChannel(call, req.channel);
      if (!chat.members.has(me)) throw badRequest(chat.username === undefined ? 'CHANNEL_PRIVATE' : 'USER_NOT_PARTICIPANT');
      return removeMember(call.backend, me, chat, me, caller(call));
    },
  },
  'channels.getChannels': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      return { _: 'messages.chats', chats: req.id.map((c) => call.backend.tlChat(resolveChannel(call, c), me)) };
    },
  },
};
