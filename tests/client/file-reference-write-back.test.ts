/**
 * e2e: a refreshed file reference is written back into the object the caller
 * holds (https://core.telegram.org/api/file_reference), so downloading the
 * same `Photo`/`Document`/`Message` again after one expiry refreshes once,
 * not once per download. The test server's protocol trace counts the
 * refetches (messages.getMessages, channels.getMessages, photos.getUserPhotos,
 * messages.getStickerSet) the client makes.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Document, Photo, TelegramClient } from '../../ts/client/index.js';
import { downloadToBuffer } from '../../ts/client/methods/files/download-file.js';
import { withOrigin } from '../../ts/client/methods/files/file-reference.js';
import { WasmgramError } from '../../ts/errors.js';
import { ScriptedWorld, type TestServer } from '../../ts/testing/index.js';
import { mediaStore } from '../../ts/testing/telegram/methods/media-store.js';
import { stickerSetStore } from '../../ts/testing/telegram/methods/stickers-store.js';
import { clientFor, rpcError, startServer, within } from './_support.js';

let server: TestServer;
let world: ScriptedWorld;
let alice: TelegramClient;
/** Client requests seen by the server, by TL name (wrappers included: the name of the body). */
const seen = new Map<string, number>();

const REFETCHES = ['messages.getMessages', 'channels.getMessages', 'photos.getUserPhotos', 'messages.getStickerSet'];
function refetches(): number {
  return REFETCHES.reduce((n, name) => n + (seen.get(name) ?? 0), 0);
}

function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 29 + seed * 13 + (i >> 9)) & 0xff;
  return out;
}

/** A PNG signature + IHDR of `w`×`h`, then payload (the server reads only the header). */
function png(w: number, h: number): Uint8Array {
  const out = bytes(24 + 4000, w);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(out.buffer).setUint32(16, w);
  new DataView(out.buffer).setUint32(20, h);
  return out;
}

test.before(async () => {
  server = await startServer({
    trace: (r) => {
      if (r.dir === 'in' && r.name) seen.set(r.name, (seen.get(r.name) ?? 0) + 1);
    },
  });
  world = new ScriptedWorld(server.backend);
  const a = world.user({ firstName: 'Alice', username: 'alice_wb' });
  alice = await clientFor(server);
  await within(alice.start({ phone: a.user.phone!, code: server.backend.loginCode(a.user.phone!) }), 8000, 'login');
});
test.after(async () => {
  world.close();
  await alice.close();
  await server.stop();
});

test('a message: two downloads after one expiry → one refetch; the Message and its media hold the new reference', async () => {
  const data = bytes(300 * 1024, 1);
  const m = await alice.sendMedia('me', { document: data });
  const doc = m.media as Document;
  const old = doc.raw.file_reference;
  mediaStore(server.backend).expireReferences([doc.id]);
  const before = refetches();
  assert.equal(await within(alice.downloadToBuffer(m), 5000, 'first download'), data);
  assert.is(refetches() - before, 1, 'the first download refreshes');
  const fresh = (m.media as Document).raw.file_reference;
  assert.not.equal(fresh, old, 'the message holds the new reference');
  assert.equal(await within(alice.downloadToBuffer(m), 5000, 'second download'), data);
  assert.equal(await within(alice.downloadToBuffer(m.media!), 5000, 'its media'), data);
  assert.is(refetches() - before, 1, 'later downloads start with the fresh reference');
});

test('a Photo/Document held alone (from a channel post): written back into it too', async () => {
  const channel = await alice.createChannel('Write-back');
  const data = bytes(200 * 1024, 2);
  const doc = (await alice.sendMedia(channel, { document: data })).media as Document;
  mediaStore(server.backend).expireReferences([doc.id]);
  const before = refetches();
  assert.equal(await alice.downloadToBuffer(doc), data);
  assert.equal(await alice.downloadToBuffer(doc, { offset: 1000, length: 10 }), data.subarray(1000, 1010));
  assert.is(refetches() - before, 1);
});

test('a profile photo and a sticker: one refetch each for two downloads', async () => {
  const pic = png(200, 100);
  const photo: Photo = await alice.setProfilePhoto(pic);
  const rec = stickerSetStore(server.backend).create({
    shortName: 'WbCats',
    title: 'Cats',
    stickers: [{ bytes: bytes(9000, 3), emoji: '🐱' }],
  });
  const set = await alice.getStickerSet('WbCats');
  const sticker = set.stickers[0]!.document;
  mediaStore(server.backend).expireReferences();
  const before = refetches();
  assert.equal(await alice.downloadToBuffer(photo), pic);
  assert.equal(await alice.downloadToBuffer(photo), pic);
  assert.equal((await alice.downloadToBuffer(sticker)).length, 9000);
  assert.equal((await alice.downloadToBuffer(sticker)).length, 9000);
  assert.is(refetches() - before, 2);
  assert.ok(rec.id !== 0n);
});

test('an origin that now holds another file: a typed error, not the other file (and nothing written back)', async () => {
  const a = (await alice.sendMedia('me', { document: bytes(5000, 4) })).media as Document;
  const b = (await alice.sendMedia('me', { document: bytes(6000, 5) })).media as Document;
  assert.not.equal(a.id, b.id, 'two files');
  withOrigin(a, { refetch: async () => b });
  const old = a.raw.file_reference;
  assert.is(mediaStore(server.backend).expireReferences([a.id]), 1);
  assert.is(await rpcError(alice.downloadToBuffer(a.location())), 'FILE_REFERENCE_EXPIRED');
  try {
    // The free function, from the same module graph as withOrigin (the client's method loads its chunk lazily).
    await within(downloadToBuffer(alice, a), 5000, 'download');
    assert.unreachable('expected an error');
  } catch (e) {
    assert.instance(e, WasmgramError, String(e));
    assert.match((e as Error).message, /no longer holds it/);
  }
  assert.equal(a.raw.file_reference, old);
});

test.run();
