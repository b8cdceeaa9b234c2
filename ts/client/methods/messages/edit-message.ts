/** `editMessage` (https://core.telegram.org/method/messages.editMessage). */
import { WasmgramError } from '../../../errors.js';
import type { MessageEntity, ReplyMarkup } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { Message } from '../../types/message.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { formatText } from './send-message.js';
import { messagesFromUpdates } from './wrap.js';

/** Options of {@link editMessage}. */
export interface EditMessageParams {
  entities?: MessageEntity[];
  parseMode?: 'markdown' | 'html';
  noWebpage?: boolean;
  /** New buttons (bots only; an inline keyboard, or `inlineKeyboard([])` to remove them). */
  replyMarkup?: ReplyMarkup;
}

/**
 * Replaces the text of message `id` in `peer` and returns the edited message.
 *
 * @example
 * ```ts
 * const m = await client.sendMessage('me', 'tpyo');
 * await editMessage(client, 'me', m.id, 'typo');
 * ```
 * @throws RpcError MESSAGE_NOT_MODIFIED, MESSAGE_ID_INVALID, MESSAGE_AUTHOR_REQUIRED, MESSAGE_EMPTY
 */
export async function editMessage(
  client: ClientCore,
  peer: PeerLike,
  id: number,
  text: string,
  params: EditMessageParams = {},
): Promise<Message> {
  const f = formatText(text, params);
  const res = await client.invoke({
    _: 'messages.editMessage',
    peer: await resolvePeer(client, peer),
    id,
    message: f.text,
    ...(f.entities && { entities: f.entities }),
    ...(params.noWebpage && { no_webpage: true }),
    ...(params.replyMarkup && { reply_markup: params.replyMarkup }),
  });
  const m = messagesFromUpdates(client, res).find((x) => x.id === id);
  if (!m) throw new WasmgramError('messages.editMessage: the answer does not contain the message');
  return m;
}
