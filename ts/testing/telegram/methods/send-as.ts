/**
 * Sending as another peer (https://core.telegram.org/api/send-as):
 * `channels.getSendAs` lists who the account may post as in a group or
 * channel, `messages.saveDefaultSendAs` remembers a choice, and
 * `sendAsPeer` checks the `send_as` of every send method.
 *
 * Who may be chosen, in this emulator: the account itself; the chat itself
 * when the account is its creator or an admin (anonymous posting as the
 * group, or posting as the channel); in a discussion group, the linked
 * channel when the account may post there (send-as-discussion.ts); and every
 * broadcast channel the account created (posting in a group as one's own channel).
 */
import type { InputPeer, SendAsPeer } from '../../../tl/generated/types.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { ChatRecord } from '../store/chat-store.js';
import { type PeerRef, samePeer, tlPeer } from '../store/peer-ref.js';
import { sendAsStore } from '../store/send-as-store.js';
import { adminRightsOf } from './participants-rights.js';
import { checkReadable, isAdmin, resolvePeer } from './peers.js';

/** The channel `peer` names, or 400 PEER_ID_INVALID (send-as exists only in supergroups and channels). */
function sendAsChat(call: MethodCall, peer: PeerRef): ChatRecord {
  const chat = peer.kind === 'channel' ? call.backend.chats.channel(peer.id) : undefined;
  if (!chat) throw badRequest('PEER_ID_INVALID');
  checkReadable(call, peer);
  return chat;
}

/** The peers account `userId` may send as in `chat`, the account itself first. */
export function sendAsCandidates(call: MethodCall, chat: ChatRecord, userId: bigint): PeerRef[] {
  const out: PeerRef[] = [{ kind: 'user', id: userId }];
  if (isAdmin(chat, userId)) out.push({ kind: 'channel', id: chat.id });
  const linked = chat.kind === 'supergroup' && chat.linkedChatId !== undefined ? call.backend.chats.channel(chat.linkedChatId) : undefined;
  if (linked && adminRightsOf(linked.members.get(userId))?.post_messages) out.push({ kind: 'channel', id: linked.id });
  for (const c of call.backend.chats.chatsOf(userId)) {
    if (c.kind !== 'broadcast' || c.id === chat.id || c.id === linked?.id) continue;
    if (c.members.get(userId)?.role === 'creator') out.push({ kind: 'channel', id: c.id });
  }
  return out;
}

/**
 * The peer a message to `peer` is sent as: undefined for the account itself
 * (no `send_as`, or `send_as` naming the account), else a peer from
 * `sendAsCandidates`; anything else is 400 SEND_AS_PEER_INVALID.
 */
export function sendAsPeer(call: MethodCall, peer: PeerRef, input: InputPeer | undefined): PeerRef | undefined {
  if (input === undefined) return undefined;
  const me = call.self().id;
  let want: PeerRef;
  try {
    want = resolvePeer(call, input);
  } catch {
    throw badRequest('SEND_AS_PEER_INVALID');
  }
  if (want.kind === 'user' && want.id === me) return undefined;
  const chat = peer.kind === 'channel' ? call.backend.chats.channel(peer.id) : undefined;
  if (!chat || !sendAsCandidates(call, chat, me).some((c) => samePeer(c, want))) throw badRequest('SEND_AS_PEER_INVALID');
  return want;
}

/** `channels.getSendAs`, `messages.saveDefaultSendAs`. */
export const sendAsMethods: MethodTable = {
  'channels.getSendAs': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const chat = sendAsChat(call, resolvePeer(call, req.peer));
      const refs = sendAsCandidates(call, chat, me);
      const peers: SendAsPeer[] = refs.map((r) => ({ _: 'sendAsPeer', peer: tlPeer(r) }));
      const { users, chats } = call.backend.peerLists(me, refs);
      return { _: 'channels.sendAsPeers', peers, chats, users };
    },
  },
  'messages.saveDefaultSendAs': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const peer = resolvePeer(call, req.peer);
      const chat = sendAsChat(call, peer);
      if (!chat.members.has(me)) throw badRequest('PEER_ID_INVALID');
      const as = sendAsPeer(call, peer, req.send_as) ?? { kind: 'user', id: me };
      sendAsStore(call.backend).set(peer, me, as);
      return true;
    },
  },
};
