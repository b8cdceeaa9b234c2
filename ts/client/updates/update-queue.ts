/**
 * The queue behind `client.updates()`: a bounded buffer between the updates
 * runner and a `for await` loop. The runner waits for room before it hands
 * over the next batch (backpressure: a slow loop slows delivery instead of
 * growing memory), and an update counts as handled — for at-least-once
 * commits — once the loop asks for the next one (its body finished) or ends.
 */
import type { TypedUpdate } from '../types/updates.js';
import { ArgumentError } from '../../errors.js';

interface Item {
  update: TypedUpdate;
  done: () => void;
}

/** Default most updates waiting in one `client.updates()` iterator. */
const UPDATE_QUEUE_CAPACITY = 256;

/** One iterator's queue; `push` from the runner, iterate from the app. */
export class UpdateQueue implements AsyncIterableIterator<TypedUpdate> {
  private readonly items: Item[] = [];
  private head = 0;
  private current: (() => void) | undefined;
  private reader: ((r: IteratorResult<TypedUpdate>) => void) | undefined;
  private roomWaiters: Array<() => void> = [];
  private ended = false;

  constructor(
    private readonly capacity = UPDATE_QUEUE_CAPACITY,
    private readonly onEnd: () => void = () => {},
  ) {
    if (!(Number.isInteger(capacity) && capacity >= 1))
      throw new ArgumentError(`updates() capacity must be an integer >= 1, got ${capacity}`);
  }

  /** Updates waiting to be read. */
  get size(): number {
    return this.items.length - this.head;
  }

  /** Resolves when there is room (at once when not full or ended). */
  room(): Promise<void> | undefined {
    if (this.ended || this.size < this.capacity) return undefined;
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /** Queues `update`; the promise resolves when the loop is done with it (or the iterator ended). */
  push(update: TypedUpdate): Promise<void> {
    if (this.ended) return Promise.resolve();
    return new Promise<void>((done) => {
      if (this.reader) {
        const r = this.reader;
        this.reader = undefined;
        this.current = done;
        r({ value: update, done: false });
      } else this.items.push({ update, done });
    });
  }

  next(): Promise<IteratorResult<TypedUpdate>> {
    this.finishCurrent();
    if (this.size > 0) {
      const item = this.items[this.head++]!;
      if (this.head === this.items.length) {
        this.items.length = 0;
        this.head = 0;
      }
      this.current = item.done;
      this.wakeRoom();
      return Promise.resolve({ value: item.update, done: false });
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.reader = resolve;
    });
  }

  /** Ends the iteration (a `break` out of `for await` calls it); queued updates count as done. */
  return(): Promise<IteratorResult<TypedUpdate>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  /** Ends the iterator from the runner's side (client closed). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.finishCurrent();
    for (let i = this.head; i < this.items.length; i++) this.items[i]!.done();
    this.items.length = 0;
    this.head = 0;
    this.reader?.({ value: undefined, done: true });
    this.reader = undefined;
    this.wakeRoom();
    this.onEnd();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<TypedUpdate> {
    return this;
  }

  private finishCurrent(): void {
    const c = this.current;
    this.current = undefined;
    c?.();
  }

  private wakeRoom(): void {
    if (this.roomWaiters.length === 0 || (!this.ended && this.size >= this.capacity)) return;
    const w = this.roomWaiters;
    this.roomWaiters = [];
    for (const f of w) f();
  }
}
