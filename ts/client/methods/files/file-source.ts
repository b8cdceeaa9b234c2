/**
 * What an upload reads from — `Uint8Array`/`ArrayBuffer`, `Blob`/`File`, a
 * web `ReadableStream`, any (async) iterable of chunks, or a file path on
 * Node (through `#platform/file-path` (ts/platform/node/file-path.ts), loaded only when used) — cut
 * into parts of one size (https://core.telegram.org/api/files#uploading-files:
 * every part but the last the same size). The reader looks one chunk ahead,
 * so each part knows whether it is the last one even when the total size is
 * unknown (a stream).
 */
import { WasmgramError } from '../../../errors.js';

/** Anything an upload can read. A `string` is a file path (Node, Deno and Bun). */
export type UploadSource =
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>
  | Iterable<Uint8Array>
  | string;

/** One part of an upload. */
export interface UploadPart {
  readonly index: number;
  readonly bytes: Uint8Array;
  /** No part follows. */
  readonly last: boolean;
}

/** Hands out the parts of a source in order; safe to call from several workers at once. */
export interface PartReader {
  /** Total bytes, when known before reading. */
  readonly size: number | undefined;
  /** A file name the source carries (a `File`'s name, a path's base name). */
  readonly name: string | undefined;
  /** A MIME type the source carries (a `Blob`'s type). */
  readonly mimeType: string | undefined;
  /** The next part, or undefined after the last. */
  next(): Promise<UploadPart | undefined>;
  /** Releases the source (stream reader, file handle); idempotent. */
  close(): Promise<void>;
}

/** Parts of bytes already in memory: views, no copies. */
class BytesReader implements PartReader {
  private at = 0;
  private index = 0;
  readonly mimeType = undefined;
  readonly name = undefined;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly partSize: number,
  ) {}

  get size(): number {
    return this.bytes.length;
  }

  async next(): Promise<UploadPart | undefined> {
    // An empty source still has one (empty) part to report, so the caller can refuse it.
    if (this.at >= this.bytes.length && (this.index > 0 || this.bytes.length > 0)) return undefined;
    const end = Math.min(this.at + this.partSize, this.bytes.length);
    const part = { index: this.index++, bytes: this.bytes.subarray(this.at, end), last: end >= this.bytes.length };
    this.at = end === this.at ? this.bytes.length + 1 : end;
    return part;
  }

  async close(): Promise<void> {}
}

/** Parts re-cut from chunks of any size, one chunk of look-ahead. */
class ChunkReader implements PartReader {
  private readonly chunks: Uint8Array[] = [];
  private buffered = 0;
  private done = false;
  private index = 0;
  private closed = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly source: AsyncIterator<Uint8Array>,
    private readonly partSize: number,
    readonly size: number | undefined,
    readonly name: string | undefined,
    readonly mimeType: string | undefined,
  ) {}

  next(): Promise<UploadPart | undefined> {
    // Serialized: parts must come out in order even when workers ask at once.
    const p = this.queue.then(() => this.read());
    this.queue = p.catch(() => undefined);
    return p;
  }

  private async read(): Promise<UploadPart | undefined> {
    if (this.closed) return undefined;
    // One byte past the part tells whether another part follows.
    while (this.buffered <= this.partSize && !this.done) {
      const r = await this.source.next();
      if (r.done) this.done = true;
      else if (r.value.length > 0) {
        if (!(r.value instanceof Uint8Array)) throw new WasmgramError('upload source yielded something other than a Uint8Array');
        this.chunks.push(r.value);
        this.buffered += r.value.length;
      }
    }
    if (this.buffered === 0) {
      if (this.index > 0) return undefined;
      this.index++;
      return { index: 0, bytes: new Uint8Array(0), last: true };
    }
    const bytes = this.take(Math.min(this.partSize, this.buffered));
    return { index: this.index++, bytes, last: this.buffered === 0 && this.done };
  }

  private take(n: number): Uint8Array {
    const first = this.chunks[0]!;
    let out: Uint8Array;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      out = new Uint8Array(n);
      let at = 0;
      while (at < n) {
        const c = this.chunks[0]!;
        const k = Math.min(c.length, n - at);
        out.set(c.subarray(0, k), at);
        at += k;
        if (k === c.length) this.chunks.shift();
        else this.chunks[0] = c.subarray(k);
      }
    }
    this.buffered -= n;
    return out;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.chunks.length = 0;
    if (!this.done) await this.source.return?.();
  }
}

/** A web ReadableStream as an async iterator (reader-based: not every runtime makes streams iterable). */
function streamIterator(stream: ReadableStream<Uint8Array>): AsyncIterator<Uint8Array> {
  const reader = stream.getReader();
  return {
    async next() {
      const r = await reader.read();
      if (r.done) reader.releaseLock();
      return r.done ? { done: true, value: undefined } : { done: false, value: r.value };
    },
    async return() {
      await reader.cancel().catch(() => undefined);
      return { done: true, value: undefined };
    },
  };
}

function toAsyncIterator(it: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): AsyncIterator<Uint8Array> {
  if (Symbol.asyncIterator in it) return it[Symbol.asyncIterator]();
  const sync = it[Symbol.iterator]();
  return {
    async next() {
      return sync.next();
    },
    async return() {
      return sync.return?.() ?? { done: true, value: undefined };
    },
  };
}

/** Opens `source` as parts of `partSize` bytes. `size` overrides what the source says (streams of known length). */
export async function openUploadSource(source: UploadSource, partSize: number, size?: number): Promise<PartReader> {
  if (source instanceof Uint8Array) return new BytesReader(source, partSize);
  if (source instanceof ArrayBuffer) return new BytesReader(new Uint8Array(source), partSize);
  if (typeof source === 'string') {
    const { openFileSource } = await import('../../../platform/node/file-path.js');
    const f = await openFileSource(source, partSize);
    return new ChunkReader(f.chunks, partSize, f.size, f.name, undefined);
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    const name = typeof File !== 'undefined' && source instanceof File ? source.name : undefined;
    return new ChunkReader(streamIterator(source.stream()), partSize, source.size, name, source.type || undefined);
  }
  if (typeof ReadableStream !== 'undefined' && source instanceof ReadableStream) {
    return new ChunkReader(streamIterator(source), partSize, size, undefined, undefined);
  }
  if (typeof source === 'object' && source !== null && (Symbol.asyncIterator in source || Symbol.iterator in source)) {
    return new ChunkReader(toAsyncIterator(source as Iterable<Uint8Array>), partSize, size, undefined, undefined);
  }
  throw new WasmgramError('upload source must be bytes, a Blob, a ReadableStream, an iterable of Uint8Array or a file path');
}
