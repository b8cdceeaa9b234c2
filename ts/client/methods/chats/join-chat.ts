/**
 * `joinChat` / `leaveChat` (https://core.telegram.org/method/channels.joinChannel,
 * messages.importChatInvite, channels.leaveChannel, messages.deleteChatUser).
 */
import { WasmgramError } from '../../../errors.js';
import type { Updates } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { Chat } from '../../types/chat.js';
import { inviteLinkHash } from '../../types/invite-link.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';

function chatIn(u: Updates, id: bigint): Chat | undefined {
  const c = u._ === 'updates' || u._ === 'updatesCombined' ? u.chats.find((x) => x.id === id) : undefined;
  return c && c._ !== 'chatEmpty' ? new Chat(c) : undefined;
}

/** The first chat of an `Updates`. */
function firstChat(u: Updates): Chat | undefined {
  const c = u._ === 'updates' || u._ === 'updatesCombined' ? u.chats.find((x) => x._ === 'chat' || x._ === 'channel') : undefined;
  return c && (c._ === 'chat' || c._ === 'channel') ? new Chat(c) : undefined;
}

/**
 * Joins a chat and returns it: a public channel or supergroup (`'@name'`,
 * a `t.me/name` link, or a channel you can resolve), or any group or
 * channel through an invite link (`https://t.me/+HASH`,
 * `t.me/joinchat/HASH`). A link that needs approval sends a join request
 * instead: the call then rejects with `INVITE_REQUEST_SENT` and an admin
 * decides.
 *
 * @example
 * ```ts
 * const news = await joinChat(client, 't.me/wasmgram_news');
 * const team = await joinChat(client, 'https://t.me/+AbCdEf123');
 * ```
 * @throws RpcError CHANNEL_PRIVATE (private, or banned), USER_ALREADY_PARTICIPANT, INVITE_HASH_INVALID,
 *   INVITE_HASH_EXPIRED (revoked, expired or used up), INVITE_REQUEST_SENT, USERS_TOO_MUCH
 */
export async function joinChat(client: ClientCore, peer: PeerLike): Promise<Chat> {
  const hash = typeof peer === 'string' ? inviteLinkHash(peer) : undefined;
  if (hash !== undefined) {
    const r = await client.invoke({ _: 'messages.importChatInvite', hash });
    const chat = r._ === 'messages.chatInviteJoinResultOk' ? firstChat(r.updates) : undefined;
    if (!chat) throw new WasmgramError('messages.importChatInvite: the answer has no chat');
    return chat;
  }
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
