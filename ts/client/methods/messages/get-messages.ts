/** `getMessages` (https://core.telegram.org/method/messages.getMessages, https://core.telegram.org/method/channels.getMessages). */
import type { ClientCore } from '../../core.js';
import type { Message } from '../../types/message.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { wrapMessages } from './wrap.js';

/**
 * Messages of `peer` by id, in the order asked; `undefined` where a message does not exist.
 *
 * @example
 * ```ts
 * const [first, missing] = await getMessages(client, 'me', [1, 999]);
 * ```
 */
export async function getMessages(client: ClientCore, peer: PeerLike, ids: number[]): Promise<(Message | undefined)[]> {
  const p = await resolvePeer(client, peer);
  const id = ids.map((x) => ({ _: 'inputMessageID' as const, id: x }));
  const res =
    p._ === 'inputPeerChannel'
      ? await client.invoke({
          _: 'channels.getMessages',
          channel: { _: 'inputChannel', channel_id: p.channel_id, access_hash: p.access_hash },
          id,
        })
      : await client.invoke({ _: 'messages.getMessages', id });
  const found = new Map(wrapMessages(client, res).map((m) => [m.id, m]));
  return ids.map((x) => found.get(x));
}
