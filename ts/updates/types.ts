/**
 * The public data of the message box: what it is built from, what it returns,
 * and the requests it asks the caller to make.
 */
import type { UpdateState } from '../storage/types.js';
import type { Chat, Message, Update, User, updates } from '../tl/generated/types.js';

/** The update state a box starts from and hands back for storage. */
export interface StoredUpdates {
  /** Account-wide pts/qts/date/seq (`updates.state`); undefined when never fetched. */
  state: UpdateState | undefined;
  /** pts per channel id. */
  channels: Map<bigint, number>;
}

/**
 * What became safe to store since the last {@link MessageBox.commitPoint}
 * call: the account state (when it moved) and channel pts changes
 * (`undefined` = forget the channel, e.g. after CHANNEL_PRIVATE).
 */
export interface CommitPoint {
  state?: UpdateState;
  channels: Array<[channelId: bigint, pts: number | undefined]>;
}

/**
 * What the box needs to know about peers; the client answers from its peer
 * cache. Both methods must be cheap: they run on the update path.
 */
export interface PeerLookup {
  /**
   * Whether the peer is known with a usable (non-`min`) access hash. Short
   * updates (`updateShortMessage`, `updateShortChatMessage`) carry ids only;
   * when one is unknown the box fetches the difference, which brings the
   * full user and chat objects (https://core.telegram.org/api/updates#recovering-gaps,
   * "incomplete update").
   */
  hasPeer(kind: 'user' | 'chat', id: bigint): boolean;
  /** Access hash of a channel, or undefined when unknown (then its difference cannot be asked for). */
  channelAccessHash(channelId: bigint): bigint | undefined;
}

/** Options of `new MessageBox(options)`; every number has a spec default (ts/updates/constants.ts). */
export interface MessageBoxOptions {
  /** Stored state to resume from (see {@link StoredUpdates}). Without it the box starts with `updates.getState`. */
  stored?: StoredUpdates;
  /**
   * With a stored state: fetch everything missed while offline (account
   * difference, and each stored channel's difference) before delivering new
   * live updates. Off: start from now (`updates.getState`, stored channels forgotten). Default true.
   */
  catchUp?: boolean;
  /** Peer cache questions; without it every peer counts as known and channel differences need the hash from the update's own chats. */
  peers?: PeerLookup;
  /** Our own user id: the sender of outgoing `updateShortMessage`s. */
  selfId?: bigint;
  /** Bot accounts fetch channel differences with a larger `limit`. */
  bot?: boolean;
  /** `pts_total_limit` of `updates.getDifference` (unset: the server's default). */
  ptsTotalLimit?: number;
  possibleGapTimeoutMs?: number;
  noUpdatesTimeoutMs?: number;
  /** Channel entries' no-update timeout (default the same 15 minutes). */
  channelNoUpdatesTimeoutMs?: number;
  retryInitialMs?: number;
  retryMaxMs?: number;
  maxHeldUpdates?: number;
  maxConcurrentChannelDifferences?: number;
}

/** A request the caller must send, then answer with `applyState`/`applyDifference`/`applyChannelDifference` or `failRequest`. */
export type BoxRequest =
  | { kind: 'getState'; id: number; request: updates.getState }
  | { kind: 'getDifference'; id: number; request: updates.getDifference }
  | { kind: 'getChannelDifference'; id: number; channelId: bigint; request: updates.getChannelDifference };

/** Something the caller should know (and usually log); never needs an answer. */
export type BoxEvent =
  /** The channel was removed from the box: a permanent error (CHANNEL_PRIVATE, CHANNEL_INVALID, ...) or no access hash to ask with. */
  | { type: 'channelDropped'; channelId: bigint; reason: string }
  /** PERSISTENT_TIMESTAMP_*: the channel's stored pts was refused; the box forgot it and restarts from the next update (a warning). */
  | { type: 'channelReset'; channelId: bigint; reason: string }
  /** `updates.channelDifferenceTooLong`: the channel jumped to a new pts; `messages` are its latest messages, not a full history. */
  | { type: 'channelTooLong'; channelId: bigint; pts: number; messages: Message[] }
  /** A difference request failed with a temporary error; it is asked again at `retryAt` (ms). */
  | { type: 'retryScheduled'; target: 'account' | bigint; error: string; attempt: number; retryAt: number }
  /** Held-back updates passed `maxHeldUpdates`; the ones with a sequence position are fetched again by a difference. */
  | { type: 'heldOverflow'; target: 'account' | bigint };

/**
 * The result of every call that feeds the box: updates to deliver in this
 * order (with the users and chats that came with them), requests to send now,
 * and events. `batch` identifies the delivery for {@link MessageBox.acknowledge}
 * (0 when there is nothing to acknowledge).
 */
export interface BoxOutput {
  updates: Update[];
  users: User[];
  chats: Chat[];
  batch: number;
  requests: BoxRequest[];
  events: BoxEvent[];
}
