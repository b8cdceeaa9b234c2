/** `getParticipant` (https://core.telegram.org/method/channels.getParticipant; basic groups: messages.getFullChat). */
import { RpcError, WasmgramError } from '../../../errors.js';
import type { ClientCore } from '../../core.js';
import { ChatMember, usersById } from '../../types/chat-member.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer, resolveUser } from '../peers/resolve-peer.js';
import { userAsPeer } from './chat-target.js';

/**
 * One member of a group or channel: their status, rights and title — or a
 * `banned` entry for a user removed from a supergroup or channel.
 *
 * @example
 * ```ts
 * const m = await client.getParticipant(group, '@bob');
 * if (m.status === 'restricted') console.log('until', m.untilDate);
 * const me = await client.getParticipant(group, 'me');
 * ```
 * @throws RpcError USER_NOT_PARTICIPANT (also for basic groups), CHANNEL_PRIVATE
 */
export async function getParticipant(client: ClientCore, chat: PeerLike, user: PeerLike): Promise<ChatMember> {
  const peer = await resolvePeer(client, chat);
  const inputUser = await resolveUser(client, user);
  if (peer._ === 'inputPeerChat') {
    const full = await client.invoke({ _: 'messages.getFullChat', chat_id: peer.chat_id });
    const users = usersById(full.users);
    const ps = full.full_chat._ === 'chatFull' ? full.full_chat.participants : undefined;
    const selfId = (await client.storage.getAccount())?.userId;
    const id = inputUser._ === 'inputUserSelf' ? selfId : 'user_id' in inputUser ? inputUser.user_id : undefined;
    const p = ps?._ === 'chatParticipants' ? ps.participants.find((x) => x.user_id === id) : undefined;
    if (!p) throw new RpcError(400, 'USER_NOT_PARTICIPANT');
    return new ChatMember(p, users.get(p.user_id));
  }
  if (peer._ !== 'inputPeerChannel') throw new WasmgramError('getParticipant: not a group or channel');
  const participant = userAsPeer(inputUser);
  const r = await client.invoke({
    _: 'channels.getParticipant',
    channel: { _: 'inputChannel', channel_id: peer.channel_id, access_hash: peer.access_hash },
    participant,
  });
  const m = new ChatMember(r.participant, undefined);
  return new ChatMember(r.participant, usersById(r.users).get(m.userId));
}
