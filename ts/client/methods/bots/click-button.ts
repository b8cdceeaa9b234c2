/**
 * `clickButton`: what pressing a button of a message does, for a user
 * account (https://core.telegram.org/api/bots/buttons): a callback or game
 * button asks the bot (`messages.getBotCallbackAnswer`), a reply-keyboard
 * text button sends its text, URL / web app / copy buttons hand back what
 * the app would open or copy.
 */
import { ArgumentError } from '../../../errors.js';
import type { KeyboardButton } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { CallbackAnswer } from '../../types/callback-answer.js';
import { type ButtonSelector, findButton } from '../../types/keyboard.js';
import type { Message } from '../../types/message.js';
import { getCallbackAnswer, type GetCallbackAnswerParams } from './get-callback-answer.js';

/** What a click did. */
export type ClickResult =
  | { readonly kind: 'callback'; readonly button: KeyboardButton; readonly answer: CallbackAnswer }
  | { readonly kind: 'message'; readonly button: KeyboardButton; readonly message: Message }
  | { readonly kind: 'url'; readonly button: KeyboardButton; readonly url: string }
  | { readonly kind: 'copy'; readonly button: KeyboardButton; readonly text: string };

/**
 * Clicks a button of `message` (callback data, button text, `{ row, column }`
 * or a predicate selects it).
 *
 * @example
 * ```ts
 * const menu = (await client.getMessages('@shop_bot', [id]))[0]!;
 * const r = await clickButton(client, menu, { text: 'Buy' });
 * if (r.kind === 'callback') console.log(r.answer.text);
 * ```
 * @throws ArgumentError when the message has no such button, or the button is one only an app can use
 *   (switch inline, login URL, buy, request peer/contact/location/poll); RpcError as {@link getCallbackAnswer}
 */
export async function clickButton(
  client: ClientCore,
  message: Message,
  selector: ButtonSelector,
  params: GetCallbackAnswerParams = {},
): Promise<ClickResult> {
  const raw = message.raw;
  const markup = raw._ === 'message' ? raw.reply_markup : undefined;
  const button = findButton(markup, selector);
  if (!button) throw new ArgumentError(`message ${message.id} has no such button`);
  const peer = message.chat ?? message.chatId;
  switch (button._) {
    case 'keyboardButtonCallback':
      return { kind: 'callback', button, answer: await getCallbackAnswer(client, peer, message.id, button.data, params) };
    case 'keyboardButtonGame':
      return { kind: 'callback', button, answer: await getCallbackAnswer(client, peer, message.id, undefined, { ...params, game: true }) };
    case 'keyboardButton':
      return { kind: 'message', button, message: await client.sendMessage(peer, button.text) };
    case 'keyboardButtonUrl':
    case 'keyboardButtonWebView':
    case 'keyboardButtonSimpleWebView':
      return { kind: 'url', button, url: button.url };
    case 'keyboardButtonCopy':
      return { kind: 'copy', button, text: button.copy_text };
    default:
      throw new ArgumentError(`a ${button._} button is used through the app's UI, not clicked`);
  }
}
