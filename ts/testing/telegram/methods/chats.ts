/**
 * Groups and channels: `messages.createChat`, `messages.addChatUser`,
 * `messages.deleteChatUser`, `messages.getChats`, `channels.createChannel`,
 * `channels.inviteToChannel`, `channels.joinChannel`, `channels.leaveChannel`,
 * `channels.getChannels`, `channels.updateUsername`, and editing a chat:
 * `messages.editChatTitle` / `channels.editTitle`, `messages.editChatPhoto`
 * / `channels.editPhoto`, `messages.editChatAbout`
 * (https://core.telegram.org/api/channel).
 */
import { RpcError } from '../../../errors.js';
import type { InputChatPhoto, MessageAction, Updates } from '../../../tl/generated/types.js';
import { addMembers, createChannel, createGroup, postChatChange, removeMember } from '../actions/chats.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { ChatRecord } from '../store/chat-store.js';
import { BASIC_GROUP_MEMBERS_MAX, CHANNEL_MEMBERS_MAX } from './invites.js';
import { caller } from './messages-send.js';
import { adminRightsOf, memberMay } from './participants-rights.js';
import { checkReadable, isAdmin, resolveChannel, resolvePeer, resolveUser } from './peers.js';
import { existingPhoto, storeUploadedPhoto } from './photos-store.js';

const TITLE_MAX = 128;
/** Longest chat description (https://core.telegram.org/method/messages.editChatAbout). */
const ABOUT_MAX = 255;
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

/** Checks that the caller may change the chat's info (change_info), or throws CHAT_ADMIN_REQUIRED. */
function checkChangeInfo(call: MethodCall, chat: ChatRecord): void {
  const me = call.self().id;
  if (!chat.members.has(me)) throw chat.kind === 'group' ? badRequest('CHAT_ID_INVALID') : badRequest('CHANNEL_PRIVATE');
  // Basic groups: any member unless the default rights forbid it; channels: admins with change_info.
  const ok =
    chat.kind === 'group' ? memberMay(chat, me, 'change_info', call.now) : adminRightsOf(chat.members.get(me))?.change_info === true;
  if (!ok) throw badRequest('CHAT_ADMIN_REQUIRED');
}

/** Sets a new title and posts `messageActionChatEditTitle`. */
function editTitle(call: MethodCall, chat: ChatRecord, title: string): Updates {
  checkChangeInfo(call, chat);
  const t = checkTitle(title);
  if (t === chat.title) throw badRequest('CHAT_NOT_MODIFIED');
  chat.title = t;
  return postChatChange(call.backend, call.self().id, chat, { _: 'messageActionChatEditTitle', title: t }, caller(call));
}

/** Sets (uploaded or existing) or removes the chat photo and posts the service message. */
function editPhoto(call: MethodCall, chat: ChatRecord, input: InputChatPhoto): Updates {
  checkChangeInfo(call, chat);
  let action: MessageAction;
  if (input._ === 'inputChatPhotoEmpty') {
    if (!chat.photo) throw badRequest('CHAT_NOT_MODIFIED');
    delete chat.photo;
    action = { _: 'messageActionChatDeletePhoto' };
  } else {
    if (input._ === 'inputChatUploadedPhoto' && !input.file) throw badRequest('PHOTO_FILE_MISSING');
    const m = input._ === 'inputChatUploadedPhoto' ? storeUploadedPhoto(call, input.file!) : existingPhoto(call, input.id);
    chat.photo = m.toPhoto();
    action = { _: 'messageActionChatEditPhoto', photo: chat.photo };
  }
  return postChatChange(call.backend, call.self().id, chat, action, caller(call));
}

/** Refuses to add users to a full chat (400 USERS_TOO_MUCH). */
function checkRoom(chat: ChatRecord, adding: number): void {
  if (chat.members.size + adding > (chat.kind === 'group' ? BASIC_GROUP_MEMBERS_MAX : CHANNEL_MEMBERS_MAX))
    throw badRequest('USERS_TOO_MUCH');
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
      if (!memberMay(chat, call.self().id, 'invite_users', call.now)) throw badRequest('CHAT_ADMIN_REQUIRED');
      checkRoom(chat, 1);
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
      // A banned user comes back only when an admin who may ban adds them (which lifts the ban).
      if (users.some((u) => chat.banned?.has(u.id))) {
        if (adminRightsOf(chat.members.get(me))?.ban_users !== true) throw badRequest('USER_KICKED');
        for (const u of users) chat.banned?.delete(u.id);
      }
      checkRoom(chat, users.filter((u) => !chat.members.has(u.id)).length);
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
      if (chat.banned?.has(me)) throw badRequest('CHANNEL_PRIVATE'); // banned users see the channel as private
      checkRoom(chat, 1);
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
  'messages.editChatTitle': {
    auth: true,
    run(call, req) {
      const chat = call.backend.chats.group(req.chat_id);
      if (!chat) throw badRequest('CHAT_ID_INVALID');
      return editTitle(call, chat, req.title);
    },
  },
  'channels.editTitle': {
    auth: true,
    run(call, req) {
      return editTitle(call, resolveChannel(call, req.channel), req.title);
    },
  },
  'messages.editChatPhoto': {
    auth: true,
    run(call, req) {
      const chat = call.backend.chats.group(req.chat_id);
      if (!chat) throw badRequest('CHAT_ID_INVALID');
      return editPhoto(call, chat, req.photo);
    },
  },
  'channels.editPhoto': {
    auth: true,
    run(call, req) {
      return editPhoto(call, resolveChannel(call, req.channel), req.photo);
    },
  },
  'messages.editChatAbout': {
    auth: true,
    run(call, req) {
      const ref = resolvePeer(call, req.peer);
      const chat = call.backend.chatOf(ref);
      if (!chat) throw badRequest('PEER_ID_INVALID');
      checkReadable(call, ref);
      if (!chat.members.has(call.self().id)) throw new RpcError(403, 'CHAT_WRITE_FORBIDDEN');
      checkChangeInfo(call, chat);
      if (req.about.length > ABOUT_MAX) throw badRequest('CHAT_ABOUT_TOO_LONG');
      if (req.about === chat.about) throw badRequest('CHAT_ABOUT_NOT_MODIFIED');
      chat.about = req.about;
      return true;
    },
  },
};
