/**
 * What a scripted person does with bots (https://core.telegram.org/api/bots):
 * press an inline button (`messages.getBotCallbackAnswer`), type an inline
 * query (`messages.getInlineBotResults`) and send one of its results
 * (`messages.sendInlineBotResult`). `ScriptedUser` exposes these as
 * `pressButton`, `inlineQuery` and `sendInlineResult`.
 */
import { ArgumentError } from '../../errors.js';
import type { AnyRequest, InputPeer, InputUser, KeyboardButton, messages, ResultOf } from '../../tl/generated/types.js';
import type { StoredMessage } from '../telegram/store/mailbox.js';
import type { PeerRef } from '../telegram/store/peer-ref.js';

/** Which button to press: callback data (text or bytes), or `{ text }` for the button's label. */
export type ButtonChoice = string | Uint8Array | { readonly text: string } | { readonly row: number; readonly column: number };

/** The parts of a scripted account these actions use. */
export interface ScriptedActor {
  invoke<R extends AnyRequest>(request: R): Promise<ResultOf<R>>;
  inputPeer(t: PeerRef): InputPeer;
  inputUser(t: PeerRef): InputUser;
}

const utf8 = new TextDecoder();

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The button of `message`'s inline keyboard that `choice` names, or ArgumentError. */
export function findButton(message: StoredMessage, choice: ButtonChoice): KeyboardButton {
  const markup = message.replyMarkup;
  if (markup?._ !== 'replyInlineMarkup') throw new ArgumentError(`message ${message.id} has no inline keyboard`);
  if (typeof choice === 'object' && 'row' in choice) {
    const b = markup.rows[choice.row]?.buttons[choice.column];
    if (!b) throw new ArgumentError(`no button at row ${choice.row}, column ${choice.column}`);
    return b;
  }
  const all = markup.rows.flatMap((r) => r.buttons);
  const found = all.find((b) => {
    if (choice instanceof Uint8Array) return b._ === 'keyboardButtonCallback' && sameBytes(b.data, choice);
    if (typeof choice === 'string') return b._ === 'keyboardButtonCallback' && utf8.decode(b.data) === choice;
    return b.text === choice.text;
  });
  if (!found)
    throw new ArgumentError(
      `no such button on message ${message.id}: ${JSON.stringify(typeof choice === 'object' && 'text' in choice ? choice.text : choice instanceof Uint8Array ? [...choice] : choice)}`,
    );
  return found;
}

/**
 * Presses a callback (or game) button of `message` and resolves with the
 * bot's answer; rejects with the RpcError Telegram gives (DATA_INVALID,
 * BOT_RESPONSE_TIMEOUT, ...).
 */
export async function pressButton(actor: ScriptedActor, message: StoredMessage, choice: ButtonChoice): Promise<messages.BotCallbackAnswer> {
  const b = findButton(message, choice);
  if (b._ !== 'keyboardButtonCallback' && b._ !== 'keyboardButtonGame')
    throw new ArgumentError(`button "${b.text}" is a ${b._}, not a callback or game button`);
  return actor.invoke({
    _: 'messages.getBotCallbackAnswer',
    peer: actor.inputPeer(message.peer),
    msg_id: message.id,
    ...(b._ === 'keyboardButtonCallback' ? { data: b.data } : { game: true }),
  });
}

/** Sends inline query `query` to `bot` from chat `chat` and resolves with the bot's results. */
export function inlineQuery(actor: ScriptedActor, bot: PeerRef, chat: PeerRef, query: string, offset = ''): Promise<messages.BotResults> {
  return actor.invoke({ _: 'messages.getInlineBotResults', bot: actor.inputUser(bot), peer: actor.inputPeer(chat), query, offset });
}
