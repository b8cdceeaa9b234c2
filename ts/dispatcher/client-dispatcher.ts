/**
 * A dispatcher bound to a `TelegramClient`: every typed update the client's
 * updates runner delivers (ts/client/updates) is dispatched, and the
 * promise of `dispatch` — settled when the update's handlers finished — is
 * what the runner waits for before it commits the update state
 * (at-least-once: a crash mid-handler replays the update on restart).
 *
 * `onNewMessage(filter, handler)` and friends register a handler for one
 * update kind; message filters (`command`, `text`, `regex`, `privateChat`,
 * ...) read the `MessageLike` fields `NewMessage` and `MessageEdited` have.
 *
 * @example
 * ```ts
 * const dp = dispatcherFor(client, { storage: new MemoryStateStorage() });
 * dp.onNewMessage(command('start'), (msg) => msg.reply('hi!'));
 * dp.onCallbackQuery((q) => q.answer({ text: 'pressed' }));
 * ```
 */
import type { StateMap, StateName, StateRecord } from '../fsm/states.js';
import type { TelegramClient } from '../client/telegram-client.js';
import type { Album } from '../client/types/album.js';
import type { ChatBoost, MessageReaction, ParticipantUpdate } from '../client/types/chat-updates.js';
import type { PreCheckoutQuery, ShippingQuery } from '../client/types/payment-updates.js';
import type {
  BotStopped,
  CallbackQuery,
  InlineQuery,
  InlineSend,
  JoinRequest,
  MessageDeleted,
  MessageEdited,
  NewMessage,
  PollVote,
  RawUpdate,
  TypedUpdate,
  TypedUpdateMap,
  UserStatus,
  UserTyping,
} from '../client/types/updates.js';
import type { Context } from './context.js';
import { Dispatcher, type DispatcherOptions, inState } from './dispatcher.js';
import { and, type Filter, kind } from './filter.js';
import type { Handler, HandlerOptions } from './router.js';

/** Options of {@link ClientDispatcher}: the dispatcher's, plus which messages count. */
export interface ClientDispatcherOptions<M extends StateMap> extends DispatcherOptions<TypedUpdate, M> {
  /**
   * Also dispatch messages this account sent (`newMessage` / `messageEdited`
   * with `out`). Default false: a bot does not see its own replies (which
   * would otherwise come back as new messages and could loop).
   */
  outgoing?: boolean;
}

/** The `on<Kind>` method pair: a handler alone, or a filter and a handler. */
interface OnKind<T, M extends StateMap, Self> {
  (handler: Handler<T, Context<T, M>>, options?: HandlerOptions): Self;
  <Mod, C>(filter: Filter<T, Mod, C>, handler: Handler<T & Mod, Context<T & Mod, M> & C>, options?: HandlerOptions): Self;
}

/** A {@link Dispatcher} over a client's typed updates. Make one with `new ClientDispatcher(client)` or {@link dispatcherFor}. */
export class ClientDispatcher<M extends StateMap = StateMap> extends Dispatcher<TypedUpdate, M> {
  private detach: (() => void) | undefined;

  declare onNewMessage: OnKind<NewMessage, M, this>;
  declare onMessageEdited: OnKind<MessageEdited, M, this>;
  declare onMessageDeleted: OnKind<MessageDeleted, M, this>;
  declare onCallbackQuery: OnKind<CallbackQuery, M, this>;
  declare onInlineQuery: OnKind<InlineQuery, M, this>;
  declare onInlineSend: OnKind<InlineSend, M, this>;
  declare onUserStatus: OnKind<UserStatus, M, this>;
  declare onUserTyping: OnKind<UserTyping, M, this>;
  declare onBotStopped: OnKind<BotStopped, M, this>;
  declare onPollVote: OnKind<PollVote, M, this>;
  declare onJoinRequest: OnKind<JoinRequest, M, this>;
  declare onParticipantUpdate: OnKind<ParticipantUpdate, M, this>;
  declare onMessageReaction: OnKind<MessageReaction, M, this>;
  declare onShippingQuery: OnKind<ShippingQuery, M, this>;
  declare onPreCheckoutQuery: OnKind<PreCheckoutQuery, M, this>;
  declare onChatBoost: OnKind<ChatBoost, M, this>;
  /** Albums (messages sharing a `grouped_id`, see the client's `updates.albumWindowMs`). */
  declare onAlbum: OnKind<Album, M, this>;
  declare onRaw: OnKind<RawUpdate, M, this>;

  constructor(
    /** The client whose updates are dispatched. */
    readonly client: TelegramClient,
    options: ClientDispatcherOptions<M> = {},
  ) {
    super(options);
    const outgoing = options.outgoing ?? false;
    this.detach = client.addUpdateSink({
      deliver: (u) =>
        !outgoing && (u.kind === 'newMessage' || u.kind === 'messageEdited' || u.kind === 'album') && u.out ? undefined : this.dispatch(u),
    });
    this.onNewMessage = this.kindMethod('newMessage');
    this.onMessageEdited = this.kindMethod('messageEdited');
    this.onMessageDeleted = this.kindMethod('messageDeleted');
    this.onCallbackQuery = this.kindMethod('callbackQuery');
    this.onInlineQuery = this.kindMethod('inlineQuery');
    this.onInlineSend = this.kindMethod('inlineSend');
    this.onUserStatus = this.kindMethod('userStatus');
    this.onUserTyping = this.kindMethod('userTyping');
    this.onBotStopped = this.kindMethod('botStopped');
    this.onPollVote = this.kindMethod('pollVote');
    this.onJoinRequest = this.kindMethod('joinRequest');
    this.onParticipantUpdate = this.kindMethod('participantUpdate');
    this.onMessageReaction = this.kindMethod('messageReaction');
    this.onShippingQuery = this.kindMethod('shippingQuery');
    this.onPreCheckoutQuery = this.kindMethod('preCheckoutQuery');
    this.onChatBoost = this.kindMethod('chatBoost');
    this.onAlbum = this.kindMethod('album');
    this.onRaw = this.kindMethod('raw');
  }

  /**
   * The FSM state filter (see {@link Dispatcher.state}), accepting any update
   * so it combines with message filters: `and(text, dp.state('askName'))`.
   */
  override state<K extends StateName<M>>(...names: K[]): Filter<unknown, unknown, { state: { readonly current: StateRecord<M, K> } }> {
    return inState<M, K>(...names);
  }

  /** Stops receiving the client's updates (handlers already running finish). */
  unbind(): void {
    this.detach?.();
    this.detach = undefined;
  }

  private kindMethod<K extends keyof TypedUpdateMap>(k: K): OnKind<TypedUpdateMap[K], M, this> {
    const isKind = kind(k) as unknown as Filter<TypedUpdate>;
    // biome-ignore lint/suspicious/noExplicitAny: the overloads of OnKind type the arguments
    return ((a: any, b?: any, c?: any) => {
      if (typeof b === 'function') return this.on(and(isKind, a as Filter<TypedUpdate>), b, c);
      return this.on(isKind, a, b);
    }) as OnKind<TypedUpdateMap[K], M, this>;
  }
}

/**
 * A dispatcher for `client`'s updates (same as `new ClientDispatcher(client, options)`).
 *
 * @example
 * ```ts
 * type States = { askName: Record<string, never> };
 * const dp = dispatcherFor<States>(client, { storage: new MemoryStateStorage() });
 * dp.onNewMessage(command('start'), async (msg, ctx) => {
 *   await ctx.state.set('askName');
 *   await msg.reply('Your name?');
 * });
 * ```
 */
export function dispatcherFor<M extends StateMap = StateMap>(
  client: TelegramClient,
  options: ClientDispatcherOptions<M> = {},
): ClientDispatcher<M> {
  return new ClientDispatcher<M>(client, options);
}
