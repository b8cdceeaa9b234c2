/** `deleteMessages` (https://core.telegram.org/method/messages.deleteMessages, https://core.telegram.org/method/channels.deleteMessages). */
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';

/**
 * Deletes messages of `peer`; returns how many the server removed
 * (`pts_count`). In private chats and basic groups `revoke` deletes them
 * for everyone (default: true); in channels deletion is always for everyone.
 *
 * @example
 * ```ts
 * await deleteMessages(client, '@bob', [41, 42], { revoke: false }); // only for me
 * ```
 * @throws RpcError MESSAGE_DELETE_FORBIDDEN, CHANNEL_PRIVATE
 */
export async function deleteMessages(
  client: ClientCore,
  peer: PeerLike,
  ids: number[],
  params: { revoke?: boolean } = {},
): Promise<number> {
  const p = await resolvePeer(client, peer);
  if (p._ === 'inputPeerChannel') {
    const r = await client.invoke({
      _: 'channels.deleteMessages',
      channel: { _: 'inputChannel', channel_id: p.channel_id, access_hash: p.access_hash },
      id: ids,
    });
    return r.pts_count;
  }
  const r = await client.invoke({ _: 'messages.deleteMessages', id: ids, ...(params.revoke !== false && { revoke: true }) });
  return r.pts_count;
}
