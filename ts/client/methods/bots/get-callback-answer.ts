/** `getCallbackAnswer` (https://core.telegram.org/method/messages.getBotCallbackAnswer). */
import type { ClientCore } from '../../core.js';
import { callbackData } from '../../types/buttons.js';
import { type CallbackAnswer, toCallbackAnswer } from '../../types/callback-answer.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';

/** Options of {@link getCallbackAnswer}. */
export interface GetCallbackAnswerParams {
  /** Press the message's game button instead of a callback button (`data` is ignored). */
  game?: boolean;
  /** Give up after this many ms (TimeoutError); Telegram itself answers BOT_RESPONSE_TIMEOUT when the bot is silent. */
  timeoutMs?: number;
}

/**
 * Presses a callback button, as a user: sends its `data` for message
 * `messageId` in `peer` and resolves with the bot's answer.
 *
 * @example
 * ```ts
 * const answer = await getCallbackAnswer(client, '@shop_bot', menu.id, 'buy:42');
 * if (answer.alert) console.log('the bot says:', answer.text);
 * ```
 * @throws RpcError DATA_INVALID (no such button), MESSAGE_ID_INVALID, BOT_RESPONSE_TIMEOUT, PEER_ID_INVALID
 */
export async function getCallbackAnswer(
  client: ClientCore,
  peer: PeerLike,
  messageId: number,
  data: string | Uint8Array | undefined,
  params: GetCallbackAnswerParams = {},
): Promise<CallbackAnswer> {
  const raw = await client.invoke(
    {
      _: 'messages.getBotCallbackAnswer',
      peer: await resolvePeer(client, peer),
      msg_id: messageId,
      ...(params.game ? { game: true } : data !== undefined && { data: callbackData(data) }),
    },
    params.timeoutMs !== undefined ? { timeoutMs: params.timeoutMs } : {},
  );
  return toCallbackAnswer(raw);
}
