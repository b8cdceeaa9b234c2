/**
 * Reply markup as Telegram takes it (https://core.telegram.org/api/bots/buttons):
 * only bots attach keyboards (a user's `reply_markup` is dropped, as
 * Telegram drops it); inline keyboards take only inline button kinds and
 * reply keyboards only reply kinds (400 BUTTON_TYPE_INVALID); callback data
 * is 1..64 bytes (400 BUTTON_DATA_INVALID); URLs must be http(s) or tg://
 * (400 BUTTON_URL_INVALID; web apps https only); the `input…` buttons are
 * stored as the buttons users receive (a user profile with its id, a login
 * URL with a button id).
 */
import type { KeyboardButton, KeyboardButtonRow, ReplyMarkup } from '../../../tl/generated/types.js';
import type { MethodCall } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import { resolveUser } from './peers.js';

/** Callback data limit (https://core.telegram.org/constructor/keyboardButtonCallback; the Bot API's 1-64 bytes). */
const CALLBACK_DATA_MAX = 64;
/** Most buttons in one keyboard (Telegram answers REPLY_MARKUP_TOO_LONG past it). */
const BUTTONS_MAX = 100;
/** Longest button text. */
const BUTTON_TEXT_MAX = 64;
/** Longest input-field placeholder. */
const PLACEHOLDER_MAX = 64;

const INLINE_KINDS = new Set<KeyboardButton['_']>([
  'keyboardButtonUrl',
  'keyboardButtonCallback',
  'keyboardButtonSwitchInline',
  'keyboardButtonGame',
  'keyboardButtonBuy',
  'keyboardButtonUrlAuth',
  'inputKeyboardButtonUrlAuth',
  'inputKeyboardButtonUserProfile',
  'keyboardButtonUserProfile',
  'keyboardButtonWebView',
  'keyboardButtonCopy',
]);

const REPLY_KINDS = new Set<KeyboardButton['_']>([
  'keyboardButton',
  'keyboardButtonRequestPhone',
  'keyboardButtonRequestGeoLocation',
  'keyboardButtonRequestPoll',
  'keyboardButtonSimpleWebView',
  'keyboardButtonRequestPeer',
  'inputKeyboardButtonRequestPeer',
]);

function checkUrl(url: string, httpsOnly: boolean): void {
  const ok = httpsOnly ? /^https:\/\/[^\s/]+/i.test(url) : /^(https?:\/\/[^\s/]+|tg:\/\/\S+)/i.test(url);
  if (!ok || url.length > 2048) throw badRequest('BUTTON_URL_INVALID');
}

/** One button as stored, after its checks. */
function storedButton(call: MethodCall, b: KeyboardButton, position: number): KeyboardButton {
  if (b.text.trim() === '' || b.text.length > BUTTON_TEXT_MAX) throw badRequest('BUTTON_TEXT_INVALID');
  switch (b._) {
    case 'keyboardButtonCallback':
      if (b.data.length === 0 || b.data.length > CALLBACK_DATA_MAX) throw badRequest('BUTTON_DATA_INVALID');
      return b;
    case 'keyboardButtonUrl':
      checkUrl(b.url, false);
      return b;
    case 'keyboardButtonWebView':
    case 'keyboardButtonSimpleWebView':
      checkUrl(b.url, true);
      return b;
    case 'keyboardButtonUrlAuth':
    case 'inputKeyboardButtonUrlAuth': {
      checkUrl(b.url, true);
      if (b._ === 'inputKeyboardButtonUrlAuth') resolveUser(call, b.bot); // must name a bot the caller knows
      const out: KeyboardButton.keyboardButtonUrlAuth = { _: 'keyboardButtonUrlAuth', text: b.text, url: b.url, button_id: position };
      if (b.fwd_text !== undefined) out.fwd_text = b.fwd_text;
      if (b.style) out.style = b.style;
      return out;
    }
    case 'inputKeyboardButtonUserProfile': {
      const u = resolveUser(call, b.user_id);
      const out: KeyboardButton.keyboardButtonUserProfile = { _: 'keyboardButtonUserProfile', text: b.text, user_id: u.id };
      if (b.style) out.style = b.style;
      return out;
    }
    case 'inputKeyboardButtonRequestPeer': {
      if (b.max_quantity < 1 || b.max_quantity > 10) throw badRequest('REPLY_MARKUP_INVALID');
      const out: KeyboardButton.keyboardButtonRequestPeer = {
        _: 'keyboardButtonRequestPeer',
        text: b.text,
        button_id: b.button_id,
        peer_type: b.peer_type,
        max_quantity: b.max_quantity,
      };
      if (b.style) out.style = b.style;
      return out;
    }
    case 'keyboardButtonRequestPeer':
      if (b.max_quantity < 1 || b.max_quantity > 10) throw badRequest('REPLY_MARKUP_INVALID');
      return b;
    case 'keyboardButtonCopy':
      if (b.copy_text === '' || b.copy_text.length > 256) throw badRequest('BUTTON_COPY_TEXT_INVALID');
      return b;
    default:
      return b;
  }
}

function storedRows(call: MethodCall, rows: readonly KeyboardButtonRow[], kinds: ReadonlySet<KeyboardButton['_']>): KeyboardButtonRow[] {
  let count = 0;
  const out: KeyboardButtonRow[] = [];
  for (const row of rows) {
    if (row.buttons.length === 0) throw badRequest('REPLY_MARKUP_INVALID');
    const buttons: KeyboardButton[] = [];
    for (const b of row.buttons) {
      if (!kinds.has(b._)) throw badRequest('BUTTON_TYPE_INVALID');
      if (++count > BUTTONS_MAX) throw badRequest('REPLY_MARKUP_TOO_LONG');
      buttons.push(storedButton(call, b, count));
    }
    out.push({ _: 'keyboardButtonRow', buttons });
  }
  return out;
}

/**
 * The markup a message keeps, or undefined: a user's markup is dropped,
 * a bot's is checked (see the module comment). `inlineOnly` for places that
 * take only inline keyboards (inline results, channel posts, edits).
 *
 * @throws RpcError 400 BUTTON_TYPE_INVALID, BUTTON_DATA_INVALID, BUTTON_URL_INVALID, BUTTON_TEXT_INVALID,
 *   REPLY_MARKUP_INVALID, REPLY_MARKUP_TOO_LONG
 */
export function storedMarkup(call: MethodCall, markup: ReplyMarkup | undefined, inlineOnly = false): ReplyMarkup | undefined {
  if (!markup || !call.self().bot) return undefined;
  if (inlineOnly && markup._ !== 'replyInlineMarkup') throw badRequest('REPLY_MARKUP_INVALID');
  switch (markup._) {
    case 'replyInlineMarkup':
      if (markup.rows.length === 0) return undefined; // an empty inline keyboard removes it
      return { _: 'replyInlineMarkup', rows: storedRows(call, markup.rows, INLINE_KINDS) };
    case 'replyKeyboardMarkup': {
      if (markup.rows.length === 0) throw badRequest('REPLY_MARKUP_INVALID');
      if (markup.placeholder !== undefined && markup.placeholder.length > PLACEHOLDER_MAX) throw badRequest('REPLY_MARKUP_INVALID');
      return { ...markup, rows: storedRows(call, markup.rows, REPLY_KINDS) };
    }
    case 'replyKeyboardForceReply':
      if (markup.placeholder !== undefined && markup.placeholder.length > PLACEHOLDER_MAX) throw badRequest('REPLY_MARKUP_INVALID');
      return markup;
    default:
      return markup;
  }
}

/** Every button of an inline keyboard, row by row (empty for other markup). */
export function inlineButtons(markup: ReplyMarkup | undefined): KeyboardButton[] {
  return markup?._ === 'replyInlineMarkup' ? markup.rows.flatMap((r) => r.buttons) : [];
}
