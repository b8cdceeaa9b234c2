/**
 * What the in-memory Telegram keeps for bots (https://core.telegram.org/api/bots):
 * per-bot settings (inline mode, inline feedback — what BotFather's
 * /setinline and /setinlinefeedback switch on), the callback and inline
 * queries waiting for the bot's answer (each with a deadline: past it the
 * user gets 400 BOT_RESPONSE_TIMEOUT and the query id is dead), the inline
 * results a user may send with `messages.sendInlineBotResult`, the server-side
 * cache of inline answers, bot commands per scope and language, and menu buttons.
 *
 * One store per backend ({@link botStore}), like the media store. Bounded: at
 * most `MAX_PENDING` (1000) open queries per bot and `MAX_KEPT_RESULTS` (10 000)
 * kept inline answers per backend (oldest dropped first).
 */
import type { BotCommand, BotMenuButton, InputBotInlineMessageID, messages } from '../../../tl/generated/types.js';
import type { TelegramBackend } from '../backend.js';
import { badRequest } from '../rpc-errors.js';
import type { StoredInlineContent } from './inline-results.js';

/** How long a user waits for a bot's answer by default (Telegram's clients give up after ~10–15 s). */
export const DEFAULT_BOT_ANSWER_TIMEOUT_MS = 10_000;
/** Open queries one bot may have before new ones fail at once with BOT_RESPONSE_TIMEOUT. */
const MAX_PENDING = 1000;
/** Inline answers kept for `sendInlineBotResult` and the cache, per backend. */
const MAX_KEPT_RESULTS = 10_000;
/** Seconds a user may still send a result of an inline answer (then INLINE_RESULT_EXPIRED). */
export const INLINE_RESULT_TTL = 3600;

/** BotFather-style settings of one bot. */
export interface BotSettings {
  /** Inline mode on (/setinline); off: `messages.getInlineBotResults` answers BOT_INLINE_DISABLED. Default true. */
  inline: boolean;
  /** The placeholder shown in the input field in inline mode. */
  inlinePlaceholder: string | undefined;
  /** Send `updateBotInlineSend` when a user picks a result (/setinlinefeedback). Default false, as on Telegram. */
  inlineFeedback: boolean;
}

/** A query waiting for the bot. */
interface Pending<T> {
  readonly kind: 'callback' | 'inline';
  readonly botId: bigint;
  readonly userId: bigint;
  /** For callback queries: a game button (a URL answer is allowed then). */
  readonly game: boolean;
  resolve(answer: T): void;
  /** Ends the wait with BOT_RESPONSE_TIMEOUT (the server stops). */
  abandon(): void;
}

/** One inline answer as the user received it, kept for `sendInlineBotResult`. */
export interface KeptInlineAnswer {
  readonly botId: bigint;
  readonly userId: bigint;
  readonly query: string;
  /** Backend time the answer was given. */
  readonly date: number;
  /** Result id → what sending it posts. */
  readonly contents: ReadonlyMap<string, StoredInlineContent>;
  /** The answer without `query_id` and `users` (filled per request). */
  readonly answer: Omit<messages.BotResults, 'query_id' | 'users'>;
  readonly cacheTime: number;
  readonly private: boolean;
}

/** The stored state for bots of one backend. */
export class BotStore {
  /** How long users wait for a bot's answer, in ms (tests lower it). */
  answerTimeoutMs = DEFAULT_BOT_ANSWER_TIMEOUT_MS;
  private readonly settingsByBot = new Map<bigint, BotSettings>();
  private readonly pending = new Map<bigint, Pending<unknown>>();
  private readonly pendingPerBot = new Map<bigint, number>();
  private readonly answers = new Map<bigint, KeptInlineAnswer>();
  /** (bot, query, offset, user for private answers) → query id of the cached answer. */
  private readonly cache = new Map<string, bigint>();
  private readonly commandsByKey = new Map<string, BotCommand[]>();
  private readonly menuButtons = new Map<string, BotMenuButton>();
  private readonly inlineHashes = new Map<string, bigint>();

  constructor(private readonly backend: TelegramBackend) {}

  /** The settings of bot `botId` (defaults until changed). */
  settings(botId: bigint): BotSettings {
    let s = this.settingsByBot.get(botId);
    if (!s) this.settingsByBot.set(botId, (s = { inline: true, inlinePlaceholder: undefined, inlineFeedback: false }));
    return s;
  }

  /**
   * Changes settings of bot `botId`, as BotFather would.
   *
   * @example
   * ```ts
   * botStore(server.backend).configure(bot.id, { inlineFeedback: true });
   * ```
   */
  configure(botId: bigint, changes: Partial<BotSettings>): BotSettings {
    return Object.assign(this.settings(botId), changes);
  }

  /** A fresh non-zero query id. */
  newQueryId(): bigint {
    let id: bigint;
    do id = new DataView(this.backend.randomBytes(8).buffer).getBigInt64(0, true);
    while (id === 0n || this.pending.has(id) || this.answers.has(id));
    return id;
  }

  /**
   * Opens query `queryId` for bot `botId` and waits for its answer: resolves
   * with what `answer()` gets, or rejects with 400 BOT_RESPONSE_TIMEOUT after
   * `answerTimeoutMs` (the query id is dead from then on).
   */
  wait<T>(queryId: bigint, kind: 'callback' | 'inline', botId: bigint, userId: bigint, game = false): Promise<T> {
    const open = this.pendingPerBot.get(botId) ?? 0;
    if (open >= MAX_PENDING) return Promise.reject(badRequest('BOT_RESPONSE_TIMEOUT'));
    this.pendingPerBot.set(botId, open + 1);
    return new Promise<T>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.pending.delete(queryId);
        this.pendingPerBot.set(botId, (this.pendingPerBot.get(botId) ?? 1) - 1);
      };
      const timer = setTimeout(() => {
        done();
        reject(badRequest('BOT_RESPONSE_TIMEOUT'));
      }, this.answerTimeoutMs);
      // The timer holds the process like any awaited call (an in-process scripted user waits on it);
      // TestServer.stop() ends every query still waiting (abandonPending), so a stopped server holds nothing.
      this.pending.set(queryId, {
        kind,
        botId,
        userId,
        game,
        resolve: (a) => {
          done();
          resolve(a as T);
        },
        abandon: () => {
          done();
          reject(badRequest('BOT_RESPONSE_TIMEOUT'));
        },
      });
    });
  }

  /**
   * The open query `queryId` of `kind` that bot `botId` may answer, or 400
   * QUERY_ID_INVALID (unknown, answered, timed out, or another bot's).
   */
  open(queryId: bigint, kind: 'callback' | 'inline', botId: bigint): { userId: bigint; game: boolean; resolve(answer: unknown): void } {
    const p = this.pending.get(queryId);
    if (!p || p.kind !== kind || p.botId !== botId) throw badRequest('QUERY_ID_INVALID');
    return p;
  }

  /** Ends every query still waiting for a bot with BOT_RESPONSE_TIMEOUT, now (the server is stopping). */
  abandonPending(): void {
    for (const p of [...this.pending.values()]) p.abandon();
  }

  /** Number of queries waiting for bot `botId` (for tests). */
  pendingCount(botId: bigint): number {
    return this.pendingPerBot.get(botId) ?? 0;
  }

  /** Keeps an inline answer under `queryId` (and in the cache unless `cacheTime` is 0). */
  keepAnswer(queryId: bigint, kept: KeptInlineAnswer, offset: string): void {
    this.answers.set(queryId, kept);
    if (kept.cacheTime > 0) this.cache.set(cacheKey(kept.botId, kept.query, offset, kept.private ? kept.userId : undefined), queryId);
    for (const id of this.answers.keys()) {
      if (this.answers.size <= MAX_KEPT_RESULTS) break;
      this.answers.delete(id);
    }
  }

  /** A cached answer of bot `botId` for (`query`, `offset`) still fresh for `userId`, with its query id. */
  cached(botId: bigint, query: string, offset: string, userId: bigint): { queryId: bigint; kept: KeptInlineAnswer } | undefined {
    const now = this.backend.now();
    for (const user of [userId, undefined]) {
      const key = cacheKey(botId, query, offset, user);
      const id = this.cache.get(key);
      const kept = id === undefined ? undefined : this.answers.get(id);
      if (id !== undefined && kept && kept.date + kept.cacheTime > now) return { queryId: id, kept };
      if (id !== undefined) this.cache.delete(key);
    }
    return undefined;
  }

  /** The kept answer `queryId`, or undefined. */
  answer(queryId: bigint): KeptInlineAnswer | undefined {
    return this.answers.get(queryId);
  }

  /**
   * The id of a message sent through an inline bot (https://core.telegram.org/constructor/inputBotInlineMessageID64):
   * the box owner (the author's account, or the channel) and the message id there, with an access hash that
   * stays the same for that message.
   */
  inlineMessageId(dcId: number, ownerId: bigint, id: number): InputBotInlineMessageID {
    const key = `${ownerId}|${id}`;
    let hash = this.inlineHashes.get(key);
    if (hash === undefined) this.inlineHashes.set(key, (hash = new DataView(this.backend.randomBytes(8).buffer).getBigInt64(0, true)));
    return { _: 'inputBotInlineMessageID64', dc_id: dcId, owner_id: ownerId, id, access_hash: hash };
  }

  /** Commands of bot `botId` for a scope key and language, or undefined when none are set. */
  commands(botId: bigint, scope: string, langCode: string): BotCommand[] | undefined {
    return this.commandsByKey.get(`${botId}|${scope}|${langCode}`);
  }

  /** Sets (or, with an empty list, deletes) the commands of a scope and language. */
  setCommands(botId: bigint, scope: string, langCode: string, commands: BotCommand[]): void {
    const key = `${botId}|${scope}|${langCode}`;
    if (commands.length === 0) this.commandsByKey.delete(key);
    else this.commandsByKey.set(key, commands);
  }

  /**
   * The commands a user sees in their private chat with bot `botId`, as Telegram
   * picks them (https://core.telegram.org/api/bots/commands): the most specific
   * scope that has a list — that chat, then all private chats, then the default —
   * in the user's language first, then the list without a language.
   */
  commandsForUser(botId: bigint, userId: bigint, langCode: string): BotCommand[] {
    for (const scope of [`peer:u${userId}`, 'users', 'default']) {
      for (const lang of langCode === '' ? [''] : [langCode, '']) {
        const list = this.commands(botId, scope, lang);
        if (list) return list;
      }
    }
    return [];
  }

  /** The menu button of bot `botId` for `userId` (undefined: the bot's default); undefined when not set. */
  menuButton(botId: bigint, userId: bigint | undefined): BotMenuButton | undefined {
    return this.menuButtons.get(`${botId}|${userId ?? ''}`);
  }

  /** Sets the menu button for one user or (undefined) every user; `botMenuButtonDefault` clears it. */
  setMenuButton(botId: bigint, userId: bigint | undefined, button: BotMenuButton): void {
    const key = `${botId}|${userId ?? ''}`;
    if (button._ === 'botMenuButtonDefault') this.menuButtons.delete(key);
    else this.menuButtons.set(key, button);
  }
}

function cacheKey(botId: bigint, query: string, offset: string, userId: bigint | undefined): string {
  return `${botId}|${userId ?? ''}|${offset.length}:${offset}|${query}`;
}

const stores = new WeakMap<TelegramBackend, BotStore>();

/**
 * The bot state of `backend` (made on first use).
 *
 * @example
 * ```ts
 * const bots = botStore(server.backend);
 * bots.answerTimeoutMs = 500;   // users get BOT_RESPONSE_TIMEOUT after half a second
 * ```
 */
export function botStore(backend: TelegramBackend): BotStore {
  let s = stores.get(backend);
  if (!s) stores.set(backend, (s = new BotStore(backend)));
  return s;
}
