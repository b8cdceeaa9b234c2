/**
 * A FIFO of received bytes that the framing decoders read from. Nothing is
 * allocated from a length the peer announced: memory grows only with bytes
 * that actually arrived, so a lying header cannot make us reserve anything.
 *
 * Small chunks are **coalesced**: their bytes are copied into shared blocks
 * (grown by doubling up to `BLOCK_SIZE`) instead of being kept one object
 * each. A peer that drips a large frame one byte per TCP segment would
 * otherwise cost a typed-array object (and often a whole pooled socket
 * buffer) per byte — over 200 bytes of heap per buffered byte. With
 * coalescing, retained capacity stays within twice the buffered bytes.
 * Large chunks that own (most of) their buffer are kept by reference, so
 * bulk transfers are not copied twice.
 */

/** Chunks shorter than this are copied into a shared block. */
const COALESCE_BELOW = 16 * 1024;
/** Largest coalescing block; a full block is sealed and a new one started. */
const BLOCK_SIZE = 64 * 1024;
/** First capacity of a new block. */
const FIRST_BLOCK = 256;

export class ByteQueue {
  /** Backing arrays, oldest first; `used[i]` bytes of `bufs[i]` are data. */
  private bufs: Uint8Array[] = [];
  private used: number[] = [];
  /** Index of the first live array. */
  private first = 0;
  /** Bytes of `bufs[first]` already consumed. */
  private offset = 0;
  /** Whether the last array is a coalescing block that may take more bytes. */
  private open = false;
  /** Bytes available. */
  length = 0;

  /**
   * Appends a chunk. Small chunks are copied (the caller may reuse them);
   * large ones are kept by reference (callers hand over ownership).
   */
  push(chunk: Uint8Array): void {
    const n = chunk.length;
    if (n === 0) return;
    this.length += n;
    // A view pinning a much larger buffer (a pooled socket read) is copied too, so it does not keep the pool alive.
    if (n >= COALESCE_BELOW && chunk.buffer.byteLength <= 2 * n) {
      this.bufs.push(chunk);
      this.used.push(n);
      this.open = false;
      return;
    }
    let at = 0;
    while (at < n) {
      const last = this.bufs.length - 1;
      if (this.open) {
        const block = this.bufs[last]!;
        const fill = this.used[last]!;
        const room = block.length - fill;
        if (room > 0) {
          const count = Math.min(room, n - at);
          block.set(chunk.subarray(at, at + count), fill);
          this.used[last] = fill + count;
          at += count;
          continue;
        }
        if (block.length < BLOCK_SIZE) {
          // Grow by doubling: the block stays at least half full.
          const grown = new Uint8Array(Math.min(BLOCK_SIZE, Math.max(block.length * 2, fill + n - at)));
          grown.set(block.subarray(0, fill));
          this.bufs[last] = grown;
          continue;
        }
      }
      // Start a new block sized for what is left (it never exceeds twice its content once filled).
      this.bufs.push(new Uint8Array(Math.min(BLOCK_SIZE, Math.max(FIRST_BLOCK, n - at))));
      this.used.push(0);
      this.open = true;
    }
  }

  /** The byte at `index` (0 = the next unread byte); `index` must be below `length`. */
  peek(index: number): number {
    let i = index + this.offset;
    for (let c = this.first; ; c++) {
      const size = this.used[c]!;
      if (i < size) return this.bufs[c]![i]!;
      i -= size;
    }
  }

  /** Little-endian uint32 at `index`; 4 bytes from there must be available. */
  peekU32(index: number): number {
    return (this.peek(index) | (this.peek(index + 1) << 8) | (this.peek(index + 2) << 16) | (this.peek(index + 3) << 24)) >>> 0;
  }

  /** Removes the next `n` bytes (at most `length`) and returns them in a new array. */
  take(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const size = this.used[this.first]!;
      const count = Math.min(n - filled, size - this.offset);
      out.set(this.bufs[this.first]!.subarray(this.offset, this.offset + count), filled);
      filled += count;
      this.advance(count, size);
    }
    this.length -= n;
    return out;
  }

  /** Drops the next `n` bytes (at most `length`). */
  discard(n: number): void {
    let left = n;
    while (left > 0) {
      const size = this.used[this.first]!;
      const count = Math.min(left, size - this.offset);
      left -= count;
      this.advance(count, size);
    }
    this.length -= n;
  }

  /** Removes and returns everything buffered. */
  drain(): Uint8Array {
    return this.take(this.length);
  }

  /**
   * Bytes of memory the queue keeps alive: the capacity of its blocks plus
   * the whole buffer behind each chunk kept by reference. Stays within
   * about twice `length` whatever the chunk sizes (the drip-feed bound).
   */
  get retainedBytes(): number {
    let total = 0;
    for (let c = this.first; c < this.bufs.length; c++) {
      const b = this.bufs[c]!;
      total += b.buffer.byteLength;
    }
    return total;
  }

  /** Arrays the queue holds (each is an object on the heap). */
  get chunkCount(): number {
    return this.bufs.length - this.first;
  }

  private advance(count: number, size: number): void {
    this.offset += count;
    if (this.offset < size) return;
    this.offset = 0;
    this.first++;
    // Compact once the consumed prefix dominates, so the arrays do not grow without bound.
    if (this.first === this.bufs.length) {
      this.bufs = [];
      this.used = [];
      this.first = 0;
      this.open = false;
    } else if (this.first > 64 && this.first * 2 > this.bufs.length) {
      this.bufs = this.bufs.slice(this.first);
      this.used = this.used.slice(this.first);
      this.first = 0;
    }
  }
}
