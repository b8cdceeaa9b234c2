/** Shared by the moderation methods: the chat and the member as the API wants them. */
import { WasmgramError } from '../../../errors.js';
import type { InputChannel, InputPeer, InputUser } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';

/** A basic group (`chat_id`) or a channel/supergroup (`InputChannel`). */
export type ChatTarget =
  | { readonly kind: 'group'; readonly chatId: bigint; readonly peer: InputPeer }
  | { readonly kind: 'channel'; readonly channel: InputChannel; readonly peer: InputPeer };

/** Resolves `chat` to a group or channel, or throws WasmgramError naming `method`. */
export async function resolveChatTarget(client: ClientCore, chat: PeerLike, method: string): Promise<ChatTarget> {
  const peer = await resolvePeer(client, chat);
  if (peer._ === 'inputPeerChat') return { kind: 'group', chatId: peer.chat_id, peer };
  if (peer._ === 'inputPeerChannel')
    return { kind: 'channel', channel: { _: 'inputChannel', channel_id: peer.channel_id, access_hash: peer.access_hash }, peer };
  throw new WasmgramError(`${method}: not a group or channel`);
}

/** The `InputPeer` of an `InputUser`. */
export function userAsPeer(u: InputUser): InputPeer {
  switch (u._) {
    case 'inputUserSelf':
      return { _: 'inputPeerSelf' };
    case 'inputUser':
      return { _: 'inputPeerUser', user_id: u.user_id, access_hash: u.access_hash };
    case 'inputUserFromMessage':
      return { _: 'inputPeerUserFromMessage', peer: u.peer, msg_id: u.msg_id, user_id: u.user_id };
    default:
      return { _: 'inputPeerEmpty' };
  }
}
