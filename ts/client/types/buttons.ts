/**
 * Keyboard buttons as plain TL objects (https://core.telegram.org/api/bots/buttons):
 * `InlineButton.*` for the buttons under a message (callback, URL, switch
 * inline, game, buy, login URL, user profile, web app, copy text) and
 * `ReplyButton.*` for a reply keyboard (text, request contact / location /
 * poll / peer, web app). Each returns the `KeyboardButton` constructor of
 * the layer, typed so an inline keyboard only takes inline kinds.
 */
import { ArgumentError } from '../../errors.js';
import type {
  ChatAdminRights,
  InlineQueryPeerType,
  InputUser,
  KeyboardButton,
  KeyboardButtonStyle,
  RequestPeerType,
} from '../../tl/generated/types.js';

/** Callback data limit: 1..64 bytes (https://core.telegram.org/bots/api#inlinekeyboardbutton). */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** The buttons an inline keyboard takes. */
export type InlineKeyboardButton =
  | KeyboardButton.keyboardButtonUrl
  | KeyboardButton.keyboardButtonCallback
  | KeyboardButton.keyboardButtonSwitchInline
  | KeyboardButton.keyboardButtonGame
  | KeyboardButton.keyboardButtonBuy
  | KeyboardButton.inputKeyboardButtonUrlAuth
  | KeyboardButton.inputKeyboardButtonUserProfile
  | KeyboardButton.keyboardButtonWebView
  | KeyboardButton.keyboardButtonCopy;

/** The buttons a reply keyboard takes. */
export type ReplyKeyboardButton =
  | KeyboardButton.keyboardButton
  | KeyboardButton.keyboardButtonRequestPhone
  | KeyboardButton.keyboardButtonRequestGeoLocation
  | KeyboardButton.keyboardButtonRequestPoll
  | KeyboardButton.keyboardButtonSimpleWebView
  | KeyboardButton.inputKeyboardButtonRequestPeer;

/** How a button looks (https://core.telegram.org/constructor/keyboardButtonStyle): one background colour, an optional custom emoji icon. */
export interface ButtonStyle {
  primary?: boolean;
  danger?: boolean;
  success?: boolean;
  /** Custom emoji id shown as the icon. */
  iconEmojiId?: bigint;
}

/** Chats a switch-inline button may open (https://core.telegram.org/type/InlineQueryPeerType). */
export type InlineChatType = 'sameBotPm' | 'pm' | 'botPm' | 'chat' | 'megagroup' | 'broadcast';

const PEER_TYPES: Record<InlineChatType, InlineQueryPeerType['_']> = {
  sameBotPm: 'inlineQueryPeerTypeSameBotPM',
  pm: 'inlineQueryPeerTypePM',
  botPm: 'inlineQueryPeerTypeBotPM',
  chat: 'inlineQueryPeerTypeChat',
  megagroup: 'inlineQueryPeerTypeMegagroup',
  broadcast: 'inlineQueryPeerTypeBroadcast',
};

function styleOf(s: ButtonStyle | undefined): { style?: KeyboardButtonStyle } {
  if (!s) return {};
  const style: KeyboardButtonStyle = { _: 'keyboardButtonStyle' };
  if (s.primary) style.bg_primary = true;
  if (s.danger) style.bg_danger = true;
  if (s.success) style.bg_success = true;
  if (s.iconEmojiId !== undefined) style.icon = s.iconEmojiId;
  return { style };
}

function checkText(text: string): string {
  if (typeof text !== 'string' || text.trim() === '') throw new ArgumentError('a button needs a non-empty text');
  return text;
}

/** Callback data as bytes (strings as UTF-8), checked against the 64-byte limit. */
export function callbackData(data: string | Uint8Array): Uint8Array {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  if (bytes.length === 0 || bytes.length > CALLBACK_DATA_MAX_BYTES)
    throw new ArgumentError(`callback data must be 1..${CALLBACK_DATA_MAX_BYTES} bytes, got ${bytes.length}`);
  return bytes;
}

/**
 * Buttons under a message.
 *
 * @example
 * ```ts
 * const markup = inlineKeyboard([
 *   [InlineButton.callback('👍', 'vote:up'), InlineButton.callback('👎', 'vote:down')],
 *   [InlineButton.url('Docs', 'https://core.telegram.org/bots')],
 *   [InlineButton.switchInline('Share', 'cats', { samePeer: false })],
 * ]);
 * await client.sendMessage(chat, 'Vote!', { replyMarkup: markup });
 * ```
 */
export const InlineButton = {
  /** Sends `data` (a string as UTF-8, or bytes; 1..64 bytes) to the bot as a callback query when pressed. */
  callback(
    text: string,
    data: string | Uint8Array,
    options: { requiresPassword?: boolean; style?: ButtonStyle } = {},
  ): KeyboardButton.keyboardButtonCallback {
    return {
      _: 'keyboardButtonCallback',
      text: checkText(text),
      data: callbackData(data),
      ...(options.requiresPassword && { requires_password: true }),
      ...styleOf(options.style),
    };
  },
  /** Opens `url` (http(s):// or tg://). */
  url(text: string, url: string, options: { style?: ButtonStyle } = {}): KeyboardButton.keyboardButtonUrl {
    return { _: 'keyboardButtonUrl', text: checkText(text), url, ...styleOf(options.style) };
  },
  /**
   * Starts an inline query `@bot query`: in the current chat with `samePeer`,
   * else in a chat the user picks (limited to `chatTypes` when given).
   */
  switchInline(
    text: string,
    query = '',
    options: { samePeer?: boolean; chatTypes?: InlineChatType[]; style?: ButtonStyle } = {},
  ): KeyboardButton.keyboardButtonSwitchInline {
    return {
      _: 'keyboardButtonSwitchInline',
      text: checkText(text),
      query,
      ...(options.samePeer && { same_peer: true }),
      ...(options.chatTypes && { peer_types: options.chatTypes.map((t) => ({ _: PEER_TYPES[t] }) as InlineQueryPeerType) }),
      ...styleOf(options.style),
    };
  },
  /** Starts the inline query in the current chat (`switchInline(text, query, { samePeer: true })`). */
  switchInlineCurrentChat(text: string, query = ''): KeyboardButton.keyboardButtonSwitchInline {
    return InlineButton.switchInline(text, query, { samePeer: true });
  },
  /** Launches the game of the message (must be the first button). */
  game(text: string, options: { style?: ButtonStyle } = {}): KeyboardButton.keyboardButtonGame {
    return { _: 'keyboardButtonGame', text: checkText(text), ...styleOf(options.style) };
  },
  /** Pays the invoice of the message (must be the first button). */
  buy(text: string, options: { style?: ButtonStyle } = {}): KeyboardButton.keyboardButtonBuy {
    return { _: 'keyboardButtonBuy', text: checkText(text), ...styleOf(options.style) };
  },
  /** Logs the user in to a website (https://core.telegram.org/api/url-authorization), checked by `bot`. */
  loginUrl(
    text: string,
    url: string,
    options: { bot: InputUser; forwardText?: string; requestWriteAccess?: boolean; style?: ButtonStyle },
  ): KeyboardButton.inputKeyboardButtonUrlAuth {
    return {
      _: 'inputKeyboardButtonUrlAuth',
      text: checkText(text),
      url,
      bot: options.bot,
      ...(options.forwardText !== undefined && { fwd_text: options.forwardText }),
      ...(options.requestWriteAccess && { request_write_access: true }),
      ...styleOf(options.style),
    };
  },
  /** Opens a user's profile. */
  userProfile(text: string, user: InputUser, options: { style?: ButtonStyle } = {}): KeyboardButton.inputKeyboardButtonUserProfile {
    return { _: 'inputKeyboardButtonUserProfile', text: checkText(text), user_id: user, ...styleOf(options.style) };
  },
  /** Opens a Web App (https://core.telegram.org/api/bots/webapps) at `url` (https). */
  webApp(text: string, url: string, options: { style?: ButtonStyle } = {}): KeyboardButton.keyboardButtonWebView {
    return { _: 'keyboardButtonWebView', text: checkText(text), url, ...styleOf(options.style) };
  },
  /** Copies `copyText` to the clipboard. */
  copyText(text: string, copyText: string, options: { style?: ButtonStyle } = {}): KeyboardButton.keyboardButtonCopy {
    return { _: 'keyboardButtonCopy', text: checkText(text), copy_text: copyText, ...styleOf(options.style) };
  },
} as const;

/** What `ReplyButton.requestPeer` asks for (https://core.telegram.org/api/bots/buttons#peer-selection). */
export interface RequestPeerOptions {
  /** Id the bot gets back with the chosen peers (`messageActionRequestedPeer`). */
  buttonId: number;
  /** A user (`{ bot?, premium? }`), a group (`{ group: ... }`) or a channel (`{ channel: ... }`); or the raw `RequestPeerType`. */
  peerType:
    | { user: { bot?: boolean; premium?: boolean } }
    | {
        group: {
          creator?: boolean;
          botMember?: boolean;
          hasUsername?: boolean;
          forum?: boolean;
          userAdminRights?: ChatAdminRights;
          botAdminRights?: ChatAdminRights;
        };
      }
    | { channel: { creator?: boolean; hasUsername?: boolean; userAdminRights?: ChatAdminRights; botAdminRights?: ChatAdminRights } }
    | RequestPeerType;
  /** How many peers the user may pick (1..10, default 1). */
  maxQuantity?: number;
  /** Also send the name / username / photo of the chosen peers. */
  requestName?: boolean;
  requestUsername?: boolean;
  requestPhoto?: boolean;
  style?: ButtonStyle;
}

function requestPeerType(t: RequestPeerOptions['peerType']): RequestPeerType {
  if ('_' in t) return t;
  if ('user' in t) {
    return {
      _: 'requestPeerTypeUser',
      ...(t.user.bot !== undefined && { bot: t.user.bot }),
      ...(t.user.premium !== undefined && { premium: t.user.premium }),
    };
  }
  if ('group' in t) {
    const g = t.group;
    return {
      _: 'requestPeerTypeChat',
      ...(g.creator && { creator: true }),
      ...(g.botMember && { bot_participant: true }),
      ...(g.hasUsername !== undefined && { has_username: g.hasUsername }),
      ...(g.forum !== undefined && { forum: g.forum }),
      ...(g.userAdminRights && { user_admin_rights: g.userAdminRights }),
      ...(g.botAdminRights && { bot_admin_rights: g.botAdminRights }),
    };
  }
  const c = t.channel;
  return {
    _: 'requestPeerTypeBroadcast',
    ...(c.creator && { creator: true }),
    ...(c.hasUsername !== undefined && { has_username: c.hasUsername }),
    ...(c.userAdminRights && { user_admin_rights: c.userAdminRights }),
    ...(c.botAdminRights && { bot_admin_rights: c.botAdminRights }),
  };
}

/**
 * Buttons of a reply keyboard (shown instead of the user's keyboard).
 *
 * @example
 * ```ts
 * const markup = replyKeyboard([[ReplyButton.requestContact('Share my phone')], ['Cancel']], { resize: true, oneTime: true });
 * ```
 */
export const ReplyButton = {
  /** Sends its text as a message. */
  text(text: string, options: { style?: ButtonStyle } = {}): KeyboardButton.keyboardButton {
    return { _: 'keyboardButton', text: checkText(text), ...styleOf(options.style) };
  },
  /** Sends the user's phone number as a contact (private chats only). */
  requestContact(text: string, options: { style?: ButtonStyle } = {}): KeyboardButton.keyboardButtonRequestPhone {
    return { _: 'keyboardButtonRequestPhone', text: checkText(text), ...styleOf(options.style) };
  },
  /** Sends the user's location (private chats only). */
  requestLocation(text: string, options: { style?: ButtonStyle } = {}): KeyboardButton.keyboardButtonRequestGeoLocation {
    return { _: 'keyboardButtonRequestGeoLocation', text: checkText(text), ...styleOf(options.style) };
  },
  /** Asks the user to create a poll (`quiz: true` only quizzes, `false` only regular polls, absent: either). */
  requestPoll(text: string, options: { quiz?: boolean; style?: ButtonStyle } = {}): KeyboardButton.keyboardButtonRequestPoll {
    return {
      _: 'keyboardButtonRequestPoll',
      text: checkText(text),
      ...(options.quiz !== undefined && { quiz: options.quiz }),
      ...styleOf(options.style),
    };
  },
  /** Asks the user to pick users, groups or channels and share them with the bot. */
  requestPeer(text: string, options: RequestPeerOptions): KeyboardButton.inputKeyboardButtonRequestPeer {
    const max = options.maxQuantity ?? 1;
    if (!Number.isInteger(max) || max < 1 || max > 10) throw new ArgumentError(`maxQuantity must be 1..10, got ${max}`);
    return {
      _: 'inputKeyboardButtonRequestPeer',
      text: checkText(text),
      button_id: options.buttonId,
      peer_type: requestPeerType(options.peerType),
      max_quantity: max,
      ...(options.requestName && { name_requested: true }),
      ...(options.requestUsername && { username_requested: true }),
      ...(options.requestPhoto && { photo_requested: true }),
      ...styleOf(options.style),
    };
  },
  /** Opens a Web App that can send data back to the bot (`keyboardButtonSimpleWebView`). */
  webApp(text: string, url: string, options: { style?: ButtonStyle } = {}): KeyboardButton.keyboardButtonSimpleWebView {
    return { _: 'keyboardButtonSimpleWebView', text: checkText(text), url, ...styleOf(options.style) };
  },
} as const;
