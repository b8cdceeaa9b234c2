/**
 * Conversations: a handler that asks and waits for the answer in line,
 * instead of spreading one dialogue over FSM states.
 *
 * ```ts
 * dp.on(command('order'), async (msg) => {
 *   const conv = new Conversation(dp, BigInt(msg.chat.id), { send, isMessage, isClick });
 *   try {
 *     const size = await conv.ask('Which size?', { timeoutMs: 60_000 });
 *     const ok = await conv.waitClick();
 *   } finally { conv.close(); }
 * });
 * ```
 *
 * The conversation sees its chat's updates before the dispatcher queues them
 * (the handler that runs it holds the chat's ordered lane), and an update it
 * takes reaches no other handler unless the wait says `passThrough`.
 *
 * **Nothing is lost between two waits.** An update of the chat that a wait
 * could take (a message, a click, a read receipt) arriving while no wait is
 * pending — the handler is still busy after the previous answer — is held
 * (up to `backlog`, default 100): the next wait that matches takes it from
 * there. (While a wait is pending, an update it does not match goes on to
 * the handlers, as before.) What no wait took goes to the handlers when
 * the conversation closes, in arrival order — where it would have been
 * anyway, since the conversation's handler holds the chat's lane. The
 * dispatch promise of a held update settles only then (or after `holdMs`,
 * when it goes to the handlers anyway), so at-least-once
 * delivery never commits past an update nobody handled.
 *
 * Generic over the update type; `conversation(dp, chat)` in
 * ./client-conversation.ts wires it to the client's typed updates.
 */
import type { StateKeyParts } from '../fsm/key-strategy.js';
import type { StateMap } from '../fsm/states.js';
import { TimeoutError, WasmgramError } from '../errors.js';
import type { Dispatcher } from './dispatcher.js';
import type { HandleResult } from './propagation.js';

/** Timers, injectable for tests. */
export interface ConversationTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Options of {@link Conversation}. */
export interface ConversationOptions<U> {
  /** Sends a text message to the chat (the client's `sendText`, later). */
  send?: (chatId: bigint, text: string) => Promise<unknown>;
  /** Whether an update is a new message (for {@link Conversation.waitResponse}). */
  isMessage: (update: U) => boolean;
  /** Whether an update is a callback-button click (for {@link Conversation.waitClick}). */
  isClick?: (update: U) => boolean;
  /**
   * For a read receipt of the chat's outgoing messages
   * (`updateReadHistoryOutbox`, `updateReadChannelOutbox`): the highest
   * message id read; undefined for other updates (for {@link Conversation.waitRead}).
   */
  readUpTo?: (update: U) => number | undefined;
  /** Most updates held for later waits (default 100); past it they go to the handlers as usual. */
  backlog?: number;
  /**
   * How long an update is held for a later wait before it goes to the
   * handlers anyway (default: `timeoutMs`): a conversation left open by
   * mistake must not hold the chat's updates — and the update-state commit
   * behind them — forever.
   */
  holdMs?: number;
  /** Default wait timeout (default 60 s). */
  timeoutMs?: number;
  /** Cancels every wait of the conversation. */
  signal?: AbortSignal;
  timers?: ConversationTimers;
}

/** Options of one wait. */
export interface WaitOptions<U> {
  /** Only updates passing this (besides the kind and chat). */
  filter?: (update: U) => boolean;
  /** This wait's timeout (default the conversation's). */
  timeoutMs?: number;
  /** Cancels this wait. */
  signal?: AbortSignal;
  /** Let the matched update reach the handlers too. */
  passThrough?: boolean;
}

interface Held<U> {
  readonly update: U;
  /** Settles the update's dispatch promise. */
  readonly settle: (r: HandleResult | Promise<HandleResult>) => void;
  /** The hold deadline's timer. */
  timer: unknown;
}

interface Waiter<U> {
  match: (update: U) => boolean;
  passThrough: boolean;
  resolve: (u: U) => void;
}

const DEFAULT_TIMEOUT_MS = 60_000;

const globalTimers: ConversationTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

function cancelled(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new WasmgramError('conversation cancelled');
}

/** A dialogue with one chat, run from inside a handler. */
export class Conversation<U, M extends StateMap = StateMap> {
  private readonly waiters: Waiter<U>[] = [];
  private readonly held: Held<U>[] = [];
  private readonly backlogLimit: number;
  /** Id of the last message `ask` sent (the default of `waitRead`), when `send` returned one. */
  private lastSentId: number | undefined;
  private readonly remove: () => void;
  private closed = false;
  private readonly timers: ConversationTimers;

  constructor(
    private readonly dp: Dispatcher<U, M>,
    /** The chat this conversation talks to. */
    readonly chatId: bigint,
    private readonly options: ConversationOptions<U>,
  ) {
    this.timers = options.timers ?? globalTimers;
    this.backlogLimit = options.backlog ?? 100;
    Object.defineProperty(this, 'dp', { enumerable: false });
    this.remove = dp.addInterceptor((u, parts) => this.offer(u, parts));
  }

  /** Sends `text`, then waits for the next message in the chat. */
  async ask(text: string, wait: WaitOptions<U> = {}): Promise<U> {
    if (!this.options.send) throw new WasmgramError('Conversation.ask needs a `send` option');
    // Register the wait before sending, so a fast answer is not missed.
    const answer = this.waitResponse(wait);
    try {
      const sent = await this.options.send(this.chatId, text);
      const id = (sent as { id?: unknown } | null | undefined)?.id;
      if (typeof id === 'number') this.lastSentId = id;
    } catch (e) {
      answer.catch(() => {});
      this.cancelAll(e instanceof Error ? e : new WasmgramError(String(e)));
      throw e;
    }
    return answer;
  }

  /** The next new message in the chat. */
  waitResponse(wait: WaitOptions<U> = {}): Promise<U> {
    return this.waitFor(this.options.isMessage, wait);
  }

  /** The next button click in the chat. */
  waitClick(wait: WaitOptions<U> = {}): Promise<U> {
    const isClick = this.options.isClick;
    if (!isClick) return Promise.reject(new WasmgramError('Conversation.waitClick needs an `isClick` option'));
    return this.waitFor(isClick, wait);
  }

  /**
   * Resolves when the other side has read the chat up to message `messageId`
   * (default: the last message {@link ask} sent; without one, any read
   * receipt) — an `updateReadHistoryOutbox` / `updateReadChannelOutbox`
   * whose `max_id` reaches it. Needs the `readUpTo` option.
   */
  waitRead(messageId?: number, wait: WaitOptions<U> = {}): Promise<U> {
    const readUpTo = this.options.readUpTo;
    if (!readUpTo) return Promise.reject(new WasmgramError('Conversation.waitRead needs a `readUpTo` option'));
    const target = messageId ?? this.lastSentId ?? 0;
    return this.waitFor((u) => {
      const max = readUpTo(u);
      return max !== undefined && max >= target;
    }, wait);
  }

  /** The next update of the chat passing `predicate` (and `wait.filter`). Rejects with {@link TimeoutError} when none comes in time. */
  waitFor(predicate: (update: U) => boolean, wait: WaitOptions<U> = {}): Promise<U> {
    if (this.closed) return Promise.reject(new WasmgramError('conversation is closed'));
    const signals = [this.options.signal, wait.signal].filter((s): s is AbortSignal => s !== undefined);
    for (const s of signals) if (s.aborted) return Promise.reject(cancelled(s));
    const ms = wait.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const extra = wait.filter;
    const match = extra ? (u: U) => predicate(u) && extra(u) : predicate;
    // An update that came before this wait started is taken from the backlog.
    for (let i = 0; i < this.held.length; i++) {
      const h = this.held[i]!;
      if (!safeMatch(match, h.update)) continue;
      this.held.splice(i, 1);
      this.timers.clearTimeout(h.timer);
      h.settle(wait.passThrough ? this.dp.handleNow(h.update) : 'stop');
      return Promise.resolve(h.update);
    }
    return new Promise<U>((resolve, reject) => {
      const waiter: Waiter<U> = {
        match,
        passThrough: wait.passThrough ?? false,
        resolve: (u) => {
          cleanup();
          resolve(u);
        },
      };
      const fail = (e: Error) => {
        cleanup();
        reject(e);
      };
      const timer = this.timers.setTimeout(() => fail(new TimeoutError(`conversation: nothing within ${ms} ms`, ms)), ms);
      const onAbort = (s: AbortSignal) => () => fail(cancelled(s));
      const listeners = signals.map((s) => {
        const l = onAbort(s);
        s.addEventListener('abort', l, { once: true });
        return [s, l] as const;
      });
      const cleanup = () => {
        this.timers.clearTimeout(timer);
        for (const [s, l] of listeners) s.removeEventListener('abort', l);
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        this.failers.delete(fail);
      };
      this.failers.add(fail);
      this.waiters.push(waiter);
    });
  }

  /**
   * Stops listening; pending waits reject; held updates no wait took go to
   * the handlers (in arrival order). Call it when the dialogue ends (a `finally`).
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.remove();
    this.cancelAll(new WasmgramError('conversation is closed'));
    const held = this.held.splice(0);
    for (const h of held) {
      this.timers.clearTimeout(h.timer);
      h.settle(this.dp.dispatch(h.update));
    }
  }

  /** Updates held for later waits. */
  get heldCount(): number {
    return this.held.length;
  }

  private readonly failers = new Set<(e: Error) => void>();

  private cancelAll(e: Error): void {
    for (const f of [...this.failers]) f(e);
  }

  /**
   * The dispatcher's interceptor: the oldest matching wait takes the update;
   * else an update a wait could take is held for the next wait.
   */
  private offer(update: U, parts: StateKeyParts): boolean | Promise<HandleResult> {
    if (parts.chatId !== this.chatId) return false;
    for (const w of this.waiters) {
      if (safeMatch(w.match, update)) {
        w.resolve(update);
        return !w.passThrough;
      }
    }
    // Held only between waits: with a wait pending, an update it does not take is not for the conversation.
    if (this.waiters.length > 0 || this.held.length >= this.backlogLimit || !this.waitable(update)) return false;
    return new Promise<HandleResult>((settle) => {
      const h: Held<U> = { update, settle, timer: undefined };
      const ms = this.options.holdMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      h.timer = this.timers.setTimeout(() => this.release(h), ms);
      this.held.push(h);
    });
  }

  /** A held update no wait took in time goes to the handlers. */
  private release(h: Held<U>): void {
    const i = this.held.indexOf(h);
    if (i < 0) return;
    this.held.splice(i, 1);
    // Past the interceptors (this conversation would hold it again): straight to the chat's queue.
    h.settle(this.dp.dispatchQueued(h.update));
  }

  /** Whether some wait kind could take `update` (a message, a click, a read receipt). */
  private waitable(update: U): boolean {
    const o = this.options;
    return (
      safeMatch(o.isMessage, update) ||
      (o.isClick !== undefined && safeMatch(o.isClick, update)) ||
      (o.readUpTo !== undefined && safeMatch((u: U) => o.readUpTo!(u) !== undefined, update))
    );
  }
}

/** A throwing predicate does not take the update (nor break the dispatcher). */
function safeMatch<U>(match: (u: U) => boolean, update: U): boolean {
  try {
    return match(update);
  } catch {
    return false;
  }
}
