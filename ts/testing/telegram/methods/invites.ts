/**
 * Invite links and join requests (https://core.telegram.org/api/invites):
 * `messages.exportChatInvite`, `editExportedChatInvite`,
 * `getExportedChatInvites`, `getExportedChatInvite`,
 * `deleteExportedChatInvite`, `deleteRevokedExportedChatInvites`,
 * `getChatInviteImporters`, `checkChatInvite`, `importChatInvite`,
 * `hideChatJoinRequest`, `hideAllChatJoinRequests`.
 */
import { RpcError } from '../../../errors.js';
import type { ChatInviteImporter, InputPeer, InputUser, Update, Updates } from '../../../tl/generated/types.js';
import { addMembers } from '../actions/chats.js';
import { container, push } from '../actions/deliver.js';
import type { TelegramBackend } from '../backend.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { ChatRecord } from '../store/chat-store.js';
import type { PeerRef } from '../store/peer-ref.js';
import { type InviteImporter, type InviteRecord, inviteHashOf, inviteStore, inviteUnusable, toExportedInvite } from './invite-store.js';
import { caller } from './messages-send.js';
import { adminRightsOf, requireAdminRight } from './participants-rights.js';
import { checkReadable, resolvePeer, resolveUser } from './peers.js';

/** Members a basic group holds (https://core.telegram.org/api/channel#basic-groups); supergroups hold far more. */
export const BASIC_GROUP_MEMBERS_MAX = 200;
/** Members a supergroup or channel holds (`channels_members_max`-like bound of the emulator). */
export const CHANNEL_MEMBERS_MAX = 200_000;
/** Largest `usage_limit` (https://core.telegram.org/method/messages.exportChatInvite). */
const USAGE_LIMIT_MAX = 99_999;
/** Longest link title. */
const TITLE_MAX = 32;
/** How many recent requesters `updatePendingJoinRequests` names. */
const RECENT_REQUESTERS = 5;

/** The chat of `peer` where the caller may manage invite links (invite_users right). */
function managedChat(call: MethodCall, peer: InputPeer): { chat: ChatRecord; ref: PeerRef } {
  const ref = resolvePeer(call, peer);
  const chat = call.backend.chatOf(ref);
  if (!chat) throw badRequest('PEER_ID_INVALID');
  checkReadable(call, ref);
  requireAdminRight(chat, call.self().id, 'invite_users');
  return { chat, ref };
}

/** A link of `chat` named by its text, or 400 INVITE_HASH_INVALID. */
function linkOf(call: MethodCall, chat: ChatRecord, link: string): InviteRecord {
  const r = inviteStore(call.backend).get(inviteHashOf(link));
  if (r?.chat !== chat) throw badRequest('INVITE_HASH_INVALID');
  return r;
}

/** Only the chat's creator (or an admin who may add admins) manages other admins' links. */
function checkLinkOwner(call: MethodCall, r: InviteRecord): void {
  const me = call.self().id;
  if (r.adminId !== me && !adminRightsOf(r.chat.members.get(me))?.add_admins) throw badRequest('CHAT_ADMIN_REQUIRED');
}

/** Checks the optional link fields the way Telegram does. */
function checkLinkFields(call: MethodCall, f: { expire_date?: number; usage_limit?: number; title?: string }): void {
  if (f.expire_date !== undefined && f.expire_date !== 0 && f.expire_date <= call.now) throw badRequest('EXPIRE_DATE_INVALID');
  if (f.usage_limit !== undefined && (f.usage_limit < 0 || f.usage_limit > USAGE_LIMIT_MAX)) throw badRequest('USAGE_LIMIT_INVALID');
  if (f.title !== undefined && [...f.title].length > TITLE_MAX) throw badRequest('CHAT_TITLE_TOO_LONG');
}

/** The `messages.exportedChatInvite` answer of a link (with its admin). */
function inviteAnswer(call: MethodCall, r: InviteRecord) {
  const { users } = call.backend.peerLists(call.self().id, [{ kind: 'user', id: r.adminId }]);
  return { _: 'messages.exportedChatInvite' as const, invite: toExportedInvite(r), users };
}

/** The `peer` of a chat record. */
function peerOf(chat: ChatRecord) {
  return chat.kind === 'group' ? ({ _: 'peerChat', chat_id: chat.id } as const) : ({ _: 'peerChannel', channel_id: chat.id } as const);
}

/**
 * Tells the chat's admins about pending join requests: people get
 * `updatePendingJoinRequests` (count + recent requesters); when a new
 * request comes in, bot admins get `updateBotChatInviteRequester` with
 * their next qts (https://core.telegram.org/api/invites#join-requests).
 */
function announceRequests(b: TelegramBackend, chat: ChatRecord, fresh?: { link: InviteRecord; request: InviteImporter }): void {
  const pending = inviteStore(b).pendingRequests(chat);
  const ref: PeerRef = { kind: chat.kind === 'group' ? 'chat' : 'channel', id: chat.id };
  const recent = pending.slice(-RECENT_REQUESTERS).map((p) => p.request.userId);
  for (const m of chat.members.values()) {
    if (!adminRightsOf(m)?.invite_users) continue;
    const bot = b.users.get(m.userId)?.bot === true;
    let update: Update;
    if (!bot) update = { _: 'updatePendingJoinRequests', peer: peerOf(chat), requests_pending: pending.length, recent_requesters: recent };
    else if (fresh) {
      // Logged in the bot's qts sequence: a bot that was offline gets it from updates.getDifference.
      update = b.updates.pushQts(m.userId, (qts) => ({
        _: 'updateBotChatInviteRequester' as const,
        peer: peerOf(chat),
        date: fresh.request.date,
        user_id: fresh.request.userId,
        about: fresh.request.about ?? '',
        invite: toExportedInvite(fresh.link),
        qts,
      }));
    } else continue;
    const refs = [
      ref,
      ...recent.map((id) => ({ kind: 'user', id }) as const),
      ...(fresh ? [{ kind: 'user', id: fresh.request.userId } as const] : []),
    ];
    push(b, m.userId, container(b, m.userId, [update], refs), undefined);
  }
}

/** Joins `userId` to `chat` through link `r` (usage counted); returns the joiner's `updates`. */
function join(call: MethodCall, r: InviteRecord, userId: bigint, approvedBy?: bigint): Updates.updates {
  const b = call.backend;
  const chat = r.chat;
  r.importers.push({ userId, date: call.now, requested: false, ...(approvedBy !== undefined && { approvedBy }) });
  const action =
    approvedBy !== undefined
      ? ({ _: 'messageActionChatJoinedByRequest' } as const)
      : ({ _: 'messageActionChatJoinedByLink', inviter_id: r.adminId } as const);
  const self = userId === call.self().id;
  const updates = addMembers(b, userId, chat, [userId], self ? caller(call) : undefined, action);
  if (!self && chat.kind !== 'group')
    push(b, userId, container(b, userId, [{ _: 'updateChannel', channel_id: chat.id }], [{ kind: 'channel', id: chat.id }]), undefined);
  return updates;
}

/** Approves or declines the pending requests in `list`; returns the caller's answer. */
function settle(
  call: MethodCall,
  chat: ChatRecord,
  ref: PeerRef,
  list: { link: InviteRecord; request: InviteImporter }[],
  approved: boolean,
): Updates {
  const me = call.self().id;
  for (const { link, request } of list) {
    link.requests.delete(request.userId);
    if (approved && !chat.members.has(request.userId)) join(call, link, request.userId, me);
  }
  announceRequests(call.backend, chat);
  const pending = inviteStore(call.backend).pendingRequests(chat);
  const update: Update = {
    _: 'updatePendingJoinRequests',
    peer: peerOf(chat),
    requests_pending: pending.length,
    recent_requesters: pending.slice(-RECENT_REQUESTERS).map((p) => p.request.userId),
  };
  return container(call.backend, me, [update], [ref, ...list.map((x) => ({ kind: 'user', id: x.request.userId }) as const)]);
}

/** The `chatInviteImporter` of a record. */
function toImporter(i: InviteImporter): ChatInviteImporter {
  const out: ChatInviteImporter = { _: 'chatInviteImporter', user_id: i.userId, date: i.date };
  if (i.requested) out.requested = true;
  if (i.about !== undefined) out.about = i.about;
  if (i.approvedBy !== undefined) out.approved_by = i.approvedBy;
  return out;
}

/** The user id an offset `InputUser` names (0 for inputUserEmpty). */
function offsetUserId(call: MethodCall, u: InputUser): bigint {
  return u._ === 'inputUserEmpty' ? 0n : resolveUser(call, u).id;
}

/** Invite link and join request methods; see the module comment. */
export const invitesMethods: MethodTable = {
  'messages.exportChatInvite': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const { chat } = managedChat(call, req.peer);
      checkLinkFields(call, req);
      const store = inviteStore(call.backend);
      if (req.legacy_revoke_permanent) {
        // The caller's permanent link is replaced (https://core.telegram.org/method/messages.exportChatInvite).
        for (const r of store.ofChat(chat)) if (r.permanent && r.adminId === me) r.revoked = true;
        return toExportedInvite(store.create({ chat, adminId: me, date: call.now, permanent: true, requestNeeded: false }));
      }
      if (req.request_needed && req.usage_limit) throw badRequest('USAGE_LIMIT_INVALID');
      const r = store.create({
        chat,
        adminId: me,
        date: call.now,
        permanent: false,
        requestNeeded: req.request_needed === true,
        ...(req.expire_date && { expireDate: req.expire_date }),
        ...(req.usage_limit && { usageLimit: req.usage_limit }),
        ...(req.title && { title: req.title }),
      });
      return toExportedInvite(r);
    },
  },
  'messages.editExportedChatInvite': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const { chat } = managedChat(call, req.peer);
      const r = linkOf(call, chat, req.link);
      checkLinkOwner(call, r);
      checkLinkFields(call, req);
      if (r.revoked) throw badRequest('INVITE_REVOKED_MISSING');
      if (req.revoked) {
        r.revoked = true;
        if (r.permanent) {
          // Revoking a permanent link makes a new one for the same admin.
          const next = inviteStore(call.backend).create({
            chat,
            adminId: r.adminId,
            date: call.now,
            permanent: true,
            requestNeeded: false,
          });
          const { users } = call.backend.peerLists(me, [{ kind: 'user', id: r.adminId }]);
          return { _: 'messages.exportedChatInviteReplaced', invite: toExportedInvite(r), new_invite: toExportedInvite(next), users };
        }
        return inviteAnswer(call, r);
      }
      if (req.expire_date !== undefined) {
        if (req.expire_date === 0) delete r.expireDate;
        else r.expireDate = req.expire_date;
      }
      if (req.usage_limit !== undefined) {
        if (req.usage_limit === 0) delete r.usageLimit;
        else r.usageLimit = req.usage_limit;
      }
      if (req.request_needed !== undefined) r.requestNeeded = req.request_needed;
      if (r.requestNeeded && r.usageLimit !== undefined) throw badRequest('USAGE_LIMIT_INVALID');
      if (req.title !== undefined) {
        if (req.title === '') delete r.title;
        else r.title = req.title;
      }
      return inviteAnswer(call, r);
    },
  },
  'messages.getExportedChatInvites': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const { chat } = managedChat(call, req.peer);
      const adminId = resolveUser(call, req.admin_id).id;
      if (adminId !== me && !adminRightsOf(chat.members.get(me))?.add_admins) throw badRequest('CHAT_ADMIN_REQUIRED');
      const all = inviteStore(call.backend)
        .ofChat(chat)
        .filter((r) => r.adminId === adminId && r.revoked === (req.revoked === true));
      let start = 0;
      if (req.offset_link !== undefined) {
        const i = all.findIndex((r) => r.hash === inviteHashOf(req.offset_link!));
        start = i >= 0 ? i + 1 : all.findIndex((r) => r.date < (req.offset_date ?? 0));
        if (start < 0) start = all.length;
      }
      const page = all.slice(start, start + Math.max(0, Math.min(req.limit, 100)));
      const { users } = call.backend.peerLists(me, [{ kind: 'user', id: adminId }]);
      return { _: 'messages.exportedChatInvites', count: all.length, invites: page.map(toExportedInvite), users };
    },
  },
  'messages.getExportedChatInvite': {
    auth: true,
    run(call, req) {
      const { chat } = managedChat(call, req.peer);
      return inviteAnswer(call, linkOf(call, chat, req.link));
    },
  },
  'messages.deleteExportedChatInvite': {
    auth: true,
    run(call, req) {
      const { chat } = managedChat(call, req.peer);
      const r = linkOf(call, chat, req.link);
      checkLinkOwner(call, r);
      if (!r.revoked) throw badRequest('INVITE_REVOKED_MISSING'); // only revoked links can be deleted
      inviteStore(call.backend).delete(r.hash);
      return true;
    },
  },
  'messages.deleteRevokedExportedChatInvites': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const { chat } = managedChat(call, req.peer);
      const adminId = resolveUser(call, req.admin_id).id;
      if (adminId !== me && !adminRightsOf(chat.members.get(me))?.add_admins) throw badRequest('CHAT_ADMIN_REQUIRED');
      const store = inviteStore(call.backend);
      for (const r of store.ofChat(chat)) if (r.revoked && r.adminId === adminId) store.delete(r.hash);
      return true;
    },
  },
  'messages.getChatInviteImporters': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const { chat } = managedChat(call, req.peer);
      const links = req.link !== undefined ? [linkOf(call, chat, req.link)] : inviteStore(call.backend).ofChat(chat);
      let list: InviteImporter[] = req.requested
        ? links.flatMap((l) => [...l.requests.values()])
        : links.flatMap((l) => l.importers).filter((i) => chat.members.has(i.userId));
      if (req.q !== undefined && req.q !== '') {
        const q = req.q.toLowerCase();
        list = list.filter((i) => {
          const u = call.backend.users.get(i.userId);
          return u !== undefined && `${u.firstName} ${u.lastName} ${u.username ?? ''}`.toLowerCase().includes(q);
        });
      }
      // Newest first; the page starts after (offset_date, offset_user).
      list.sort((a, b) => b.date - a.date || Number(b.userId - a.userId));
      const offUser = offsetUserId(call, req.offset_user);
      if (req.offset_date !== 0 || offUser !== 0n) {
        list = list.filter((i) => i.date < req.offset_date || (i.date === req.offset_date && i.userId < offUser));
      }
      const count = list.length;
      const page = list.slice(0, Math.max(0, Math.min(req.limit, 100)));
      const { users } = call.backend.peerLists(
        me,
        page.map((i) => ({ kind: 'user', id: i.userId }) as const),
      );
      return { _: 'messages.chatInviteImporters', count, importers: page.map(toImporter), users };
    },
  },
  'messages.checkChatInvite': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      if (req.hash === '') throw badRequest('INVITE_HASH_EMPTY');
      const r = inviteStore(call.backend).get(inviteHashOf(req.hash));
      if (!r) throw badRequest('INVITE_HASH_INVALID');
      const chat = r.chat;
      if (chat.members.has(me)) return { _: 'chatInviteAlready', chat: call.backend.tlChat(chat, me) };
      if (inviteUnusable(r, call.now)) throw new RpcError(406, 'INVITE_HASH_EXPIRED');
      if (chat.banned?.has(me)) throw new RpcError(406, 'CHANNEL_PRIVATE');
      const members = [...chat.members.keys()].slice(0, 10);
      return {
        _: 'chatInvite',
        ...(chat.kind !== 'group' && { channel: true }),
        ...(chat.kind === 'broadcast' && { broadcast: true }),
        ...(chat.kind === 'supergroup' && { megagroup: true }),
        ...(chat.username !== undefined && { public: true }),
        ...(r.requestNeeded && { request_needed: true }),
        title: chat.title,
        ...(chat.about !== '' && { about: chat.about }),
        photo: chat.photo ?? { _: 'photoEmpty', id: 0n },
        participants_count: chat.members.size,
        ...(chat.kind !== 'broadcast' && {
          participants: call.backend.peerLists(
            me,
            members.map((id) => ({ kind: 'user', id }) as const),
          ).users,
        }),
        color: Number(chat.id % 7n),
      };
    },
  },
  'messages.importChatInvite': {
    auth: true,
    run(call, req) {
      const me = call.self();
      if (req.hash === '') throw badRequest('INVITE_HASH_EMPTY');
      const r = inviteStore(call.backend).get(inviteHashOf(req.hash));
      if (!r) throw badRequest('INVITE_HASH_INVALID');
      const chat = r.chat;
      if (chat.members.has(me.id)) throw badRequest('USER_ALREADY_PARTICIPANT');
      if (inviteUnusable(r, call.now)) throw new RpcError(406, 'INVITE_HASH_EXPIRED');
      if (chat.banned?.has(me.id)) throw badRequest('CHANNEL_PRIVATE');
      const max = chat.kind === 'group' ? BASIC_GROUP_MEMBERS_MAX : CHANNEL_MEMBERS_MAX;
      if (chat.members.size >= max) throw badRequest('USERS_TOO_MUCH');
      if (r.requestNeeded) {
        // The request waits for an admin; the user is told with this error (https://core.telegram.org/api/invites#join-requests).
        if (!r.requests.has(me.id)) {
          const request: InviteImporter = { userId: me.id, date: call.now, requested: true };
          r.requests.set(me.id, request);
          announceRequests(call.backend, chat, { link: r, request });
        }
        throw badRequest('INVITE_REQUEST_SENT');
      }
      return { _: 'messages.chatInviteJoinResultOk', updates: join(call, r, me.id) };
    },
  },
  'messages.hideChatJoinRequest': {
    auth: true,
    run(call, req) {
      const { chat, ref } = managedChat(call, req.peer);
      const user = resolveUser(call, req.user_id);
      const found = inviteStore(call.backend)
        .pendingRequests(chat)
        .filter((p) => p.request.userId === user.id);
      if (found.length === 0) throw badRequest(chat.members.has(user.id) ? 'USER_ALREADY_PARTICIPANT' : 'HIDE_REQUESTER_MISSING');
      return settle(call, chat, ref, found, req.approved === true);
    },
  },
  'messages.hideAllChatJoinRequests': {
    auth: true,
    run(call, req) {
      const { chat, ref } = managedChat(call, req.peer);
      const hash = req.link === undefined ? undefined : inviteHashOf(req.link);
      const found = inviteStore(call.backend)
        .pendingRequests(chat)
        .filter((p) => hash === undefined || p.link.hash === hash);
      return settle(call, chat, ref, found, req.approved === true);
    },
  },
};
