/**
 * Typed updates: what `client.updates()`, `client.on('newMessage', ...)` and
 * a client-bound `Dispatcher` hand out, built from the raw `Update`s the
 * message box delivers (https://core.telegram.org/api/updates). Each carries
 * the high-level types (`Message`, `User`, `Chat`) and helpers
 * (`update.reply()`, `callback.answer()`); `.raw` is the TL update.
 *
 * Message updates (`NewMessage`, `MessageEdited`) also expose the fields the
 * dispatcher's message filters read (`text`, `chat.type`, `sender`, ...: the
 * `MessageLike` shape of ts/dispatcher), so `command('start')` works on them.
 */
import type {
  InputBotInlineMessageID,
  InputBotInlineResult,
  Peer,
  SendMessageAction,
  UserStatus as TlUserStatus,
  Update,
} from '../../tl/generated/types.js';
import type { ClientCore } from '../core.js';
import type { EditInlineMessageParams } from '../methods/bots/edit-inline-message.js';
import { BotQuery } from './bot-query.js';
import type { Album } from './album.js';
import { Chat } from './chat.js';
import type { ChatBoost, MessageReaction, ParticipantUpdate } from './chat-updates.js';
import { markedPeerId } from './marked-id.js';
import type { Message } from './message.js';
import type { PreCheckoutQuery, ShippingQuery } from './payment-updates.js';
import type { PeerIndex } from './peer-index.js';
import type { User } from './user.js';

/** The chat kind the dispatcher's filters read (`private`, `bot`, `group`, `supergroup`, `channel`, `gigagroup`). */
export type UpdateChatType = 'private' | 'bot' | 'group' | 'supergroup' | 'channel' | 'gigagroup';

/** The chat of a message update, as the filters see it: marked id and kind. */
export interface UpdateChat {
  /** Bot API-style marked id (user id, `-chat_id`, `-100…channel_id`). */
  readonly id: bigint;
  readonly type: UpdateChatType;
  /** The `User` or `Chat` when the update carried it. */
  readonly peer: User | Chat | undefined;
}

function chatTypeOf(peer: Peer, p: User | Chat | undefined): UpdateChatType {
  if (peer._ === 'peerUser') return p && !(p instanceof Chat) && p.isBot ? 'bot' : 'private';
  if (peer._ === 'peerChat') return 'group';
  if (p instanceof Chat && p.raw._ === 'channel') return p.raw.gigagroup ? 'gigagroup' : p.raw.megagroup ? 'supergroup' : 'channel';
  return 'channel';
}

/** Shared by `NewMessage` and `MessageEdited`: the message, filter fields and helpers. */
abstract class MessageUpdate {
  private chatValue: UpdateChat | undefined;
  constructor(
    private readonly client: ClientCore,
    /** The message. */
    readonly message: Message,
    readonly raw: Update,
  ) {
    Object.defineProperty(this, 'client', { enumerable: false });
  }
  /** Text (or caption); '' when none. */
  get text(): string {
    return this.message.text;
  }
  /** The message id. */
  get id(): number {
    return this.message.id;
  }
  /** Chat id and kind (what `privateChat`, `group`, `chatId(...)` filters read). */
  get chat(): UpdateChat {
    if (!this.chatValue) {
      const peer = this.message.chat;
      this.chatValue = { id: this.message.chatId, type: chatTypeOf(this.message.peer, peer), peer };
    }
    return this.chatValue;
  }
  /** The sender (`id`, `isBot`, `username` for the filters); undefined for anonymous posts or when not carried. */
  get sender(): { id: bigint; isBot: boolean; username: string | undefined; peer: User | Chat | undefined } | undefined {
    const s = this.message.sender;
    if (!s) {
      const id = this.message.senderId;
      return id === undefined ? undefined : { id, isBot: false, username: undefined, peer: undefined };
    }
    return { id: s instanceof Chat ? s.markedId : s.id, isBot: !(s instanceof Chat) && s.isBot, username: s.username, peer: s };
  }
  /** Set when the message replies to another (its id). */
  get replyToMessage(): { id: number } | undefined {
    const id = this.message.replyToId;
    return id === undefined ? undefined : { id };
  }
  /** The forward header when forwarded. */
  get forward(): object | undefined {
    return this.message.raw._ === 'message' ? this.message.raw.fwd_from : undefined;
  }
  /** Attached media with its kind (`photo`, `document`, `geo`, `poll`, ... from the TL constructor). */
  get media(): { type: string } | undefined {
    const m = this.message.raw._ === 'message' ? this.message.raw.media : undefined;
    if (!m || m._ === 'messageMediaEmpty') return undefined;
    return { type: m._.replace(/^messageMedia/, '').replace(/^./, (c) => c.toLowerCase()) };
  }
  /** Sent by this account. */
  get out(): boolean {
    return this.message.out;
  }
  /** Replies to the message (see `Message.reply`). */
  reply(text: string): Promise<Message> {
    return this.message.reply(text);
  }
  /** Sends `text` to the same chat without replying. */
  answer(text: string): Promise<Message> {
    return this.client.sendMessage(this.message.chat ?? this.message.chatId, text);
  }
}

/** A new message (incoming, or sent by this account from elsewhere): `updateNewMessage` / `updateNewChannelMessage`. */
export class NewMessage extends MessageUpdate {
  readonly kind = 'newMessage' as const;
  /** The media group id when the message is part of an album (see `Album`). */
  get groupedId(): bigint | undefined {
    return this.message.raw._ === 'message' ? this.message.raw.grouped_id : undefined;
  }
}

/** A message was edited: `updateEditMessage` / `updateEditChannelMessage`. */
export class MessageEdited extends MessageUpdate {
  readonly kind = 'messageEdited' as const;
}

/** Messages were deleted: `updateDeleteMessages` (ids only, no chat) / `updateDeleteChannelMessages`. */
export class MessageDeleted {
  readonly kind = 'messageDeleted' as const;
  constructor(
    readonly ids: readonly number[],
    /** The channel (unmarked id) for channel deletions; undefined for private chats and basic groups. */
    readonly channelId: bigint | undefined,
    readonly raw: Update,
  ) {}
}

/** A press on an inline keyboard button: `updateBotCallbackQuery` / `updateInlineBotCallbackQuery`. */
export class CallbackQuery extends BotQuery<Update.updateBotCallbackQuery | Update.updateInlineBotCallbackQuery> {
  readonly kind = 'callbackQuery' as const;
  /** The button's data bytes (undefined for game buttons). */
  get data(): Uint8Array | undefined {
    return this.raw.data;
  }
  /** The data as UTF-8 text ('' when none). */
  get dataText(): string {
    return this.raw.data ? new TextDecoder().decode(this.raw.data) : '';
  }
  /** Marked id of the chat of the message with the button (undefined for inline messages). */
  get chatId(): bigint | undefined {
    return this.raw._ === 'updateBotCallbackQuery' ? markedPeerId(this.raw.peer) : undefined;
  }
  /** Id of the message with the button (undefined for inline messages). */
  get messageId(): number | undefined {
    return this.raw._ === 'updateBotCallbackQuery' ? this.raw.msg_id : undefined;
  }
  /**
   * The id of the inline message with the button (a message sent through the
   * bot in inline mode), for `editInlineMessage`; undefined for chat messages.
   */
  get inlineMessageId(): InputBotInlineMessageID | undefined {
    return this.raw._ === 'updateInlineBotCallbackQuery' ? this.raw.msg_id : undefined;
  }
  /**
   * Edits the message with the button: an inline message through
   * `messages.editInlineBotMessage`, a chat message through `messages.editMessage`.
   *
   * @example
   * ```ts
   * client.on('callbackQuery', async (q) => {
   *   await q.editMessage({ text: `Chosen: ${q.dataText}`, replyMarkup: inlineKeyboard([]) });
   *   await q.answer();
   * });
   * ```
   */
  async editMessage(params: EditInlineMessageParams | string): Promise<void> {
    const p = typeof params === 'string' ? { text: params } : params;
    if (this.raw._ === 'updateInlineBotCallbackQuery') {
      await this.client.editInlineMessage(this.raw.msg_id, p);
      return;
    }
    const chat = markedPeerId(this.raw.peer);
    if (p.text !== undefined) await this.client.editMessage(chat, this.raw.msg_id, p.text, p);
    else if (p.replyMarkup) await this.client.editReplyMarkup(chat, this.raw.msg_id, p.replyMarkup);
  }

  /** Answers the query (https://core.telegram.org/method/messages.setBotCallbackAnswer): a toast, an alert, or a URL. */
  async answer(params: { text?: string; alert?: boolean; url?: string; cacheTimeS?: number } = {}): Promise<void> {
    await this.client.invoke({
      _: 'messages.setBotCallbackAnswer',
      query_id: this.raw.query_id,
      cache_time: params.cacheTimeS ?? 0,
      ...(params.text !== undefined && { message: params.text }),
      ...(params.alert && { alert: true }),
      ...(params.url !== undefined && { url: params.url }),
    });
  }
}

/** An inline query (`@bot query`): `updateBotInlineQuery`. */
export class InlineQuery extends BotQuery<Update.updateBotInlineQuery> {
  readonly kind = 'inlineQuery' as const;
  get query(): string {
    return this.raw.query;
  }
  get offset(): string {
    return this.raw.offset;
  }
  /** Answers with TL results (https://core.telegram.org/method/messages.setInlineBotResults). */
  async answer(
    results: InputBotInlineResult[],
    params: { cacheTimeS?: number; nextOffset?: string; private?: boolean; gallery?: boolean } = {},
  ): Promise<void> {
    await this.client.invoke({
      _: 'messages.setInlineBotResults',
      query_id: this.raw.query_id,
      results,
      cache_time: params.cacheTimeS ?? 300,
      ...(params.nextOffset !== undefined && { next_offset: params.nextOffset }),
      ...(params.private && { private: true }),
      ...(params.gallery && { gallery: true }),
    });
  }
}

/** A chosen inline result (the user sent one of the bot's results): `updateBotInlineSend`. */
export class InlineSend {
  readonly kind = 'inlineSend' as const;
  constructor(
    readonly raw: Update.updateBotInlineSend,
    private readonly peers: PeerIndex,
  ) {}
  get userId(): bigint {
    return this.raw.user_id;
  }
  get from(): User | undefined {
    return this.peers.user(this.raw.user_id);
  }
  /** The chosen result's id. */
  get resultId(): string {
    return this.raw.id;
  }
  /** The sent message's inline id (Telegram gives it when the result has an inline keyboard), for `editInlineMessage`. */
  get inlineMessageId(): InputBotInlineMessageID | undefined {
    return this.raw.msg_id;
  }
  get query(): string {
    return this.raw.query;
  }
}

/** A user went online/offline: `updateUserStatus`. */
export class UserStatus {
  readonly kind = 'userStatus' as const;
  constructor(readonly raw: Update.updateUserStatus) {}
  get userId(): bigint {
    return this.raw.user_id;
  }
  get status(): TlUserStatus {
    return this.raw.status;
  }
  /** `userStatusOnline`. */
  get online(): boolean {
    return this.raw.status._ === 'userStatusOnline';
  }
}

/** A chat action (typing, uploading, ...): `updateUserTyping` / `updateChatUserTyping` / `updateChannelUserTyping`. */
export class UserTyping {
  readonly kind = 'userTyping' as const;
  constructor(readonly raw: Update.updateUserTyping | Update.updateChatUserTyping | Update.updateChannelUserTyping) {}
  /** Who acts (marked id: a user, or a channel acting as itself). */
  get userId(): bigint {
    return this.raw._ === 'updateUserTyping' ? this.raw.user_id : markedPeerId(this.raw.from_id);
  }
  /** Marked id of the chat (the user's id for private chats). */
  get chatId(): bigint {
    const r = this.raw;
    if (r._ === 'updateUserTyping') return r.user_id;
    return r._ === 'updateChatUserTyping'
      ? markedPeerId({ _: 'peerChat', chat_id: r.chat_id })
      : markedPeerId({ _: 'peerChannel', channel_id: r.channel_id });
  }
  get action(): SendMessageAction {
    return this.raw.action;
  }
}

/** The user stopped (`stopped: true`) or restarted the bot: `updateBotStopped`. */
export class BotStopped {
  readonly kind = 'botStopped' as const;
  constructor(readonly raw: Update.updateBotStopped) {}
  get userId(): bigint {
    return this.raw.user_id;
  }
  get stopped(): boolean {
    return this.raw.stopped;
  }
}

/** A vote in a poll the bot sent: `updateMessagePollVote`. */
export class PollVote {
  readonly kind = 'pollVote' as const;
  constructor(readonly raw: Update.updateMessagePollVote) {}
  get pollId(): bigint {
    return this.raw.poll_id;
  }
  /** Marked id of the voter (user or channel). */
  get voterId(): bigint {
    return markedPeerId(this.raw.peer);
  }
  /** The chosen options' bytes (empty: the vote was retracted). */
  get options(): readonly Uint8Array[] {
    return this.raw.options;
  }
}

/** A user asks to join a chat the bot administers: `updateBotChatInviteRequester` (decide with `messages.hideChatJoinRequest`). */
export class JoinRequest {
  readonly kind = 'joinRequest' as const;
  constructor(
    readonly raw: Update.updateBotChatInviteRequester,
    private readonly peers: PeerIndex,
  ) {}
  get userId(): bigint {
    return this.raw.user_id;
  }
  get from(): User | undefined {
    return this.peers.user(this.raw.user_id);
  }
  /** Marked id of the chat. */
  get chatId(): bigint {
    return markedPeerId(this.raw.peer);
  }
  get about(): string {
    return this.raw.about;
  }
}

/** Any other update, as the TL object. */
export class RawUpdate {
  readonly kind = 'raw' as const;
  constructor(
    readonly raw: Update,
    /** The peers that came with it. */
    readonly peers: PeerIndex,
  ) {}
  /** The TL constructor name (`updateReadHistoryInbox`, ...). */
  get type(): Update['_'] {
    return this.raw._;
  }
  /**
   * Marked id of the chat the update is about, when it names one (a `peer`
   * field or a `channel_id`): read receipts, pins, reactions... The
   * dispatcher orders such updates with their chat's messages.
   */
  get chatId(): bigint | undefined {
    const r = this.raw as { peer?: { _?: string }; channel_id?: unknown };
    const p = r.peer;
    if (p && (p._ === 'peerUser' || p._ === 'peerChat' || p._ === 'peerChannel')) return markedPeerId(p as Peer);
    return typeof r.channel_id === 'bigint' ? markedPeerId({ _: 'peerChannel', channel_id: r.channel_id }) : undefined;
  }
}

/** Every typed update. Switch on `kind`. */
export type TypedUpdate =
  | NewMessage
  | MessageEdited
  | MessageDeleted
  | CallbackQuery
  | InlineQuery
  | InlineSend
  | UserStatus
  | UserTyping
  | BotStopped
  | PollVote
  | JoinRequest
  | ParticipantUpdate
  | MessageReaction
  | ShippingQuery
  | PreCheckoutQuery
  | ChatBoost
  | Album
  | RawUpdate;

/** The `kind` names, mapped to their classes (the event names of `client.on`). */
export interface TypedUpdateMap {
  newMessage: NewMessage;
  messageEdited: MessageEdited;
  messageDeleted: MessageDeleted;
  callbackQuery: CallbackQuery;
  inlineQuery: InlineQuery;
  inlineSend: InlineSend;
  userStatus: UserStatus;
  userTyping: UserTyping;
  botStopped: BotStopped;
  pollVote: PollVote;
  joinRequest: JoinRequest;
  participantUpdate: ParticipantUpdate;
  messageReaction: MessageReaction;
  shippingQuery: ShippingQuery;
  preCheckoutQuery: PreCheckoutQuery;
  chatBoost: ChatBoost;
  album: Album;
  raw: RawUpdate;
}
