/** `forwardMessages` (https://core.telegram.org/method/messages.forwardMessages). */
import type { ClientCore } from '../../core.js';
import type { Message } from '../../types/message.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { replyToField } from '../forums/topic-reply.js';
import { type SendPlaceParams, sendAsField } from './send-as.js';
import { messagesFromUpdates, randomId } from './wrap.js';

/** Options of {@link forwardMessages}. */
export interface ForwardMessagesParams extends SendPlaceParams {
  silent?: boolean;
  /** Send as copies without the "forwarded from" header. */
  dropAuthor?: boolean;
}

/**
 * Forwards messages `ids` of `from` to `to`; returns the new messages in order.
 *
 * @example
 * ```ts
 * const [copy] = await forwardMessages(client, 'me', '@news_channel', [7]);
 * ```
 * @throws RpcError MESSAGE_ID_INVALID, CHAT_WRITE_FORBIDDEN, MESSAGE_IDS_EMPTY
 */
export async function forwardMessages(
  client: ClientCore,
  to: PeerLike,
  from: PeerLike,
  ids: number[],
  params: ForwardMessagesParams = {},
): Promise<Message[]> {
  const randomIds = ids.map(() => randomId(client));
  const res = await client.invoke({
    _: 'messages.forwardMessages',
    from_peer: await resolvePeer(client, from),
    to_peer: await resolvePeer(client, to),
    id: ids,
    random_id: randomIds,
    ...(params.silent && { silent: true }),
    ...(params.dropAuthor && { drop_author: true }),
    ...replyToField(undefined, params.topic),
    ...(await sendAsField(client, params.sendAs)),
  });
  return messagesFromUpdates(client, res, randomIds);
}
