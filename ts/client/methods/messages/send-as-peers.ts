/**
 * Who you can send as in a chat: `getSendAs`, `setDefaultSendAs`,
 * `getDefaultSendAs` (https://core.telegram.org/api/send-as,
 * https://core.telegram.org/method/channels.getSendAs,
 * https://core.telegram.org/method/messages.saveDefaultSendAs).
 */
import { ArgumentError } from '../../../errors.js';
import type { ClientCore } from '../../core.js';
import type { Chat } from '../../types/chat.js';
import { PeerIndex } from '../../types/peer-index.js';
import type { PeerLike } from '../../types/peer-like.js';
import type { User } from '../../types/user.js';
import { resolveChatTarget } from '../chats/chat-target.js';
import { resolvePeer } from '../peers/resolve-peer.js';

/** One peer you may send as. */
export interface SendAsOption {
  /** Yourself (a `User`), the chat itself (anonymous admins) or one of your channels. */
  readonly peer: User | Chat;
  /** Only a Telegram Premium account may pick it. */
  readonly premiumRequired: boolean;
}

/**
 * The peers you may send as in a supergroup or channel (yourself first);
 * pass one as the `sendAs` option of any send method.
 *
 * @example
 * ```ts
 * const options = await client.getSendAs(group);
 * const mine = options.find((o) => o.peer.id === myChannel.id);
 * await client.sendMessage(group, 'hello from my channel', { sendAs: mine!.peer });
 * ```
 * @throws RpcError PEER_ID_INVALID (not a channel or supergroup), CHANNEL_PRIVATE
 */
export async function getSendAs(client: ClientCore, chat: PeerLike): Promise<SendAsOption[]> {
  const res = await client.invoke({ _: 'channels.getSendAs', peer: await resolvePeer(client, chat) });
  const index = new PeerIndex(res.users, res.chats);
  const out: SendAsOption[] = [];
  for (const p of res.peers) {
    const peer = index.peer(p.peer);
    if (peer) out.push({ peer, premiumRequired: p.premium_required === true });
  }
  return out;
}

/**
 * Remembers `sendAs` as your default in `chat` (Telegram's apps preselect it;
 * the server keeps it in the chat's full info, see {@link getDefaultSendAs}).
 *
 * @example
 * ```ts
 * await client.setDefaultSendAs(group, '@my_channel');
 * await client.setDefaultSendAs(group, 'me'); // back to yourself
 * ```
 * @throws RpcError SEND_AS_PEER_INVALID, PEER_ID_INVALID
 */
export async function setDefaultSendAs(client: ClientCore, chat: PeerLike, sendAs: PeerLike): Promise<void> {
  await client.invoke({
    _: 'messages.saveDefaultSendAs',
    peer: await resolvePeer(client, chat),
    send_as: await resolvePeer(client, sendAs),
  });
}

/**
 * Your default send-as peer in a supergroup or channel (`channelFull.default_send_as`),
 * or undefined when none was chosen.
 *
 * @example
 * ```ts
 * const def = await client.getDefaultSendAs(group);
 * await client.sendMessage(group, 'hi', def ? { sendAs: def } : {});
 * ```
 * @throws ArgumentError for a basic group or user; RpcError CHANNEL_PRIVATE
 */
export async function getDefaultSendAs(client: ClientCore, chat: PeerLike): Promise<User | Chat | undefined> {
  const t = await resolveChatTarget(client, chat, 'getDefaultSendAs');
  if (t.kind !== 'channel') throw new ArgumentError('getDefaultSendAs: send-as exists only in supergroups and channels');
  const res = await client.invoke({ _: 'channels.getFullChannel', channel: t.channel });
  const full = res.full_chat;
  const def = full._ === 'channelFull' ? full.default_send_as : undefined;
  return def ? new PeerIndex(res.users, res.chats).peer(def) : undefined;
}
