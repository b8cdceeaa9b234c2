/** `joinChat` / `leaveChat` (https://core.telegram.org/method/channels.joinChannel, channels.leaveChannel, messages.deleteChatUser). */
import { WasmgramError } from '../../../errors.js';
import type { Updates } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { Chat } from '../../types/chat.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';

function chatIn(u: Updates, id: bigint): Chat | undefined {
  const c = u._ === 'updates' || u._ === 'updatesCombined' ? u.chats.find((x) => x.id === id) : undefined;
  return c && c._ !== 'chatEmpty' ? new Chat(c) : undefined;
}

/**
 * Joins a public channel or supergroup (`'@name'`, a `t.me` link, or a channel you can resolve) and returns it.
 *
 * @example
 * ```ts
 * const chat = await joinChat(client, 't.me/wasmgram_news');
 * ```
 * @throws RpcError CHANNEL_PRIVATE, USER_ALREADY_PARTICIPANT
 */
export async function joinChat(client: ClientCore, peer: PeerLike): Promise<Chat> {
  const p = await resolvePeer(client, peer);
  if (p._ !== 'inputPeerChannel')
    throw new WasmgramError('joinChat: only channels and supergroups can be joined (basic groups need an invitation)');
  const r = await client.invoke({
    _: 'channels.joinChannel',
    channel: { _: 'inputChannel', channel_id: p.channel_id, access_hash: p.access_hash },
  });
  const chat = r._ === 'messages.chatInviteJoinResultOk' ? chatIn(r.updates, p.channel_id) : undefined;
  if (!chat) throw new WasmgramError('channels.joinChannel: the answer has no channel');
  return chat;
}

/**
 * Leaves a group, supergroup or channel.
 *
 * @example
 * ```ts
 * await leaveChat(client, chat);
 * ```
 * @throws RpcError USER_NOT_PARTICIPANT, CHANNEL_PRIVATE
 */
export async function leaveChat(client: ClientCore, peer: PeerLike): Promise<void> {
  const p = await resolvePeer(client, peer);
  if (p._ === 'inputPeerChannel') {
    await client.invoke({
      _: 'channels.leaveChannel',
      channel: { _: 'inputChannel', channel_id: p.channel_id, access_hash: p.access_hash },
    });
  } else if (p._ === 'inputPeerChat') {
    await client.invoke({ _: 'messages.deleteChatUser', chat_id: p.chat_id, user_id: { _: 'inputUserSelf' } });
  } else throw new WasmgramError('leaveChat: not a group or channel');
}
