/**
 * Turning the `Input*` objects of a request into the emulator's peers, with
 * Telegram's errors (https://core.telegram.org/api/peers): a user or
 * channel needs the access hash the caller was given, a basic group needs
 * the caller to be (or have been) a member, and `...FromMessage` (min)
 * peers are checked against the message they name
 * (https://core.telegram.org/api/min).
 */
import { RpcError } from '../../../errors.js';
import type { InputChannel, InputPeer, InputUser } from '../../../tl/generated/types.js';
import type { ChatRecord } from '../store/chat-store.js';
import type { PeerRef } from '../store/peer-ref.js';
import type { UserRecord } from '../user-store.js';
import type { MethodCall } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import { checkNotBlocked } from './block-store.js';

/** The peer `input` names, or throws 400 PEER_ID_INVALID / CHANNEL_INVALID. */
export function resolvePeer(call: MethodCall, input: InputPeer): PeerRef {
  const b = call.backend;
  const me = call.self().id;
  switch (input._) {
    case 'inputPeerSelf':
      return { kind: 'user', id: me };
    case 'inputPeerUser': {
      const ref = { kind: 'user', id: input.user_id } as const;
      if (!b.users.get(input.user_id) || b.accessHash(me, ref) !== input.access_hash) throw badRequest('PEER_ID_INVALID');
      return ref;
    }
    case 'inputPeerChat': {
      if (!b.chats.group(input.chat_id)) throw badRequest('PEER_ID_INVALID');
      return { kind: 'chat', id: input.chat_id };
    }
    case 'inputPeerChannel': {
      const ref = { kind: 'channel', id: input.channel_id } as const;
      if (!b.chats.channel(input.channel_id) || b.accessHash(me, ref) !== input.access_hash) throw badRequest('CHANNEL_INVALID');
      return ref;
    }
    case 'inputPeerUserFromMessage':
      return { kind: 'user', id: fromMessage(call, input.peer, input.msg_id, { kind: 'user', id: input.user_id }) };
    case 'inputPeerChannelFromMessage':
      return { kind: 'channel', id: fromMessage(call, input.peer, input.msg_id, { kind: 'channel', id: input.channel_id }) };
    default:
      throw badRequest('PEER_ID_INVALID');
  }
}

/** A min peer is valid when the named message is visible to the caller and mentions it (sender or forward source). */
function fromMessage(call: MethodCall, chat: InputPeer, msgId: number, want: PeerRef): bigint {
  const where = resolvePeer(call, chat);
  const m = call.backend.messages.boxFor(call.self().id, where).get(msgId);
  const ok =
    m !== undefined &&
    m.peer.kind === where.kind &&
    ((want.kind === 'user' && m.fromId === want.id) || (m.fwd?.from.kind === want.kind && m.fwd.from.id === want.id));
  if (!ok) throw badRequest('PEER_ID_INVALID');
  return want.id;
}

/** The account `input` names, or throws 400 USER_ID_INVALID. */
export function resolveUser(call: MethodCall, input: InputUser): UserRecord {
  const b = call.backend;
  let id: bigint;
  switch (input._) {
    case 'inputUserSelf':
      return call.self();
    case 'inputUser':
      if (b.accessHash(call.self().id, { kind: 'user', id: input.user_id }) !== input.access_hash) throw badRequest('USER_ID_INVALID');
      id = input.user_id;
      break;
    case 'inputUserFromMessage':
      id = fromMessage(call, input.peer, input.msg_id, { kind: 'user', id: input.user_id });
      break;
    default:
      throw badRequest('USER_ID_INVALID');
  }
  const u = b.users.get(id);
  if (!u) throw badRequest('USER_ID_INVALID');
  return u;
}

/** The channel `input` names, or throws 400 CHANNEL_INVALID. */
export function resolveChannel(call: MethodCall, input: InputChannel): ChatRecord {
  const b = call.backend;
  let id: bigint;
  switch (input._) {
    case 'inputChannel':
      if (b.accessHash(call.self().id, { kind: 'channel', id: input.channel_id }) !== input.access_hash)
        throw badRequest('CHANNEL_INVALID');
      id = input.channel_id;
      break;
    case 'inputChannelFromMessage':
      id = fromMessage(call, input.peer, input.msg_id, { kind: 'channel', id: input.channel_id });
      break;
    default:
      throw badRequest('CHANNEL_INVALID');
  }
  const c = b.chats.channel(id);
  if (!c) throw badRequest('CHANNEL_INVALID');
  return c;
}

/**
 * Checks that the caller may read `peer`: a basic group needs membership
 * (400 PEER_ID_INVALID), a private channel too (400 CHANNEL_PRIVATE);
 * public channels (with a username) are readable by anyone.
 */
export function checkReadable(call: MethodCall, peer: PeerRef): void {
  if (peer.kind === 'user') return;
  const c = call.backend.chatOf(peer);
  if (!c) throw badRequest('PEER_ID_INVALID');
  if (c.members.has(call.self().id)) return;
  if (peer.kind === 'chat') throw badRequest('PEER_ID_INVALID');
  if (c.username === undefined) throw badRequest('CHANNEL_PRIVATE');
}

/**
 * Checks that the caller may post in `peer`: members of groups; members of
 * supergroups (non-members get 403 CHAT_WRITE_FORBIDDEN, private ones 400
 * CHANNEL_PRIVATE); only the creator and admins in broadcast channels (400
 * CHAT_ADMIN_REQUIRED). A bot cannot message another bot (400 USER_IS_BOT).
 */
export function checkWritable(call: MethodCall, peer: PeerRef): void {
  const me = call.self();
  if (peer.kind === 'user') {
    const to = call.backend.users.get(peer.id);
    if (me.bot && to?.bot && to.id !== me.id) throw badRequest('USER_IS_BOT');
    checkNotBlocked(call, peer.id);
    return;
  }
  checkReadable(call, peer);
  const c = call.backend.chatOf(peer)!;
  const member = c.members.get(me.id);
  if (!member) throw c.banned?.has(me.id) ? badRequest('USER_BANNED_IN_CHANNEL') : new RpcError(403, 'CHAT_WRITE_FORBIDDEN');
  if (c.kind === 'broadcast' && member.role === 'member') throw badRequest('CHAT_ADMIN_REQUIRED');
  // Restricted members and default rights (https://core.telegram.org/api/rights); until_date 0 = forever.
  const r = member.bannedRights;
  if (r?.send_messages && (r.until_date === 0 || r.until_date > call.now)) throw badRequest('USER_BANNED_IN_CHANNEL');
  if (member.role === 'member' && c.defaultBannedRights?.send_messages) throw new RpcError(403, 'CHAT_WRITE_FORBIDDEN');
}

/** True when `userId` is the creator or an admin of `c`. */
export function isAdmin(c: ChatRecord, userId: bigint): boolean {
  const r = c.members.get(userId)?.role;
  return r === 'creator' || r === 'admin';
}
