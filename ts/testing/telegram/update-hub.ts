/**
 * Updates: each user's update state (pts, qts, seq, date —
 * https://core.telegram.org/api/updates#update-handling) and the
 * connections that receive that user's updates. A connection is subscribed
 * by any request not wrapped in `invokeWithoutUpdates`
 * (https://core.telegram.org/method/invokeWithoutUpdates).
 */
import type { Update, Updates } from '../../tl/generated/types.js';
import { PtsLog } from './store/update-log.js';

/** Receives updates pushed to a connection; the server glue encrypts and sends them. */
export type UpdateSink = (updates: Updates) => void;

/** One user's position in the update sequence. */
export interface UpdateStateRecord {
  /** Message box counter (messages, read receipts, ...). */
  pts: number;
  /** Secret chat / bot update counter. */
  qts: number;
  /** Sequence number of `updates` / `updatesCombined` containers. */
  seq: number;
  /** Date of the latest update (Unix time). */
  date: number;
}

/** A connection as the hub sees it. */
export interface UpdateSubscriber {
  /** The user the connection's auth key is signed in as, if any. */
  readonly userId: bigint | undefined;
  /** True once the connection asked for updates (a request without `invokeWithoutUpdates`). */
  readonly subscribed: boolean;
  /** Hands updates to the connection. */
  deliver(updates: Updates): void;
}

/** Update state per user, and the connections to push to. */
export class UpdateHub {
  private readonly states = new Map<bigint, UpdateStateRecord>();
  private readonly subscribers = new Set<UpdateSubscriber>();
  private readonly accountLogs = new Map<bigint, PtsLog>();
  private readonly channelLogs = new Map<bigint, PtsLog>();
  private readonly qtsLogs = new Map<bigint, PtsLog>();

  /**
   * @param now the clock
   * @param logLimit events kept per pts sequence for getDifference (older ones answer `...TooLong`)
   */
  constructor(
    private readonly now: () => number,
    private readonly logLimit = 10_000,
  ) {}

  /** The pts log of account `userId` (its pts is `state(userId).pts`). */
  accountLog(userId: bigint): PtsLog {
    let log = this.accountLogs.get(userId);
    if (!log) this.accountLogs.set(userId, (log = new PtsLog(this.state(userId).pts, this.logLimit)));
    return log;
  }

  /**
   * Advances account `userId` by `count` pts, logs the update `make`
   * builds for that pts and returns it (the caller delivers it).
   */
  pushAccount<U extends Update>(userId: bigint, count: number, make: (pts: number, ptsCount: number) => U): U {
    const s = this.state(userId);
    const now = this.now();
    const u = this.accountLog(userId).push(count, now, make);
    s.pts += count;
    s.date = now;
    return u;
  }

  /**
   * The qts log of account `userId` (its qts is `state(userId).qts`): the
   * updates that carry a qts — for bots `updateChannelParticipant`,
   * `updateBotChatInviteRequester`, ... (https://core.telegram.org/api/updates#event-sequences) —
   * kept so `updates.getDifference` can replay them from the client's qts.
   */
  qtsLog(userId: bigint): PtsLog {
    let log = this.qtsLogs.get(userId);
    if (!log) this.qtsLogs.set(userId, (log = new PtsLog(this.state(userId).qts, this.logLimit)));
    return log;
  }

  /** Advances account `userId` by one qts, logs the update `make` builds for that qts and returns it (the caller delivers it). */
  pushQts<U extends Update>(userId: bigint, make: (qts: number) => U): U {
    const s = this.state(userId);
    const now = this.now();
    const u = this.qtsLog(userId).push(1, now, (qts) => make(qts));
    s.qts += 1;
    s.date = now;
    return u;
  }

  /** The pts log of channel `channelId` (created at pts 1). */
  channelLog(channelId: bigint): PtsLog {
    let log = this.channelLogs.get(channelId);
    if (!log) this.channelLogs.set(channelId, (log = new PtsLog(1, this.logLimit)));
    return log;
  }

  /** Advances channel `channelId` by `count` pts and logs the update `make` builds. */
  pushChannel<U extends Update>(channelId: bigint, count: number, make: (pts: number, ptsCount: number) => U): U {
    return this.channelLog(channelId).push(count, this.now(), make);
  }

  /**
   * The update state of `userId`, created on first use: pts 1, qts 0, seq 0
   * and the current date (a new account has seen nothing yet).
   */
  state(userId: bigint): UpdateStateRecord {
    let s = this.states.get(userId);
    if (!s) this.states.set(userId, (s = { pts: 1, qts: 0, seq: 0, date: this.now() }));
    return s;
  }

  /** Starts routing updates to `sub` (when signed in and subscribed). */
  attach(sub: UpdateSubscriber): void {
    this.subscribers.add(sub);
  }

  /** Stops routing updates to `sub` (the connection closed). */
  detach(sub: UpdateSubscriber): void {
    this.subscribers.delete(sub);
  }

  /** Connections currently attached. */
  get size(): number {
    return this.subscribers.size;
  }

  /**
   * Pushes `updates` to every subscribed connection signed in as `userId`
   * and returns how many received them. The caller keeps pts/seq right; this
   * only delivers. `except` is the connection whose request caused the
   * updates: it gets them as the request's result instead.
   */
  publish(userId: bigint, updates: Updates, except?: UpdateSubscriber): number {
    let n = 0;
    for (const sub of this.subscribers) {
      if (sub.subscribed && sub !== except && sub.userId === userId) {
        sub.deliver(updates);
        n++;
      }
    }
    return n;
  }
}
