/**
 * `TelegramClient`: the high-level client. It owns the stored session, the
 * DC pool and the retry policy; every high-level method is a free function
 * in ts/client/methods/ (one file each) that the class exposes as a method.
 *
 * @example
 * ```ts
 * const client = new TelegramClient({ apiId, apiHash, storage: 'me.session' });
 * const me = await client.start({ phone: '+9996621234', code: () => prompt('code?')! });
 * console.log(`signed in as ${me.first_name}`);
 * await client.close();
 * ```
 */
import type { CryptoProvider } from '../crypto/provider.js';
import { ArgumentError, WasmgramError } from '../errors.js';
import { type Logger, silentLogger } from '../logger.js';
import { createAutoTransports } from '../network/auto-transport.js';
import { PRODUCTION_DCS, TEST_DCS } from '../network/dc-options.js';
import { DcPool } from '../network/dc-pool.js';
import { AutoSleep, invokeWithRetry, type RetryPolicy } from '../network/retry-policy.js';
import type { DcAddress, SessionStorage, StoredAccount } from '../storage/types.js';
import { exportStringSession, looksLikeStringSession } from '../storage/string-session.js';
import { StringStorage } from '../storage/string-storage.js';
import type {
  AnyRequest,
  Authorization,
  auth,
  ChatAdminRights,
  ChatBannedRights,
  InputBotInlineMessageID,
  InputPeer,
  MessageEntity,
  ResultOf,
  User,
} from '../tl/generated/types.js';
import { Emitter } from '../transport/emitter.js';
import type { ClientCore, ClientInvokeOptions } from './core.js';
import type { EditInlineMessageParams } from './methods/bots/edit-inline-message.js';
import type { ResendCodeParams } from './methods/auth/resend-code.js';
import type { SendCodeParams, SentCode } from './methods/auth/send-code.js';
import type { SignInParams, SignUpParams, SignUpRequired } from './methods/auth/sign-in.js';
import type { QrLoginParams } from './methods/auth/sign-in-qr.js';
import type { StartParams } from './methods/auth/start.js';
import type { CreateChannelParams } from './methods/chats/create-channel.js';
import type { InviteLinkPreview } from './methods/chats/check-invite-link.js';
import type { InviteLinkParams } from './methods/chats/create-invite-link.js';
import type { IterInviteLinkMembersParams } from './methods/chats/iter-invite-link-members.js';
import type { IterInviteLinksParams } from './methods/chats/iter-invite-links.js';
import type { IterParticipantsParams } from './methods/chats/iter-participants.js';
import type { PhoneContact } from './methods/users/import-contacts.js';
import type { IterProfilePhotosParams } from './methods/users/iter-profile-photos.js';
import type { StickerSetLike } from './methods/stickers/get-sticker-set.js';
import type { StickerSet } from './types/sticker-set.js';
import type { AdminRight, AdminRightsInit, BannedRight, BannedRightsInit } from './types/admin-rights.js';
import type { ChatMember } from './types/chat-member.js';
import type { InviteLink, InviteLinkMember } from './types/invite-link.js';
import type { Photo as PhotoType } from './types/photo.js';
import type { IterDialogsParams } from './methods/dialogs/iter-dialogs.js';
import type { DownloadParams, DownloadTarget } from './methods/files/download-file.js';
import type { IterDownloadParams } from './methods/files/download-stream.js';
import type { UploadSource } from './methods/files/file-source.js';
import type { SendMediaParams } from './methods/files/send-media.js';
import type { UploadedFile, UploadFileParams } from './methods/files/upload-file.js';
import type { EditMessageParams } from './methods/messages/edit-message.js';
import type { ForwardMessagesParams } from './methods/messages/forward-messages.js';
import type { IterHistoryParams } from './methods/messages/iter-history.js';
import type { DiscussionMessage } from './methods/messages/get-discussion-message.js';
import type { IterCommentsParams } from './methods/messages/iter-comments.js';
import type { SendCommentParams } from './methods/messages/send-comment.js';
import type { PinMessageParams } from './methods/messages/pin-message.js';
import type { ChatActionLike } from './methods/messages/chat-action.js';
import type { AlbumItem, SendAlbumParams } from './methods/messages/send-album.js';
import type { CreateForumTopicParams } from './methods/forums/create-forum-topic.js';
import type { EditForumTopicParams } from './methods/forums/edit-forum-topic.js';
import type { IterForumTopicsParams } from './methods/forums/get-forum-topics.js';
import type { TopicLike } from './methods/forums/topic-reply.js';
import type { SendAsOption } from './methods/messages/send-as-peers.js';
import type { ForumTopic } from './types/forum-topic.js';
import type { User as UserType } from './types/user.js';
import type { ContactCard } from './methods/messages/send-contact.js';
import type { SendExtrasParams } from './methods/messages/send-input-media.js';
import type { GeoLocation, LiveLocationParams } from './methods/messages/send-location.js';
import type { PollParams } from './methods/messages/send-poll.js';
import type { ReactionLike } from './methods/messages/send-reaction.js';
import type { MessagePeerReaction, MessageReactions, PollResults } from '../tl/generated/types.js';
import type { SearchGlobalParams } from './methods/messages/search-global.js';
import type { SearchMessagesParams } from './methods/messages/search-messages.js';
import type { SendMessageParams } from './methods/messages/send-message.js';
import type { InputBotInlineResult, messages as tlMessages, ReplyMarkup } from '../tl/generated/types.js';
import type { AnswerCallbackQueryParams } from './methods/bots/answer-callback-query.js';
import type { AnswerInlineQueryParams } from './methods/bots/answer-inline-query.js';
import type { BotCommandsParams, CommandInfo } from './methods/bots/bot-commands.js';
import type { ClickResult } from './methods/bots/click-button.js';
import type { GetCallbackAnswerParams } from './methods/bots/get-callback-answer.js';
import type { GetInlineResultsParams } from './methods/bots/get-inline-results.js';
import type { MenuButton } from './methods/bots/menu-button.js';
import type { SendInlineResultParams } from './methods/bots/send-inline-result.js';
import type { CallbackAnswer } from './types/callback-answer.js';
import type { ButtonSelector } from './types/keyboard.js';
import type { Chat } from './types/chat.js';
import type { Dialog } from './types/dialog.js';
import type { Message } from './types/message.js';
import type { PeerLike } from './types/peer-like.js';
import type { TypedUpdate, TypedUpdateMap } from './types/updates.js';
import type { TelegramClientOptions } from './options.js';
import { collectPeers } from './peers.js';
import { defaultCrypto, defaultSockets, fileStorage, memoryStorage } from './platform.js';
import { isUpdates, type UpdateSink, UpdatesRunner } from './updates/runner.js';
import { type RunOnceHandler, type RunOnceParams, type RunOnceResult, runOnce } from './serverless/run-once.js';
import { UpdateQueue } from './updates/update-queue.js';
import { lazyIterator, lazyStream, methods } from './lazy/index.js';

type RawEvents = {
  /** Every unsolicited object from the server (updates), as plain TL objects. */
  update: (update: { readonly _: string }) => void;
};

/**
 * Events of a {@link TelegramClient}: `update` (raw TL objects as pushed), and
 * one per typed update kind (`newMessage`, `callbackQuery`, ...), whose
 * listeners may be async: with at-least-once delivery the stored update
 * state moves past an update only once its listeners settled.
 */
export type TelegramClientEvents = RawEvents & { [K in keyof TypedUpdateMap]: (update: TypedUpdateMap[K]) => unknown };

/** Options of `client.updates()`. */
export interface UpdatesIteratorParams {
  /** Most updates waiting in the iterator's queue before delivery pauses (default 256). */
  capacity?: number;
}

/** Package version sent in initConnection when the app gives none. */
const LIBRARY_VERSION = '0.1.0';

/** The high-level client. See the module comment. */
export class TelegramClient implements ClientCore {
  readonly apiId: number;
  readonly apiHash: string;
  readonly logger: Logger;
  /** The default retry policy (per-call `retry` overrides it). */
  readonly retry: RetryPolicy;
  private storageValue: SessionStorage | undefined;
  private cryptoValue: CryptoProvider | undefined;
  private poolValue: DcPool | undefined;
  private ownsStorage = false;
  private ready: Promise<void> | undefined;
  private closed = false;
  private signedIn = false;
  private readonly updatesRunner: UpdatesRunner;
  private readonly events = new (class extends Emitter<RawEvents> {
    fire(u: { readonly _: string }) {
      this.emit('update', u);
    }
  })();

  constructor(private readonly options: TelegramClientOptions) {
    if (!(Number.isInteger(options.apiId) && options.apiId > 0))
      throw new ArgumentError(`apiId must be a positive integer, got ${options.apiId}`);
    if (typeof options.apiHash !== 'string' || options.apiHash === '') throw new ArgumentError('apiHash must be a non-empty string');
    this.apiId = options.apiId;
    this.apiHash = options.apiHash;
    this.logger = options.logger ?? silentLogger;
    this.retry = options.retry ?? new AutoSleep();
    if (typeof options.storage === 'object') this.storageValue = options.storage;
    if (options.crypto) this.cryptoValue = options.crypto;
    this.updatesRunner = new UpdatesRunner(this, options.updates || {});
    // The API hash is an app secret: keep it out of inspect/JSON output of the client.
    Object.defineProperty(this, 'apiHash', { enumerable: false });
  }

  /** The stored session (after `connect()`). */
  get storage(): SessionStorage {
    if (!this.storageValue) throw new WasmgramError('the client is not connected yet: call connect() or start() first');
    return this.storageValue;
  }

  /** The crypto engine (after `connect()`). */
  get crypto(): CryptoProvider {
    if (!this.cryptoValue) throw new WasmgramError('the client is not connected yet: call connect() or start() first');
    return this.cryptoValue;
  }

  /** The DC pool (after `connect()`). */
  get pool(): DcPool {
    if (!this.poolValue) throw new WasmgramError('the client is not connected yet: call connect() or start() first');
    return this.poolValue;
  }

  /**
   * Opens the storage and prepares the DC pool (connections open on first
   * use). Every method calls it; call it yourself to fail early.
   */
  connect(): Promise<void> {
    if (this.closed) return Promise.reject(new WasmgramError('the client is closed'));
    this.ready ??= this.init().catch((e) => {
      this.ready = undefined;
      throw e;
    });
    return this.ready;
  }

  private async init(): Promise<void> {
    const o = this.options;
    // The crypto engine (WASM compile), the socket adapter and the stored session load at once:
    // each is a dynamic import plus some work, and a cold start waits for the slowest only.
    const openStorage = async (): Promise<SessionStorage> => {
      if (!this.storageValue) {
        this.storageValue =
          typeof o.storage !== 'string'
            ? await memoryStorage()
            : looksLikeStringSession(o.storage)
              ? new StringStorage(o.storage)
              : await fileStorage(o.storage);
        this.ownsStorage = true;
      }
      await this.storageValue.open();
      return this.storageValue;
    };
    const [crypto, sockets, storage] = await Promise.all([
      this.cryptoValue ?? defaultCrypto(),
      o.sockets ?? defaultSockets(),
      openStorage(),
    ]);
    this.cryptoValue = crypto;
    const dcs: readonly DcAddress[] =
      o.dcs ??
      (o.testServer ? o.testServer.dcs.map((d) => ({ id: d.id, host: d.host, port: d.port })) : o.testMode ? TEST_DCS : PRODUCTION_DCS);
    const rsaKeys = o.rsaKeys ?? (o.testServer ? [o.testServer.rsaPublicKey] : undefined);
    const d = o.device ?? {};
    const pool = new DcPool({
      crypto,
      sockets,
      storage,
      dcs,
      defaultDc: o.defaultDc ?? (dcs.some((x) => x.id === 2) ? 2 : dcs[0]?.id),
      ...(rsaKeys && { rsaKeys }),
      testMode: o.testMode ?? false,
      initConnection: {
        api_id: this.apiId,
        device_model: d.deviceModel ?? 'wasmgram',
        system_version: d.systemVersion ?? 'unknown',
        app_version: d.appVersion ?? LIBRARY_VERSION,
        system_lang_code: d.systemLangCode ?? 'en',
        lang_pack: d.langPack ?? '',
        lang_code: d.langCode ?? 'en',
      },
      ...(o.connection && { connection: o.connection }),
      ...(o.idleMs !== undefined && { idleMs: o.idleMs }),
      // transport: 'auto' races TCP intermediate, TCP obfuscated and WebSocket for the first connection to each DC.
      ...(o.transport === 'auto' && {
        transports: await createAutoTransports({
          tcp: sockets,
          testMode: o.testMode ?? false,
          ...(o.testServer && { testServer: o.testServer }),
        }),
      }),
      logger: this.logger,
    });
    await pool.start();
    pool.on('update', (u) => {
      // Peers that come with updates go to the cache too (https://core.telegram.org/api/peers).
      void this.cachePeers(u);
      this.events.fire(u);
      if (isUpdates(u)) this.updatesRunner.feed(u);
    });
    if (await storage.getAccount()) {
      pool.setSignedIn(true);
      this.signedIn = true;
    }
    this.poolValue = pool;
    this.maybeStartUpdates();
  }

  /** Starts the updates runner once signed in and something listens (or `startUpdates()` asked). */
  private maybeStartUpdates(force = false): void {
    if (this.options.updates === false || this.closed || !this.signedIn || !this.poolValue) return;
    if (!force && this.updatesRunner.sinkCount === 0) return;
    this.updatesRunner.start().catch((e) => this.logger.log('error', `updates: start failed: ${(e as Error).message}`));
  }

  /**
   * Sends any function of the API layer; the result is typed by the request.
   * Migrations are followed, the login is carried to other DCs, and errors
   * are retried as the retry policy says (per call `retry`, else the client's).
   *
   * @example
   * ```ts
   * const config = await client.invoke({ _: 'help.getConfig' });
   * const file = await client.invoke(getFileRequest, { dcId: 4, media: true, retry: new NoRetries() });
   * ```
   * @throws RpcError (match with `RpcError.is`), TimeoutError, TransportError, CircuitOpenError
   */
  async invoke<R extends AnyRequest>(request: R, options: ClientInvokeOptions = {}): Promise<ResultOf<R>> {
    await this.connect();
    const pool = this.pool;
    const result = await invokeWithRetry(
      () =>
        pool.invoke(request, {
          ...(options.dcId !== undefined && { dcId: options.dcId }),
          ...(options.media && { media: true }),
          ...(options.slot !== undefined && { slot: options.slot }),
          ...(options.cdn && { cdn: true }),
          ...(options.onMigrate && { onMigrate: options.onMigrate }),
          ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
          ...(options.signal && { signal: options.signal }),
        }),
      {
        policy: options.retry ?? this.retry,
        method: request._,
        ...(options.signal && { signal: options.signal }),
        onRetry: (e, attempt, ms) => this.logger.log('warn', `${request._} failed (${(e as Error).message}); retry ${attempt} in ${ms} ms`),
      },
    );
    await this.cachePeers(result);
    this.feedUpdates(request, result);
    return result;
  }

  /** RPC results that carry updates or pts go through the message box too (https://core.telegram.org/api/updates). */
  private feedUpdates(request: AnyRequest, result: unknown): void {
    const runner = this.updatesRunner;
    if (!runner.running || typeof result !== 'object' || result === null) return;
    if (isUpdates(result)) runner.feed(result);
    else {
      const r = result as { _: string; pts?: number; pts_count?: number };
      if ((r._ === 'messages.affectedMessages' || r._ === 'messages.affectedHistory') && r.pts !== undefined) {
        const ch = (request as { channel?: { _: string; channel_id?: bigint } }).channel;
        runner.feedAffected(
          { pts: r.pts, pts_count: r.pts_count ?? 0 },
          request._.startsWith('channels.') && ch?._ === 'inputChannel' ? ch.channel_id : undefined,
        );
      }
    }
  }

  private async cachePeers(result: unknown): Promise<void> {
    const peers = collectPeers(result, Date.now());
    if (peers.length === 0) return;
    try {
      await this.storage.putPeers(peers);
    } catch (e) {
      this.logger.log('warn', `peer cache write failed: ${(e as Error).message}`);
    }
  }

  /** @internal Stores the account after a successful login (used by the login methods). */
  async onSignedIn(authorization: auth.Authorization): Promise<User.user> {
    if (authorization._ !== 'auth.authorization') throw new WasmgramError('the server asks for sign-up, not a finished login');
    const user = authorization.user;
    if (user._ !== 'user') throw new WasmgramError('the login answer has no user');
    const account: StoredAccount = { userId: user.id, bot: user.bot === true };
    if (user.phone) account.phone = user.phone;
    if (user.username) account.username = user.username;
    await this.storage.setAccount(account);
    await this.storage.setHomeDc(this.pool.homeDc);
    this.pool.setSignedIn(true);
    this.signedIn = true;
    this.maybeStartUpdates();
    await this.cachePeers(authorization);
    await this.storage.flush();
    this.logger.log('info', `signed in as user ${user.id}${user.bot ? ' (bot)' : ''} on DC ${this.pool.homeDc}`);
    return user;
  }

  /** @internal Forgets the account (used by `logOut`). */
  async onSignedOut(): Promise<void> {
    await this.storage.setAccount(undefined);
    this.pool.setSignedIn(false);
    await this.storage.flush();
  }

  /** @internal Listens for raw updates (QR login). */
  onRawUpdate(listener: (update: { readonly _: string }) => void): () => void {
    return this.events.on('update', listener);
  }

  /**
   * Listens for updates: `update` gets the raw TL objects as pushed; a typed
   * kind (`newMessage`, `messageEdited`, `callbackQuery`, ...) gets the typed
   * update after the message box put it in order (this starts the updates
   * runner). Async listeners are awaited before the update state is
   * committed (at-least-once). Returns the remover.
   *
   * @example
   * ```ts
   * client.on('newMessage', async (m) => {
   *   if (!m.out && m.text === 'ping') await m.reply('pong');
   * });
   * ```
   */
  on<E extends keyof TelegramClientEvents>(event: E, listener: TelegramClientEvents[E]): () => void {
    if (event === 'update') return this.events.on('update', listener as RawEvents['update']);
    const fn = listener as (u: TypedUpdate) => unknown;
    return this.addUpdateSink({ deliver: (u) => (u.kind === event ? fn(u) : undefined) });
  }

  /**
   * Typed updates as an async iterator with a bounded queue: delivery pauses
   * while the queue is full (backpressure), and an update counts as handled
   * (for at-least-once commits) once the loop asks for the next one.
   * `break` ends it; so does `close()`.
   *
   * @example
   * ```ts
   * for await (const u of client.updates()) {
   *   if (u.kind === 'newMessage' && !u.out) await u.reply(u.text);
   * }
   * ```
   */
  updates(params: UpdatesIteratorParams = {}): AsyncIterableIterator<TypedUpdate> {
    let remove = () => {};
    const queue = new UpdateQueue(params.capacity, () => remove());
    remove = this.addUpdateSink({ deliver: (u) => queue.push(u), room: () => queue.room(), end: () => queue.end() });
    return queue;
  }

  /**
   * Adds a receiver of typed updates (what `on`, `updates()` and a bound
   * `Dispatcher` use) and starts the updates runner when signed in. Its
   * `deliver` result (a promise for async work) is what at-least-once waits for.
   */
  addUpdateSink(sink: UpdateSink): () => void {
    const remove = this.updatesRunner.addSink(sink);
    this.maybeStartUpdates();
    return remove;
  }

  /** Starts the updates runner without a listener (catch-up and state commits run; updates go to the listeners added later). */
  async startUpdates(): Promise<void> {
    await this.connect();
    this.maybeStartUpdates(true);
    if (this.signedIn && this.options.updates !== false) await this.updatesRunner.start();
  }

  /** Resolves when the updates runner has no request in flight, no batch being handled and its commits written. */
  updatesIdle(): Promise<void> {
    return this.updatesRunner.idle();
  }

  /**
   * One serverless invocation (see {@link runOnce}): catch up from the stored
   * update state, hand each update to `handler` within `budgetMs`, commit, close.
   *
   * @example
   * ```ts
   * const { handled, more } = await client.runOnce(async (u) => {
   *   if (u.kind === 'newMessage' && !u.out) await u.reply('hi');
   * }, { budgetMs: 8000 });
   * ```
   */
  runOnce(handler: RunOnceHandler, params?: RunOnceParams): Promise<RunOnceResult> {
    if (this.options.updates === false) return Promise.reject(new WasmgramError('runOnce needs the updates runner: remove updates: false'));
    return runOnce(this, this.updatesRunner, handler, params);
  }

  /**
   * The session as a string (wasmgram's versioned, checksummed format; see
   * `exportStringSession`): the home DC, its address and auth key, and the
   * account — enough for `new TelegramClient({ storage: new StringStorage(text) })`
   * to reconnect without logging in. The string is a secret: whoever has it is
   * signed in as you. Throws `SessionError` before the first login.
   *
   * @example
   * ```ts
   * await client.start({ botToken });
   * const text = await client.exportSession();   // store it in a secret manager, not a log
   * ```
   */
  async exportSession(): Promise<string> {
    await this.connect();
    await this.poolValue?.saveKeys();
    return exportStringSession(await this.storage.snapshot());
  }

  /**
   * Flushes the storage (closing it when the client made it from a path),
   * saves salts and time offsets, and closes every connection. Pending calls reject.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.ready?.catch(() => {});
    await this.updatesRunner.stop();
    await this.poolValue?.close();
    if (this.storageValue) {
      if (this.ownsStorage) await this.storageValue.close();
      else await this.storageValue.flush().catch(() => {});
    }
  }

  // ------------------------------------------------ methods (ts/client/methods)

  /** See {@link start}: signs in unless the stored session already is. */
  start(params: StartParams): Promise<User.user> {
    return Promise.all([methods.auth(), this.connect()]).then(([m]) => m.start(this, params));
  }
  /** See {@link sendCode}. */
  sendCode(params: SendCodeParams): Promise<SentCode> {
    return methods.auth().then((m) => m.sendCode(this, params));
  }
  /** See {@link resendCode}. */
  resendCode(params: ResendCodeParams): Promise<SentCode> {
    return methods.auth().then((m) => m.resendCode(this, params));
  }
  /** See {@link signIn}. */
  signIn(params: SignInParams): Promise<User.user | SignUpRequired> {
    return methods.auth().then((m) => m.signIn(this, params));
  }
  /** See {@link signUp}. */
  signUp(params: SignUpParams): Promise<User.user> {
    return methods.auth().then((m) => m.signUp(this, params));
  }
  /** See {@link checkPassword}: the 2FA step. */
  checkPassword(password: string | ((hint: string | undefined) => string | Promise<string>)): Promise<User.user> {
    return methods.auth().then((m) => m.checkPassword(this, password));
  }
  /** See {@link getPasswordHint}. */
  getPasswordHint(): Promise<string | undefined> {
    return methods.auth().then((m) => m.getPasswordHint(this));
  }
  /** See {@link signInBot}. */
  signInBot(token: string): Promise<User.user> {
    return methods.auth().then((m) => m.signInBot(this, token));
  }
  /** See {@link signInQr}. */
  signInQr(params: QrLoginParams): Promise<User.user> {
    return methods.auth().then((m) => m.signInQr(this, params));
  }
  /** See {@link acceptLoginToken}. */
  acceptLoginToken(token: string | Uint8Array): Promise<Authorization> {
    return methods.auth().then((m) => m.acceptLoginToken(this, token));
  }
  /** See {@link logOut}. */
  logOut(): Promise<void> {
    return methods.auth().then((m) => m.logOut(this));
  }
  /** See {@link getMe}. */
  getMe(): Promise<User.user> {
    return methods.users().then((m) => m.getMe(this));
  }
  /** See {@link isAuthorized}. */
  isAuthorized(): Promise<boolean> {
    return Promise.all([methods.auth(), this.connect()]).then(([m]) => m.isAuthorized(this));
  }

  // ------------------------------------------------ messages, chats, peers

  /** See {@link sendMessage}. */
  sendMessage(peer: PeerLike, text: string, params?: SendMessageParams): Promise<Message> {
    return methods.messages().then((m) => m.sendMessage(this, peer, text, params));
  }
  /** See {@link editMessage}. */
  editMessage(peer: PeerLike, id: number, text: string, params?: EditMessageParams): Promise<Message> {
    return methods.messages().then((m) => m.editMessage(this, peer, id, text, params));
  }
  /** See {@link deleteMessages}. */
  deleteMessages(peer: PeerLike, ids: number[], params?: { revoke?: boolean }): Promise<number> {
    return methods.messages().then((m) => m.deleteMessages(this, peer, ids, params));
  }
  /** See {@link forwardMessages}. */
  forwardMessages(to: PeerLike, from: PeerLike, ids: number[], params?: ForwardMessagesParams): Promise<Message[]> {
    return methods.messages().then((m) => m.forwardMessages(this, to, from, ids, params));
  }
  /** See {@link pinMessage}. */
  pinMessage(peer: PeerLike, id: number, params?: PinMessageParams): Promise<void> {
    return methods.messages().then((m) => m.pinMessage(this, peer, id, params));
  }
  /** See {@link unpinMessage}. */
  unpinMessage(peer: PeerLike, id: number): Promise<void> {
    return methods.messages().then((m) => m.unpinMessage(this, peer, id));
  }
  /** See {@link readHistory}. */
  readHistory(peer: PeerLike, params?: { maxId?: number }): Promise<void> {
    return methods.messages().then((m) => m.readHistory(this, peer, params));
  }
  /** See {@link saveDraft}. */
  saveDraft(peer: PeerLike, text: string, params?: { replyTo?: number; entities?: MessageEntity[] }): Promise<void> {
    return methods.messages().then((m) => m.saveDraft(this, peer, text, params));
  }
  // ------------------------------------------------ message extras (issue 12)

  /** See {@link sendReaction}. */
  sendReaction(peer: PeerLike, id: number, reaction: ReactionLike | ReactionLike[], params?: { big?: boolean }): Promise<void> {
    return methods.messages().then((m) => m.sendReaction(this, peer, id, reaction, params));
  }
  /** See {@link getReactions}. */
  getReactions(peer: PeerLike, ids: number[]): Promise<Map<number, MessageReactions>> {
    return methods.messages().then((m) => m.getReactions(this, peer, ids));
  }
  /** See {@link iterReactionUsers}. */
  iterReactionUsers(
    peer: PeerLike,
    id: number,
    params?: { reaction?: ReactionLike; pageSize?: number; limit?: number },
  ): AsyncGenerator<MessagePeerReaction> {
    return lazyIterator(methods.messages().then((m) => m.iterReactionUsers(this, peer, id, params)));
  }
  /** See {@link sendPoll}. */
  sendPoll(peer: PeerLike, params: PollParams): Promise<Message> {
    return methods.messages().then((m) => m.sendPoll(this, peer, params));
  }
  /** See {@link vote}. */
  vote(peer: PeerLike, id: number, choices: (number | Uint8Array)[]): Promise<PollResults> {
    return methods.messages().then((m) => m.vote(this, peer, id, choices));
  }
  /** See {@link getPollResults}. */
  getPollResults(peer: PeerLike, id: number): Promise<PollResults> {
    return methods.messages().then((m) => m.getPollResults(this, peer, id));
  }
  /** See {@link sendDice}. */
  sendDice(peer: PeerLike, emoticon?: string, params?: SendExtrasParams): Promise<Message> {
    return methods.messages().then((m) => m.sendDice(this, peer, emoticon, params));
  }
  /** See {@link sendContact}. */
  sendContact(peer: PeerLike, contact: ContactCard, params?: SendExtrasParams): Promise<Message> {
    return methods.messages().then((m) => m.sendContact(this, peer, contact, params));
  }
  /** See {@link sendLocation}. */
  sendLocation(peer: PeerLike, point: GeoLocation, params?: SendExtrasParams): Promise<Message> {
    return methods.messages().then((m) => m.sendLocation(this, peer, point, params));
  }
  /** See {@link sendLiveLocation}. */
  sendLiveLocation(peer: PeerLike, point: GeoLocation, params?: LiveLocationParams): Promise<Message> {
    return methods.messages().then((m) => m.sendLiveLocation(this, peer, point, params));
  }
  /** See {@link editLiveLocation}. */
  editLiveLocation(
    peer: PeerLike,
    id: number,
    point: GeoLocation,
    params?: { heading?: number; proximityRadius?: number; stopped?: boolean },
  ): Promise<Message> {
    return methods.messages().then((m) => m.editLiveLocation(this, peer, id, point, params));
  }
  /** See {@link sendAlbum}. */
  sendAlbum(peer: PeerLike, items: AlbumItem[], params?: SendAlbumParams): Promise<Message[]> {
    return methods.messages().then((m) => m.sendAlbum(this, peer, items, params));
  }
  /** See {@link setChatAction}. */
  setChatAction(peer: PeerLike, action: ChatActionLike): Promise<void> {
    return methods.messages().then((m) => m.setChatAction(this, peer, action));
  }
  /** See {@link withChatAction}: shows `action` while `task` runs. */
  withChatAction<T>(peer: PeerLike, action: ChatActionLike, task: () => Promise<T>, params?: { repeatMs?: number }): Promise<T> {
    return methods.messages().then((m) => m.withChatAction(this, peer, action, task, params));
  }
  /** See {@link getScheduledMessages}. */
  getScheduledMessages(peer: PeerLike): Promise<Message[]> {
    return methods.messages().then((m) => m.getScheduledMessages(this, peer));
  }
  /** See {@link sendScheduledNow}. */
  sendScheduledNow(peer: PeerLike, ids: number[]): Promise<Message[]> {
    return methods.messages().then((m) => m.sendScheduledNow(this, peer, ids));
  }
  /** See {@link deleteScheduledMessages}. */
  deleteScheduledMessages(peer: PeerLike, ids: number[]): Promise<void> {
    return methods.messages().then((m) => m.deleteScheduledMessages(this, peer, ids));
  }

  // ------------------------------------------------ files

  /** See {@link uploadFile}. */
  uploadFile(source: UploadSource, params?: UploadFileParams): Promise<UploadedFile> {
    return methods.files().then((m) => m.uploadFile(this, source, params));
  }
  /** See {@link sendMedia}. */
  sendMedia(peer: PeerLike, params: SendMediaParams): Promise<Message> {
    return methods.files().then((m) => m.sendMedia(this, peer, params));
  }
  /** See {@link downloadToBuffer}. */
  downloadToBuffer(target: DownloadTarget, params?: DownloadParams): Promise<Uint8Array> {
    return methods.files().then((m) => m.downloadToBuffer(this, target, params));
  }
  /** See {@link downloadToFile} (Node, Deno, Bun). */
  downloadToFile(target: DownloadTarget, path: string, params?: DownloadParams): Promise<number> {
    return methods.files().then((m) => m.downloadToFile(this, target, path, params));
  }
  /** See {@link iterDownload}. */
  iterDownload(target: DownloadTarget, params?: IterDownloadParams): AsyncGenerator<Uint8Array> {
    return lazyIterator(methods.files().then((m) => m.iterDownload(this, target, params)));
  }
  /** See {@link downloadAsStream}. */
  downloadAsStream(target: DownloadTarget, params?: IterDownloadParams): ReadableStream<Uint8Array> {
    return lazyStream(methods.files().then((m) => m.downloadAsStream(this, target, params)));
  }

  /** See {@link getMessages}. */
  getMessages(peer: PeerLike, ids: number[]): Promise<(Message | undefined)[]> {
    return methods.messages().then((m) => m.getMessages(this, peer, ids));
  }
  /** See {@link iterHistory}. */
  iterHistory(peer: PeerLike, params?: IterHistoryParams): AsyncGenerator<Message> {
    return lazyIterator(methods.messages().then((m) => m.iterHistory(this, peer, params)));
  }
  /** See {@link getDiscussionMessage}. */
  getDiscussionMessage(channel: PeerLike, postId: number): Promise<DiscussionMessage> {
    return methods.messages().then((m) => m.getDiscussionMessage(this, channel, postId));
  }
  /** See {@link iterComments}. */
  iterComments(channel: PeerLike, postId: number, params?: IterCommentsParams): AsyncGenerator<Message> {
    return lazyIterator(methods.messages().then((m) => m.iterComments(this, channel, postId, params)));
  }
  /** See {@link sendComment}. */
  sendComment(channel: PeerLike, postId: number, text: string, params?: SendCommentParams): Promise<Message> {
    return methods.messages().then((m) => m.sendComment(this, channel, postId, text, params));
  }
  /** See {@link readComments}. */
  readComments(channel: PeerLike, postId: number, maxId?: number): Promise<void> {
    return methods.messages().then((m) => m.readComments(this, channel, postId, maxId));
  }
  /** See {@link searchMessages}. */
  searchMessages(peer: PeerLike, query: string, params?: SearchMessagesParams): AsyncGenerator<Message> {
    return lazyIterator(methods.messages().then((m) => m.searchMessages(this, peer, query, params)));
  }
  /** See {@link searchGlobal}. */
  searchGlobal(query: string, params?: SearchGlobalParams): AsyncGenerator<Message> {
    return lazyIterator(methods.messages().then((m) => m.searchGlobal(this, query, params)));
  }
  /** See {@link iterDialogs}. */
  iterDialogs(params?: IterDialogsParams): AsyncGenerator<Dialog> {
    return lazyIterator(methods.dialogs().then((m) => m.iterDialogs(this, params)));
  }
  /** See {@link createGroup}. */
  createGroup(title: string, users: PeerLike[]): Promise<Chat> {
    return methods.chats().then((m) => m.createGroup(this, title, users));
  }
  /** See {@link createChannel}. */
  createChannel(title: string, params?: CreateChannelParams): Promise<Chat> {
    return methods.chats().then((m) => m.createChannel(this, title, params));
  }
  /** See {@link joinChat}. */
  joinChat(peer: PeerLike): Promise<Chat> {
    return methods.chats().then((m) => m.joinChat(this, peer));
  }
  /** See {@link leaveChat}. */
  leaveChat(peer: PeerLike): Promise<void> {
    return methods.chats().then((m) => m.leaveChat(this, peer));
  }
  /** See {@link iterParticipants}. */
  iterParticipants(chat: PeerLike, params?: IterParticipantsParams): AsyncGenerator<ChatMember> {
    return lazyIterator(methods.chats().then((m) => m.iterParticipants(this, chat, params)));
  }
  /** See {@link getParticipant}. */
  getParticipant(chat: PeerLike, user: PeerLike): Promise<ChatMember> {
    return methods.chats().then((m) => m.getParticipant(this, chat, user));
  }
  /** See {@link banMember}. */
  banMember(chat: PeerLike, user: PeerLike, untilDate?: Date | number): Promise<void> {
    return methods.chats().then((m) => m.banMember(this, chat, user, untilDate));
  }
  /** See {@link unbanMember}. */
  unbanMember(chat: PeerLike, user: PeerLike): Promise<void> {
    return methods.chats().then((m) => m.unbanMember(this, chat, user));
  }
  /** See {@link kickMember}. */
  kickMember(chat: PeerLike, user: PeerLike): Promise<void> {
    return methods.chats().then((m) => m.kickMember(this, chat, user));
  }
  /** See {@link restrictMember}. */
  restrictMember(
    chat: PeerLike,
    user: PeerLike,
    rights: BannedRightsInit | readonly BannedRight[] | ChatBannedRights,
    untilDate?: Date | number,
  ): Promise<void> {
    return methods.chats().then((m) => m.restrictMember(this, chat, user, rights, untilDate));
  }
  /** See {@link promoteMember}. */
  promoteMember(
    chat: PeerLike,
    user: PeerLike,
    rights: AdminRightsInit | readonly AdminRight[] | ChatAdminRights,
    rank?: string,
  ): Promise<void> {
    return methods.chats().then((m) => m.promoteMember(this, chat, user, rights, rank));
  }
  /** See {@link demoteMember}. */
  demoteMember(chat: PeerLike, user: PeerLike): Promise<void> {
    return methods.chats().then((m) => m.demoteMember(this, chat, user));
  }
  /** See {@link setDefaultPermissions}. */
  setDefaultPermissions(chat: PeerLike, forbidden: BannedRightsInit | readonly BannedRight[] | ChatBannedRights): Promise<void> {
    return methods.chats().then((m) => m.setDefaultPermissions(this, chat, forbidden));
  }
  /** See {@link toggleForum}. */
  toggleForum(chat: PeerLike, enabled?: boolean): Promise<void> {
    return methods.forums().then((m) => m.toggleForum(this, chat, enabled));
  }
  /** See {@link createForumTopic}. */
  createForumTopic(chat: PeerLike, title: string, params?: CreateForumTopicParams): Promise<ForumTopic> {
    return methods.forums().then((m) => m.createForumTopic(this, chat, title, params));
  }
  /** See {@link iterForumTopics}. */
  iterForumTopics(chat: PeerLike, params?: IterForumTopicsParams): AsyncGenerator<ForumTopic> {
    return lazyIterator(methods.forums().then((m) => m.iterForumTopics(this, chat, params)));
  }
  /** See {@link getForumTopics}. */
  getForumTopics(chat: PeerLike, params?: IterForumTopicsParams): Promise<ForumTopic[]> {
    return methods.forums().then((m) => m.getForumTopics(this, chat, params));
  }
  /** See {@link getForumTopicsById}. */
  getForumTopicsById(chat: PeerLike, topics: TopicLike[]): Promise<(ForumTopic | undefined)[]> {
    return methods.forums().then((m) => m.getForumTopicsById(this, chat, topics));
  }
  /** See {@link editForumTopic}. */
  editForumTopic(chat: PeerLike, topic: TopicLike, params: EditForumTopicParams): Promise<void> {
    return methods.forums().then((m) => m.editForumTopic(this, chat, topic, params));
  }
  /** See {@link closeForumTopic}. */
  closeForumTopic(chat: PeerLike, topic: TopicLike): Promise<void> {
    return methods.forums().then((m) => m.closeForumTopic(this, chat, topic));
  }
  /** See {@link reopenForumTopic}. */
  reopenForumTopic(chat: PeerLike, topic: TopicLike): Promise<void> {
    return methods.forums().then((m) => m.reopenForumTopic(this, chat, topic));
  }
  /** See {@link setGeneralTopicHidden}. */
  setGeneralTopicHidden(chat: PeerLike, hidden: boolean): Promise<void> {
    return methods.forums().then((m) => m.setGeneralTopicHidden(this, chat, hidden));
  }
  /** See {@link pinForumTopic}. */
  pinForumTopic(chat: PeerLike, topic: TopicLike): Promise<void> {
    return methods.forums().then((m) => m.pinForumTopic(this, chat, topic));
  }
  /** See {@link unpinForumTopic}. */
  unpinForumTopic(chat: PeerLike, topic: TopicLike): Promise<void> {
    return methods.forums().then((m) => m.unpinForumTopic(this, chat, topic));
  }
  /** See {@link readForumTopic}. */
  readForumTopic(chat: PeerLike, topic: TopicLike, maxId?: number): Promise<void> {
    return methods.forums().then((m) => m.readForumTopic(this, chat, topic, maxId));
  }
  /** See {@link deleteForumTopic}. */
  deleteForumTopic(chat: PeerLike, topic: TopicLike): Promise<void> {
    return methods.forums().then((m) => m.deleteForumTopic(this, chat, topic));
  }
  /** See {@link getSendAs}. */
  getSendAs(chat: PeerLike): Promise<SendAsOption[]> {
    return methods.forums().then((m) => m.getSendAs(this, chat));
  }
  /** See {@link setDefaultSendAs}. */
  setDefaultSendAs(chat: PeerLike, sendAs: PeerLike): Promise<void> {
    return methods.forums().then((m) => m.setDefaultSendAs(this, chat, sendAs));
  }
  /** See {@link getDefaultSendAs}. */
  getDefaultSendAs(chat: PeerLike): Promise<UserType | Chat | undefined> {
    return methods.forums().then((m) => m.getDefaultSendAs(this, chat));
  }
  /** See {@link createInviteLink}. */
  createInviteLink(chat: PeerLike, params?: InviteLinkParams): Promise<InviteLink> {
    return methods.chats().then((m) => m.createInviteLink(this, chat, params));
  }
  /** See {@link exportInviteLink}. */
  exportInviteLink(chat: PeerLike): Promise<InviteLink> {
    return methods.chats().then((m) => m.exportInviteLink(this, chat));
  }
  /** See {@link editInviteLink}. */
  editInviteLink(chat: PeerLike, link: string | InviteLink, params: InviteLinkParams): Promise<InviteLink> {
    return methods.chats().then((m) => m.editInviteLink(this, chat, link, params));
  }
  /** See {@link revokeInviteLink}. */
  revokeInviteLink(chat: PeerLike, link: string | InviteLink): Promise<InviteLink> {
    return methods.chats().then((m) => m.revokeInviteLink(this, chat, link));
  }
  /** See {@link iterInviteLinks}. */
  iterInviteLinks(chat: PeerLike, params?: IterInviteLinksParams): AsyncGenerator<InviteLink> {
    return lazyIterator(methods.chats().then((m) => m.iterInviteLinks(this, chat, params)));
  }
  /** See {@link iterInviteLinkMembers}. */
  iterInviteLinkMembers(chat: PeerLike, params?: IterInviteLinkMembersParams): AsyncGenerator<InviteLinkMember> {
    return lazyIterator(methods.chats().then((m) => m.iterInviteLinkMembers(this, chat, params)));
  }
  /** See {@link iterJoinRequests}. */
  iterJoinRequests(chat: PeerLike, params?: Omit<IterInviteLinkMembersParams, 'requested'>): AsyncGenerator<InviteLinkMember> {
    return lazyIterator(methods.chats().then((m) => m.iterJoinRequests(this, chat, params)));
  }
  /** See {@link checkInviteLink}. */
  checkInviteLink(link: string): Promise<InviteLinkPreview> {
    return methods.chats().then((m) => m.checkInviteLink(this, link));
  }
  /** See {@link approveJoinRequest}. */
  approveJoinRequest(chat: PeerLike, user: PeerLike): Promise<void> {
    return methods.chats().then((m) => m.approveJoinRequest(this, chat, user));
  }
  /** See {@link declineJoinRequest}. */
  declineJoinRequest(chat: PeerLike, user: PeerLike): Promise<void> {
    return methods.chats().then((m) => m.declineJoinRequest(this, chat, user));
  }
  /** See {@link settleAllJoinRequests}. */
  settleAllJoinRequests(chat: PeerLike, params: { approve: boolean; link?: string | InviteLink }): Promise<void> {
    return methods.chats().then((m) => m.settleAllJoinRequests(this, chat, params));
  }
  /** See {@link setChatTitle}. */
  setChatTitle(chat: PeerLike, title: string): Promise<void> {
    return methods.chats().then((m) => m.setChatTitle(this, chat, title));
  }
  /** See {@link setChatAbout}. */
  setChatAbout(chat: PeerLike, about: string): Promise<void> {
    return methods.chats().then((m) => m.setChatAbout(this, chat, about));
  }
  /** See {@link getStickerSet}. */
  getStickerSet(set: StickerSetLike): Promise<StickerSet> {
    return methods.stickers().then((m) => m.getStickerSet(this, set));
  }
  /** See {@link setChatPhoto}. */
  setChatPhoto(chat: PeerLike, file: UploadSource, params?: UploadFileParams): Promise<void> {
    return methods.chats().then((m) => m.setChatPhoto(this, chat, file, params));
  }
  /** See {@link deleteChatPhoto}. */
  deleteChatPhoto(chat: PeerLike): Promise<void> {
    return methods.chats().then((m) => m.deleteChatPhoto(this, chat));
  }
  /** See {@link iterProfilePhotos}. */
  iterProfilePhotos(user: PeerLike, params?: IterProfilePhotosParams): AsyncGenerator<PhotoType> {
    return lazyIterator(methods.users().then((m) => m.iterProfilePhotos(this, user, params)));
  }
  /** See {@link setProfilePhoto}. */
  setProfilePhoto(file: UploadSource, params?: UploadFileParams): Promise<PhotoType> {
    return methods.users().then((m) => m.setProfilePhoto(this, file, params));
  }
  /** See {@link deleteProfilePhotos}. */
  deleteProfilePhotos(photos: readonly PhotoType[]): Promise<bigint[]> {
    return methods.users().then((m) => m.deleteProfilePhotos(this, photos));
  }
  /** See {@link importContacts}. */
  importContacts(contacts: readonly PhoneContact[]): Promise<User.user[]> {
    return methods.users().then((m) => m.importContacts(this, contacts));
  }
  /** See {@link getContacts}. */
  getContacts(): Promise<User.user[]> {
    return methods.users().then((m) => m.getContacts(this));
  }
  /** See {@link deleteContacts}. */
  deleteContacts(users: readonly PeerLike[]): Promise<void> {
    return methods.users().then((m) => m.deleteContacts(this, users));
  }
  /** See {@link resolvePeer}. */
  resolvePeer(peer: PeerLike): Promise<InputPeer> {
    return methods.peers().then((m) => m.resolvePeer(this, peer));
  }

  // ------------------------------------------------ bots (ts/client/methods/bots)

  /** See {@link answerCallbackQuery}. */
  answerCallbackQuery(queryId: bigint | { readonly id: bigint }, params?: AnswerCallbackQueryParams): Promise<void> {
    return methods.bots().then((m) => m.answerCallbackQuery(this, queryId, params));
  }
  /** See {@link answerInlineQuery}. */
  answerInlineQuery(
    queryId: bigint | { readonly id: bigint },
    results: readonly InputBotInlineResult[],
    params?: AnswerInlineQueryParams,
  ): Promise<void> {
    return methods.bots().then((m) => m.answerInlineQuery(this, queryId, results, params));
  }
  /** See {@link editReplyMarkup}. */
  editReplyMarkup(peer: PeerLike, id: number, markup: ReplyMarkup.replyInlineMarkup): Promise<Message> {
    return methods.bots().then((m) => m.editReplyMarkup(this, peer, id, markup));
  }
  /**
   * Edits a message sent through this bot in inline mode (text and/or buttons), named by its
   * `InputBotInlineMessageID` or the Bot API-style string; see `editInlineMessage`.
   *
   * @example
   * ```ts
   * client.on('callbackQuery', async (q) => {
   *   if (q.inlineMessageId) await client.editInlineMessage(q.inlineMessageId, { text: 'Done ✅', replyMarkup: inlineKeyboard([]) });
   * });
   * ```
   */
  editInlineMessage(id: InputBotInlineMessageID | string, params: EditInlineMessageParams | string): Promise<void> {
    return methods.bots().then((m) => m.editInlineMessage(this, id, params));
  }
  /** See {@link getCallbackAnswer}. */
  getCallbackAnswer(
    peer: PeerLike,
    messageId: number,
    data: string | Uint8Array | undefined,
    params?: GetCallbackAnswerParams,
  ): Promise<CallbackAnswer> {
    return methods.bots().then((m) => m.getCallbackAnswer(this, peer, messageId, data, params));
  }
  /** See {@link clickButton}. */
  clickButton(message: Message, selector: ButtonSelector, params?: GetCallbackAnswerParams): Promise<ClickResult> {
    return methods.bots().then((m) => m.clickButton(this, message, selector, params));
  }
  /** See {@link getInlineResults}. */
  getInlineResults(bot: PeerLike, query: string, params?: GetInlineResultsParams): Promise<tlMessages.BotResults> {
    return methods.bots().then((m) => m.getInlineResults(this, bot, query, params));
  }
  /** See {@link sendInlineResult}. */
  sendInlineResult(
    peer: PeerLike,
    results: tlMessages.BotResults | bigint,
    resultId: string,
    params?: SendInlineResultParams,
  ): Promise<Message> {
    return methods.bots().then((m) => m.sendInlineResult(this, peer, results, resultId, params));
  }
  /** See {@link setBotCommands}. */
  setBotCommands(commands: readonly CommandInfo[], params?: BotCommandsParams): Promise<void> {
    return methods.bots().then((m) => m.setBotCommands(this, commands, params));
  }
  /** See {@link getBotCommands}. */
  getBotCommands(params?: BotCommandsParams): Promise<CommandInfo[]> {
    return methods.bots().then((m) => m.getBotCommands(this, params));
  }
  /** See {@link resetBotCommands}. */
  resetBotCommands(params?: BotCommandsParams): Promise<void> {
    return methods.bots().then((m) => m.resetBotCommands(this, params));
  }
  /** See {@link setBotMenuButton}. */
  setBotMenuButton(button: MenuButton, params?: { user?: PeerLike }): Promise<void> {
    return methods.bots().then((m) => m.setBotMenuButton(this, button, params));
  }
  /** See {@link getBotMenuButton}. */
  getBotMenuButton(params?: { user?: PeerLike }): Promise<MenuButton> {
    return methods.bots().then((m) => m.getBotMenuButton(this, params));
  }
}
