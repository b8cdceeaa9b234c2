/** `readHistory` (https://core.telegram.org/method/messages.readHistory, https://core.telegram.org/method/channels.readHistory). */
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';

/**
 * Marks `peer` as read up to `maxId` (default: everything).
 *
 * @example
 * ```ts
 * await readHistory(client, '@alice');
 * ```
 */
export async function readHistory(client: ClientCore, peer: PeerLike, params: { maxId?: number } = {}): Promise<void> {
  const p = await resolvePeer(client, peer);
  const maxId = params.maxId ?? 0;
  if (p._ === 'inputPeerChannel') {
    await client.invoke({
      _: 'channels.readHistory',
      channel: { _: 'inputChannel', channel_id: p.channel_id, access_hash: p.access_hash },
      max_id: maxId,
    });
  } else await client.invoke({ _: 'messages.readHistory', peer: p, max_id: maxId });
}
