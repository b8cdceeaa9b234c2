/**
 * ByteQueue: the receive buffer under every decoder. Bytes come out in the
 * order they went in for any chunking, and memory follows the bytes held,
 * not the number of chunks they came in (issue 10, finding 5: fed in 1-byte
 * chunks the old queue kept one object per byte, ≈ 218 bytes of heap per
 * buffered byte).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ByteQueue } from '../../ts/transport/byte-queue.js';
import { createIntermediateCodec } from '../../ts/transport/intermediate.js';
import { counting, hex, Prng } from './_support.js';

test('byte queue: take/skip/peek return the bytes in order for any mix of chunk sizes', () => {
  const prng = new Prng(7);
  const data = prng.bytes(300_000);
  const q = new ByteQueue();
  let pushed = 0;
  let read = 0;
  const out: Uint8Array[] = [];
  while (read < data.length) {
    // Push a chunk: mostly small, sometimes large (kept by reference).
    if (pushed < data.length) {
      const size = prng.int(10) === 0 ? 16_384 + prng.int(40_000) : 1 + prng.int(600);
      const n = Math.min(size, data.length - pushed);
      q.push(data.slice(pushed, pushed + n));
      pushed += n;
    }
    assert.is(q.length, pushed - read);
    if (q.length >= 4) {
      const at = read;
      assert.is(q.peekU32(0), (data[at]! | (data[at + 1]! << 8) | (data[at + 2]! << 16) | (data[at + 3]! << 24)) >>> 0);
    }
    const n = Math.min(q.length, prng.int(3000));
    if (prng.int(4) === 0) {
      q.discard(n);
      out.push(data.subarray(read, read + n));
    } else out.push(q.take(n));
    read += n;
  }
  assert.is(q.length, 0);
  assert.is(hex(Buffer.concat(out)), hex(data));
  assert.is(q.chunkCount, 0, 'nothing retained once everything is read');
});

test('byte queue: a small chunk is copied, so the caller may reuse its array', () => {
  const q = new ByteQueue();
  const chunk = Uint8Array.of(1, 2, 3);
  q.push(chunk);
  chunk.fill(9);
  assert.is(hex(q.drain()), '010203');
});

test('byte queue: 1 MiB dripped in 1-byte chunks retains ≤ 2 bytes per buffered byte, in few arrays', () => {
  const q = new ByteQueue();
  const total = 1 << 20;
  for (let i = 0; i < total; i++) q.push(Uint8Array.of(i & 0xff));
  assert.is(q.length, total);
  assert.ok(q.retainedBytes <= 2 * total, `retained ${q.retainedBytes} bytes for ${total}`);
  assert.ok(q.chunkCount <= total / 16_384, `${q.chunkCount} arrays for ${total} bytes`);
  assert.is(hex(q.take(8)), '0001020304050607');
});

test('byte queue: a 1-byte view of a large pooled buffer is copied, not pinned', () => {
  const q = new ByteQueue();
  const pool = new Uint8Array(1 << 20);
  for (let i = 0; i < 1000; i++) q.push(pool.subarray(i, i + 1));
  assert.ok(q.retainedBytes < 4096, `retained ${q.retainedBytes}`);
  // A large chunk owning its buffer is kept as is (no copy).
  const big = counting(100_000);
  q.push(big);
  assert.ok(q.retainedBytes < 4096 + 100_000 + 1);
});

test('byte queue: a codec holding a partial 16 MiB frame dripped byte by byte stays ≤ 2× in memory', () => {
  const codec = createIntermediateCodec('server');
  // Announce 16 MiB, then drip 512 KiB of it.
  codec.feed(Uint8Array.of(0x00, 0x00, 0x00, 0x01));
  for (let i = 0; i < 512 * 1024; i++) assert.equal(codec.feed(Uint8Array.of(i & 0xff)), []);
  assert.is(codec.buffered, 512 * 1024 + 4);
  const queue = (codec as unknown as { queue: ByteQueue }).queue;
  assert.ok(queue.retainedBytes <= 2 * codec.buffered, `retained ${queue.retainedBytes} for ${codec.buffered}`);
});

test.run();
