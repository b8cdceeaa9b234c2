/**
 * e2e: media through the test server (https://core.telegram.org/api/files) —
 * photos and documents sent and downloaded back byte-identical, a 64 MB
 * file up (upload.saveBigFilePart) and down in parallel parts with
 * progress, ranged and streamed downloads, uploads from a Blob, a
 * ReadableStream, an iterable of unknown length and a path, aborts that
 * leave nothing running, an expired file reference refreshed automatically
 * (https://core.telegram.org/api/file_reference), FILE_MIGRATE_X, and the
 * server's upload errors.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Document, Photo, type TelegramClient } from '../../ts/client/index.js';
import { WasmgramError } from '../../ts/errors.js';
import { ScriptedWorld, type TestServer } from '../../ts/testing/index.js';
import { mediaStore } from '../../ts/testing/telegram/methods/media-store.js';
import { clientFor, rpcError, startServer, within } from './_support.js';

let server: TestServer;
let alice: TelegramClient;
let dir: string;

const MB = 1024 * 1024;

/** Deterministic bytes (xorshift32), fast enough for 64 MB. */
function bytes(n: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  const words = new Uint32Array(out.buffer, 0, n >>> 2);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  for (let i = words.length * 4; i < n; i++) out[i] = i & 0xff;
  return out;
}

/** A PNG signature + IHDR of `w`×`h`, then `rest` bytes of payload (the server reads only the header). */
function png(w: number, h: number, rest = 3000): Uint8Array {
  const out = new Uint8Array(24 + rest);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const v = new DataView(out.buffer);
  v.setUint32(16, w);
  v.setUint32(20, h);
  out.set(bytes(rest, w * 31 + h), 24);
  return out;
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

test.before(async () => {
  server = await startServer();
  const world = new ScriptedWorld(server.backend);
  const u = world.user({ firstName: 'Alice', username: 'alice_media' });
  alice = await clientFor(server, { connection: { connectTimeoutMs: 5000, requestTimeoutMs: 20_000, reconnect: { maxAttempts: 3 } } });
  await within(alice.start({ phone: u.user.phone!, code: server.backend.loginCode(u.user.phone!) }), 8000, 'login');
  dir = await mkdtemp(join(tmpdir(), 'wasmgram-media-'));
});
test.after(async () => {
  await alice.close();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

test('a photo is sent with a caption and downloaded back byte-identical (message.download)', async () => {
  const data = png(640, 480);
  const m = await within(alice.sendMedia('me', { photo: data, caption: 'a **photo**', parseMode: 'markdown' }), 5000, 'send photo');
  assert.is(m.text, 'a photo');
  const photo = m.media;
  assert.instance(photo, Photo);
  assert.is((photo as Photo).width, 640);
  assert.is((photo as Photo).height, 480);
  assert.is((photo as Photo).fileSize, data.length);
  assert.ok(same(await within(m.download(), 5000, 'download'), data));
});

test('a document from a Blob with attributes and a thumbnail; file and thumbnail come back identical', async () => {
  const data = bytes(700 * 1024 + 13, 7);
  const thumb = png(90, 60, 500);
  const m = await alice.sendMedia('me', {
    document: new Blob([data], { type: 'audio/mpeg' }),
    attributes: { fileName: 'song.mp3', audio: { duration: 180, title: 'Song', performer: 'Band' } },
    thumb,
    caption: 'listen',
  });
  const doc = m.media as Document;
  assert.instance(doc, Document);
  assert.is(doc.fileName, 'song.mp3');
  assert.is(doc.mimeType, 'audio/mpeg');
  assert.ok(doc.isAudio);
  assert.not.ok(doc.isVoice);
  assert.is(doc.duration, 180);
  assert.is(doc.fileSize, data.length);
  assert.equal(doc.thumbTypes, ['m']);
  assert.ok(same(await alice.downloadToBuffer(m), data));
  assert.ok(same(await alice.downloadToBuffer(doc, { thumb: 'm' }), thumb));
  // Voice notes and videos carry their flags on the message media.
  const voice = await alice.sendMedia('me', { document: bytes(5000), attributes: { voice: { duration: 3 } }, mimeType: 'audio/ogg' });
  assert.ok((voice.media as Document).isVoice);
  assert.is(voice.raw._ === 'message' && voice.raw.media?._ === 'messageMediaDocument' && voice.raw.media.voice, true);
});

// 16 MB keeps this file fast on a loaded 2-core machine (64 MB takes ~10 s here); bench/transfers runs 64 MB.
test('16 MB: parallel upload with saveBigFilePart and parallel download, with progress, byte-identical', async () => {
  const data = bytes(16 * MB, 64);
  const up: number[] = [];
  const file = await within(alice.uploadFile(data, { fileName: 'big.bin', onProgress: (n) => up.push(n) }), 20_000, 'upload 16 MB');
  assert.is(file.inputFile._, 'inputFileBig');
  assert.is(file.inputFile.parts, 32);
  assert.is(up.length, 32);
  assert.is(up[up.length - 1], data.length);
  for (let i = 1; i < up.length; i++) assert.ok(up[i]! > up[i - 1]!);
  const m = await alice.sendMedia('me', { document: file, mimeType: 'application/octet-stream' });
  const down: [number, number | undefined][] = [];
  const back = await within(alice.downloadToBuffer(m, { onProgress: (n, total) => down.push([n, total]) }), 20_000, 'download 16 MB');
  assert.ok(same(back, data));
  assert.is(down.length, 32);
  assert.equal(down[down.length - 1], [data.length, data.length]);
});

test('ranged download: any offset and length, served from the aligned parts that cover it', async () => {
  const data = bytes(3 * MB + 5000, 3);
  const m = await alice.sendMedia('me', { document: data, attributes: { fileName: 'r.bin' } });
  for (const [offset, length] of [
    [0, 1],
    [1_000_003, 777_777],
    [MB - 10, 20],
    [3 * MB, 5000],
    [3 * MB + 4999, 100], // clipped at the end
    [0, 3 * MB + 5000],
  ] as const) {
    const got = await alice.downloadToBuffer(m, { offset, length });
    assert.ok(same(got, data.subarray(offset, offset + length)), `range ${offset}+${length}`);
  }
  // Small parts (precise rules hold: 64 KiB divides 1 MiB) give the same bytes.
  assert.ok(
    same(await alice.downloadToBuffer(m, { offset: 123_456, length: 300_000, partSize: 64 * 1024 }), data.subarray(123_456, 423_456)),
  );
  assert.is((await alice.downloadToBuffer(m, { offset: 4 * MB, length: 10 })).length, 0);
});

test('streamed download: iterDownload and a ReadableStream yield the file in order; leaving early stops it', async () => {
  const data = bytes(5 * MB + 17, 5);
  const m = await alice.sendMedia('me', { document: data });
  const chunks: Uint8Array[] = [];
  for await (const c of alice.iterDownload(m, { window: 3 })) chunks.push(c);
  assert.ok(same(Buffer.concat(chunks), data));
  const streamed: Uint8Array[] = [];
  const reader = alice.downloadAsStream(m, { offset: 1000, length: 2 * MB }).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) streamed.push(r.value);
  assert.ok(same(Buffer.concat(streamed), data.subarray(1000, 1000 + 2 * MB)));
  let n = 0;
  for await (const c of alice.iterDownload(m)) {
    n += c.length;
    break;
  }
  assert.is(n, 512 * 1024);
});

test('uploads from a ReadableStream, an async iterable of unknown length (big: file_total_parts −1 until the last part) and a path', async () => {
  const data = bytes(11 * MB + 3, 11);
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      for (let at = 0; at < data.length; at += 300_000) c.enqueue(data.slice(at, at + 300_000));
      c.close();
    },
  });
  const a = await alice.uploadFile(stream, { fileName: 's.bin' });
  assert.is(a.inputFile._, 'inputFileBig');
  async function* gen() {
    for (let at = 0; at < data.length; at += 100_000) yield data.subarray(at, at + 100_000);
  }
  const b = await alice.uploadFile(gen());
  assert.is(b.inputFile._, 'inputFileBig');
  assert.is(b.inputFile.parts, 23);
  // A short stream of unknown length stays a small file.
  const c = await alice.uploadFile(
    (async function* () {
      yield bytes(1000);
    })(),
  );
  assert.is(c.inputFile._, 'inputFile');
  for (const f of [a, b]) {
    const m = await alice.sendMedia('me', { document: f });
    assert.ok(same(await alice.downloadToBuffer(m), data));
  }
  const path = join(dir, 'in.bin');
  const small = bytes(2 * MB + 100, 9);
  await writeFile(path, small);
  const m = await alice.sendMedia('me', { document: path });
  assert.is((m.media as Document).fileName, 'in.bin');
  const out = join(dir, 'out.bin');
  assert.is(await alice.downloadToFile(m, out), small.length);
  assert.ok(same(await readFile(out), small));
});

test('aborted download and upload reject with the reason, report no progress afterwards, and leave the client usable', async () => {
  const data = bytes(8 * MB, 8);
  const m = await alice.sendMedia('me', { document: data });
  const ctl = new AbortController();
  let progressAfter = 0;
  let rejected = false;
  const reason = new Error('user cancelled');
  const p = alice.downloadToBuffer(m, {
    onProgress: () => {
      if (rejected) progressAfter++;
      else ctl.abort(reason);
    },
    signal: ctl.signal,
  });
  try {
    await within(p, 5000, 'aborted download');
    assert.unreachable('the download should have been aborted');
  } catch (e) {
    assert.is(e, reason);
  }
  rejected = true;
  const up = new AbortController();
  let upProgressAfter = 0;
  let upRejected = false;
  try {
    await within(
      alice.uploadFile(data, {
        signal: up.signal,
        onProgress: () => {
          if (upRejected) upProgressAfter++;
          else up.abort(reason);
        },
      }),
      5000,
      'aborted upload',
    );
    assert.unreachable('the upload should have been aborted');
  } catch (e) {
    assert.is(e, reason);
  }
  upRejected = true;
  await new Promise((r) => setTimeout(r, 100));
  assert.is(progressAfter, 0);
  assert.is(upProgressAfter, 0);
  // Already aborted: rejects before sending anything.
  try {
    await alice.downloadToBuffer(m, { signal: AbortSignal.abort(reason) });
    assert.unreachable();
  } catch (e) {
    assert.is(e, reason);
  }
  assert.ok(same(await within(alice.downloadToBuffer(m, { length: MB }), 5000, 'after abort'), data.subarray(0, MB)));
});

test('FILE_REFERENCE_EXPIRED: the message is fetched again and the download retried with the new reference', async () => {
  const data = bytes(1536 * 1024, 12);
  const m = await alice.sendMedia('me', { document: data });
  const before = (m.media as Document).raw.file_reference;
  assert.is(mediaStore(server.backend).expireReferences([(m.media as Document).id]), 1);
  assert.ok(same(await within(m.download(), 5000, 'download after expiry'), data));
  const [again] = await alice.getMessages('me', [m.id]);
  assert.not.ok(same((again!.media as Document).raw.file_reference, before));
  // A bare location has no origin to refresh from: the error reaches the caller.
  mediaStore(server.backend).expireReferences();
  const doc = again!.media as Document;
  assert.is(await rpcError(alice.downloadToBuffer(doc.location())), 'FILE_REFERENCE_EXPIRED');
  // A failure while other workers wait for the consumer settles the stream too.
  const iterate = async () => {
    for await (const _ of alice.iterDownload(doc.location(), { window: 1 })) assert.unreachable('no chunk expected');
  };
  assert.is(await rpcError(within(iterate(), 5000, 'failed stream')), 'FILE_REFERENCE_EXPIRED');
  // A photo's too, through message.media.
  const p = await alice.sendMedia('me', { photo: png(10, 10) });
  mediaStore(server.backend).expireReferences();
  assert.is((await p.download()).length, png(10, 10).length);
});

test('FILE_MIGRATE_X: a location aimed at the wrong DC is followed to the DC that stores the file', async () => {
  const data = bytes(600 * 1024, 13);
  const m = await alice.sendMedia('me', { document: data });
  const loc = (m.media as Document).location();
  assert.is(loc.dcId, alice.pool.homeDc);
  const other = loc.dcId === 1 ? 2 : 1;
  assert.ok(same(await within(alice.downloadToBuffer({ ...loc, dcId: other }), 8000, 'migrated download'), data));
});

test('server upload rules: FILE_PARTS_INVALID, FILE_PART_n_MISSING, FILE_PART_SIZE_CHANGED, IMAGE_PROCESS_FAILED, empty files', async () => {
  const peer = { _: 'inputPeerSelf' } as const;
  const doc = (file: { _: 'inputFile'; id: bigint; parts: number; name: string; md5_checksum: string }) =>
    alice.invoke({ _: 'messages.uploadMedia', peer, media: { _: 'inputMediaUploadedDocument', file, mime_type: 'x/y', attributes: [] } });
  const part = bytes(4096);
  await alice.invoke({ _: 'upload.saveFilePart', file_id: 501n, file_part: 0, bytes: part });
  await alice.invoke({ _: 'upload.saveFilePart', file_id: 501n, file_part: 2, bytes: part });
  assert.is(await rpcError(doc({ _: 'inputFile', id: 501n, parts: 3, name: 'a', md5_checksum: '' })), 'FILE_PART_1_MISSING');
  assert.is(await rpcError(doc({ _: 'inputFile', id: 501n, parts: 1, name: 'a', md5_checksum: '' })), 'FILE_PARTS_INVALID');
  await alice.invoke({ _: 'upload.saveFilePart', file_id: 502n, file_part: 0, bytes: part });
  await alice.invoke({ _: 'upload.saveFilePart', file_id: 502n, file_part: 1, bytes: bytes(8192) });
  await alice.invoke({ _: 'upload.saveFilePart', file_id: 502n, file_part: 2, bytes: part });
  assert.is(await rpcError(doc({ _: 'inputFile', id: 502n, parts: 3, name: 'a', md5_checksum: '' })), 'FILE_PART_SIZE_CHANGED');
  assert.is(await rpcError(doc({ _: 'inputFile', id: 999n, parts: 1, name: 'a', md5_checksum: '' })), 'FILE_PART_0_MISSING');
  await alice.invoke({ _: 'upload.saveFilePart', file_id: 503n, file_part: 0, bytes: part });
  assert.is(await rpcError(doc({ _: 'inputFile', id: 503n, parts: 1, name: 'a', md5_checksum: '00' })), 'MD5_CHECKSUM_INVALID');
  // A big file's parts must agree on file_total_parts.
  await alice.invoke({ _: 'upload.saveBigFilePart', file_id: 504n, file_part: 0, file_total_parts: 2, bytes: part });
  assert.is(
    await rpcError(alice.invoke({ _: 'upload.saveBigFilePart', file_id: 504n, file_part: 1, file_total_parts: 3, bytes: part })),
    'FILE_PARTS_INVALID',
  );
  assert.is(await rpcError(alice.sendMedia('me', { photo: bytes(2000) })), 'IMAGE_PROCESS_FAILED');
  try {
    await alice.uploadFile(new Uint8Array(0));
    assert.unreachable();
  } catch (e) {
    assert.instance(e, WasmgramError);
  }
  // An uploaded file is used once.
  const f = await alice.uploadFile(bytes(3000));
  await alice.sendMedia('me', { document: f });
  assert.is(await rpcError(alice.sendMedia('me', { document: f })), 'FILE_PART_0_MISSING');
  // Sending an existing document again needs its current reference.
  const m = await alice.sendMedia('me', { document: bytes(3000, 2) });
  const again = await alice.sendMedia('me', { document: m.media as Document, caption: 'again' });
  assert.is((again.media as Document).id, (m.media as Document).id);
});

test.run();
