/**
 * A scripted account: a user or bot of the in-memory Telegram driven from
 * test code instead of a client. It talks to the backend the way a client
 * does (real method implementations, real errors, its own session that
 * receives its updates) but without sockets or MTProto, so a test can make
 * it send a message, join a group, and await what your bot answered.
 */
import { TimeoutError, ArgumentError } from '../../errors.js';
import type { InitConnectionFields } from '../../mtproto/session/init-connection.js';
import { wrapWithInitConnection } from '../../mtproto/session/init-connection.js';
import type {
  AnyRequest,
  Authorization,
  InputChannel,
  InputPeer,
  InputUser,
  MessageEntity,
  messages,
  ResultOf,
  Updates,
} from '../../tl/generated/types.js';
import { parseLoginTokenUrl } from '../../client/methods/auth/sign-in-qr.js';
import type { TelegramBackend } from '../telegram/backend.js';
import type { RequestContext } from '../telegram/context.js';
import type { ChatRecord } from '../telegram/store/chat-store.js';
import type { StoredMessage } from '../telegram/store/mailbox.js';
import type { PeerRef } from '../telegram/store/peer-ref.js';
import type { UserRecord } from '../telegram/user-store.js';
import { type ButtonChoice, inlineQuery, pressButton } from './scripted-bot-actions.js';
import { joinByLink, requestToJoin } from './scripted-chat-actions.js';
import { comment } from './scripted-comment-actions.js';
import { type PollChoice, type ReactionChoice, react, vote } from './scripted-message-actions.js';

/** Who or where: a scripted account, an account record, a group/channel record, or a peer ref. */
export type ScriptTarget = ScriptedUser | UserRecord | ChatRecord | PeerRef;

/** What `waitForMessage` waits for (every given field must match). */
export interface MessageFilter {
  /** The author. */
  from?: ScriptTarget;
  /** The chat it is in (for private chats: the other account). */
  chat?: ScriptTarget;
  /** Exact text, or a pattern the text must match. */
  text?: string | RegExp;
  /** Give up after this many ms with a TimeoutError (default 5000). */
  timeoutMs?: number;
}

/** Options of `sendMessage`. */
export interface ScriptedSendOptions {
  /** Id (in this account's view of the chat) of the message to reply to. */
  replyTo?: number;
  entities?: MessageEntity[];
  silent?: boolean;
  /** A forum topic to post in (https://core.telegram.org/api/forum). */
  topic?: number;
  /** Post as this peer (a channel this account owns, or the chat itself as its admin; https://core.telegram.org/api/send-as). */
  sendAs?: ScriptTarget;
}

const INIT: InitConnectionFields = {
  api_id: 1,
  device_model: 'wasmgram scripted user',
  system_version: 'in-memory',
  app_version: '1.0',
  system_lang_code: 'en',
  lang_pack: '',
  lang_code: 'en',
};

/** The ref of any target. */
export function refOfTarget(t: ScriptTarget): PeerRef {
  if (t instanceof ScriptedUser) return { kind: 'user', id: t.id };
  if ('kind' in t && 'members' in t) return { kind: t.kind === 'group' ? 'chat' : 'channel', id: t.id };
  if ('kind' in t) return t as PeerRef;
  return { kind: 'user', id: (t as UserRecord).id };
}

interface Waiter {
  match(m: StoredMessage): boolean;
  resolve(m: StoredMessage): void;
}

/** A scripted account; make one with `ScriptedWorld.user()` / `.bot()` / `.as()`. */
export class ScriptedUser {
  /** Messages that arrived and no `waitForMessage` took yet (oldest first). */
  private readonly inbox: StoredMessage[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly ctx: RequestContext;
  private ready: Promise<unknown>;

  /** @internal Use `ScriptedWorld`. */
  constructor(
    private readonly backend: TelegramBackend,
    /** The account. */
    readonly user: UserRecord,
  ) {
    const authKeyId = BigInt.asIntN(64, new DataView(backend.randomBytes(8).buffer).getBigUint64(0, true));
    this.ctx = backend.connect(user.dcId, { authKeyId, onUpdates: (u) => this.onUpdates(u) });
    backend.authorize(user.dcId, authKeyId, user.id);
    this.ready = backend.handle(this.ctx, wrapWithInitConnection({ _: 'updates.getState' }, INIT));
  }

  /** The account's user id. */
  get id(): bigint {
    return this.user.id;
  }

  /** Runs any API method as this account (real checks, real errors); its own updates come back to it. */
  async invoke<R extends AnyRequest>(request: R): Promise<ResultOf<R>> {
    await this.ready;
    return this.backend.handle(this.ctx, request);
  }

  /** The `InputPeer` this account uses for `t` (with the access hash it sees). */
  inputPeer(t: ScriptTarget): InputPeer {
    const r = refOfTarget(t);
    if (r.kind === 'user') {
      return r.id === this.id
        ? { _: 'inputPeerSelf' }
        : { _: 'inputPeerUser', user_id: r.id, access_hash: this.backend.accessHash(this.id, r) };
    }
    if (r.kind === 'chat') return { _: 'inputPeerChat', chat_id: r.id };
    return { _: 'inputPeerChannel', channel_id: r.id, access_hash: this.backend.accessHash(this.id, r) };
  }

  /** The `InputUser` this account uses for user `t`. */
  inputUser(t: ScriptTarget): InputUser {
    const p = this.inputPeer(t);
    if (p._ === 'inputPeerSelf') return { _: 'inputUserSelf' };
    if (p._ !== 'inputPeerUser') throw new ArgumentError('not a user');
    return { _: 'inputUser', user_id: p.user_id, access_hash: p.access_hash };
  }

  /** The `InputChannel` this account uses for channel `t`. */
  inputChannel(t: ScriptTarget): InputChannel {
    const p = this.inputPeer(t);
    if (p._ !== 'inputPeerChannel') throw new ArgumentError('not a channel');
    return { _: 'inputChannel', channel_id: p.channel_id, access_hash: p.access_hash };
  }

  /**
   * Sends a text message and returns this account's copy of it.
   *
   * @example
   * ```ts
   * await alice.sendMessage(bot, '/start');
   * ```
   */
  async sendMessage(to: ScriptTarget, text: string, options: ScriptedSendOptions = {}): Promise<StoredMessage> {
    const peer = refOfTarget(to);
    const result = await this.invoke({
      _: 'messages.sendMessage',
      peer: this.inputPeer(to),
      message: text,
      random_id: BigInt.asIntN(64, new DataView(this.backend.randomBytes(8).buffer).getBigUint64(0, true)),
      ...((options.replyTo !== undefined || options.topic !== undefined) && {
        reply_to: {
          _: 'inputReplyToMessage',
          reply_to_msg_id: options.replyTo ?? options.topic!,
          ...(options.topic !== undefined && { top_msg_id: options.topic }),
        },
      }),
      ...(options.sendAs !== undefined && { send_as: this.inputPeer(options.sendAs) }),
      ...(options.entities && { entities: options.entities }),
      ...(options.silent && { silent: true }),
    });
    return this.sentCopy(peer, result);
  }

  /** Replies to `message` (a copy this account received or sent) in its chat. */
  reply(message: StoredMessage, text: string): Promise<StoredMessage> {
    return this.sendMessage(message.peer, text, { replyTo: message.id });
  }

  /**
   * Comments on post `postId` of a broadcast `channel` that has a discussion
   * group (https://core.telegram.org/api/discussion): replies to the post's
   * copy in the group, or with `replyTo` to another comment there (its id in
   * the group). Resolves with this account's copy of the comment; the
   * channel's readers see the post's `replies` grow.
   *
   * @example
   * ```ts
   * const post = await alice.waitForMessage({ from: channel });
   * const c = await alice.comment(channel, post.id, 'first!');
   * ```
   */
  comment(channel: ScriptTarget, postId: number, text: string, options: { replyTo?: number } = {}): Promise<StoredMessage> {
    return comment(this, refOfTarget(channel), postId, text, options);
  }

  /**
   * Presses an inline button of `message` (a copy this account received) —
   * by callback data, `{ text }` or `{ row, column }` — and resolves with the
   * bot's answer (`messages.botCallbackAnswer`), or rejects with Telegram's
   * error (DATA_INVALID, BOT_RESPONSE_TIMEOUT, ...).
   *
   * @example
   * ```ts
   * const menu = await alice.waitForMessage({ from: bot });
   * const answer = await alice.pressButton(menu, 'like');
   * assert.is(answer.message, 'Thanks!');
   * ```
   */
  pressButton(message: StoredMessage, button: ButtonChoice): Promise<messages.BotCallbackAnswer> {
    return pressButton(this, message, button);
  }

  /**
   * Reacts to `message` (a copy this account received or sent) with one or
   * more emoji (or custom emoji); `[]` takes the reaction back. The chat's
   * members get `updateMessageReactions`.
   *
   * @example
   * ```ts
   * const post = await alice.waitForMessage({ from: bot });
   * await alice.react(post, '👍');
   * ```
   */
  react(message: StoredMessage, reactions: ReactionChoice | readonly ReactionChoice[], options: { big?: boolean } = {}): Promise<Updates> {
    return react(this, message, reactions, options);
  }

  /**
   * Votes in the poll of `message` by answer index, text or option bytes
   * (several for multiple choice; `[]` retracts). Members get `updateMessagePoll`.
   *
   * @example
   * ```ts
   * const poll = await alice.waitForMessage({ from: bot });
   * await alice.vote(poll, 'Yes'); // or alice.vote(poll, 0)
   * ```
   */
  vote(message: StoredMessage, choices: PollChoice | readonly PollChoice[]): Promise<Updates> {
    return vote(this, message, choices);
  }

  /**
   * Types `@bot query` in `chat` (default: the bot's own chat) and resolves
   * with the bot's results (`messages.botResults`, with its `query_id`).
   *
   * @example
   * ```ts
   * const res = await alice.inlineQuery(bot, 'cats');
   * const sent = await alice.sendInlineResult(bob, res, res.results[0]!.id);
   * ```
   */
  inlineQuery(bot: ScriptTarget, query: string, options: { chat?: ScriptTarget; offset?: string } = {}): Promise<messages.BotResults> {
    return inlineQuery(this, refOfTarget(bot), refOfTarget(options.chat ?? bot), query, options.offset);
  }

  /** Sends result `id` of an inline answer to `chat` (`via @bot`) and returns this account's copy. */
  async sendInlineResult(chat: ScriptTarget, results: messages.BotResults, id: string): Promise<StoredMessage> {
    const peer = refOfTarget(chat);
    const result = await this.invoke({
      _: 'messages.sendInlineBotResult',
      peer: this.inputPeer(chat),
      query_id: results.query_id,
      id,
      random_id: BigInt.asIntN(64, new DataView(this.backend.randomBytes(8).buffer).getBigUint64(0, true)),
    });
    return this.sentCopy(peer, result);
  }

  /** Creates a basic group with `members`. */
  async createGroup(title: string, members: ScriptTarget[] = []): Promise<ChatRecord> {
    const r = await this.invoke({ _: 'messages.createChat', title, users: members.map((m) => this.inputUser(m)) });
    return this.chatFrom(r.updates, 'chat');
  }

  /** Creates a supergroup (default) or a broadcast channel, public when `username` is given. */
  async createChannel(title: string, options: { broadcast?: boolean; username?: string; about?: string } = {}): Promise<ChatRecord> {
    const r = await this.invoke({
      _: 'channels.createChannel',
      title,
      about: options.about ?? '',
      ...(options.broadcast ? { broadcast: true } : { megagroup: true }),
    });
    const chat = this.chatFrom(r, 'channel');
    if (options.username !== undefined)
      await this.invoke({ _: 'channels.updateUsername', channel: this.inputChannel(chat), username: options.username });
    return chat;
  }

  /**
   * Creates a supergroup with forum topics on (https://core.telegram.org/api/forum);
   * its General topic has id 1, `createForumTopic` adds more.
   *
   * @example
   * ```ts
   * const forum = await alice.createForum('Support');
   * const topic = await alice.createForumTopic(forum, 'Billing');
   * await alice.sendMessage(forum, 'How do refunds work?', { topic });
   * ```
   */
  async createForum(title: string, options: { username?: string } = {}): Promise<ChatRecord> {
    const chat = await this.createChannel(title, options);
    await this.invoke({ _: 'channels.toggleForum', channel: this.inputChannel(chat), enabled: true, tabs: false });
    return chat;
  }

  /** Creates a topic in a forum and returns its id (the id of its creation message). */
  async createForumTopic(forum: ChatRecord, title: string): Promise<number> {
    const random_id = BigInt.asIntN(64, new DataView(this.backend.randomBytes(8).buffer).getBigUint64(0, true));
    const r = await this.invoke({ _: 'channels.createForumTopic', channel: this.inputChannel(forum), title, random_id });
    const u = r._ === 'updates' ? r.updates.find((x) => x._ === 'updateMessageID') : undefined;
    if (u?._ !== 'updateMessageID') throw new ArgumentError('createForumTopic: no topic id in the answer');
    return u.id;
  }

  /** Adds users to a group or channel this account is in. */
  async addToChat(chat: ChatRecord, users: ScriptTarget[]): Promise<void> {
    if (chat.kind === 'group') {
      for (const u of users) await this.invoke({ _: 'messages.addChatUser', chat_id: chat.id, user_id: this.inputUser(u), fwd_limit: 100 });
    } else
      await this.invoke({ _: 'channels.inviteToChannel', channel: this.inputChannel(chat), users: users.map((u) => this.inputUser(u)) });
  }

  /** Joins a public channel or supergroup. */
  async join(chat: ChatRecord): Promise<void> {
    await this.invoke({ _: 'channels.joinChannel', channel: this.inputChannel(chat) });
  }

  /**
   * Joins a group or channel through an invite link and returns it.
   *
   * @example
   * ```ts
   * const link = await client.createInviteLink(group);
   * await carol.joinByLink(link.link);
   * ```
   */
  joinByLink(link: string): Promise<ChatRecord> {
    return joinByLink(this.backend, this, link);
  }

  /**
   * Asks to join through a link that needs approval (the admins, and bot
   * admins, get the join request); resolves once the request is recorded.
   *
   * @example
   * ```ts
   * await dave.requestToJoin(link.link);
   * await client.approveJoinRequest(group, dave.id);
   * ```
   */
  requestToJoin(link: string): Promise<void> {
    return requestToJoin(this, link);
  }

  /**
   * Accepts a QR login link (`tg://login?token=…`, what a client's
   * `start({ qr: { onToken } })` shows) as this account — what scanning the
   * code with the phone app does (https://core.telegram.org/api/qr-login).
   * Rejects with AUTH_TOKEN_INVALID, AUTH_TOKEN_EXPIRED or AUTH_TOKEN_ALREADY_ACCEPTED.
   *
   * @example
   * ```ts
   * const me = client.start({ qr: { onToken: (url) => void alice.scanLoginQr(url) } });
   * ```
   */
  scanLoginQr(url: string): Promise<Authorization> {
    return this.invoke({ _: 'auth.acceptLoginToken', token: parseLoginTokenUrl(url) });
  }

  /** Leaves a group or channel. */
  async leave(chat: ChatRecord): Promise<void> {
    if (chat.kind === 'group') await this.invoke({ _: 'messages.deleteChatUser', chat_id: chat.id, user_id: { _: 'inputUserSelf' } });
    else await this.invoke({ _: 'channels.leaveChannel', channel: this.inputChannel(chat) });
  }

  /** Marks the chat read. */
  async readHistory(chat: ScriptTarget): Promise<void> {
    const p = this.inputPeer(chat);
    if (p._ === 'inputPeerChannel') await this.invoke({ _: 'channels.readHistory', channel: this.inputChannel(chat), max_id: 0 });
    else await this.invoke({ _: 'messages.readHistory', peer: p, max_id: 0 });
  }

  /** Every message of a chat as this account sees it, oldest first. */
  history(chat: ScriptTarget): StoredMessage[] {
    const peer = refOfTarget(chat);
    const box = this.backend.messages.boxFor(this.id, peer);
    return box
      .idsOf(peer)
      .map((id) => box.get(id))
      .filter((m) => m !== undefined);
  }

  /**
   * Resolves with the first message that arrives for this account and
   * matches `filter` — including one that arrived before the call and was
   * not taken yet — and rejects with TimeoutError after `timeoutMs`.
   *
   * @example
   * ```ts
   * await alice.sendMessage(bot, 'ping');
   * const answer = await alice.waitForMessage({ from: bot, timeoutMs: 2000 });
   * assert.is(answer.text, 'pong');
   * ```
   */
  waitForMessage(filter: MessageFilter = {}): Promise<StoredMessage> {
    const match = this.matcher(filter);
    const i = this.inbox.findIndex(match);
    if (i >= 0) return Promise.resolve(this.inbox.splice(i, 1)[0]!);
    const ms = filter.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const w: Waiter = {
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(w);
        reject(new TimeoutError(`no matching message for ${this.user.firstName} within ${ms} ms`, ms));
      }, ms);
      this.waiters.add(w);
    });
  }

  /** Stops receiving updates. */
  close(): void {
    this.ctx.close();
  }

  private matcher(f: MessageFilter): (m: StoredMessage) => boolean {
    const from = f.from === undefined ? undefined : refOfTarget(f.from);
    const chat = f.chat === undefined ? undefined : refOfTarget(f.chat);
    return (m) =>
      (from === undefined || (from.kind === 'user' ? m.fromId === from.id : m.post && m.peer.id === from.id)) &&
      (chat === undefined || (m.peer.kind === chat.kind && m.peer.id === chat.id)) &&
      (f.text === undefined || (typeof f.text === 'string' ? m.text === f.text : f.text.test(m.text)));
  }

  /** Incoming messages in pushed updates go to a waiter or the inbox. */
  private onUpdates(u: Updates): void {
    const found: StoredMessage[] = [];
    const account = this.backend.messages.account(this.id);
    if (u._ === 'updateShortMessage' || u._ === 'updateShortChatMessage') {
      const m = account.get(u.id);
      if (m) found.push(m);
    } else if (u._ === 'updates' || u._ === 'updatesCombined') {
      for (const x of u.updates) {
        if (x._ === 'updateNewMessage') {
          const m = account.get(x.message.id);
          if (m) found.push(m);
        } else if (x._ === 'updateNewChannelMessage' && x.message._ !== 'messageEmpty' && x.message.peer_id?._ === 'peerChannel') {
          const m = this.backend.messages.channel(x.message.peer_id.channel_id).get(x.message.id);
          if (m) found.push(m);
        }
      }
    }
    for (const m of found) {
      if (m.fromId === this.id) continue; // only what others sent
      const w = [...this.waiters].find((x) => x.match(m));
      if (w) {
        this.waiters.delete(w);
        w.resolve(m);
      } else this.inbox.push(m);
    }
  }

  private sentCopy(peer: PeerRef, result: Updates): StoredMessage {
    const box = this.backend.messages.boxFor(this.id, peer);
    let id: number | undefined;
    if (result._ === 'updateShortSentMessage') id = result.id;
    else if (result._ === 'updates') for (const x of result.updates) if (x._ === 'updateMessageID') id = x.id;
    const m = id === undefined ? undefined : box.get(id);
    if (!m) throw new ArgumentError('the sent message is not in the box');
    return m;
  }

  private chatFrom(u: Updates, kind: 'chat' | 'channel'): ChatRecord {
    if (u._ === 'updates') {
      for (const c of u.chats) {
        const rec = kind === 'chat' ? this.backend.chats.group(c.id) : this.backend.chats.channel(c.id);
        if (rec) return rec;
      }
    }
    throw new ArgumentError(`no ${kind} in the answer`);
  }
}
