/**
 * e2e: file references refreshed automatically
 * (https://core.telegram.org/api/file_reference). The test server's fault
 * switch (`mediaStore(backend).expireReferences`) gives files new
 * references; a download holding the old one gets FILE_REFERENCE_EXPIRED,
 * fetches the file's origin again — the message (private chat and channel),
 * the profile photo list, the sticker set — and retries once. A bare
 * location (no origin) passes the error on, which shows the retry used a
 * fresh reference.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Document, Photo, TelegramClient } from '../../ts/client/index.js';
import { RpcError, WasmgramError } from '../../ts/errors.js';
import { ScriptedWorld, type TestServer } from '../../ts/testing/index.js';
import { mediaStore } from '../../ts/testing/telegram/methods/media-store.js';
import { stickerSetStore } from '../../ts/testing/telegram/methods/stickers-store.js';
import { clientFor, rpcError, startServer, within } from './_support.js';

let server: TestServer;
let world: ScriptedWorld;
let alice: TelegramClient;

function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + seed * 17 + (i >> 8)) & 0xff;
  return out;
}

/** A PNG signature + IHDR of `w`×`h`, then payload (the server reads only the header). */
function png(w: number, h: number, rest = 3000): Uint8Array {
  const out = new Uint8Array(24 + rest);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const v = new DataView(out.buffer);
  v.setUint32(16, w);
  v.setUint32(20, h);
  for (let i = 24; i < out.length; i++) out[i] = (i * 7 + w) & 0xff;
  return out;
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  const a = world.user({ firstName: 'Alice', username: 'alice_fr' });
  alice = await clientFor(server);
  await within(alice.start({ phone: a.user.phone!, code: server.backend.loginCode(a.user.phone!) }), 8000, 'login');
});
test.after(async () => {
  world.close();
  await alice.close();
  await server.stop();
});

test('message origin (channel): the post is fetched again with channels.getMessages and the download retried', async () => {
  const channel = await alice.createChannel('Refs');
  const data = bytes(700 * 1024, 1);
  const m = await alice.sendMedia(channel, { document: data });
  const doc = m.media as Document;
  assert.is(mediaStore(server.backend).expireReferences([doc.id]), 1);
  // The old reference alone fails: proof that the retry below used a new one.
  assert.is(await rpcError(alice.downloadToBuffer(doc.location())), 'FILE_REFERENCE_EXPIRED');
  assert.ok(same(await within(alice.downloadToBuffer(m.media!), 5000, 'channel download'), data));
  // Ranged and streamed downloads refresh too.
  mediaStore(server.backend).expireReferences([doc.id]);
  assert.ok(
    same(await alice.downloadToBuffer(m.media!, { offset: 512 * 1024, length: 1000 }), data.subarray(512 * 1024, 512 * 1024 + 1000)),
  );
  mediaStore(server.backend).expireReferences([doc.id]);
  const chunks: Uint8Array[] = [];
  for await (const c of alice.iterDownload(m.media!, { partSize: 128 * 1024 })) chunks.push(c);
  assert.is(
    chunks.reduce((n, c) => n + c.length, 0),
    data.length,
  );
});

test('message origin: a deleted message leaves nothing to refresh from — a typed error, not a hang', async () => {
  const m = await alice.sendMedia('me', { document: bytes(10_000, 2) });
  const media = m.media!;
  await alice.deleteMessages('me', [m.id], { revoke: true });
  mediaStore(server.backend).expireReferences();
  try {
    await within(alice.downloadToBuffer(media), 5000, 'download of a deleted message');
    assert.unreachable('expected an error');
  } catch (e) {
    assert.instance(e, WasmgramError);
    assert.match((e as Error).message, /no longer holds it/);
  }
});

test('profile photo origin: photos.getUserPhotos is read again (iterProfilePhotos and setProfilePhoto results)', async () => {
  const first = png(160, 120);
  const second = png(320, 240, 5000);
  const set = await alice.setProfilePhoto(first);
  await alice.setProfilePhoto(second);
  const listed: Photo[] = [];
  for await (const p of alice.iterProfilePhotos('me')) listed.push(p);
  assert.is(listed.length, 2);
  mediaStore(server.backend).expireReferences();
  assert.is(await rpcError(alice.downloadToBuffer(listed[1]!.location())), 'FILE_REFERENCE_EXPIRED');
  // The older photo (second in the list) and the one setProfilePhoto returned.
  assert.ok(same(await within(alice.downloadToBuffer(listed[1]!), 5000, 'listed photo'), first));
  mediaStore(server.backend).expireReferences();
  assert.ok(same(await within(alice.downloadToBuffer(set), 5000, 'photo from setProfilePhoto'), first));
  // Deleted: the list no longer holds it.
  mediaStore(server.backend).expireReferences();
  await alice.deleteProfilePhotos([listed[1]!]);
  try {
    await alice.downloadToBuffer(listed[1]!);
    assert.unreachable('expected an error');
  } catch (e) {
    assert.instance(e, WasmgramError);
    assert.not.instance(e, RpcError);
  }
});

test('sticker set origin: messages.getStickerSet is read again; sets by short name, link and id; STICKERSET_INVALID', async () => {
  const webp = [bytes(20_000, 3), bytes(30_000, 4), bytes(5_000, 5)];
  const rec = stickerSetStore(server.backend).create({
    shortName: 'RefCats',
    title: 'Cats',
    stickers: [
      { bytes: webp[0]!, emoji: '🐱' },
      { bytes: webp[1]!, emoji: '😺' },
      { bytes: webp[2]!, emoji: '🐱' },
    ],
  });
  const set = await alice.getStickerSet('https://t.me/addstickers/refcats');
  assert.is(set.id, rec.id);
  assert.is(set.title, 'Cats');
  assert.is(set.shortName, 'RefCats');
  assert.is(set.count, 3);
  assert.equal(
    set.stickers.map((s) => s.emoji),
    ['🐱', '😺', '🐱'],
  );
  assert.ok(set.stickers.every((s) => s.document.isSticker));
  const byId = await alice.getStickerSet({ id: set.id, accessHash: set.accessHash });
  assert.is(byId.stickers.length, 3);

  mediaStore(server.backend).expireReferences();
  const sticker = set.stickers[1]!.document;
  assert.is(await rpcError(alice.downloadToBuffer(sticker.location())), 'FILE_REFERENCE_EXPIRED');
  assert.ok(same(await within(alice.downloadToBuffer(sticker), 5000, 'sticker download'), webp[1]!));

  assert.is(await rpcError(alice.getStickerSet('nosuchset')), 'STICKERSET_INVALID');
  assert.is(await rpcError(alice.getStickerSet({ id: set.id, accessHash: set.accessHash ^ 1n })), 'STICKERSET_INVALID');
  assert.throws(
    () => stickerSetStore(server.backend).create({ shortName: 'refcats', title: 'x', stickers: [{ bytes: webp[0]! }] }),
    /exists/,
  );
  try {
    await alice.getStickerSet('not a name');
    assert.unreachable();
  } catch (e) {
    assert.instance(e, WasmgramError);
  }
  // Not modified for the set's own hash; the full set for 0.
  const raw = await alice.invoke({
    _: 'messages.getStickerSet',
    stickerset: { _: 'inputStickerSetShortName', short_name: 'refcats' },
    hash: set.raw.set.hash,
  });
  assert.is(raw._, 'messages.stickerSetNotModified');
});

test.run();
