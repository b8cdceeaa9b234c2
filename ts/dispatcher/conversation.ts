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
 * takes reaches no other handler unless the wait says `passThrough`. Updates
 * of the chat that no wait matches go to the handlers as usual (after the
 * conversation's handler finishes, by the per-chat order) — including one
 * that arrives between two waits, before the handler has started the next:
 * it is not held for that wait (known limit of this skeleton; the wait's
 * timeout bounds it).
 *
 * A skeleton: generic over the update type and a minimal `send`, to be wired
 * to the client's typed updates (NewMessage, CallbackQuery) and methods later.
 * `waitRead` (read receipts) waits for the typed updates.
 */
import type { StateKeyParts } from '../fsm/key-strategy.js';
import type { StateMap } from '../fsm/states.js';
import { TimeoutError, WasmgramError } from '../errors.js';
import type { Dispatcher } from './dispatcher.js';

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
  private readonly remove: () => void;
  private closed = false;
  private readonly timers: ConversationTimers;

  constructor(
    dp: Dispatcher<U, M>,
    /** The chat this conversation talks to. */
    readonly chatId: bigint,
    private readonly options: ConversationOptions<U>,
  ) {
    this.timers = options.timers ?? globalTimers;
    this.remove = dp.addInterceptor((u, parts) => this.offer(u, parts));
  }

  /** Sends `text`, then waits for the next message in the chat. */
  async ask(text: string, wait: WaitOptions<U> = {}): Promise<U> {
    if (!this.options.send) throw new WasmgramError('Conversation.ask needs a `send` option');
    // Register the wait before sending, so a fast answer is not missed.
    const answer = this.waitResponse(wait);
    try {
      await this.options.send(this.chatId, text);
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

  /** The next update of the chat passing `predicate` (and `wait.filter`). Rejects with {@link TimeoutError} when none comes in time. */
  waitFor(predicate: (update: U) => boolean, wait: WaitOptions<U> = {}): Promise<U> {
    if (this.closed) return Promise.reject(new WasmgramError('conversation is closed'));
    const signals = [this.options.signal, wait.signal].filter((s): s is AbortSignal => s !== undefined);
    for (const s of signals) if (s.aborted) return Promise.reject(cancelled(s));
    const ms = wait.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const extra = wait.filter;
    return new Promise<U>((resolve, reject) => {
      const waiter: Waiter<U> = {
        match: extra ? (u) => predicate(u) && extra(u) : predicate,
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

  /** Stops listening; pending waits reject. Call it when the dialogue ends (a `finally`). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.remove();
    this.cancelAll(new WasmgramError('conversation is closed'));
  }

  private readonly failers = new Set<(e: Error) => void>();

  private cancelAll(e: Error): void {
    for (const f of [...this.failers]) f(e);
  }

  /** The dispatcher's interceptor: the oldest matching wait takes the update. */
  private offer(update: U, parts: StateKeyParts): boolean {
    if (parts.chatId !== this.chatId || this.waiters.length === 0) return false;
    for (const w of this.waiters) {
      let ok = false;
      try {
        ok = w.match(update);
      } catch {
        ok = false; // a throwing filter does not take the update (nor break the dispatcher)
      }
      if (ok) {
        w.resolve(update);
        return !w.passThrough;
      }
    }
    return false;
  }
}
