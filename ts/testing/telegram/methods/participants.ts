/**
 * Reading who is in a chat: `channels.getParticipants` with its filters,
 * `channels.getParticipant`, `messages.getFullChat`,
 * `channels.getFullChannel`
 * (https://core.telegram.org/api/channel#channel-members).
 */
import type { ChannelParticipant, ChannelParticipantsFilter, ChatFull, InputPeer } from '../../../tl/generated/types.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { ChatRecord, MemberRecord } from '../store/chat-store.js';
import { type PeerRef, tlPeer } from '../store/peer-ref.js';
import { sendAsStore } from '../store/send-as-store.js';
import { permanentInvite } from './invite-store.js';
import { adminRightsOf, restrictionActive } from './participants-rights.js';
import { bannedParticipant, channelParticipant, chatParticipants } from './participants-tl.js';
import { checkReadable, resolveChannel, resolvePeer } from './peers.js';

/** Most participants one `channels.getParticipants` answer holds (https://core.telegram.org/method/channels.getParticipants). */
const PARTICIPANTS_LIMIT_MAX = 200;

/** True when `q` (case-insensitive) is in the user's name or username. */
function nameMatches(call: MethodCall, userId: bigint, q: string): boolean {
  if (q === '') return true;
  const u = call.backend.users.get(userId);
  if (!u) return false;
  const needle = q.toLowerCase();
  return [`${u.firstName} ${u.lastName}`, u.username ?? ''].some((s) => s.toLowerCase().includes(needle));
}

/** The participants (as `viewer` sees them) a filter selects, newest members first (Telegram's "recent" order). */
function select(call: MethodCall, chat: ChatRecord, filter: ChannelParticipantsFilter): ChannelParticipant[] {
  const me = call.self().id;
  const members = [...chat.members.values()].sort((a, b) => b.date - a.date || Number(b.userId - a.userId));
  const as = (ms: MemberRecord[]) => ms.map((m) => channelParticipant(chat, m, me, call.now));
  switch (filter._) {
    case 'channelParticipantsRecent':
      return as(members);
    case 'channelParticipantsAdmins':
      return as(members.filter((m) => adminRightsOf(m) !== undefined));
    case 'channelParticipantsBots':
      return as(members.filter((m) => call.backend.users.get(m.userId)?.bot));
    case 'channelParticipantsSearch':
    case 'channelParticipantsContacts':
    case 'channelParticipantsMentions':
      return as(members.filter((m) => nameMatches(call, m.userId, filter.q ?? '')));
    case 'channelParticipantsBanned':
      return as(members.filter((m) => restrictionActive(m.bannedRights, call.now) && nameMatches(call, m.userId, filter.q)));
    case 'channelParticipantsKicked':
      return [...(chat.banned?.values() ?? [])]
        .filter((r) => nameMatches(call, r.userId, filter.q))
        .sort((a, b) => b.date - a.date)
        .map(bannedParticipant);
    default:
      return [];
  }
}

/** The user id a participant object is about. */
function participantUserId(p: ChannelParticipant): bigint {
  return p._ === 'channelParticipantBanned' || p._ === 'channelParticipantLeft'
    ? p.peer._ === 'peerUser'
      ? p.peer.user_id
      : 0n
    : p.user_id;
}

/** Who may list members: members of supergroups (and anyone, for public ones); only admins of broadcast channels. */
function checkCanList(call: MethodCall, chat: ChatRecord, filter: ChannelParticipantsFilter['_']): void {
  const me = call.self().id;
  checkReadable(call, { kind: 'channel', id: chat.id });
  const admin = adminRightsOf(chat.members.get(me));
  if (chat.kind === 'broadcast' && !admin) throw badRequest('CHAT_ADMIN_REQUIRED');
  if ((filter === 'channelParticipantsKicked' || filter === 'channelParticipantsBanned') && !admin?.ban_users)
    throw badRequest('CHAT_ADMIN_REQUIRED');
}

/** The user an `InputPeer` names in `channels.getParticipant` (users only here). */
function participantRef(call: MethodCall, input: InputPeer): PeerRef {
  const ref = resolvePeer(call, input);
  if (ref.kind !== 'user') throw badRequest('PARTICIPANT_ID_INVALID');
  return ref;
}

/** Participant list methods; see the module comment. */
export const participantsMethods: MethodTable = {
  'channels.getParticipants': {
    auth: true,
    run(call, req) {
      const chat = resolveChannel(call, req.channel);
      checkCanList(call, chat, req.filter._);
      if (req.limit < 0 || req.offset < 0) throw badRequest('LIMIT_INVALID');
      const all = select(call, chat, req.filter);
      const page = all.slice(req.offset, req.offset + Math.min(req.limit, PARTICIPANTS_LIMIT_MAX));
      const refs: PeerRef[] = [{ kind: 'channel', id: chat.id }];
      for (const p of page) {
        refs.push({ kind: 'user', id: participantUserId(p) });
        if (p._ === 'channelParticipantAdmin') refs.push({ kind: 'user', id: p.promoted_by });
        if (p._ === 'channelParticipantBanned') refs.push({ kind: 'user', id: p.kicked_by });
      }
      const { users, chats } = call.backend.peerLists(call.self().id, refs);
      return { _: 'channels.channelParticipants', count: all.length, participants: page, users, chats };
    },
  },
  'channels.getParticipant': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const chat = resolveChannel(call, req.channel);
      checkReadable(call, { kind: 'channel', id: chat.id });
      const ref = participantRef(call, req.participant);
      if (chat.kind === 'broadcast' && ref.id !== me && !adminRightsOf(chat.members.get(me))) throw badRequest('CHAT_ADMIN_REQUIRED');
      const m = chat.members.get(ref.id);
      const banned = chat.banned?.get(ref.id);
      let participant: ChannelParticipant;
      if (m) participant = channelParticipant(chat, m, me, call.now);
      else if (banned) participant = bannedParticipant(banned);
      else throw badRequest('USER_NOT_PARTICIPANT');
      const { users, chats } = call.backend.peerLists(me, [ref, { kind: 'channel', id: chat.id }]);
      return { _: 'channels.channelParticipant', participant, users, chats };
    },
  },
  'messages.getFullChat': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const chat = call.backend.chats.group(req.chat_id);
      if (!chat) throw badRequest('CHAT_ID_INVALID');
      checkReadable(call, { kind: 'chat', id: chat.id });
      const full: ChatFull.chatFull = {
        _: 'chatFull',
        id: chat.id,
        about: chat.about,
        participants: chatParticipants(chat),
        notify_settings: { _: 'peerNotifySettings' },
      };
      if (chat.photo) full.chat_photo = chat.photo;
      const invite = adminRightsOf(chat.members.get(me))?.invite_users ? permanentInvite(call.backend, chat) : undefined;
      if (invite) full.exported_invite = invite;
      const refs: PeerRef[] = [{ kind: 'chat', id: chat.id }, ...[...chat.members.keys()].map((id) => ({ kind: 'user', id }) as const)];
      const { users, chats } = call.backend.peerLists(me, refs);
      return { _: 'messages.chatFull', full_chat: full, users, chats };
    },
  },
  'channels.getFullChannel': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const chat = resolveChannel(call, req.channel);
      checkReadable(call, { kind: 'channel', id: chat.id });
      const admin = adminRightsOf(chat.members.get(me));
      const members = [...chat.members.values()];
      const full: ChatFull.channelFull = {
        _: 'channelFull',
        id: chat.id,
        about: chat.about,
        participants_count: chat.members.size,
        admins_count: members.filter((m) => adminRightsOf(m)).length,
        read_inbox_max_id: chat.readMaxId,
        read_outbox_max_id: chat.readMaxId,
        unread_count: 0,
        chat_photo: chat.photo ?? { _: 'photoEmpty', id: 0n },
        notify_settings: { _: 'peerNotifySettings' },
        bot_info: [],
        pts: call.backend.updates.channelLog(chat.id).pts,
      };
      if (chat.kind === 'supergroup' || admin) full.can_view_participants = true;
      if (admin?.ban_users) {
        full.kicked_count = chat.banned?.size ?? 0;
        full.banned_count = members.filter((m) => restrictionActive(m.bannedRights, call.now)).length;
      }
      const invite = admin?.invite_users ? permanentInvite(call.backend, chat) : undefined;
      if (invite) full.exported_invite = invite;
      const sendAs = sendAsStore(call.backend).get({ kind: 'channel', id: chat.id }, me);
      if (sendAs) full.default_send_as = tlPeer(sendAs);
      if (chat.linkedChatId !== undefined) full.linked_chat_id = chat.linkedChatId;
      const refs: PeerRef[] = [{ kind: 'channel', id: chat.id }];
      if (sendAs) refs.push(sendAs);
      if (chat.linkedChatId !== undefined) refs.push({ kind: 'channel', id: chat.linkedChatId });
      const { users, chats } = call.backend.peerLists(me, refs);
      return { _: 'messages.chatFull', full_chat: full, users, chats };
    },
  },
};
