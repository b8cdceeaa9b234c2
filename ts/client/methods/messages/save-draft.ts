/** `saveDraft` (https://core.telegram.org/method/messages.saveDraft). */
import type { MessageEntity } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';

/**
 * Saves the draft of `peer` (an empty text clears it); your other sessions see it.
 *
 * @example
 * ```ts
 * await saveDraft(client, '@alice', 'see you at');
 * ```
 */
export async function saveDraft(
  client: ClientCore,
  peer: PeerLike,
  text: string,
  params: { replyTo?: number; entities?: MessageEntity[] } = {},
): Promise<void> {
  await client.invoke({
    _: 'messages.saveDraft',
    peer: await resolvePeer(client, peer),
    message: text,
    ...(params.entities && { entities: params.entities }),
    ...(params.replyTo !== undefined && { reply_to: { _: 'inputReplyToMessage', reply_to_msg_id: params.replyTo } }),
  });
}
