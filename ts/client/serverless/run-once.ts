/**
 * `runOnce`: one serverless invocation of a bot or userbot. An MTProto
 * client gets no webhooks, so a function run by a cron trigger, a queue
 * message or an HTTP request opens the stored session, catches up with
 * `updates.getDifference` from the stored update state
 * (https://core.telegram.org/api/updates#recovering-gaps), hands what
 * arrived to the handler, commits the new state, and closes — before the
 * platform's time limit kills it.
 *
 * It is a method of the client (`client.runOnce(handler, params)`, the free
 * function here like every other method) rather than a function that builds
 * its own client: the client's options — storage (libSQL locally or
 * remote), transport, crypto, logger, test server — stay the one place a
 * user configures, and the same client object also serves a long-running
 * process. `runOnce` owns the rest of the lifecycle: it connects, takes the
 * storage's lease when it has one, runs, and closes the client (an
 * invocation ends; Workers cannot keep sockets across requests; and updates
 * not taken must stay uncommitted, which only a stopped client guarantees).
 * A storage you passed stays open (you own it).
 */
import { SessionError, WasmgramError } from '../../errors.js';
import { randomBytes } from '../../platform/random.js';
import type { LeaseInfo, SessionStorage } from '../../storage/types.js';
import type { TypedUpdate } from '../types/updates.js';
import type { UpdateSink } from '../updates/runner.js';

/** What `runOnce` needs of a client (the `TelegramClient` has it). */
export interface RunOnceHost {
  readonly storage: SessionStorage;
  connect(): Promise<void>;
  addUpdateSink(sink: UpdateSink): () => void;
  startUpdates(): Promise<void>;
  close(): Promise<void>;
}

/** What `runOnce` needs of the client's updates runner. */
export interface RunOnceUpdates {
  /** No request in flight, every batch settled, its commits written. */
  idle(): Promise<void>;
  /** Every commit queued so far is written (while some batch is held). */
  commitsWritten(): Promise<void>;
}

/** The handler of one update; what it returns (a promise) is awaited before the update state moves past it. */
export type RunOnceHandler = (update: TypedUpdate) => unknown;

/** Options of {@link runOnce}. */
export interface RunOnceParams {
  /**
   * Wall-clock budget of the whole call, ms, counted from `startedAt`
   * (default 10 000). Set it below the platform's limit (AWS Lambda's
   * timeout, a Worker's wall/CPU limit, a cron interval).
   */
  budgetMs?: number;
  /**
   * Reserve at the end of the budget, ms: no update is handed out after
   * `budgetMs - marginMs`; the first half of the reserve lets running
   * handlers finish, the rest commits and closes. Default: 20 % of the
   * budget, at most 2 000.
   */
  marginMs?: number;
  /** When the invocation started (Unix ms; default: now). Pass the platform's start time to count its cold start too. */
  startedAt?: number;
  /**
   * Hand over what arrived while the bot was off (default true). `false`
   * forgets the stored update state first, so the run starts from now:
   * the backlog is skipped, not answered.
   */
  catchUp?: boolean;
  /**
   * After the catch-up, keep listening for live updates this long, ms
   * (default 0: finish as soon as the backlog is handled). Still bounded by the budget.
   */
  lingerMs?: number;
  /**
   * Take the storage's lease (libSQL has one) for the budget, so two
   * overlapping invocations never run one session — they would both answer
   * the same backlog and end in AUTH_KEY_DUPLICATED. Default true when the
   * storage supports it; an invocation that finds it held returns
   * `status: 'busy'` without talking to Telegram.
   */
  lease?: boolean;
  /** The lease owner id (default `run-once:` + 64 random bits from `random`). */
  leaseOwner?: string;
  /** Clock (tests). */
  now?: () => number;
  /** Random bytes for the lease owner id (default `crypto.getRandomValues`). */
  random?: (n: number) => Uint8Array;
}

/** What one {@link runOnce} did. */
export interface RunOnceResult {
  /** `done`: caught up; `budget`: stopped at the budget with work left; `busy`: another invocation holds the lease. */
  status: 'done' | 'budget' | 'busy';
  /** Updates handed to the handler (a repeat after a crash counts again: delivery is at-least-once). */
  handled: number;
  /** Handler calls that threw or rejected (logged by the client, and committed past: the update is not retried). */
  failed: number;
  /** Handlers still running when the budget ran out: not committed, so the next run sees their updates again. */
  abandoned: number;
  /** Whether updates are known to be left for the next run (not handed out, or held behind an unfinished handler). */
  more: boolean;
  /** Wall time from `startedAt` to the end of the call, ms. */
  elapsedMs: number;
  /** Who holds the lease (`busy` only). */
  holder?: LeaseInfo;
}

const DEFAULT_BUDGET_MS = 10_000;

function randomOwner(random: ((n: number) => Uint8Array) | undefined): string {
  const bytes = random ? random(8) : randomBytes(8);
  return `run-once:${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Resolves after `ms` (at once when ≤ 0); the timer does not keep a process alive. */
function sleep(ms: number): { promise: Promise<'timeout'>; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, ms));
    (timer as { unref?: () => void }).unref?.();
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** `p`'s value, or false when `ms` pass first. */
async function raceDeadline(p: Promise<boolean>, ms: number): Promise<boolean> {
  const t = sleep(ms);
  try {
    return await Promise.race([p, t.promise.then(() => false)]);
  } finally {
    t.cancel();
  }
}

/**
 * Runs one serverless invocation: connect with the stored session, catch up
 * from the stored update state, hand each update to `handler`, commit, close.
 *
 * Delivery is at-least-once: the stored update state moves past an update
 * only once its handler resolved, so a run killed mid-handler sees that
 * update again next time (make answers idempotent, or tolerate a repeat).
 * At `budgetMs - marginMs` no further update is handed out: they stay
 * uncommitted and come again with the next run (`more: true`).
 *
 * The storage decides where the session lives: a local libSQL `file:`
 * database, or in production the same `LibsqlStorage` with a `libsql://`
 * URL and an auth token (Turso) — the same code path. The account must be
 * signed in already (log in once with `client.start()` and keep the storage).
 *
 * @throws SessionError when the stored session is not signed in
 * @example
 * ```ts
 * import { TelegramClient } from 'wasmgram';
 * import { LibsqlStorage } from 'wasmgram/storage/libsql';
 *
 * export async function handler() {
 *   const storage = new LibsqlStorage({ url: process.env.LIBSQL_URL, authToken: process.env.LIBSQL_TOKEN });
 *   const client = new TelegramClient({ apiId, apiHash, storage });
 *   const result = await client.runOnce(async (u) => {
 *     if (u.kind === 'newMessage' && !u.out) await u.reply(`you said: ${u.text}`);
 *   }, { budgetMs: 8000 });
 *   await storage.close();
 *   return result; // { status: 'done', handled: 3, more: false, ... }
 * }
 * ```
 */
export async function runOnce(
  client: RunOnceHost,
  updates: RunOnceUpdates,
  handler: RunOnceHandler,
  params: RunOnceParams = {},
): Promise<RunOnceResult> {
  const now = params.now ?? Date.now;
  const startedAt = params.startedAt ?? now();
  const budget = params.budgetMs ?? DEFAULT_BUDGET_MS;
  if (!(budget > 0)) throw new WasmgramError(`runOnce: budgetMs must be positive, got ${budget}`);
  const margin = Math.min(params.marginMs ?? Math.min(2000, budget * 0.2), budget);
  const stopAt = startedAt + budget - margin;
  const settleBy = startedAt + budget - margin / 2;
  const result: RunOnceResult = { status: 'done', handled: 0, failed: 0, abandoned: 0, more: false, elapsedMs: 0 };
  const finish = () => {
    result.elapsedMs = now() - startedAt;
    return result;
  };

  let owner: string | undefined;
  let removeSink: (() => void) | undefined;
  // Updates that came after the cutoff: their promises settle only after the
  // client stopped, so the runner never acknowledges (and never commits) them.
  const held: Array<() => void> = [];
  let running = 0;
  let settled: (() => void) | undefined;
  try {
    await client.connect();
    const storage = client.storage;
    if (!(await storage.getAccount()))
      throw new SessionError('runOnce: the stored session is not signed in; log in once and keep the storage');
    if (params.lease !== false && storage.acquireLease) {
      owner = params.leaseOwner ?? randomOwner(params.random);
      try {
        await storage.acquireLease(owner, budget);
      } catch (e) {
        owner = undefined;
        if (!(e instanceof SessionError)) throw e;
        const lookup = (storage as { leaseHolder?: () => Promise<LeaseInfo | undefined> }).leaseHolder;
        const holder = lookup ? await lookup.call(storage).catch(() => undefined) : undefined;
        result.status = 'busy';
        if (holder) result.holder = holder;
        return finish();
      }
    }
    // Without the stored state the runner asks for updates.getState: the run starts from now.
    if (params.catchUp === false) await storage.setUpdateState(undefined);

    let cutoff = false;
    // The first update not taken ends the wait for idle at once: the runner cannot become idle while it is held.
    let cut = () => {};
    const cutHit = new Promise<void>((r) => (cut = r));
    removeSink = client.addUpdateSink({
      deliver: (u) => {
        if (cutoff || now() >= stopAt) {
          cutoff = true;
          result.more = true;
          cut();
          return new Promise<void>((resolve) => held.push(resolve));
        }
        result.handled++;
        running++;
        return (async () => {
          try {
            return await handler(u);
          } catch (e) {
            result.failed++;
            throw e;
          } finally {
            running--;
            if (running === 0) settled?.();
          }
        })();
      },
    });
    await client.startUpdates();
    const caughtUpIn = async () => {
      const idle = updates.idle().then(() => true);
      return raceDeadline(Promise.race([idle, cutHit.then(() => false)]), stopAt - now());
    };
    let caughtUp = await caughtUpIn();
    if (caughtUp && params.lingerMs && params.lingerMs > 0) {
      const wait = sleep(Math.min(params.lingerMs, stopAt - now()));
      await Promise.race([wait.promise, cutHit]);
      wait.cancel();
      caughtUp = await caughtUpIn();
    }
    cutoff = true;
    if (!caughtUp) {
      result.status = 'budget';
      result.more = true;
      // Handlers that are running get the first half of the reserve; their commits follow.
      if (running > 0)
        await raceDeadline(
          new Promise<void>((r) => (settled = r)).then(() => true),
          settleBy - now(),
        );
      result.abandoned = running;
      // The runner acknowledges a batch a few microtasks after its handlers settle: let that run, then wait for the writes.
      await sleep(0).promise;
      await raceDeadline(
        updates.commitsWritten().then(() => true),
        startedAt + budget - now(),
      );
    }
    return finish();
  } finally {
    removeSink?.();
    try {
      await client.close();
    } finally {
      for (const release of held) release();
      if (owner) await client.storage.releaseLease?.(owner).catch(() => {});
    }
  }
}
