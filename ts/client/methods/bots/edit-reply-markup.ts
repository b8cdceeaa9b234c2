/** `editReplyMarkup` (https://core.telegram.org/method/messages.editMessage with only `reply_markup`). */
import { WasmgramError } from '../../../errors.js';
import type { ReplyMarkup } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { Message } from '../../types/message.js';
import type { PeerLike } from '../../types/peer-like.js';
import { messagesFromUpdates } from '../messages/wrap.js';
import { resolvePeer } from '../peers/resolve-peer.js';

/**
 * Replaces the inline keyboard of message `id` (a bot's own message), leaving its text;
 * `inlineKeyboard([])` removes the buttons.
 *
 * @example
 * ```ts
 * client.on('callbackQuery', async (q) => {
 *   await q.answer({ text: 'Voted' });
 *   await editReplyMarkup(client, q.chatId!, q.messageId!, inlineKeyboard([[InlineButton.callback('✅ Voted', 'noop')]]));
 * });
 * ```
 * @throws RpcError MESSAGE_NOT_MODIFIED (same buttons), MESSAGE_ID_INVALID, REPLY_MARKUP_INVALID (not an inline keyboard)
 */
export async function editReplyMarkup(
  client: ClientCore,
  peer: PeerLike,
  id: number,
  markup: ReplyMarkup.replyInlineMarkup,
): Promise<Message> {
  const res = await client.invoke({ _: 'messages.editMessage', peer: await resolvePeer(client, peer), id, reply_markup: markup });
  const m = messagesFromUpdates(client, res).find((x) => x.id === id);
  if (!m) throw new WasmgramError('messages.editMessage: the answer does not contain the message');
  return m;
}
