/**
 * Key exchange steps of every connection, run in turn. The server's RSA
 * decryption and DH are heavy (BigInt, milliseconds each) and run on the
 * event loop: a hundred connections asking at once would otherwise hold it
 * for seconds while established sessions wait. Here at most
 * `maxConcurrent` connections are admitted to a key exchange (the rest wait
 * in order), and steps run from `setImmediate` in slices of a few ms, so
 * socket reads — and the answers of established sessions — get the loop
 * between them. https://core.telegram.org/mtproto/auth_key
 */

/** Longest run of steps before yielding to the event loop, ms. */
const SLICE_MS = 4;

/** A queue of key exchange steps, shared by every DC of a server. */
export class HandshakeQueue {
  private readonly admitted = new Set<object>();
  /** Owners waiting for a slot, in arrival order, with their steps. */
  private readonly waiting = new Map<object, (() => void)[]>();
  private ready: (() => void)[] = [];
  private head = 0;
  private scheduled = false;
  private stopped = false;

  /** `onError` gets what a step throws (a server bug); the queue goes on. */
  constructor(
    private readonly maxConcurrent: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Connections holding a slot. */
  get active(): number {
    return this.admitted.size;
  }

  /** Connections waiting for a slot. */
  get queued(): number {
    return this.waiting.size;
  }

  /** Runs `step` for `owner` (a connection) in its turn; steps of one owner run in order. */
  submit(owner: object, step: () => void): void {
    if (this.stopped) return;
    if (this.admitted.has(owner)) {
      this.push(step);
      return;
    }
    const wait = this.waiting.get(owner);
    if (wait) wait.push(step);
    else if (this.admitted.size < this.maxConcurrent) {
      this.admitted.add(owner);
      this.push(step);
    } else this.waiting.set(owner, [step]);
  }

  /** `owner` finished its key exchange, failed it, or closed: its slot goes to the next waiting owner. */
  release(owner: object): void {
    this.waiting.delete(owner);
    if (!this.admitted.delete(owner)) return;
    for (const [next, steps] of this.waiting) {
      this.waiting.delete(next);
      this.admitted.add(next);
      for (const s of steps) this.push(s);
      break;
    }
  }

  /** Drops every queued step (server stop). */
  stop(): void {
    this.stopped = true;
    this.ready = [];
    this.head = 0;
    this.waiting.clear();
    this.admitted.clear();
  }

  private push(step: () => void): void {
    this.ready.push(step);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    const start = performance.now();
    while (this.head < this.ready.length) {
      const step = this.ready[this.head]!;
      this.ready[this.head++] = noop;
      try {
        step();
      } catch (e) {
        this.onError(e);
      }
      if (performance.now() - start >= SLICE_MS) break;
    }
    if (this.head === this.ready.length) {
      this.ready = [];
      this.head = 0;
    } else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }
}

function noop(): void {}
