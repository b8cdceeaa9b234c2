/**
 * Fault injection for the updates layer: the in-memory Telegram breaks its
 * own update stream on purpose, so a client's gap recovery can be tested end
 * to end (https://core.telegram.org/api/updates#recovering-gaps). Each fault
 * acts on the pushes to one account (every session signed in as it): a
 * dropped push is a real gap, since the server's pts moved on and only
 * `updates.getDifference` / `updates.getChannelDifference` bring the missed
 * updates back.
 *
 * A "push" is one `Updates` the server sends an account (one container per
 * action). Queued faults (`drop`, `duplicate`, `reorder`) are used up in the
 * order they were added; the instant ones (`sendTooLong`, `channelTooLong`,
 * `makeChannelPrivate`) act at once.
 *
 * @example
 * ```ts
 * const faults = server.backend.updateFaults;
 * faults.drop(carol.id, 1);              // the next push to carol is lost: a pts gap
 * faults.duplicate(carol.id, 1);         // the one after arrives twice
 * faults.reorder(carol.id, 2);           // the two after that arrive in reverse order
 * faults.sendTooLong(carol.id);          // updatesTooLong: "ask for the difference"
 * faults.channelTooLong(channel.id);     // updateChannelTooLong to every member
 * faults.makeChannelPrivate(channel.id, [carol.id]); // getChannelDifference now answers CHANNEL_PRIVATE
 * ```
 */
import { ArgumentError } from '../../errors.js';
import type { Update, Updates } from '../../tl/generated/types.js';
import { container } from './actions/deliver.js';
import type { TelegramBackend } from './backend.js';
import type { ChatRecord } from './store/chat-store.js';
import type { UpdateSubscriber } from './update-hub.js';

/** Which pushes a queued fault applies to. */
export interface UpdateFaultScope {
  /** Only pushes that carry an update of this channel (unmarked id); default: any push to the account. */
  channelId?: bigint;
}

type FaultKind = 'drop' | 'duplicate' | 'reorder';

interface HeldPush {
  readonly updates: Updates;
  readonly except: UpdateSubscriber | undefined;
}

interface QueuedFault {
  readonly kind: FaultKind;
  readonly userId: bigint;
  readonly channelId: bigint | undefined;
  /** Pushes still to be affected (for reorder: still to be held). */
  left: number;
  readonly held: HeldPush[];
}

/** What the faults did so far (tests assert on it). */
export interface UpdateFaultStats {
  dropped: number;
  duplicated: number;
  reordered: number;
  tooLongSent: number;
  channelTooLongSent: number;
}

/** The channel ids an `Updates` carries updates of. */
function channelsOf(updates: Updates): bigint[] {
  if (updates._ !== 'updates' && updates._ !== 'updatesCombined' && updates._ !== 'updateShort') return [];
  const list: Update[] = updates._ === 'updateShort' ? [updates.update] : updates.updates;
  const ids: bigint[] = [];
  for (const u of list) {
    const o = u as { channel_id?: unknown; message?: { peer_id?: { _: string; channel_id?: bigint } } };
    if (typeof o.channel_id === 'bigint') ids.push(o.channel_id);
    const p = o.message?.peer_id;
    if (p?._ === 'peerChannel' && p.channel_id !== undefined) ids.push(p.channel_id);
  }
  return ids;
}

function checkCount(n: number, min: number, what: string): void {
  if (!Number.isInteger(n) || n < min) throw new ArgumentError(`${what} must be a whole number >= ${min}, got ${n}`);
}

/** The update-stream faults of one backend (`backend.updateFaults`). */
export class UpdateFaults {
  private readonly queue: QueuedFault[] = [];
  /** Counters of what was done. */
  readonly stats: UpdateFaultStats = { dropped: 0, duplicated: 0, reordered: 0, tooLongSent: 0, channelTooLongSent: 0 };

  constructor(private readonly backend: TelegramBackend) {
    Object.defineProperty(this, 'backend', { enumerable: false });
  }

  /**
   * The next `n` pushes to account `userId` are lost: its sessions see a pts
   * (or qts) gap and must fetch the difference.
   */
  drop(userId: bigint, n = 1, scope: UpdateFaultScope = {}): this {
    checkCount(n, 1, 'drop count');
    return this.add('drop', userId, n, scope);
  }

  /** The next `n` pushes to account `userId` are delivered twice (a client must not hand them out twice). */
  duplicate(userId: bigint, n = 1, scope: UpdateFaultScope = {}): this {
    checkCount(n, 1, 'duplicate count');
    return this.add('duplicate', userId, n, scope);
  }

  /**
   * The next `n` pushes to account `userId` are held and delivered in reverse
   * order once the n-th arrives (or at {@link flush}): the client sees a
   * possible gap that the held pushes fill.
   */
  reorder(userId: bigint, n = 2, scope: UpdateFaultScope = {}): this {
    checkCount(n, 2, 'reorder count');
    return this.add('reorder', userId, n, scope);
  }

  /**
   * Pushes `updatesTooLong` to every session of `userId` now
   * (https://core.telegram.org/constructor/updatesTooLong): "too much
   * happened, ask for the difference". Returns how many sessions got it.
   */
  sendTooLong(userId: bigint): number {
    const n = this.backend.updates.publish(userId, { _: 'updatesTooLong' });
    this.stats.tooLongSent += n;
    return n;
  }

  /**
   * Pushes `updateChannelTooLong` (with the channel's current pts) to
   * `userIds` (default: every member) now
   * (https://core.telegram.org/constructor/updateChannelTooLong): each must
   * fetch the channel's difference. Returns how many sessions got it.
   */
  channelTooLong(channelId: bigint, userIds?: Iterable<bigint>): number {
    const chat = this.channel(channelId);
    const pts = this.backend.updates.channelLog(chat.id).pts;
    const u: Update = { _: 'updateChannelTooLong', channel_id: chat.id, pts };
    let n = 0;
    for (const userId of userIds ?? chat.members.keys()) {
      n += this.backend.updates.publish(userId, container(this.backend, userId, [u], [{ kind: 'channel', id: chat.id }]));
    }
    this.stats.channelTooLongSent += n;
    return n;
  }

  /**
   * Makes channel `channelId` private (removes its username) and removes
   * `userIds` (default: every member but the creator) without telling them:
   * their next `updates.getChannelDifference` answers 400 CHANNEL_PRIVATE, as
   * after a ban in a private channel. Nothing is pushed; pair it with
   * {@link channelTooLong} or a gap to make the client ask.
   */
  makeChannelPrivate(channelId: bigint, userIds?: Iterable<bigint>): void {
    const chat = this.channel(channelId);
    this.backend.chats.setUsername(chat, undefined);
    const victims = [...(userIds ?? [...chat.members.keys()].filter((id) => id !== chat.creatorId))];
    for (const id of victims) this.backend.chats.removeMember(chat, id);
  }

  /** Delivers the pushes held by a `reorder` that did not fill up (in reverse order) and ends it. */
  flush(): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const f = this.queue[i]!;
      if (f.kind !== 'reorder' || f.held.length === 0) continue;
      this.queue.splice(i, 1);
      this.release(f);
    }
  }

  /** Removes every queued fault; held pushes are delivered first (reversed). */
  clear(): void {
    this.flush();
    this.queue.length = 0;
  }

  /** Pushes still to be affected by queued faults. */
  get pending(): number {
    return this.queue.reduce((n, f) => n + f.left, 0);
  }

  /**
   * Routes one push through the queued faults; called by the backend's
   * delivery (`actions/deliver.ts`) for every push to an account.
   */
  route(userId: bigint, updates: Updates, except: UpdateSubscriber | undefined): void {
    const f = this.queue.length === 0 ? undefined : this.match(userId, updates);
    if (!f) {
      this.backend.updates.publish(userId, updates, except);
      return;
    }
    f.left--;
    if (f.kind === 'drop') {
      this.stats.dropped++;
    } else if (f.kind === 'duplicate') {
      this.stats.duplicated++;
      this.backend.updates.publish(userId, updates, except);
      this.backend.updates.publish(userId, updates, except);
    } else {
      f.held.push({ updates, except });
      if (f.left === 0) this.release(f);
    }
    if (f.left === 0) {
      const i = this.queue.indexOf(f);
      if (i >= 0) this.queue.splice(i, 1);
    }
  }

  private match(userId: bigint, updates: Updates): QueuedFault | undefined {
    let channels: bigint[] | undefined;
    for (const f of this.queue) {
      if (f.userId !== userId || f.left === 0) continue;
      if (f.channelId === undefined) return f;
      channels ??= channelsOf(updates);
      if (channels.includes(f.channelId)) return f;
    }
    return undefined;
  }

  private release(f: QueuedFault): void {
    const held = f.held.splice(0).reverse();
    this.stats.reordered += held.length;
    for (const h of held) this.backend.updates.publish(f.userId, h.updates, h.except);
  }

  private add(kind: FaultKind, userId: bigint, n: number, scope: UpdateFaultScope): this {
    if (!this.backend.users.get(userId)) throw new ArgumentError(`no user ${userId}`);
    this.queue.push({ kind, userId, channelId: scope.channelId, left: n, held: [] });
    return this;
  }

  private channel(channelId: bigint): ChatRecord {
    const chat = this.backend.chats.channel(channelId);
    if (!chat) throw new ArgumentError(`no channel ${channelId}`);
    return chat;
  }
}
