/**
 * `editInlineMessage` (https://core.telegram.org/method/messages.editInlineBotMessage):
 * a bot edits a message a user sent through it in inline mode — it has no
 * copy of it, only the id from `updateBotInlineSend` (with inline feedback on)
 * or from a button press on it (`updateInlineBotCallbackQuery`). The call goes
 * to the DC the id names, as Telegram asks.
 */
import type { InputBotInlineMessageID, MessageEntity, ReplyMarkup } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { formatText } from '../messages/send-message.js';
import { parseInlineMessageId } from './inline-message-id.js';

/** What to change (anything left out stays as it is). */
export interface EditInlineMessageParams {
  /** New text. */
  text?: string;
  entities?: MessageEntity[];
  parseMode?: 'markdown' | 'html';
  noWebpage?: boolean;
  /** New inline keyboard (`inlineKeyboard([])` removes the buttons). */
  replyMarkup?: ReplyMarkup.replyInlineMarkup;
}

/**
 * Edits the text and/or the buttons of an inline message, named by its
 * `InputBotInlineMessageID` or the Bot API-style string of it.
 *
 * @example
 * ```ts
 * client.on('callbackQuery', async (q) => {
 *   if (q.inlineMessageId) await editInlineMessage(client, q.inlineMessageId, { text: 'Voted ✅', replyMarkup: inlineKeyboard([]) });
 *   await q.answer();
 * });
 * ```
 * @throws RpcError MESSAGE_NOT_MODIFIED, MESSAGE_ID_INVALID, MESSAGE_EMPTY, REPLY_MARKUP_INVALID, USER_BOT_REQUIRED
 * @throws ArgumentError for a string that is not an inline message id
 */
export async function editInlineMessage(
  client: ClientCore,
  id: InputBotInlineMessageID | string,
  params: EditInlineMessageParams | string,
): Promise<void> {
  const p = typeof params === 'string' ? { text: params } : params;
  const ref = parseInlineMessageId(id);
  const f = p.text === undefined ? undefined : formatText(p.text, p);
  await client.invoke(
    {
      _: 'messages.editInlineBotMessage',
      id: ref,
      ...(f && { message: f.text }),
      ...(f?.entities && { entities: f.entities }),
      ...(p.noWebpage && { no_webpage: true }),
      ...(p.replyMarkup && { reply_markup: p.replyMarkup }),
    },
    { dcId: ref.dc_id },
  );
}
