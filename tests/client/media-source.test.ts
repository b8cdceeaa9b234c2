/**
 * Upload sources cut into parts (https://core.telegram.org/api/files#uploading-files:
 * every part but the last the same size): bytes, Blobs, ReadableStreams,
 * sync and async iterables with chunks of any size, the look-ahead that marks
 * the last part, and sources that are not byte chunks.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openUploadSource, type PartReader, type UploadSource } from '../../ts/client/methods/files/file-source.js';
import { WasmgramError } from '../../ts/errors.js';

const seq = (n: number) => Uint8Array.from({ length: n }, (_, i) => i & 0xff);

async function parts(
  source: UploadSource,
  partSize: number,
  size?: number,
): Promise<{ reader: PartReader; got: [number, number, boolean][]; joined: number[] }> {
  const reader = await openUploadSource(source, partSize, size);
  const got: [number, number, boolean][] = [];
  const joined: number[] = [];
  for (let p = await reader.next(); p; p = await reader.next()) {
    got.push([p.index, p.bytes.length, p.last]);
    joined.push(...p.bytes);
  }
  await reader.close();
  return { reader, got, joined };
}

async function* chunks(data: Uint8Array, sizes: number[]) {
  let at = 0;
  for (let i = 0; at < data.length; i++) {
    const n = sizes[i % sizes.length]!;
    yield data.subarray(at, at + n);
    at += n;
  }
}

test('bytes: views of one size, the last one marked; an exact multiple has no empty tail', async () => {
  const r = await parts(seq(2500), 1024);
  assert.equal(r.got, [
    [0, 1024, false],
    [1, 1024, false],
    [2, 452, true],
  ]);
  assert.equal(r.joined, [...seq(2500)]);
  assert.is(r.reader.size, 2500);
  assert.equal((await parts(seq(2048), 1024)).got, [
    [0, 1024, false],
    [1, 1024, true],
  ]);
  assert.equal((await parts(new Uint8Array(0), 1024)).got, [[0, 0, true]]);
});

test('async iterables of odd chunk sizes (and empty chunks) are re-cut; the size stays unknown', async () => {
  const data = seq(5000);
  const r = await parts(chunks(data, [7, 0, 1500, 3]), 1024);
  assert.equal(r.got, [
    [0, 1024, false],
    [1, 1024, false],
    [2, 1024, false],
    [3, 1024, false],
    [4, 904, true],
  ]);
  assert.equal(r.joined, [...data]);
  assert.is(r.reader.size, undefined);
  // A chunk that ends exactly on a part boundary: the look-ahead still finds the end.
  assert.equal((await parts(chunks(seq(2048), [1024]), 1024)).got, [
    [0, 1024, false],
    [1, 1024, true],
  ]);
});

test('a Blob carries its size, type and (File) name; a ReadableStream and a sync iterable read the same', async () => {
  const data = seq(3000);
  const file = new File([data], 'a.bin', { type: 'x/y' });
  const r = await parts(file, 1024);
  assert.is(r.reader.size, 3000);
  assert.is(r.reader.name, 'a.bin');
  assert.is(r.reader.mimeType, 'x/y');
  assert.equal(r.joined, [...data]);
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(data.slice(0, 100));
      c.enqueue(data.slice(100));
      c.close();
    },
  });
  assert.equal((await parts(stream, 1024, 3000)).joined, [...data]);
  assert.equal((await parts([data.subarray(0, 2000), data.subarray(2000)], 1024)).got, [
    [0, 1024, false],
    [1, 1024, false],
    [2, 952, true],
  ]);
});

test('parts come out in order when several workers ask at once', async () => {
  const reader = await openUploadSource(chunks(seq(10_000), [333]), 1024);
  const all = await Promise.all(Array.from({ length: 12 }, () => reader.next()));
  assert.equal(
    all.filter((p) => p !== undefined).map((p) => p!.index),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  assert.ok(all[9]!.last);
});

test('closing early releases the stream; a source of non-bytes is a WasmgramError', async () => {
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      c.enqueue(seq(4096));
    },
    cancel() {
      cancelled = true;
    },
  });
  const reader = await openUploadSource(stream, 1024);
  await reader.next();
  await reader.close();
  assert.ok(cancelled);
  try {
    await openUploadSource(42 as unknown as UploadSource, 1024);
    assert.unreachable();
  } catch (e) {
    assert.instance(e, WasmgramError);
  }
  const bad = await openUploadSource(['text' as unknown as Uint8Array], 1024);
  try {
    await bad.next();
    assert.unreachable();
  } catch (e) {
    assert.instance(e, WasmgramError);
  }
});

test.run();
