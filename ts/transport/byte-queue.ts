/**
 * A FIFO of received chunks that the framing decoders read from. Nothing is
 * allocated from a length the peer announced: bytes are copied out only
 * once they have all arrived, so a lying header cannot make us reserve memory.
 */
export class ByteQueue {
  private chunks: Uint8Array[] = [];
  /** Index of the first live chunk in `chunks`. */
  private first = 0;
  /** Bytes of `chunks[first]` already consumed. */
  private offset = 0;
  /** Bytes available. */
  length = 0;

  /** Appends a chunk (kept by reference: callers hand over ownership). */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** The byte at `index` (0 = the next unread byte); `index` must be below `length`. */
  peek(index: number): number {
    let i = index + this.offset;
    for (let c = this.first; ; c++) {
      const chunk = this.chunks[c]!;
      if (i < chunk.length) return chunk[i]!;
      i -= chunk.length;
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
      const chunk = this.chunks[this.first]!;
      const count = Math.min(n - filled, chunk.length - this.offset);
      out.set(chunk.subarray(this.offset, this.offset + count), filled);
      filled += count;
      this.advance(count, chunk.length);
    }
    this.length -= n;
    return out;
  }

  /** Drops the next `n` bytes (at most `length`). */
  skip(n: number): void {
    let left = n;
    while (left > 0) {
      const chunk = this.chunks[this.first]!;
      const count = Math.min(left, chunk.length - this.offset);
      left -= count;
      this.advance(count, chunk.length);
    }
    this.length -= n;
  }

  /** Removes and returns everything buffered. */
  drain(): Uint8Array {
    return this.take(this.length);
  }

  private advance(count: number, chunkLength: number): void {
    this.offset += count;
    if (this.offset < chunkLength) return;
    this.offset = 0;
    this.first++;
    // Compact once the consumed prefix dominates, so the array does not grow without bound.
    if (this.first === this.chunks.length) {
      this.chunks = [];
      this.first = 0;
    } else if (this.first > 64 && this.first * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.first);
      this.first = 0;
    }
  }
}
