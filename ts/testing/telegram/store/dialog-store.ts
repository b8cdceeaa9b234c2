/**
 * Each account's dialog list (https://core.telegram.org/api/dialogs): one
 * entry per chat the account has, with its read markers, pin, draft and the
 * order key. The top message and the unread count are computed from the
 * message boxes, so they can never disagree with the history.
 */
import type { MessageEntity } from '../../../tl/generated/types.js';
import { type PeerRef, peerKey } from './peer-ref.js';

/** A saved draft (`draftMessage`). */
export interface DraftRecord {
  readonly text: string;
  readonly entities: MessageEntity[] | undefined;
  readonly replyToId: number | undefined;
  readonly noWebpage: boolean;
  readonly date: number;
}

/** One dialog of one account. */
export interface DialogRecord {
  readonly peer: PeerRef;
  /** Highest incoming message id the account has read. */
  readInboxMaxId: number;
  /** Highest outgoing message id the other side has read. */
  readOutboxMaxId: number;
  pinned: boolean;
  /** Marked unread by hand (`unread_mark`). */
  unreadMark: boolean;
  draft: DraftRecord | undefined;
  /** Unix time of the last activity (message or draft): the sort key. */
  activity: number;
  /** Tie-breaker among equal activity times: a global counter. */
  order: number;
}

/** Dialogs per account. */
export class DialogStore {
  private readonly lists = new Map<bigint, Map<string, DialogRecord>>();
  private counter = 0;

  private list(userId: bigint): Map<string, DialogRecord> {
    let l = this.lists.get(userId);
    if (!l) this.lists.set(userId, (l = new Map()));
    return l;
  }

  /** The dialog of `userId` with `peer`, if it exists. */
  get(userId: bigint, peer: PeerRef): DialogRecord | undefined {
    return this.lists.get(userId)?.get(peerKey(peer));
  }

  /** The dialog, created (empty markers) when missing; `touch` moves it to the top. */
  ensure(userId: bigint, peer: PeerRef, now: number, touch = true): DialogRecord {
    const l = this.list(userId);
    const key = peerKey(peer);
    let d = l.get(key);
    if (!d) {
      d = {
        peer,
        readInboxMaxId: 0,
        readOutboxMaxId: 0,
        pinned: false,
        unreadMark: false,
        draft: undefined,
        activity: now,
        order: ++this.counter,
      };
      l.set(key, d);
    } else if (touch) {
      d.activity = now;
      d.order = ++this.counter;
    }
    return d;
  }

  /** Removes the dialog (left a chat, deleted history). */
  remove(userId: bigint, peer: PeerRef): void {
    this.lists.get(userId)?.delete(peerKey(peer));
  }

  /** Every dialog of `userId`, pinned first, then most recent activity first. */
  sorted(userId: bigint): DialogRecord[] {
    const all = [...(this.lists.get(userId)?.values() ?? [])];
    return all.sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.activity - a.activity || b.order - a.order);
  }
}
