/**
 * The updates runner: drives the sans-IO `MessageBox` (ts/updates) for a
 * client. Pushed `Updates` and RPC results that carry updates go in; the
 * requests the box names (`updates.getState`, `getDifference`,
 * `getChannelDifference`) run through the client; its deadlines run on a
 * timer; the updates it returns become typed updates and go to every sink
 * (`client.updates()` iterators, `client.on(...)` listeners, a bound
 * dispatcher); and the stored update state (storage.setUpdateState /
 * setChannelPts) moves only over batches whose handlers have settled
 * (at-least-once), or right away (at-most-once). See ts/updates/README.md
 * for the loop and https://core.telegram.org/api/updates for the rules.
 */
import { RpcError } from '../../errors.js';
import type { Updates, updates } from '../../tl/generated/types.js';
import { MessageBox } from '../../updates/message-box.js';
import type { BoxOutput, BoxRequest, CommitPoint } from '../../updates/types.js';
import type { ClientCore } from '../core.js';
import type { Album } from '../types/album.js';
import type { TypedUpdate } from '../types/updates.js';
import { AlbumCollector } from './album-collector.js';
import { toTypedUpdate } from './convert.js';
import type { UpdatesOptions } from './options.js';
import { PeerCache } from './peer-cache.js';

/** Something that receives typed updates; `deliver` returns when the update is handled (a promise for async handlers). */
export interface UpdateSink {
  deliver(update: TypedUpdate): unknown;
  /** A promise while the sink has no room for more (backpressure), else undefined. */
  room?(): Promise<void> | undefined;
  /** The runner stopped (client closed). */
  end?(): void;
}

/** The constructors of the `Updates` type: what the box takes. */
const UPDATES_CONSTRUCTORS: ReadonlySet<string> = new Set([
  'updatesTooLong',
  'updateShortMessage',
  'updateShortChatMessage',
  'updateShort',
  'updatesCombined',
  'updates',
  'updateShortSentMessage',
]);

/** Whether a TL object is an `Updates` (pushed, or an RPC result that carries updates). */
export function isUpdates(o: unknown): o is Updates {
  return typeof o === 'object' && o !== null && UPDATES_CONSTRUCTORS.has((o as { _?: string })._ ?? '');
}

function isPromise(v: unknown): v is Promise<unknown> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}

/** The runner of one client (made by `TelegramClient`; starts with the first sink once signed in). */
export class UpdatesRunner {
  private box: MessageBox | undefined;
  private readonly peers: PeerCache;
  private readonly sinks = new Set<UpdateSink>();
  private starting: Promise<void> | undefined;
  private stopped = false;
  private early: Updates[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  /** Delivery of batches, in order (waits for sink room). */
  private chain: Promise<void> = Promise.resolve();
  /** Storage writes, in order. */
  private writes: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private handling = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly atMostOnce: boolean;
  private readonly albums: AlbumCollector | undefined;

  constructor(
    private readonly client: ClientCore,
    private readonly options: UpdatesOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.peers = new PeerCache(options.peerCacheLimit);
    this.atMostOnce = options.delivery === 'at-most-once';
    const albumWindow = options.albumWindowMs ?? 250;
    if (albumWindow > 0) this.albums = new AlbumCollector(albumWindow, (a) => this.deliverAlbum(a));
  }

  /** Whether the box runs. */
  get running(): boolean {
    return this.box !== undefined && !this.stopped;
  }

  /** Adds a sink; returns its remover. */
  addSink(sink: UpdateSink): () => void {
    this.sinks.add(sink);
    return () => {
      this.sinks.delete(sink);
    };
  }

  /** Sinks attached. */
  get sinkCount(): number {
    return this.sinks.size;
  }

  /**
   * Loads the stored state and starts the box: with a stored state and
   * `catchUp` the first requests are the differences, else `updates.getState`.
   */
  start(): Promise<void> {
    this.starting ??= this.boot();
    return this.starting;
  }

  private async boot(): Promise<void> {
    const storage = this.client.storage;
    const [account, snap] = await Promise.all([storage.getAccount(), storage.snapshot()]);
    if (this.stopped) return;
    for (const p of snap.peers.values()) if (p.kind === 'channel' && !p.min) this.peers.addStoredChannel(p.id, p.accessHash);
    const o = this.options;
    this.box = new MessageBox({
      ...(snap.updateState && { stored: { state: snap.updateState, channels: snap.channelPts } }),
      catchUp: o.catchUp ?? true,
      peers: this.peers,
      ...(account && { selfId: account.userId, bot: account.bot }),
      ...(o.possibleGapTimeoutMs !== undefined && { possibleGapTimeoutMs: o.possibleGapTimeoutMs }),
      ...(o.noUpdatesTimeoutMs !== undefined && { noUpdatesTimeoutMs: o.noUpdatesTimeoutMs }),
    });
    this.handle(this.box.start(this.now()));
    const early = this.early;
    this.early = [];
    for (const u of early) this.feed(u);
  }

  /** A pushed `Updates`, or an RPC result that is one. Before the box runs they wait (bounded) for it. */
  feed(u: Updates): void {
    if (this.stopped) return;
    if (!this.box) {
      if (this.starting && this.early.length < 10_000) this.early.push(u);
      return;
    }
    this.handle(this.box.process(u, this.now()));
  }

  /** The pts of an RPC result without updates (`messages.affectedMessages`, ...); `channelId` for channel methods. */
  feedAffected(affected: { pts: number; pts_count: number }, channelId?: bigint): void {
    if (!this.box || this.stopped) return;
    this.handle(this.box.processAffected(affected, this.now(), channelId));
  }

  /** Stops timers, requests and commits; handlers still running are not committed (they replay on the next start). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.albums?.discard();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const s of this.sinks) s.end?.();
    this.sinks.clear();
    await this.writes;
    this.wakeIdle();
  }

  /**
   * Resolves when no request is in flight, every delivered batch settled and
   * its commit is written (tests and graceful shutdowns).
   */
  async idle(): Promise<void> {
    while (!this.isIdle()) await new Promise<void>((r) => this.idleWaiters.push(r));
    await this.writes;
  }

  /**
   * Resolves when every commit queued so far is written, even while a batch
   * is still held (the serverless `runOnce` stops with updates it did not take).
   */
  commitsWritten(): Promise<void> {
    return this.writes;
  }

  private isIdle(): boolean {
    return this.stopped || (this.box !== undefined && this.inFlight === 0 && this.handling === 0);
  }

  private wakeIdle(): void {
    if (this.idleWaiters.length === 0 || !this.isIdle()) return;
    const w = this.idleWaiters;
    this.idleWaiters = [];
    for (const f of w) f();
  }

  // ---- the loop of ts/updates/README.md

  private handle(out: BoxOutput): void {
    if (this.stopped) return;
    const box = this.box!;
    for (const e of out.events) {
      const level = e.type === 'channelReset' || e.type === 'channelDropped' || e.type === 'heldOverflow' ? 'warn' : 'debug';
      this.client.logger.log(level, `updates: ${e.type} ${'channelId' in e ? e.channelId : 'target' in e ? String(e.target) : ''}`);
    }
    for (const r of out.requests) this.send(r);
    if (out.users.length > 0 || out.chats.length > 0) this.peers.add(out.users, out.chats);
    if (out.updates.length > 0) {
      if (this.atMostOnce) {
        box.acknowledge(out.batch);
        this.commit();
      }
      this.deliver(out);
    } else if (out.batch > 0) {
      box.acknowledge(out.batch);
      this.commit();
    }
    this.arm();
  }

  private deliver(out: BoxOutput): void {
    const index = this.peers.index();
    const typed: TypedUpdate[] = [];
    for (const u of out.updates) {
      const t = toTypedUpdate(this.client, u, index);
      if (t) typed.push(t);
    }
    this.handling++;
    const batch = out.batch;
    this.chain = this.chain.then(async () => {
      if (this.stopped) return;
      for (const s of this.sinks) {
        const room = s.room?.();
        if (room) await room;
      }
      const pending: Promise<unknown>[] = [];
      const albums = this.albums;
      for (const t of typed) {
        if (albums) {
          if (t.kind === 'newMessage' && t.groupedId !== undefined) {
            pending.push(albums.add(t));
            continue;
          }
          // A waiting album of this chat goes out first: the chat's order holds.
          if (albums.pending > 0 && (t.kind === 'newMessage' || t.kind === 'messageEdited')) albums.flushChat(t.chat.id);
        }
        this.toSinks(t, pending);
      }
      // Not awaited here: the next batch may start while this one's handlers run (the dispatcher orders per chat).
      void Promise.allSettled(pending).then((results) => {
        for (const r of results) if (r.status === 'rejected') this.handlerFailed(r.reason);
        this.handling--;
        if (!this.stopped && !this.atMostOnce) {
          this.box!.acknowledge(batch);
          this.commit();
        }
        this.wakeIdle();
      });
    });
  }

  /** Hands `t` to every sink; async handlers' promises go to `pending`. */
  private toSinks(t: TypedUpdate, pending: Promise<unknown>[]): void {
    for (const s of this.sinks) {
      try {
        const r = s.deliver(t);
        if (isPromise(r)) pending.push(r);
      } catch (e) {
        this.handlerFailed(e);
      }
    }
  }

  /** An album the collector completed; settles when its handlers did. */
  private async deliverAlbum(album: Album): Promise<void> {
    if (this.stopped) return;
    const pending: Promise<unknown>[] = [];
    this.toSinks(album, pending);
    for (const r of await Promise.allSettled(pending)) if (r.status === 'rejected') this.handlerFailed(r.reason);
  }

  private handlerFailed(e: unknown): void {
    this.client.logger.log('error', `update handler failed: ${e instanceof Error ? e.message : String(e)}`);
  }

  private commit(): void {
    const point = this.box!.commitPoint();
    if (!point) return;
    this.writes = this.writes.then(() => this.write(point));
  }

  private async write(point: CommitPoint): Promise<void> {
    if (this.stopped) return;
    const storage = this.client.storage;
    try {
      if (point.state) await storage.setUpdateState(point.state);
      for (const [id, pts] of point.channels) await storage.setChannelPts(id, pts);
    } catch (e) {
      this.client.logger.log('warn', `updates: storing the update state failed: ${(e as Error).message}`);
    }
  }

  private send(req: BoxRequest): void {
    this.inFlight++;
    const opts = this.options.requestTimeoutMs !== undefined ? { timeoutMs: this.options.requestTimeoutMs } : {};
    const done = (out: () => BoxOutput) => {
      this.inFlight--;
      if (!this.stopped) this.handle(out());
      this.wakeIdle();
    };
    const box = this.box!;
    const run = (): Promise<unknown> => this.client.invoke(req.request, opts);
    run().then(
      (answer) =>
        done(() =>
          req.kind === 'getState'
            ? box.applyState(req, answer as updates.State, this.now())
            : req.kind === 'getDifference'
              ? box.applyDifference(req, answer as updates.Difference, this.now())
              : box.applyChannelDifference(req, answer as updates.ChannelDifference, this.now()),
        ),
      (e) => done(() => box.failRequest(req, e instanceof RpcError ? e.text : 'TIMEOUT', this.now())),
    );
  }

  /** Re-arms the deadline timer (`nextDeadline` may be early, never late). */
  private arm(): void {
    const at = this.box!.nextDeadline();
    if (!Number.isFinite(at) || (this.timer && at >= this.timerAt)) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Number.POSITIVE_INFINITY;
        if (!this.stopped) this.handle(this.box!.checkDeadlines(this.now()));
      },
      Math.max(0, at - this.now()),
    );
    // A pending deadline must not keep the process alive on its own.
    (this.timer as { unref?: () => void }).unref?.();
  }
}
