/**
 * Groups the parts of an album (messages sharing `grouped_id`,
 * https://core.telegram.org/api/files#albums-grouped-media) into one
 * `Album` update. Telegram usually pushes an album's messages together,
 * but nothing promises one container, so a group waits `windowMs` after
 * its first part for the rest. It is handed out early when it reaches 10
 * parts (the most an album holds) or when another message of the same chat
 * comes (so handlers see the chat's messages in order).
 *
 * Each part's promise settles when the album's handlers have settled: the
 * runner's at-least-once commit waits for it like for any other update.
 */
import { Album } from '../types/album.js';
import type { NewMessage } from '../types/updates.js';

/** The most messages one album holds (https://core.telegram.org/api/files#albums-grouped-media). */
export const MAX_ALBUM_PARTS = 10;

/** Timers, injectable for tests. */
export interface AlbumTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface Group {
  readonly key: string;
  readonly chatId: bigint;
  readonly parts: NewMessage[];
  readonly timer: unknown;
  readonly done: Promise<void>;
  settle: () => void;
}

const defaultTimers: AlbumTimers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A pending album must not keep the process alive on its own.
    (t as { unref?: () => void }).unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Collects album parts per (chat, grouped_id) and emits each album once. */
export class AlbumCollector {
  private readonly groups = new Map<string, Group>();

  constructor(
    private readonly windowMs: number,
    /** Hands an album to the sinks; resolves when its handlers settled. */
    private readonly emit: (album: Album) => Promise<unknown>,
    private readonly timers: AlbumTimers = defaultTimers,
  ) {}

  /** Albums waiting for more parts. */
  get pending(): number {
    return this.groups.size;
  }

  /** Adds a part; the promise settles when its album's handlers did. */
  add(part: NewMessage): Promise<void> {
    const gid = part.groupedId;
    const chatId = part.chat.id;
    const key = `${chatId}:${gid}`;
    let g = this.groups.get(key);
    if (!g) {
      let settle!: () => void;
      const done = new Promise<void>((r) => (settle = r));
      const timer = this.timers.setTimeout(() => this.flush(key), this.windowMs);
      g = { key, chatId, parts: [], timer, done, settle };
      this.groups.set(key, g);
    }
    g.parts.push(part);
    const done = g.done;
    if (g.parts.length >= MAX_ALBUM_PARTS) this.flush(key);
    return done;
  }

  /** Emits the waiting albums of chat `chatId` now (another message of the chat is about to be handed out). */
  flushChat(chatId: bigint): void {
    if (this.groups.size === 0) return;
    for (const g of [...this.groups.values()]) if (g.chatId === chatId) this.flush(g.key);
  }

  /** Emits every waiting album now. */
  flushAll(): void {
    for (const key of [...this.groups.keys()]) this.flush(key);
  }

  /** Drops every waiting album without emitting it (the runner stopped; the parts replay after a restart). */
  discard(): void {
    for (const g of this.groups.values()) this.timers.clearTimeout(g.timer);
    this.groups.clear();
  }

  private flush(key: string): void {
    const g = this.groups.get(key);
    if (!g) return;
    this.groups.delete(key);
    this.timers.clearTimeout(g.timer);
    const parts = [...g.parts].sort((a, b) => a.id - b.id);
    let handled: Promise<unknown>;
    try {
      handled = this.emit(new Album(parts));
    } catch {
      handled = Promise.resolve();
    }
    handled.then(g.settle, g.settle);
  }
}
