/**
 * The message box: a sans-IO state machine that keeps the update sequences
 * whole (https://core.telegram.org/api/updates). It never touches a socket or
 * a timer: the caller feeds it what arrives (with the current time in ms),
 * delivers the updates it returns, sends the requests it returns, feeds the
 * answers back, and calls {@link MessageBox.checkDeadlines} at
 * {@link MessageBox.nextDeadline}.
 *
 * Rules (spec sections in brackets):
 * - pts: `local + pts_count === pts` applies; `>` is a duplicate (ignored);
 *   `<` is a *possible* gap held for 0.5 s — an update that fills it in time
 *   closes it, otherwise the difference is fetched ["Event sequences",
 *   "Recovering gaps"]. qts works the same with a count of 1; each channel has
 *   its own pts, gaps, deadline and difference.
 * - seq: `updates`/`updatesCombined` with `seq_start === local seq + 1` apply,
 *   older ones are ignored, newer ones are a gap ["Updates sequence"].
 * - While the account difference is fetched, live updates are held back and
 *   replayed afterwards (duplicates fall away by pts), so nothing is delivered
 *   out of order or lost ["postpone updates received via the socket while
 *   filling gaps"]; the same per channel.
 * - No update for 15 minutes (or a channel's `timeout`) → fetch the difference.
 *
 * @example
 * ```ts
 * const box = new MessageBox({ stored: await loadState(), peers });
 * let out = box.start(Date.now());
 * // out.requests: [{ kind: 'getDifference', request: { _: 'updates.getDifference', ... } }]
 * const diff = await client.invoke(out.requests[0].request);
 * out = box.applyDifference(out.requests[0], diff, Date.now());
 * await handle(out.updates);          // your handlers
 * box.acknowledge(out.batch);
 * const commit = box.commitPoint();   // store commit.state / commit.channels
 * ```
 */
import type { Chat, Update, Updates, updates, User } from '../tl/generated/types.js';
import { CommitLog, type StateDelta } from './commit-log.js';
import * as C from './constants.js';
import { encryptedToUpdate, messageToUpdate } from './difference-updates.js';
import { type ChannelEntry, DIFF_IDLE, DIFF_IN_FLIGHT, DIFF_WANTED, drainGap, newChannelEntry, type SequenceEntry } from './entries.js';
import { ENTRY_CHANNEL, ENTRY_COMMON, ENTRY_NONE, newPtsInfo, readPtsInfo } from './pts-info.js';
import { classifyChannelFailure, retryDelay } from './request-errors.js';
import { expandShortChatMessage, expandShortMessage, expandShortSentMessage } from './short-updates.js';
import type { BoxEvent, BoxOutput, BoxRequest, CommitPoint, MessageBoxOptions, PeerLookup, StoredUpdates } from './types.js';

const NO_USERS = Object.freeze([]) as unknown as User[];
const NO_CHATS = Object.freeze([]) as unknown as Chat[];
const NO_REQUESTS = Object.freeze([]) as unknown as BoxRequest[];
const NO_EVENTS = Object.freeze([]) as unknown as BoxEvent[];
const NO_CHANGE: StateDelta = Object.freeze({}) as StateDelta;

/** The sans-IO update state machine (see the module comment). */
export class MessageBox {
  private readonly common: SequenceEntry = { pts: -1, deadline: Number.POSITIVE_INFINITY, gap: null };
  private readonly secondary: SequenceEntry = { pts: -1, deadline: Number.POSITIVE_INFINITY, gap: null };
  private date = 0;
  private seq = 0;
  private seqKnown = false;
  private stateKnown = false;
  /** `updates.getState` progress (DIFF_*). */
  private stateRequest = DIFF_IDLE;
  private accountDiff = DIFF_IDLE;
  private accountRequestId = 0;
  private accountFailures = 0;
  private accountRetryAt = 0;
  private heldContainers: Updates[] = [];
  private heldOverflow = false;
  private readonly channels = new Map<bigint, ChannelEntry>();
  private readonly wantedChannels = new Set<bigint>();
  /** Access hashes of channels seen in `chats` of anything fed in (used when the peer lookup has none yet). */
  private readonly channelHashes = new Map<bigint, bigint>();
  private inFlightChannels = 0;
  private nextRequestId = 1;
  /** A lower bound of the earliest deadline (early wake-ups are harmless; late ones are not). */
  private cachedNext = Number.POSITIVE_INFINITY;
  private started = false;
  private readonly log: CommitLog;
  private readonly info = newPtsInfo();

  private readonly stored: StoredUpdates | undefined;
  private readonly catchUp: boolean;
  private readonly peers: PeerLookup | undefined;
  private readonly selfId: bigint | undefined;
  private readonly channelLimit: number;
  private readonly ptsTotalLimit: number | undefined;
  private readonly gapTimeout: number;
  private readonly noUpdatesTimeout: number;
  private readonly channelTimeout: number;
  private readonly retryInitial: number;
  private readonly retryMax: number;
  private readonly maxHeld: number;
  private readonly maxChannelRequests: number;

  // Per call: the output being built and what changed.
  private now = 0;
  private out: BoxOutput = MessageBox.emptyOutput();
  private usersOwned = false;
  private chatsOwned = false;
  private lastUsers: User[] = NO_USERS;
  private lastChats: Chat[] = NO_CHATS;
  private touchedCommon = false;
  private touchedSecondary = false;
  private touchedDateSeq = false;
  private touchedChannels: bigint[] = [];

  constructor(options: MessageBoxOptions = {}) {
    this.stored = options.stored;
    this.catchUp = options.catchUp ?? true;
    this.peers = options.peers;
    this.selfId = options.selfId;
    this.channelLimit = options.bot ? C.BOT_CHANNEL_DIFFERENCE_LIMIT : C.USER_CHANNEL_DIFFERENCE_LIMIT;
    this.ptsTotalLimit = options.ptsTotalLimit;
    this.gapTimeout = options.possibleGapTimeoutMs ?? C.POSSIBLE_GAP_TIMEOUT_MS;
    this.noUpdatesTimeout = options.noUpdatesTimeoutMs ?? C.NO_UPDATES_TIMEOUT_MS;
    this.channelTimeout = options.channelNoUpdatesTimeoutMs ?? this.noUpdatesTimeout;
    this.retryInitial = options.retryInitialMs ?? C.DIFFERENCE_RETRY_INITIAL_MS;
    this.retryMax = options.retryMaxMs ?? C.DIFFERENCE_RETRY_MAX_MS;
    this.maxHeld = options.maxHeldUpdates ?? C.MAX_HELD_UPDATES;
    this.maxChannelRequests = options.maxConcurrentChannelDifferences ?? C.MAX_CONCURRENT_CHANNEL_DIFFERENCES;
    this.log = new CommitLog(this.stored && this.catchUp ? this.stored : undefined);
  }

  /**
   * Starts the box (also done implicitly by the first call). With a stored
   * state and `catchUp`, the first requests are the account difference and
   * each stored channel's difference, and live updates are held until the
   * account difference is done; otherwise the first request is `updates.getState`.
   */
  start(now: number): BoxOutput {
    this.begin(now);
    return this.finish();
  }

  /** Feeds one `Updates` object: pushed by the server, or the result of an RPC that returns `Updates`. */
  process(updates: Updates, now: number): BoxOutput {
    this.begin(now);
    this.processContainer(updates, false);
    return this.finish();
  }

  /**
   * Feeds the pts of an RPC result without updates (`messages.affectedMessages`,
   * `messages.affectedHistory`, ...): account-wide, or of `channelId` (e.g. `channels.deleteMessages`).
   */
  processAffected(affected: { pts: number; pts_count: number }, now: number, channelId?: bigint): BoxOutput {
    this.begin(now);
    if (channelId === undefined) {
      if (this.accountDiff === DIFF_IDLE) this.applyPosition(this.common, null, null, NO_USERS, NO_CHATS, affected.pts, affected.pts_count);
    } else {
      this.applyChannel(channelId, null, NO_USERS, NO_CHATS, affected.pts, affected.pts_count);
    }
    return this.finish();
  }

  /** Starts tracking a channel at `pts` (e.g. from a dialog list) unless it is tracked already. */
  trackChannel(channelId: bigint, pts: number, now: number): BoxOutput {
    this.begin(now);
    if (!this.channels.has(channelId)) {
      this.channels.set(channelId, newChannelEntry(pts, now + this.channelTimeout));
      this.noteDeadline(now + this.channelTimeout);
      this.touchedChannels.push(channelId);
    }
    return this.finish();
  }

  /** The answer to a `getState` request. */
  applyState(req: BoxRequest, state: updates.State, now: number): BoxOutput {
    this.begin(now);
    if (req.kind === 'getState' && this.stateRequest === DIFF_IN_FLIGHT && req.id === this.accountRequestId) {
      this.stateRequest = DIFF_IDLE;
      this.accountFailures = 0;
      // Updates seen while the state was unknown may already be ahead of it.
      this.setState(Math.max(state.pts, this.common.pts), Math.max(state.qts, this.secondary.pts), state.date, state.seq);
      this.common.deadline = now + this.noUpdatesTimeout;
      this.noteDeadline(this.common.deadline);
    }
    return this.finish();
  }

  /**
   * The answer to a `getDifference` request: delivers its messages and
   * updates and moves the state; a slice or `differenceTooLong` asks for the
   * next part (in `requests`), the last part releases the held live updates.
   */
  applyDifference(req: BoxRequest, diff: updates.Difference, now: number): BoxOutput {
    this.begin(now);
    if (req.kind !== 'getDifference' || this.accountDiff !== DIFF_IN_FLIGHT || req.id !== this.accountRequestId) return this.finish();
    this.accountFailures = 0;
    this.accountRetryAt = 0;
    switch (diff._) {
      case 'updates.differenceEmpty':
        this.date = diff.date;
        this.seq = diff.seq;
        this.seqKnown = true;
        this.touchedDateSeq = true;
        this.endAccountDiff();
        break;
      case 'updates.difference':
      case 'updates.differenceSlice': {
        const s = diff._ === 'updates.difference' ? diff.state : diff.intermediate_state;
        this.setState(s.pts, s.qts, s.date, s.seq);
        this.deliverDifference(diff);
        if (diff._ === 'updates.difference') this.endAccountDiff();
        else this.accountDiff = DIFF_WANTED;
        break;
      }
      case 'updates.differenceTooLong':
        // Too much was missed: jump to the server's pts, then one more
        // difference brings qts/date/seq up to date (and anything after pts).
        this.common.pts = diff.pts;
        this.touchedCommon = true;
        this.accountDiff = DIFF_WANTED;
        break;
    }
    return this.finish();
  }

  /**
   * The answer to a `getChannelDifference` request. `final` ends the
   * channel's difference (its `timeout` sets the next deadline); otherwise the
   * next request is in `requests`.
   */
  applyChannelDifference(req: BoxRequest, diff: updates.ChannelDifference, now: number): BoxOutput {
    this.begin(now);
    if (req.kind !== 'getChannelDifference') return this.finish();
    const id = req.channelId;
    const ch = this.channels.get(id);
    if (!ch || ch.diff !== DIFF_IN_FLIGHT || ch.requestId !== req.id) return this.finish();
    this.inFlightChannels--;
    ch.diff = DIFF_IDLE;
    ch.failures = 0;
    ch.retryAt = 0;
    switch (diff._) {
      case 'updates.channelDifferenceEmpty':
        ch.pts = diff.pts;
        this.touchedChannels.push(id);
        this.endChannelDiff(id, ch, diff.timeout);
        break;
      case 'updates.channelDifferenceTooLong': {
        const pts = diff.dialog._ === 'dialog' ? diff.dialog.pts : undefined;
        this.addPeers(diff.users, diff.chats);
        if (pts === undefined) {
          this.dropChannel(id, { type: 'channelDropped', channelId: id, reason: 'CHANNEL_DIFFERENCE_TOO_LONG_WITHOUT_PTS' });
          break;
        }
        ch.pts = pts;
        this.touchedChannels.push(id);
        this.event({ type: 'channelTooLong', channelId: id, pts, messages: diff.messages });
        this.endChannelDiff(id, ch, diff.timeout);
        break;
      }
      case 'updates.channelDifference': {
        this.addPeers(diff.users, diff.chats);
        const list = this.out.updates;
        for (const m of diff.new_messages) list.push(messageToUpdate(m));
        for (const u of diff.other_updates) if (u._ !== 'updateChannelTooLong') list.push(u);
        ch.pts = diff.pts;
        this.touchedChannels.push(id);
        if (diff.final) this.endChannelDiff(id, ch, diff.timeout);
        else {
          ch.diff = DIFF_WANTED;
          this.wantedChannels.add(id);
        }
        break;
      }
    }
    return this.finish();
  }

  /**
   * A request failed with the RPC error `error` (e.g. `CHANNEL_PRIVATE`,
   * `FLOOD_WAIT_30`, or any name for a timeout or lost connection). For
   * channel differences: CHANNEL_PRIVATE / CHANNEL_INVALID / CHANNEL_PUBLIC_GROUP_NA
   * / USER_BANNED_IN_CHANNEL drop the channel; PERSISTENT_TIMESTAMP_* forget
   * its pts (a `channelReset` warning); anything else — and any failure of
   * the account requests — is retried after an exponential, capped delay.
   */
  failRequest(req: BoxRequest, error: string, now: number): BoxOutput {
    this.begin(now);
    if (req.kind === 'getChannelDifference') {
      const id = req.channelId;
      const ch = this.channels.get(id);
      if (ch && ch.diff === DIFF_IN_FLIGHT && ch.requestId === req.id) {
        this.inFlightChannels--;
        ch.diff = DIFF_IDLE;
        const action = classifyChannelFailure(error);
        if (action === 'drop') this.dropChannel(id, { type: 'channelDropped', channelId: id, reason: error });
        else if (action === 'reset') {
          const held = ch.held;
          this.dropChannel(id, { type: 'channelReset', channelId: id, reason: error });
          // The next update of the channel starts it again; the held ones are the next updates.
          if (held) for (const h of held) this.applyChannel(id, h.update, h.users, h.chats, h.pts, h.count);
        } else {
          ch.failures++;
          ch.retryAt = now + retryDelay(ch.failures, error, this.retryInitial, this.retryMax);
          ch.diff = DIFF_WANTED;
          this.wantedChannels.add(id);
          this.noteDeadline(ch.retryAt);
          this.event({ type: 'retryScheduled', target: id, error, attempt: ch.failures, retryAt: ch.retryAt });
        }
      }
    } else if (req.id === this.accountRequestId) {
      const state = req.kind === 'getState';
      if ((state ? this.stateRequest : this.accountDiff) === DIFF_IN_FLIGHT) {
        if (state) this.stateRequest = DIFF_WANTED;
        else this.accountDiff = DIFF_WANTED;
        this.accountFailures++;
        this.accountRetryAt = now + retryDelay(this.accountFailures, error, this.retryInitial, this.retryMax);
        this.noteDeadline(this.accountRetryAt);
        this.event({ type: 'retryScheduled', target: 'account', error, attempt: this.accountFailures, retryAt: this.accountRetryAt });
      }
    }
    return this.finish();
  }

  /**
   * Turns expired deadlines into requests: possible gaps older than 0.5 s,
   * entries without updates for their no-update timeout, retries whose delay passed.
   */
  checkDeadlines(now: number): BoxOutput {
    this.begin(now);
    if (now >= this.cachedNext) this.scanDeadlines();
    return this.finish();
  }

  /**
   * When to call {@link checkDeadlines} next (ms, same clock as `now`;
   * `Infinity` when nothing is scheduled). It may be early, never late.
   */
  nextDeadline(): number {
    return this.cachedNext;
  }

  /** The handlers for `batch` (from a {@link BoxOutput}) have finished; its state may be committed. */
  acknowledge(batch: number): void {
    if (batch > 0) this.log.acknowledge(batch);
  }

  /**
   * What became safe to store since the last call (every batch up to it is
   * acknowledged), or undefined. Store `state` and the channel pts; a crash
   * then replays from there. See ts/updates/commit-log.ts for the duplicate window.
   */
  commitPoint(): CommitPoint | undefined {
    return this.log.take();
  }

  /** The whole committed state (what {@link commitPoint} has handed out so far, and the rest of the acknowledged prefix). */
  committedState(): StoredUpdates {
    return this.log.snapshot();
  }

  /** Batches returned but not yet acknowledged. */
  get pendingBatches(): number {
    return this.log.pending;
  }

  /** The box's current state, including updates whose handlers may not have run (for at-most-once storage). */
  getState(): StoredUpdates {
    const channels = new Map<bigint, number>();
    for (const [id, ch] of this.channels) channels.set(id, ch.pts);
    const state = this.stateKnown ? { pts: this.common.pts, qts: this.secondary.pts, date: this.date, seq: this.seq } : undefined;
    return { state, channels };
  }

  // ---- one call's frame

  private static emptyOutput(): BoxOutput {
    return { updates: [], users: NO_USERS, chats: NO_CHATS, batch: 0, requests: NO_REQUESTS, events: NO_EVENTS };
  }

  private begin(now: number): void {
    this.now = now;
    this.out = MessageBox.emptyOutput();
    this.usersOwned = this.chatsOwned = false;
    this.lastUsers = NO_USERS;
    this.lastChats = NO_CHATS;
    if (!this.started) this.boot();
  }

  private finish(): BoxOutput {
    if (this.stateRequest === DIFF_WANTED || this.accountDiff === DIFF_WANTED || this.wantedChannels.size > 0) this.collectRequests();
    const out = this.out;
    if (this.touchedCommon || this.touchedSecondary || this.touchedDateSeq || this.touchedChannels.length > 0) {
      out.batch = this.log.record(this.takeDelta(), out.updates.length === 0);
    } else if (out.updates.length > 0) {
      out.batch = this.log.record(NO_CHANGE, false);
    }
    return out;
  }

  private takeDelta(): StateDelta {
    const d: StateDelta = {};
    if (this.touchedCommon) d.pts = this.common.pts;
    if (this.touchedSecondary) d.qts = this.secondary.pts;
    if (this.touchedDateSeq) {
      d.date = this.date;
      d.seq = this.seq;
    }
    const t = this.touchedChannels;
    if (t.length > 0) {
      const ids = t.length === 1 ? t : [...new Set(t)];
      d.channels = ids.map((id) => [id, this.channels.get(id)?.pts]);
      this.touchedChannels = [];
    }
    this.touchedCommon = this.touchedSecondary = this.touchedDateSeq = false;
    return d;
  }

  private boot(): void {
    this.started = true;
    const now = this.now;
    const stored = this.stored;
    if (stored?.state && this.catchUp) {
      const s = stored.state;
      this.common.pts = s.pts;
      this.secondary.pts = s.qts;
      this.date = s.date;
      this.seq = s.seq;
      this.seqKnown = this.stateKnown = true;
      this.accountDiff = DIFF_WANTED;
      for (const [id, pts] of stored.channels) {
        const ch = newChannelEntry(pts, now + this.channelTimeout);
        ch.diff = DIFF_WANTED;
        this.channels.set(id, ch);
        this.wantedChannels.add(id);
      }
    } else {
      this.stateRequest = DIFF_WANTED;
      // Starting from now: whatever was stored for channels no longer applies.
      if (stored) for (const id of stored.channels.keys()) this.touchedChannels.push(id);
    }
    this.common.deadline = this.secondary.deadline = now + this.noUpdatesTimeout;
    this.noteDeadline(this.common.deadline);
    if (this.channels.size > 0) this.noteDeadline(now + this.channelTimeout);
  }

  // ---- live updates

  private processContainer(updates: Updates, replay: boolean): void {
    let list: Update[] | null = null;
    let single: Update | null = null;
    let users = NO_USERS;
    let chats = NO_CHATS;
    let seqStart = 0;
    let seq = 0;
    let date = 0;
    switch (updates._) {
      case 'updatesTooLong':
        this.wantAccountDiff();
        return;
      case 'updateShort':
        single = updates.update;
        break;
      case 'updateShortMessage':
        if (!this.knows('user', updates.user_id)) this.wantAccountDiff();
        single = expandShortMessage(updates, this.selfId);
        break;
      case 'updateShortChatMessage':
        if (!this.knows('user', updates.from_id) || !this.knows('chat', updates.chat_id)) this.wantAccountDiff();
        single = expandShortChatMessage(updates);
        break;
      case 'updateShortSentMessage':
        single = expandShortSentMessage(updates);
        break;
      case 'updatesCombined':
        ({ updates: list, users, chats, seq_start: seqStart, seq, date } = updates);
        break;
      case 'updates':
        ({ updates: list, users, chats, seq, date } = updates);
        seqStart = seq;
        break;
      default:
        return;
    }
    if (this.accountDiff !== DIFF_IDLE) {
      this.holdContainer(updates);
      return;
    }
    if (seqStart !== 0 && this.seqKnown) {
      const expected = this.seq + 1;
      // Older: already applied, ignore [Updates sequence]. When replaying
      // held updates this is relaxed: pts still drops duplicates, and updates
      // without pts (not part of any difference) are delivered.
      if (expected > seqStart && !replay) return;
      if (expected < seqStart) {
        this.wantAccountDiff();
        this.holdContainer(updates);
        return;
      }
    }
    if (chats.length > 0) this.learnChannelHashes(chats);
    if (single) this.applyOne(single, users, chats);
    else if (list) {
      this.addPeers(users, chats);
      for (let i = 0; i < list.length; i++) this.applyOne(list[i]!, users, chats);
    }
    if (seqStart !== 0 && (!this.seqKnown || seq >= this.seq)) {
      this.date = date;
      if (seq !== 0) {
        this.seq = seq;
        this.seqKnown = true;
      }
      this.touchedDateSeq = true;
    }
  }

  private applyOne(update: Update, users: User[], chats: Chat[]): void {
    if (update._ === 'updateChannelTooLong') {
      this.onChannelTooLong(update.channel_id, update.pts);
      return;
    }
    const info = this.info;
    const entry = readPtsInfo(update, info);
    if (entry === ENTRY_NONE) {
      // [updatePtsChanged] "state has to be refetched using updates.getState".
      if (update._ === 'updatePtsChanged' && this.stateRequest === DIFF_IDLE) this.stateRequest = DIFF_WANTED;
      this.deliver(update, users, chats);
    } else if (entry === ENTRY_CHANNEL) this.applyChannel(info.channelId, update, users, chats, info.pts, info.count);
    else this.applyPosition(entry === ENTRY_COMMON ? this.common : this.secondary, null, update, users, chats, info.pts, info.count);
  }

  /** pts rules for one positioned update of `entry` (`channelId` null for the account boxes). */
  private applyPosition(
    entry: SequenceEntry,
    channelId: bigint | null,
    update: Update | null,
    users: User[],
    chats: Chat[],
    pts: number,
    count: number,
  ): void {
    entry.deadline = this.now + (channelId === null ? this.noUpdatesTimeout : this.channelTimeout);
    const expected = entry.pts + count;
    if (entry.pts < 0 || expected === pts) {
      entry.pts = pts;
      this.touch(entry, channelId);
      if (update) this.deliver(update, users, chats);
      const gap = entry.gap;
      if (gap && drainGap(entry, gap, (h) => h.update && this.deliver(h.update, h.users, h.chats))) entry.gap = null;
      return;
    }
    if (expected > pts) return; // duplicate
    let gap = entry.gap;
    if (!gap) {
      gap = entry.gap = { deadline: this.now + this.gapTimeout, items: [] };
      this.noteDeadline(gap.deadline);
    }
    if (gap.items.length >= this.maxHeld) {
      // Too far ahead to wait for: the difference fetches all of it.
      if (channelId === null) this.wantAccountDiff();
      else this.wantChannelDiff(channelId, entry as ChannelEntry);
      return;
    }
    gap.items.push({ update, users, chats, pts, count });
  }

  private applyChannel(id: bigint, update: Update | null, users: User[], chats: Chat[], pts: number, count: number): void {
    const ch = this.channels.get(id);
    if (!ch) {
      // First update of an untracked channel: it sets the channel's pts.
      this.channels.set(id, newChannelEntry(pts, this.now + this.channelTimeout));
      this.noteDeadline(this.now + this.channelTimeout);
      this.touchedChannels.push(id);
      if (update) this.deliver(update, users, chats);
      return;
    }
    if (ch.diff !== DIFF_IDLE) {
      const held = (ch.held ??= []);
      if (held.length < this.maxHeld) held.push({ update, users, chats, pts, count });
      else this.event({ type: 'heldOverflow', target: id });
      return;
    }
    this.applyPosition(ch, id, update, users, chats, pts, count);
  }

  private onChannelTooLong(id: bigint, pts: number | undefined): void {
    const ch = this.channels.get(id);
    if (ch) this.wantChannelDiff(id, ch);
    else if (pts !== undefined) {
      // Not tracked until now: nothing was missed on our side; track from here.
      this.channels.set(id, newChannelEntry(pts, this.now + this.channelTimeout));
      this.noteDeadline(this.now + this.channelTimeout);
      this.touchedChannels.push(id);
    }
  }

  private holdContainer(updates: Updates): void {
    if (this.heldContainers.length < this.maxHeld) this.heldContainers.push(updates);
    else if (!this.heldOverflow) {
      this.heldOverflow = true;
      this.event({ type: 'heldOverflow', target: 'account' });
    }
  }

  // ---- differences

  private wantAccountDiff(): void {
    if (!this.stateKnown) {
      if (this.stateRequest === DIFF_IDLE) this.stateRequest = DIFF_WANTED;
      return;
    }
    if (this.accountDiff !== DIFF_IDLE) return;
    this.accountDiff = DIFF_WANTED;
    this.common.gap = this.secondary.gap = null;
  }

  private wantChannelDiff(id: bigint, ch: ChannelEntry): void {
    if (ch.diff !== DIFF_IDLE) return;
    ch.diff = DIFF_WANTED;
    ch.gap = null;
    this.wantedChannels.add(id);
  }

  private setState(pts: number, qts: number, date: number, seq: number): void {
    this.common.pts = pts;
    this.secondary.pts = qts;
    this.date = date;
    this.seq = seq;
    this.seqKnown = this.stateKnown = true;
    this.touchedCommon = this.touchedSecondary = this.touchedDateSeq = true;
  }

  private deliverDifference(diff: updates.Difference.difference | updates.Difference.differenceSlice): void {
    this.addPeers(diff.users, diff.chats);
    this.learnChannelHashes(diff.chats);
    const list = this.out.updates;
    for (const m of diff.new_messages) list.push(messageToUpdate(m));
    for (const m of diff.new_encrypted_messages) list.push(encryptedToUpdate(m));
    for (const u of diff.other_updates) {
      // Channel updates keep their own sequence; the account ones are covered by the new state.
      if (u._ === 'updateChannelTooLong') this.onChannelTooLong(u.channel_id, u.pts);
      else if (readPtsInfo(u, this.info) === ENTRY_CHANNEL)
        this.applyChannel(this.info.channelId, u, NO_USERS, NO_CHATS, this.info.pts, this.info.count);
      else list.push(u);
    }
  }

  private endAccountDiff(): void {
    this.accountDiff = DIFF_IDLE;
    this.common.deadline = this.secondary.deadline = this.now + this.noUpdatesTimeout;
    const held = this.heldContainers;
    if (held.length > 0) {
      this.heldContainers = [];
      for (const c of held) this.processContainer(c, true);
    }
    if (this.heldOverflow) {
      this.heldOverflow = false;
      this.wantAccountDiff();
    }
  }

  private endChannelDiff(id: bigint, ch: ChannelEntry, timeoutSeconds: number | undefined): void {
    ch.diff = DIFF_IDLE;
    this.wantedChannels.delete(id);
    ch.deadline = this.now + (timeoutSeconds ? timeoutSeconds * 1000 : this.channelTimeout);
    this.noteDeadline(ch.deadline);
    const held = ch.held;
    if (held) {
      ch.held = null;
      for (const h of held) this.applyChannel(id, h.update, h.users, h.chats, h.pts, h.count);
    }
  }

  private dropChannel(id: bigint, event: BoxEvent): void {
    const ch = this.channels.get(id);
    if (ch?.diff === DIFF_IN_FLIGHT) this.inFlightChannels--;
    this.channels.delete(id);
    this.wantedChannels.delete(id);
    this.touchedChannels.push(id);
    this.event(event);
  }

  private collectRequests(): void {
    const now = this.now;
    if (this.stateRequest === DIFF_WANTED && now >= this.accountRetryAt) {
      this.stateRequest = DIFF_IN_FLIGHT;
      this.accountRequestId = this.nextRequestId++;
      this.request({ kind: 'getState', id: this.accountRequestId, request: { _: 'updates.getState' } });
    }
    if (this.accountDiff === DIFF_WANTED && this.stateKnown && this.stateRequest !== DIFF_IN_FLIGHT && now >= this.accountRetryAt) {
      this.accountDiff = DIFF_IN_FLIGHT;
      this.accountRequestId = this.nextRequestId++;
      const request: updates.getDifference = {
        _: 'updates.getDifference',
        pts: this.common.pts,
        date: this.date,
        qts: Math.max(0, this.secondary.pts),
      };
      if (this.ptsTotalLimit !== undefined) request.pts_total_limit = this.ptsTotalLimit;
      this.request({ kind: 'getDifference', id: this.accountRequestId, request });
    }
    for (const id of this.wantedChannels) {
      if (this.inFlightChannels >= this.maxChannelRequests) break;
      const ch = this.channels.get(id);
      if (!ch) {
        this.wantedChannels.delete(id);
        continue;
      }
      if (now < ch.retryAt) continue;
      const hash = this.peers?.channelAccessHash(id) ?? this.channelHashes.get(id);
      if (hash === undefined) {
        this.dropChannel(id, { type: 'channelDropped', channelId: id, reason: 'CHANNEL_ACCESS_HASH_UNKNOWN' });
        continue;
      }
      this.wantedChannels.delete(id);
      ch.diff = DIFF_IN_FLIGHT;
      ch.requestId = this.nextRequestId++;
      this.inFlightChannels++;
      this.request({
        kind: 'getChannelDifference',
        id: ch.requestId,
        channelId: id,
        request: {
          _: 'updates.getChannelDifference',
          channel: { _: 'inputChannel', channel_id: id, access_hash: hash },
          filter: { _: 'channelMessagesFilterEmpty' },
          pts: ch.pts,
          limit: this.channelLimit,
        },
      });
    }
  }

  private scanDeadlines(): void {
    const now = this.now;
    let next = Number.POSITIVE_INFINITY;
    if (this.stateKnown && this.accountDiff === DIFF_IDLE) {
      const c = this.common.gap;
      const s = this.secondary.gap;
      if ((c && c.deadline <= now) || (s && s.deadline <= now) || this.common.deadline <= now) this.wantAccountDiff();
      else next = Math.min(next, this.common.deadline, c ? c.deadline : next, s ? s.deadline : next);
    }
    if ((this.accountDiff === DIFF_WANTED || this.stateRequest === DIFF_WANTED) && this.accountRetryAt > now)
      next = Math.min(next, this.accountRetryAt);
    for (const [id, ch] of this.channels) {
      if (ch.diff === DIFF_IDLE) {
        if ((ch.gap && ch.gap.deadline <= now) || ch.deadline <= now) this.wantChannelDiff(id, ch);
        else next = Math.min(next, ch.deadline, ch.gap ? ch.gap.deadline : next);
      }
      if (ch.diff === DIFF_WANTED && ch.retryAt > now) next = Math.min(next, ch.retryAt);
    }
    this.cachedNext = next;
  }

  // ---- output helpers

  private deliver(update: Update, users: User[], chats: Chat[]): void {
    this.out.updates.push(update);
    if (users !== this.lastUsers || chats !== this.lastChats) this.addPeers(users, chats);
  }

  private addPeers(users: User[], chats: Chat[]): void {
    const out = this.out;
    if (users.length > 0 && users !== this.lastUsers) {
      if (out.users === NO_USERS) out.users = users;
      else {
        if (!this.usersOwned) {
          out.users = out.users.slice();
          this.usersOwned = true;
        }
        for (const u of users) out.users.push(u);
      }
    }
    if (chats.length > 0 && chats !== this.lastChats) {
      if (out.chats === NO_CHATS) out.chats = chats;
      else {
        if (!this.chatsOwned) {
          out.chats = out.chats.slice();
          this.chatsOwned = true;
        }
        for (const c of chats) out.chats.push(c);
      }
    }
    this.lastUsers = users;
    this.lastChats = chats;
  }

  private learnChannelHashes(chats: Chat[]): void {
    for (const c of chats) {
      if (c._ === 'channel' && !c.min && c.access_hash !== undefined) this.channelHashes.set(c.id, c.access_hash);
    }
  }

  private knows(kind: 'user' | 'chat', id: bigint): boolean {
    return this.peers ? this.peers.hasPeer(kind, id) : true;
  }

  private touch(entry: SequenceEntry, channelId: bigint | null): void {
    if (channelId !== null) this.touchedChannels.push(channelId);
    else if (entry === this.common) this.touchedCommon = true;
    else this.touchedSecondary = true;
  }

  private noteDeadline(at: number): void {
    if (at < this.cachedNext) this.cachedNext = at;
  }

  private event(e: BoxEvent): void {
    if (this.out.events === NO_EVENTS) this.out.events = [];
    this.out.events.push(e);
  }

  private request(r: BoxRequest): void {
    if (this.out.requests === NO_REQUESTS) this.out.requests = [];
    this.out.requests.push(r);
  }
}
