/**
 * `FaultRelay`: a TCP relay on loopback that sits between a client and a
 * server (the test server, or anything else) and breaks the connection on
 * purpose — per direction, changeable while traffic flows: drop, delay,
 * duplicate, reorder, stall, cut mid-frame, half-open, and refusing or
 * black-holing new connections. Use it to check that a client's requests
 * settle exactly once and that it recovers when the fault ends. Node-only
 * (node:net).
 *
 * @example
 * ```ts
 * const relay = await FaultRelay.start({ target: server.dc(2) });
 * // point the client at relay.host:relay.port ...
 * relay.set('down', { stall: true });   // answers stop arriving (nothing lost)
 * relay.set('down', {});                // ... and flow again
 * relay.set('up', { cutAfterBytes: 10 }); // the next request is cut mid-frame
 * await relay.stop();
 * ```
 */
import { type AddressInfo, createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { type AcceptMode, checkDirectionFaults, type DirectionFaults, type RelayDirection, type RelayStats } from './relay-faults.js';

/** Options of `FaultRelay.start`. */
export interface FaultRelayOptions {
  /** Where to forward connections. */
  target: { readonly host: string; readonly port: number };
  /** Address to listen on (default `127.0.0.1`). */
  host?: string;
  /** Port to listen on (default: one the OS picks). */
  port?: number;
  /** Uniform numbers in [0, 1) for the probabilistic faults (default `Math.random`; seed it for a reproducible run). */
  random?: () => number;
}

/** How long a chunk held by `reorder` waits for a successor before it is written alone, ms. */
const REORDER_WAIT_MS = 50;

/** A running relay. Make one with `FaultRelay.start`. */
export class FaultRelay {
  /** What the relay did so far. */
  readonly stats: RelayStats = { connections: 0, bytesUp: 0, bytesDown: 0, dropped: 0, duplicated: 0, reordered: 0, cuts: 0 };
  private faults: Record<'up' | 'down', DirectionFaults> = { up: {}, down: {} };
  private mode: AcceptMode = 'forward';
  private readonly pairs = new Set<Pair>();
  /** Black-holed client sockets (`acceptMode('blackhole')`). */
  private readonly holes = new Set<Socket>();
  private readonly random: () => number;
  private stopped: Promise<void> | undefined;

  private constructor(
    private readonly server: Server,
    private readonly target: { readonly host: string; readonly port: number },
    /** The address clients connect to. */
    readonly host: string,
    /** The port clients connect to. */
    readonly port: number,
    random: (() => number) | undefined,
  ) {
    this.random = random ?? Math.random;
  }

  /** Starts listening. */
  static async start(options: FaultRelayOptions): Promise<FaultRelay> {
    const host = options.host ?? '127.0.0.1';
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const relay = new FaultRelay(server, options.target, host, (server.address() as AddressInfo).port, options.random);
    server.on('connection', (socket) => relay.accept(socket));
    return relay;
  }

  /** Replaces the faults of `direction` (`{}` turns them off). Takes effect at once, on open connections too. */
  set(direction: RelayDirection, faults: DirectionFaults): this {
    const checked = checkDirectionFaults(faults);
    if (direction !== 'down') this.faults.up = checked;
    if (direction !== 'up') this.faults.down = { ...checked };
    for (const p of this.pairs) p.faultsChanged();
    return this;
  }

  /** The faults in force for `direction`. */
  get(direction: 'up' | 'down'): Readonly<DirectionFaults> {
    return this.faults[direction];
  }

  /** How new connections are treated from now on (default `forward`). */
  acceptMode(mode: AcceptMode): this {
    this.mode = mode;
    return this;
  }

  /** Turns every fault off and forwards new connections again; stalled bytes flow. */
  clear(): this {
    this.mode = 'forward';
    return this.set('both', {});
  }

  /** Destroys every open connection at once (both sides, black-holed ones too), as a network failure would. Returns how many. */
  cutAll(): number {
    const n = this.pairs.size + this.holes.size;
    for (const p of [...this.pairs]) p.cut();
    for (const h of [...this.holes]) h.destroy();
    this.stats.cuts += this.holes.size;
    this.holes.clear();
    return n;
  }

  /** Open connections (relayed and black-holed). */
  get connectionCount(): number {
    return this.pairs.size + this.holes.size;
  }

  /** Stops listening and destroys every connection. Safe to call twice. */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      for (const p of [...this.pairs]) p.destroy();
      for (const h of this.holes) h.destroy();
      this.holes.clear();
      this.server.close(() => resolve());
    });
    return this.stopped;
  }

  /** @internal */
  faultsOf(direction: 'up' | 'down'): DirectionFaults {
    return this.faults[direction];
  }

  /** @internal */
  chance(p: number | undefined): boolean {
    return p !== undefined && p > 0 && this.random() < p;
  }

  /** @internal */
  jitter(ms: number | undefined): number {
    return ms ? this.random() * ms : 0;
  }

  /** @internal */
  removed(pair: Pair): void {
    this.pairs.delete(pair);
  }

  private accept(client: Socket): void {
    this.stats.connections++;
    client.on('error', () => {});
    if (this.stopped || this.mode === 'close') {
      client.destroy();
      return;
    }
    if (this.mode === 'blackhole') {
      this.holes.add(client);
      client.on('close', () => this.holes.delete(client));
      client.resume(); // read and discard
      return;
    }
    client.setNoDelay(true);
    this.pairs.add(new Pair(this, client, tcpConnect(this.target.port, this.target.host)));
  }
}

/** One relayed connection: the accepted client socket and the socket to the target. */
class Pair {
  private readonly up: Pipe;
  private readonly down: Pipe;
  private gone = false;

  constructor(
    private readonly relay: FaultRelay,
    private readonly client: Socket,
    private readonly upstream: Socket,
  ) {
    upstream.setNoDelay(true);
    upstream.on('error', () => {});
    this.up = new Pipe(relay, 'up', upstream, () => this.cut());
    this.down = new Pipe(relay, 'down', client, () => this.cut());
    client.on('data', (b: Buffer) => {
      relay.stats.bytesUp += b.length;
      this.up.data(b);
    });
    upstream.on('data', (b: Buffer) => {
      relay.stats.bytesDown += b.length;
      this.down.data(b);
    });
    client.on('close', () => this.closedSide(this.up));
    upstream.on('close', () => this.closedSide(this.down));
  }

  faultsChanged(): void {
    this.up.faultsChanged();
    this.down.faultsChanged();
  }

  /** Destroys both sockets (counted as a cut). */
  cut(): void {
    if (this.gone) return;
    this.relay.stats.cuts++;
    this.destroy();
  }

  destroy(): void {
    if (this.gone) return;
    this.gone = true;
    this.up.dispose();
    this.down.dispose();
    this.client.destroy();
    this.upstream.destroy();
    this.relay.removed(this);
  }

  /** One side closed: the bytes it sent still go through `pipe`, then the other side is closed — unless that direction is half-open. */
  private closedSide(pipe: Pipe): void {
    if (this.gone) return;
    pipe.finish(() => this.destroy());
  }
}

/** One direction of a pair: faults applied to each chunk, then written in order. */
class Pipe {
  private queue: { chunk: Uint8Array; at: number }[] = [];
  private lastAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private held: Uint8Array | undefined;
  private heldTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bytes left before `cutAfterBytes` fires (counted from when the fault was set). */
  private cutLeft: number | undefined;
  private onDrained: (() => void) | undefined;
  private disposed = false;

  constructor(
    private readonly relay: FaultRelay,
    private readonly direction: 'up' | 'down',
    private readonly out: Socket,
    private readonly onCut: () => void,
  ) {}

  data(chunk: Uint8Array): void {
    const f = this.relay.faultsOf(this.direction);
    const stats = this.relay.stats;
    if (f.halfOpen || this.relay.chance(f.drop)) {
      stats.dropped++;
      return;
    }
    const copies = this.relay.chance(f.duplicate) ? 2 : 1;
    if (copies === 2) stats.duplicated++;
    if (this.held === undefined && this.relay.chance(f.reorder)) {
      stats.reordered++;
      this.held = copies === 2 ? Buffer.concat([chunk, chunk]) : chunk;
      this.heldTimer = setTimeout(() => this.releaseHeld(), REORDER_WAIT_MS);
      return;
    }
    for (let i = 0; i < copies; i++) this.enqueue(chunk);
    this.releaseHeld();
  }

  faultsChanged(): void {
    this.cutLeft = undefined;
    this.pump();
  }

  /** The source closed: once everything queued is written, `done` runs (never while half-open). */
  finish(done: () => void): void {
    if (this.relay.faultsOf(this.direction).halfOpen) return;
    this.releaseHeld();
    this.onDrained = done;
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.heldTimer !== undefined) clearTimeout(this.heldTimer);
    this.queue = [];
    this.held = undefined;
  }

  private releaseHeld(): void {
    if (this.heldTimer !== undefined) clearTimeout(this.heldTimer);
    this.heldTimer = undefined;
    const held = this.held;
    this.held = undefined;
    if (held) this.enqueue(held);
  }

  private enqueue(chunk: Uint8Array): void {
    const f = this.relay.faultsOf(this.direction);
    const delay = (f.delayMs ?? 0) + this.relay.jitter(f.jitterMs);
    // Never earlier than the chunk before it: a delay keeps the byte order.
    this.lastAt = Math.max(this.lastAt, performance.now() + delay);
    this.queue.push({ chunk, at: this.lastAt });
    this.pump();
  }

  private pump(): void {
    if (this.disposed) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.relay.faultsOf(this.direction).stall) return;
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      const wait = head.at - performance.now();
      if (wait > 0) {
        this.timer = setTimeout(() => this.pump(), Math.ceil(wait));
        return;
      }
      this.queue.shift();
      if (!this.write(head.chunk)) return;
    }
    if (this.onDrained && this.held === undefined) this.onDrained();
  }

  /** Writes `chunk`, honouring `cutAfterBytes`; false when the pair was cut. */
  private write(chunk: Uint8Array): boolean {
    const f = this.relay.faultsOf(this.direction);
    if (f.cutAfterBytes !== undefined) {
      this.cutLeft ??= f.cutAfterBytes;
      if (chunk.length >= this.cutLeft) {
        if (this.cutLeft > 0) this.out.write(chunk.subarray(0, this.cutLeft));
        this.onCut();
        return false;
      }
      this.cutLeft -= chunk.length;
    }
    if (!this.out.destroyed) this.out.write(chunk);
    return true;
  }
}
