/**
 * Moderation: `channels.editBanned` (ban, restrict, unban),
 * `channels.editAdmin` (promote, demote), `messages.editChatAdmin` (basic
 * groups) and `messages.editChatDefaultBannedRights`
 * (https://core.telegram.org/api/rights), with Telegram's checks and the
 * updates every affected session gets.
 */
import { ADMIN_RIGHTS, BANNED_RIGHTS } from '../../../client/types/admin-rights.js';
import { RpcError } from '../../../errors.js';
import type { ChannelParticipant, ChatBannedRights, Update } from '../../../tl/generated/types.js';
import { banFromChannel } from '../actions/chats.js';
import { container, push } from '../actions/deliver.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { ChatRecord } from '../store/chat-store.js';
import type { PeerRef } from '../store/peer-ref.js';
import { caller } from './messages-send.js';
import {
  adminRightsOf,
  noAdminRights,
  noBannedRights,
  normalizeAdminRights,
  normalizeBannedRights,
  requireAdminRight,
} from './participants-rights.js';
import { announceParticipantChange, bannedParticipant, channelParticipant } from './participants-tl.js';
import { checkReadable, resolveChannel, resolvePeer, resolveUser } from './peers.js';

/** Longest custom admin title (https://core.telegram.org/method/channels.editAdmin). */
const RANK_MAX = 16;

/** The participant object of `userId` as the change's bots see it (undefined = not in the chat). */
function snapshot(call: MethodCall, chat: ChatRecord, userId: bigint): ChannelParticipant | undefined {
  const m = chat.members.get(userId);
  if (m) return channelParticipant(chat, m, 0n, call.now);
  const b = chat.banned?.get(userId);
  return b ? bannedParticipant(b) : undefined;
}

/** The actor's answer: `updateChannel` with the channel and the user it is about. */
function channelAnswer(call: MethodCall, chat: ChatRecord, userId: bigint) {
  const me = call.self().id;
  const refs: PeerRef[] = [
    { kind: 'channel', id: chat.id },
    { kind: 'user', id: userId },
  ];
  return container(call.backend, me, [{ _: 'updateChannel', channel_id: chat.id }], refs);
}

/** The peer or the chat, for `messages.editChatDefaultBannedRights`. */
function chatOfPeer(call: MethodCall, ref: PeerRef): ChatRecord {
  const chat = call.backend.chatOf(ref);
  if (!chat) throw badRequest('PEER_ID_INVALID');
  return chat;
}

/** Moderation methods; see the module comment. */
export const participantsAdminMethods: MethodTable = {
  'channels.editBanned': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const b = call.backend;
      const chat = resolveChannel(call, req.channel);
      checkReadable(call, { kind: 'channel', id: chat.id });
      requireAdminRight(chat, me, 'ban_users', 403);
      const ref = resolvePeer(call, req.participant);
      if (ref.kind !== 'user') throw badRequest('PARTICIPANT_ID_INVALID');
      const target = chat.members.get(ref.id);
      // Admins are demoted first; the creator never (https://core.telegram.org/api/rights#banning-users).
      if (ref.id === me || (target && adminRightsOf(target))) throw badRequest('USER_ADMIN_INVALID');
      const rights = normalizeBannedRights(req.banned_rights, call.now);
      if (chat.kind === 'broadcast' && !rights.view_messages && !noBannedRights(rights)) throw new RpcError(406, 'BANNED_RIGHTS_INVALID');
      const prev = snapshot(call, chat, ref.id);
      if (rights.view_messages) {
        if (!target && !chat.banned?.has(ref.id) && !b.users.get(ref.id)) throw badRequest('USER_ID_INVALID');
        const result = banFromChannel(b, me, chat, ref.id, rights, caller(call));
        announceParticipantChange(b, chat, { actor: me, userId: ref.id, prev, next: snapshot(call, chat, ref.id) }, caller(call));
        return result;
      }
      if (noBannedRights(rights)) {
        // Unban: a banned user may join again (they are not added back); a restricted member gets every right back.
        if (chat.banned?.delete(ref.id) !== true) {
          if (!target) throw badRequest('USER_NOT_PARTICIPANT');
          delete target.bannedRights;
          delete target.restrictedBy;
        }
      } else {
        if (!target) throw badRequest('USER_NOT_PARTICIPANT');
        target.bannedRights = rights;
        target.restrictedBy = me;
      }
      announceParticipantChange(b, chat, { actor: me, userId: ref.id, prev, next: snapshot(call, chat, ref.id) }, caller(call));
      return channelAnswer(call, chat, ref.id);
    },
  },
  'channels.editAdmin': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const b = call.backend;
      const chat = resolveChannel(call, req.channel);
      checkReadable(call, { kind: 'channel', id: chat.id });
      const mine = requireAdminRight(chat, me, 'add_admins', 403);
      const user = resolveUser(call, req.user_id);
      const target = chat.members.get(user.id);
      if (!target) throw badRequest(chat.banned?.has(user.id) ? 'USER_KICKED' : 'USER_NOT_PARTICIPANT');
      if (target.role === 'creator') throw badRequest('USER_CREATOR');
      // Only the creator, or the admin who promoted them, may edit an admin (https://core.telegram.org/api/rights#admin-rights).
      if (target.role === 'admin' && chat.members.get(me)?.role !== 'creator' && target.promotedBy !== me)
        throw new RpcError(403, 'RIGHT_FORBIDDEN');
      const rights = normalizeAdminRights(req.admin_rights);
      if (ADMIN_RIGHTS.some((f) => rights[f] && !mine[f])) throw new RpcError(403, 'RIGHT_FORBIDDEN');
      if (req.rank !== undefined && ([...req.rank].length > RANK_MAX || /\p{Extended_Pictographic}/u.test(req.rank)))
        throw badRequest(/\p{Extended_Pictographic}/u.test(req.rank) ? 'ADMIN_RANK_EMOJI_NOT_ALLOWED' : 'ADMIN_RANK_INVALID');
      const prev = snapshot(call, chat, user.id);
      if (noAdminRights(rights)) {
        target.role = 'member';
        delete target.adminRights;
        delete target.promotedBy;
        delete target.rank;
      } else {
        target.role = 'admin';
        target.adminRights = rights;
        target.promotedBy = me;
        delete target.bannedRights;
        if (req.rank !== undefined) {
          if (req.rank === '') delete target.rank;
          else target.rank = req.rank;
        }
      }
      announceParticipantChange(b, chat, { actor: me, userId: user.id, prev, next: snapshot(call, chat, user.id) }, caller(call));
      return channelAnswer(call, chat, user.id);
    },
  },
  'messages.editChatAdmin': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const b = call.backend;
      const chat = b.chats.group(req.chat_id);
      if (!chat?.members.has(me)) throw badRequest('CHAT_ID_INVALID');
      // Basic groups: only the creator appoints admins (https://core.telegram.org/api/channel#basic-groups).
      if (chat.members.get(me)?.role !== 'creator') throw badRequest('CHAT_ADMIN_REQUIRED');
      const user = resolveUser(call, req.user_id);
      const target = chat.members.get(user.id);
      if (!target) throw badRequest('USER_NOT_PARTICIPANT');
      if (target.role === 'creator') throw badRequest('USER_ID_INVALID');
      const isAdmin = req.is_admin;
      target.role = isAdmin ? 'admin' : 'member';
      if (!isAdmin) delete target.adminRights;
      chat.version++;
      const update: Update = {
        _: 'updateChatParticipantAdmin',
        chat_id: chat.id,
        user_id: user.id,
        is_admin: req.is_admin,
        version: chat.version,
      };
      for (const u of chat.members.keys())
        push(
          b,
          u,
          container(
            b,
            u,
            [update],
            [
              { kind: 'chat', id: chat.id },
              { kind: 'user', id: user.id },
            ],
          ),
          undefined,
        ); // the answer is a Bool: every session gets the update
      return true;
    },
  },
  'messages.editChatDefaultBannedRights': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const b = call.backend;
      const ref = resolvePeer(call, req.peer);
      const chat = chatOfPeer(call, ref);
      checkReadable(call, ref);
      if (chat.kind === 'broadcast') throw badRequest('CHAT_NOT_MODIFIED');
      requireAdminRight(chat, me, 'ban_users');
      if (req.banned_rights.view_messages || req.banned_rights.until_date !== 0) throw badRequest('BANNED_RIGHTS_INVALID');
      const rights: ChatBannedRights = { _: 'chatBannedRights', until_date: 0 };
      for (const f of BANNED_RIGHTS) if (req.banned_rights[f]) rights[f] = true;
      const prev = chat.defaultBannedRights ?? { _: 'chatBannedRights', until_date: 0 };
      if (BANNED_RIGHTS.every((f) => (prev[f] === true) === (rights[f] === true))) throw badRequest('CHAT_NOT_MODIFIED');
      if (noBannedRights(rights)) delete chat.defaultBannedRights;
      else chat.defaultBannedRights = rights;
      chat.version++;
      const peer =
        chat.kind === 'group' ? ({ _: 'peerChat', chat_id: chat.id } as const) : ({ _: 'peerChannel', channel_id: chat.id } as const);
      const update: Update = { _: 'updateChatDefaultBannedRights', peer, default_banned_rights: rights, version: chat.version };
      for (const u of chat.members.keys()) if (u !== me) push(b, u, container(b, u, [update], [ref]), undefined);
      return container(b, me, [update], [ref]);
    },
  },
};
