/**
 * The dispatcher's concurrency model: tasks with the same key (a chat) run
 * one after another in arrival order; tasks of different keys run in
 * parallel, at most `limit` at a time; a task without a key is its own lane.
 * Lanes waiting for a slot are served first come, first served.
 */
import { ArgumentError } from '../errors.js';

/** A lane's key: a chat id, or any string. */
export type LaneKey = string | bigint;

interface Task {
  run: () => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

interface Lane {
  key: LaneKey | undefined;
  tasks: Task[];
  head: number;
}

/**
 * Per-key ordered, bounded-parallel task runner.
 *
 * @example
 * ```ts
 * const q = new ChatQueue(16);
 * q.run('chat1', () => handle(a)); q.run('chat1', () => handle(b)); // b after a
 * q.run('chat2', () => handle(c));                                   // c alongside a
 * ```
 */
export class ChatQueue {
  private readonly lanes = new Map<LaneKey, Lane>();
  /** Lanes with work, not running, waiting for a slot. */
  private readonly ready: Lane[] = [];
  private readyHead = 0;
  private active = 0;
  private queued = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(
    /** Most tasks running at once (different keys). */
    readonly limit = 16,
  ) {
    if (!(limit >= 1)) throw new ArgumentError('ChatQueue limit must be at least 1', 'limit');
  }

  /** Tasks queued or running. */
  get pending(): number {
    return this.queued + this.active;
  }

  /** Queues `run` on lane `key`; the promise settles with it. */
  run<T>(key: LaneKey | undefined, run: () => Promise<T>): Promise<T> {
    if (this.active < this.limit && this.readyHead === this.ready.length && (key === undefined || !this.lanes.has(key))) {
      // Fast path: a free slot, nobody waiting, lane idle — start now without a wrapper promise.
      const lane: Lane = { key, tasks: [], head: 0 };
      if (key !== undefined) this.lanes.set(key, lane);
      this.active++;
      let p: Promise<T>;
      try {
        p = run();
      } catch (e) {
        p = Promise.reject(e);
      }
      const done = () => this.finish(lane);
      p.then(done, done);
      return p;
    }
    return new Promise<T>((resolve, reject) => {
      const task: Task = { run, resolve: resolve as (v: unknown) => void, reject };
      this.queued++;
      if (key === undefined) {
        this.ready.push({ key, tasks: [task], head: 0 });
      } else {
        let lane = this.lanes.get(key);
        if (lane) {
          lane.tasks.push(task); // running or already waiting: it will get to this task
        } else {
          lane = { key, tasks: [task], head: 0 };
          this.lanes.set(key, lane);
          this.ready.push(lane);
        }
      }
      this.pump();
    });
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.active < this.limit && this.readyHead < this.ready.length) {
      const lane = this.ready[this.readyHead++]!;
      if (this.readyHead > 1024 && this.readyHead * 2 > this.ready.length) {
        this.ready.splice(0, this.readyHead);
        this.readyHead = 0;
      }
      this.start(lane);
    }
  }

  private start(lane: Lane): void {
    const task = lane.tasks[lane.head]!;
    lane.tasks[lane.head++] = undefined as unknown as Task;
    this.queued--;
    this.active++;
    let p: Promise<unknown>;
    try {
      p = task.run();
    } catch (e) {
      p = Promise.reject(e);
    }
    p.then(task.resolve, task.reject).then(() => this.finish(lane));
  }

  private finish(lane: Lane): void {
    this.active--;
    if (lane.head < lane.tasks.length) {
      if (lane.head > 64 && lane.head * 2 > lane.tasks.length) {
        lane.tasks.splice(0, lane.head);
        lane.head = 0;
      }
      // Same lane goes on in order; it rejoins the back of the line so busy chats do not starve others.
      this.ready.push(lane);
    } else if (lane.key !== undefined) {
      this.lanes.delete(lane.key);
    }
    this.pump();
    if (this.pending === 0 && this.idleWaiters.length) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }
}
