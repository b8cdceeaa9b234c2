/**
 * At-least-once bookkeeping: which update state is safe to store.
 *
 * The box's own state moves as soon as it *returns* updates; the stored state
 * may only move once the caller's handlers for them have *finished*, or a
 * crash in between would skip them for good. Each output batch records what
 * it changed (a delta); the caller acknowledges batches when their handlers
 * are done, in any order; the committed state advances over the longest
 * acknowledged prefix, so it never passes an unfinished batch.
 *
 * Duplicate window: after a crash the client resumes from the committed
 * state and the server sends again everything after it — the unacknowledged
 * batches, including those whose handlers had finished but sat behind an
 * unfinished one. Handlers must tolerate seeing those again.
 */
import type { UpdateState } from '../storage/types.js';
import type { CommitPoint, StoredUpdates } from './types.js';

/** What one batch changed: final values after the batch (undefined fields are unchanged). */
export interface StateDelta {
  pts?: number;
  qts?: number;
  date?: number;
  seq?: number;
  /** Channel pts after the batch; `undefined` pts = the channel was forgotten. */
  channels?: Array<[bigint, number | undefined]>;
}

interface Pending {
  id: number;
  delta: StateDelta;
  done: boolean;
}

/** The committed state and the queue of batches not yet acknowledged. */
export class CommitLog {
  private readonly queue: Pending[] = [];
  private head = 0;
  /** id → queue entry, for acknowledge in O(1). */
  private readonly byId = new Map<number, Pending>();
  private nextId = 1;
  private state: UpdateState | undefined;
  private readonly channels: Map<bigint, number>;
  /** Changes committed but not yet handed out by {@link take}. */
  private stateChanged = false;
  private readonly changedChannels = new Map<bigint, number | undefined>();

  constructor(start: StoredUpdates | undefined) {
    this.state = start?.state ? { ...start.state } : undefined;
    this.channels = new Map(start?.channels ?? []);
  }

  /** Appends a batch; `done` for batches with nothing to handle. Returns its id. */
  record(delta: StateDelta, done: boolean): number {
    const id = this.nextId++;
    if (done && this.head === this.queue.length) {
      this.apply(delta);
      return id;
    }
    const entry: Pending = { id, delta, done };
    this.queue.push(entry);
    if (!done) this.byId.set(id, entry);
    return id;
  }

  /** Marks a batch handled and advances the committed state over the acknowledged prefix. Unknown or repeated ids are ignored. */
  acknowledge(id: number): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    this.byId.delete(id);
    entry.done = true;
    const q = this.queue;
    while (this.head < q.length && q[this.head]!.done) this.apply(q[this.head++]!.delta);
    if (this.head === q.length) {
      q.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > q.length) {
      q.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Batches returned but not yet acknowledged. */
  get pending(): number {
    return this.byId.size;
  }

  /** The committed state changes since the last call, or undefined when nothing moved. */
  take(): CommitPoint | undefined {
    if (!this.stateChanged && this.changedChannels.size === 0) return undefined;
    const point: CommitPoint = { channels: [...this.changedChannels] };
    if (this.stateChanged && this.state) point.state = { ...this.state };
    this.stateChanged = false;
    this.changedChannels.clear();
    return point;
  }

  /** A copy of the whole committed state. */
  snapshot(): StoredUpdates {
    return { state: this.state ? { ...this.state } : undefined, channels: new Map(this.channels) };
  }

  private apply(delta: StateDelta): void {
    if (delta.pts !== undefined || delta.qts !== undefined || delta.date !== undefined || delta.seq !== undefined) {
      const s = (this.state ??= { pts: 0, qts: 0, date: 0, seq: 0 });
      if (delta.pts !== undefined) s.pts = delta.pts;
      if (delta.qts !== undefined) s.qts = delta.qts;
      if (delta.date !== undefined) s.date = delta.date;
      if (delta.seq !== undefined) s.seq = delta.seq;
      this.stateChanged = true;
    }
    if (delta.channels) {
      for (const [id, pts] of delta.channels) {
        if (pts === undefined) this.channels.delete(id);
        else this.channels.set(id, pts);
        this.changedChannels.set(id, pts);
      }
    }
  }
}
