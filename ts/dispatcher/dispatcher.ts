/**
 * The dispatcher: the root router plus what runs around it — the
 * concurrency model (updates of one chat in order, different chats in
 * parallel up to a limit), the per-update context with FSM state and scenes,
 * and the typed state filter. Generic over the update type, so it runs with
 * plain objects in tests and with the client's typed updates.
 *
 * The promise `dispatch(update)` returns settles when the update's handlers
 * have finished — what at-least-once delivery waits for before it stores the
 * update state (ts/updates README).
 */
import { type KeyStrategy, perUserInChat, type StateKeyParts } from '../fsm/key-strategy.js';
import { SceneManager, type Wizard } from '../fsm/scenes.js';
import type { StateDefinition, StateMap, StateName, StateRecord } from '../fsm/states.js';
import type { StateStorage } from '../fsm/storage.js';
import { ChatQueue, type LaneKey } from './chat-queue.js';
import { Context, type ContextServices } from './context.js';
import type { Filter } from './filter.js';
import type { HandleResult } from './propagation.js';
import { Router } from './router.js';
import { ArgumentError } from '../errors.js';

/** Options of {@link Dispatcher}. */
export interface DispatcherOptions<U, M extends StateMap> {
  /** FSM state storage: enables `ctx.state`, state filters and scenes. */
  storage?: StateStorage;
  /** Whose state an update reads (default {@link perUserInChat}). */
  keyStrategy?: KeyStrategy;
  /** Run-time check of stored state names. */
  states?: StateDefinition<M>;
  /** Default TTL of FSM states and scene positions (unset: none). */
  stateTtlMs?: number;
  /** Scenes (wizards); an update whose key is in a scene goes to its step and to no handler. Needs `storage`. */
  // biome-ignore lint/suspicious/noExplicitAny: scenes of any data type
  scenes?: readonly Wizard<Context<U, M>, any>[];
  /** Chat, user and topic of an update (default: reads `chat.id`/`chatId`, `sender.id`/`userId`, `threadId`). */
  ids?: (update: U) => StateKeyParts;
  /** Ordering lane of an update (default: its chat id, else its user id; none = runs unordered). */
  lane?: (update: U, parts: StateKeyParts) => LaneKey | undefined;
  /** Most updates handled at once across different chats (default 16). */
  concurrency?: number;
}

/**
 * Sees an update before the dispatcher queues it: false lets it through,
 * true consumes it, a promise takes it over (what `dispatch` settles with).
 */
export type Interceptor<U> = (update: U, parts: StateKeyParts) => boolean | Promise<HandleResult>;

function toBig(v: unknown): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  return undefined;
}

/** The default `ids`: structural reads that fit the client's Message/CallbackQuery and plain test objects. */
export function defaultUpdateIds(update: unknown): StateKeyParts {
  const u = update as {
    chat?: { id?: unknown };
    chatId?: unknown;
    sender?: { id?: unknown };
    from?: { id?: unknown };
    userId?: unknown;
    threadId?: unknown;
  } | null;
  if (u === null || typeof u !== 'object') return {};
  const parts: StateKeyParts = {};
  const chatId = toBig(u.chat?.id ?? u.chatId);
  const userId = toBig(u.sender?.id ?? u.from?.id ?? u.userId);
  if (chatId !== undefined) parts.chatId = chatId;
  if (userId !== undefined) parts.userId = userId;
  if (typeof u.threadId === 'number') parts.threadId = u.threadId;
  return parts;
}

/** The chat id (a private chat's id is its user's id), else the user id; bigints are Map keys by value. */
function defaultLane(_u: unknown, p: StateKeyParts): LaneKey | undefined {
  return p.chatId ?? p.userId;
}

/**
 * Routes updates of type `U` to handlers; FSM states `M` are checked by tsc.
 *
 * @example
 * ```ts
 * type States = { askName: {}; askAge: { name: string } };
 * const dp = new Dispatcher<Message, States>({ storage: new MemoryStateStorage() });
 * dp.on(command('start'), async (msg, ctx) => { await reply(msg, 'Name?'); await ctx.state.set('askName'); });
 * dp.on(and(text, dp.state('askName')), async (msg, ctx) => ctx.state.set('askAge', { name: msg.text }));
 * dp.on(and(text, dp.state('askAge')), async (msg, ctx) => {
 *   const { name } = ctx.state.current.data; // typed: { name: string }
 *   await ctx.state.clear();
 * });
 * await dp.dispatch(message); // resolves when its handlers are done
 * ```
 */
export class Dispatcher<U, M extends StateMap = StateMap> extends Router<U, M> {
  private readonly queue: ChatQueue;
  private interceptors: ReadonlyArray<Interceptor<U>> = [];
  private readonly services: ContextServices<M> | undefined;
  private readonly keyStrategy: KeyStrategy;
  private readonly ids: (update: U) => StateKeyParts;
  private readonly lane: (update: U, parts: StateKeyParts) => LaneKey | undefined;

  constructor(options: DispatcherOptions<U, M> = {}) {
    super();
    this.queue = new ChatQueue(options.concurrency ?? 16);
    this.keyStrategy = options.keyStrategy ?? perUserInChat;
    this.ids = options.ids ?? (defaultUpdateIds as (u: U) => StateKeyParts);
    this.lane = options.lane ?? defaultLane;
    if (options.scenes?.length && !options.storage) throw new ArgumentError('Dispatcher: scenes need a state storage');
    if (options.storage) {
      const ttl = options.stateTtlMs;
      this.services = {
        storage: options.storage,
        stateOptions: { ...(options.states ? { definition: options.states } : {}), ...(ttl !== undefined ? { ttlMs: ttl } : {}) },
        scenes: options.scenes?.length
          ? new SceneManager(options.storage, options.scenes, ttl !== undefined ? { ttlMs: ttl } : {})
          : undefined,
      };
    }
  }

  /**
   * Adds a function that sees each dispatched update before it is queued;
   * returning true consumes it (no handler runs), a promise takes it over
   * (`dispatch` settles with it: a conversation holding the update for a
   * later wait). Returns the remover. Conversations use this; it must be
   * cheap and must not throw.
   */
  addInterceptor(interceptor: Interceptor<U>): () => void {
    this.interceptors = [...this.interceptors, interceptor];
    return () => {
      this.interceptors = this.interceptors.filter((i) => i !== interceptor);
    };
  }

  /** Updates queued or being handled. */
  get pending(): number {
    return this.queue.pending;
  }

  /**
   * Handles `update` in its chat's order; resolves when its handlers have
   * finished (rejects with a handler's error when no error handler took it).
   */
  dispatch(update: U): Promise<HandleResult> {
    const parts = this.ids(update);
    // Interceptors see the update before the chat's queue: a conversation
    // waiting inside a handler of this chat must get the next message even
    // though that handler still holds the chat's lane.
    for (let i = 0; i < this.interceptors.length; i++) {
      const taken = this.interceptors[i]!(update, parts);
      if (taken === true) return Promise.resolve('stop');
      if (taken) return taken;
    }
    return this.queue.run(this.lane(update, parts), () => this.handleNow(update, parts));
  }

  /** Handles `update` in its chat's order, past the interceptors (a conversation releasing an update it held). */
  dispatchQueued(update: U): Promise<HandleResult> {
    const parts = this.ids(update);
    return this.queue.run(this.lane(update, parts), () => this.handleNow(update, parts));
  }

  /** Handles `update` right away, outside the ordering queue; returns how it ended. */
  handleNow(update: U, parts: StateKeyParts = this.ids(update)): Promise<HandleResult> {
    const key = this.services ? this.keyStrategy(parts) : undefined;
    return this.handle(new Context<U, M>(update, parts.chatId, parts.userId, key, this.services));
  }

  /** An update whose key is in a scene goes to the scene's step (inside the middleware and error handling) and nowhere else. */
  protected override intercept(ctx: Context<U, M>): boolean | Promise<boolean> {
    const scenes = this.services?.scenes;
    return scenes !== undefined && ctx.key !== undefined && scenes.handle(ctx.key, ctx);
  }

  /** Resolves when every dispatched update has been handled. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /**
   * A filter passing when this update's FSM state is one of `names`;
   * narrows `ctx.state.current` to those states and their data.
   */
  state<K extends StateName<M>>(...names: K[]): Filter<U, unknown, { state: { readonly current: StateRecord<M, K> } }> {
    return inState<M, K>(...names) as Filter<U, unknown, { state: { readonly current: StateRecord<M, K> } }>;
  }
}

/**
 * A filter passing when the update's FSM state is one of `names` (standalone
 * form of {@link Dispatcher.state}; the state map is a type argument).
 */
export function inState<M extends StateMap, K extends StateName<M> = StateName<M>>(
  ...names: K[]
): Filter<unknown, unknown, { state: { readonly current: StateRecord<M, K> } }> {
  const set = new Set<string>(names);
  return async (_u: unknown, ctx: Context<unknown, M>) => {
    if (!ctx.hasState) return false;
    const s = await ctx.state.get();
    return s !== undefined && set.has(s.name);
  };
}

/** A filter passing when the update has no FSM state. */
export const noState: Filter<unknown> = async (_u: unknown, ctx: Context<unknown>) =>
  !ctx.hasState || (await ctx.state.get()) === undefined;
