/** `sendInlineResult` (https://core.telegram.org/method/messages.sendInlineBotResult). */
import { WasmgramError } from '../../../errors.js';
import type { messages } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { Message } from '../../types/message.js';
import type { PeerLike } from '../../types/peer-like.js';
import { messagesFromUpdates, randomId } from '../messages/wrap.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { replyToField } from '../forums/topic-reply.js';
import { type SendPlaceParams, sendAsField } from '../messages/send-as.js';

/** Options of {@link sendInlineResult}. */
export interface SendInlineResultParams extends SendPlaceParams {
  /** Id of the message to reply to. */
  replyTo?: number;
  /** Deliver without a notification. */
  silent?: boolean;
  /** Clear the chat's draft. */
  clearDraft?: boolean;
  /** Hide `via @bot` (only some bots allow it). */
  hideVia?: boolean;
}

/**
 * Sends result `resultId` of an inline answer (from {@link getInlineResults})
 * to `peer`, as a user; the message shows `via @bot`.
 *
 * @example
 * ```ts
 * const res = await client.getInlineResults('@weather_bot', 'Berlin');
 * const m = await sendInlineResult(client, 'me', res, res.results[0]!.id);
 * ```
 * @throws RpcError RESULT_ID_INVALID, INLINE_RESULT_EXPIRED, QUERY_ID_EMPTY, CHAT_WRITE_FORBIDDEN, ...
 */
export async function sendInlineResult(
  client: ClientCore,
  peer: PeerLike,
  results: messages.BotResults | bigint,
  resultId: string,
  params: SendInlineResultParams = {},
): Promise<Message> {
  const rid = randomId(client);
  const res = await client.invoke({
    _: 'messages.sendInlineBotResult',
    peer: await resolvePeer(client, peer),
    query_id: typeof results === 'bigint' ? results : results.query_id,
    id: resultId,
    random_id: rid,
    ...replyToField(params.replyTo, params.topic),
    ...(await sendAsField(client, params.sendAs)),
    ...(params.silent && { silent: true }),
    ...(params.clearDraft && { clear_draft: true }),
    ...(params.hideVia && { hide_via: true }),
  });
  const [m] = messagesFromUpdates(client, res, [rid]);
  if (!m) throw new WasmgramError('messages.sendInlineBotResult: the answer does not contain the sent message');
  return m;
}
