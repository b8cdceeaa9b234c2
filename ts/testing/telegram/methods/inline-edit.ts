/**
 * `messages.editInlineBotMessage` (https://core.telegram.org/method/messages.editInlineBotMessage):
 * a bot edits a message a user sent through it (inline mode), named by the
 * `inputBotInlineMessageID64` it got in `updateBotInlineSend` or
 * `updateInlineBotCallbackQuery` (https://core.telegram.org/api/bots/inline).
 * The bot has no copy of such a message; the edit reaches every copy, as an
 * edit by the author would.
 */
import type { InputBotInlineMessageID } from '../../../tl/generated/types.js';
import { editMessage } from '../actions/change.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { StoredMessage } from '../store/mailbox.js';
import { storedMarkup } from './bots-markup.js';
import { botStore } from './bots-store.js';
import { checkBot } from './callback-queries.js';
import { checkEntities } from './message-input.js';

/** Longest message text (https://core.telegram.org/api/config#message-length-max). */
const MESSAGE_LENGTH_MAX = 4096;

/** Stable JSON for comparing markups (bigints and bytes included). */
function json(x: unknown): string {
  return JSON.stringify(x ?? null, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v instanceof Uint8Array ? Array.from(v) : v));
}

/**
 * The message an inline message id names, when it was sent through bot `botId`
 * and the id's access hash is the one given out for it; else 400 MESSAGE_ID_INVALID.
 * (Only the 64-bit form is given out by the emulator; the legacy form names nothing.)
 */
export function inlineMessage(call: MethodCall, botId: bigint, ref: InputBotInlineMessageID): StoredMessage {
  if (ref._ !== 'inputBotInlineMessageID64') throw badRequest('MESSAGE_ID_INVALID');
  const b = call.backend;
  // The owner is the author's account (private chats, basic groups) or the channel.
  const box = b.users.get(ref.owner_id)
    ? b.messages.account(ref.owner_id)
    : b.chats.channel(ref.owner_id)
      ? b.messages.channel(ref.owner_id)
      : undefined;
  const m = box?.get(ref.id);
  // The hash is looked up only for a message that exists: a made-up id allocates nothing.
  if (!m || m.viaBotId !== botId || m.action) throw badRequest('MESSAGE_ID_INVALID');
  if (botStore(b).inlineMessageId(ref.dc_id, ref.owner_id, ref.id).access_hash !== ref.access_hash) throw badRequest('MESSAGE_ID_INVALID');
  return m;
}

/** `messages.editInlineBotMessage`. */
export const inlineEditMethods: MethodTable = {
  'messages.editInlineBotMessage': {
    auth: true,
    run(call, req) {
      const me = checkBot(call);
      const m = inlineMessage(call, me, req.id);
      // Media of inline messages is not edited by the emulator (text, entities and buttons are).
      if (req.media) throw badRequest('MEDIA_INVALID');
      const text = req.message ?? m.text;
      const entities = req.entities ?? (req.message === undefined ? m.entities : undefined);
      if (req.message !== undefined) {
        if (text.trim() === '' && !m.media) throw badRequest('MESSAGE_EMPTY');
        if (text.length > MESSAGE_LENGTH_MAX) throw badRequest('MESSAGE_TOO_LONG');
      }
      checkEntities(text, entities);
      // Only inline keyboards can be edited in; an empty one removes the buttons.
      const markup = req.reply_markup === undefined ? m.replyMarkup : storedMarkup(call, req.reply_markup, true);
      const same = text === m.text && json(entities ?? []) === json(m.entities ?? []) && json(markup) === json(m.replyMarkup);
      if (same) throw badRequest('MESSAGE_NOT_MODIFIED');
      for (const c of m.link.copies) c.replyMarkup = markup;
      editMessage(call.backend, me, m, text, entities, undefined);
      return true;
    },
  },
};
