/**
 * `Message`: a message with typed getters over the raw `message` /
 * `messageService` (https://core.telegram.org/constructor/message) and
 * bound helpers — `reply`, `edit`, `delete`, `forward`, `pin`, `unpin`.
 */
import type {
  InputBotInlineMessageID,
  InputPeer,
  KeyboardButton,
  MessageAction,
  MessageEntity,
  Peer,
  ReplyMarkup,
  Message as TlMessage,
} from '../../tl/generated/types.js';
import type { ClickResult } from '../methods/bots/click-button.js';
import type { EditInlineMessageParams } from '../methods/bots/edit-inline-message.js';
import type { GetCallbackAnswerParams } from '../methods/bots/get-callback-answer.js';
import type { DownloadParams } from '../methods/files/download-file.js';
import type { EditMessageParams } from '../methods/messages/edit-message.js';
import type { ButtonSelector } from './keyboard.js';
import type { Chat } from './chat.js';
import { type Media, setMediaOrigin, wrapMedia } from './media.js';
import { markedPeerId } from './marked-id.js';
import type { PeerIndex } from './peer-index.js';
import type { PeerLike } from './peer-like.js';
import type { User } from './user.js';
import { ArgumentError } from '../../errors.js';

/** The client methods a `Message`'s helpers call (the `TelegramClient` has them all). */
export interface MessageActions {
  sendMessage(peer: PeerLike, text: string, params?: { replyTo?: number }): Promise<Message>;
  editMessage(peer: PeerLike, id: number, text: string, params?: EditMessageParams): Promise<Message>;
  editReplyMarkup(peer: PeerLike, id: number, markup: ReplyMarkup.replyInlineMarkup): Promise<Message>;
  editInlineMessage(id: InputBotInlineMessageID | string, params: EditInlineMessageParams | string): Promise<void>;
  deleteMessages(peer: PeerLike, ids: number[], params?: { revoke?: boolean }): Promise<number>;
  forwardMessages(to: PeerLike, from: PeerLike, ids: number[]): Promise<Message[]>;
  pinMessage(peer: PeerLike, id: number, params?: { silent?: boolean }): Promise<void>;
  unpinMessage(peer: PeerLike, id: number): Promise<void>;
  getMessages(peer: PeerLike, ids: number[]): Promise<(Message | undefined)[]>;
  downloadToBuffer(target: Message | Media, params?: DownloadParams): Promise<Uint8Array>;
  clickButton(message: Message, selector: ButtonSelector, params?: GetCallbackAnswerParams): Promise<ClickResult>;
}

/** A message. The TL object is `.raw`; `sender` and `chat` come from the answer it arrived in. */
export class Message {
  /**
   * The client reference is plumbing, not data: a private field stays out of
   * inspect/JSON output (a non-enumerable property redefined per message cost
   * more than the rest of the wrapper while iterating history).
   */
  readonly #client: MessageActions;

  constructor(
    client: MessageActions,
    readonly raw: TlMessage.message | TlMessage.messageService,
    private readonly peers: PeerIndex,
  ) {
    this.#client = client;
  }

  get id(): number {
    return this.raw.id;
  }
  /** The text ('' for service messages). */
  get text(): string {
    return this.raw._ === 'message' ? this.raw.message : '';
  }
  /** Formatting of `text` (UTF-16 offsets). */
  get entities(): MessageEntity[] {
    return (this.raw._ === 'message' && this.raw.entities) || [];
  }
  get date(): Date {
    return new Date(this.raw.date * 1000);
  }
  get editDate(): Date | undefined {
    return this.raw._ === 'message' && this.raw.edit_date !== undefined ? new Date(this.raw.edit_date * 1000) : undefined;
  }
  /** Sent by the signed-in account. */
  get out(): boolean {
    return this.raw.out === true;
  }
  get pinned(): boolean {
    return this.raw._ === 'message' && this.raw.pinned === true;
  }
  get silent(): boolean {
    return this.raw.silent === true;
  }
  /** A service message (chat created, user joined, ...): see `action`. */
  get isService(): boolean {
    return this.raw._ === 'messageService';
  }
  get action(): MessageAction | undefined {
    return this.raw._ === 'messageService' ? this.raw.action : undefined;
  }
  /** Id of the message this one replies to. */
  get replyToId(): number | undefined {
    const r = this.raw.reply_to;
    return r?._ === 'messageReplyHeader' ? r.reply_to_msg_id : undefined;
  }
  /**
   * The forum topic it belongs to (https://core.telegram.org/api/forum): the
   * topic id for messages inside a topic and for a topic's own creation
   * message; undefined otherwise — which in a forum means the General topic (id 1).
   */
  get topicId(): number | undefined {
    if (this.raw._ === 'messageService' && this.raw.action._ === 'messageActionTopicCreate') return this.raw.id;
    const r = this.raw.reply_to;
    if (r?._ !== 'messageReplyHeader' || r.forum_topic !== true) return undefined;
    return r.reply_to_top_id ?? r.reply_to_msg_id;
  }
  /** Sent inside a forum topic other than General (`reply_to.forum_topic`). */
  get isTopicMessage(): boolean {
    const r = this.raw.reply_to;
    return r?._ === 'messageReplyHeader' && r.forum_topic === true;
  }
  /** Where it was forwarded from, when it is a forward. */
  get forwardFrom(): User | Chat | undefined {
    const f = this.raw._ === 'message' ? this.raw.fwd_from?.from_id : undefined;
    return f ? this.peers.peer(f) : undefined;
  }
  get isForward(): boolean {
    return this.raw._ === 'message' && this.raw.fwd_from !== undefined;
  }
  /**
   * Number of replies: comments on a channel post (see `hasComments`), or
   * replies to a discussion group's thread root; undefined when Telegram
   * sent no `replies` (https://core.telegram.org/api/discussion).
   */
  get replies(): number | undefined {
    return this.raw._ === 'message' ? this.raw.replies?.replies : undefined;
  }
  /** A channel post that can be commented on (its channel has a discussion group): `client.sendComment`, `iterComments`. */
  get hasComments(): boolean {
    return this.raw._ === 'message' && this.raw.replies?.comments === true;
  }
  /** Id of the latest comment or reply in its thread (in the discussion group), if any. */
  get lastReplyId(): number | undefined {
    return this.raw._ === 'message' ? this.raw.replies?.max_id : undefined;
  }
  /**
   * A channel post copied into the channel's discussion group by Telegram
   * (the root of its comment thread): forwarded from the channel, saved
   * from the same post (the Bot API's `is_automatic_forward`).
   */
  get isAutomaticForward(): boolean {
    const f = this.raw._ === 'message' ? this.raw.fwd_from : undefined;
    const from = this.raw.from_id;
    return (
      f?.saved_from_peer?._ === 'peerChannel' &&
      from?._ === 'peerChannel' &&
      f.saved_from_peer.channel_id === from.channel_id &&
      this.raw.peer_id._ === 'peerChannel' &&
      this.raw.peer_id.channel_id !== from.channel_id
    );
  }
  /** The chat's TL peer (for private chats: the other user, or yourself in Saved Messages). */
  get peer(): Peer {
    return this.raw.peer_id;
  }
  /** Bot API-style id of the chat. */
  get chatId(): bigint {
    return markedPeerId(this.raw.peer_id);
  }
  /** The chat as a `User` (private chats) or `Chat`, when the answer carried it. */
  get chat(): User | Chat | undefined {
    return this.peers.peer(this.raw.peer_id);
  }
  /** Who sent it: a user, or the channel for channel posts; undefined when the answer did not carry it. */
  get sender(): User | Chat | undefined {
    const from = this.raw.from_id ?? (this.raw.post ? this.raw.peer_id : undefined);
    return from ? this.peers.peer(from) : this.raw.peer_id._ === 'peerUser' && !this.out ? this.peers.peer(this.raw.peer_id) : undefined;
  }
  /** Sender's user id, when a user sent it. */
  get senderId(): bigint | undefined {
    const f = this.raw.from_id;
    if (f?._ === 'peerUser') return f.user_id;
    return !f && !this.out && this.raw.peer_id._ === 'peerUser' ? this.raw.peer_id.user_id : undefined;
  }
  /** The chat as an `InputPeer` built from the answer's peers (throws when it did not carry the chat). */
  get inputChat(): InputPeer {
    const c = this.chat;
    if (!c) throw new ArgumentError('the chat of this message is not known');
    return c.inputPeer;
  }

  /**
   * The photo or document it carries (undefined for text and other media
   * kinds). Downloading it refreshes an expired file reference by fetching
   * this message again.
   */
  /** The keyboard a bot attached (inline buttons, a reply keyboard, removal, force-reply), if any. */
  get replyMarkup(): ReplyMarkup | undefined {
    return this.raw._ === 'message' ? this.raw.reply_markup : undefined;
  }
  /** The buttons of an inline or reply keyboard, row by row (empty without one). */
  get buttons(): KeyboardButton[][] {
    const m = this.replyMarkup;
    return m && (m._ === 'replyInlineMarkup' || m._ === 'replyKeyboardMarkup') ? m.rows.map((r) => r.buttons) : [];
  }
  /**
   * Presses one of the message's buttons (see `client.clickButton`): a callback
   * button asks the bot and returns its answer, a reply-keyboard button sends its text.
   *
   * @example
   * ```ts
   * const r = await message.click('Buy');          // by text, or { row, column }, or callback data
   * if (r.kind === 'callback') console.log(r.answer.message);
   * ```
   */
  click(selector: ButtonSelector, params?: GetCallbackAnswerParams): Promise<ClickResult> {
    return this.#client.clickButton(this, selector, params);
  }
  get media(): Media | undefined {
    const media = wrapMedia(this.raw._ === 'message' ? this.raw.media : undefined);
    if (media) setMediaOrigin(media, { refetch: async () => (await this.#client.getMessages(this.chatRef(), [this.id]))[0]?.media });
    return media;
  }

  /**
   * Downloads its photo or document into memory (see `downloadToBuffer` for
   * ranges, progress and abort).
   *
   * @example
   * ```ts
   * const bytes = await message.download({ onProgress: (got, total) => console.log(got, total) });
   * ```
   */
  download(params?: DownloadParams): Promise<Uint8Array> {
    return this.#client.downloadToBuffer(this, params);
  }

  /** Replies in the same chat. */
  reply(text: string): Promise<Message> {
    return this.#client.sendMessage(this.chatRef(), text, { replyTo: this.id });
  }
  /** Edits the text (your own messages, or posts you may edit). */
  edit(text: string): Promise<Message> {
    return this.#client.editMessage(this.chatRef(), this.id, text);
  }
  /** Deletes it, for everyone by default. */
  delete(params: { revoke?: boolean } = { revoke: true }): Promise<number> {
    return this.#client.deleteMessages(this.chatRef(), [this.id], params);
  }
  /** Forwards it to `to`. */
  async forward(to: PeerLike): Promise<Message> {
    const [m] = await this.#client.forwardMessages(to, this.chatRef(), [this.id]);
    return m!;
  }
  /** Pins it. */
  pin(params?: { silent?: boolean }): Promise<void> {
    return this.#client.pinMessage(this.chatRef(), this.id, params);
  }
  /** Unpins it. */
  unpin(): Promise<void> {
    return this.#client.unpinMessage(this.chatRef(), this.id);
  }

  private chatRef(): PeerLike {
    return this.chat ?? this.chatId;
  }
}
