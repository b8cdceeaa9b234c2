/**
 * e2e: profile photos and chat info against the test server — set (upload),
 * list newest first with pagination, download by the photo's file
 * reference, delete (the next one becomes current, `user.photo` follows);
 * chat title / about / photo with their service messages and errors
 * (https://core.telegram.org/api/files#profile-photos, https://core.telegram.org/api/channel).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type Chat, Photo, type TelegramClient } from '../../ts/client/index.js';
import { ScriptedWorld, type ScriptedUser, type TestServer } from '../../ts/testing/index.js';
import { clientFor, collect, rpcError, startServer, within } from './_support.js';

let server: TestServer;
let world: ScriptedWorld;
let alice: TelegramClient;
let bob: TelegramClient;
let aliceUser: ScriptedUser;
let carol: ScriptedUser;

/** A PNG signature + IHDR of `w`×`h`, then `rest` bytes of payload (the server reads only the header). */
function png(w: number, h: number, rest = 2000): Uint8Array {
  const out = new Uint8Array(24 + rest);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const v = new DataView(out.buffer);
  v.setUint32(16, w);
  v.setUint32(20, h);
  for (let i = 24; i < out.length; i++) out[i] = (i * 7 + w) & 0xff;
  return out;
}

async function signIn(u: ScriptedUser): Promise<TelegramClient> {
  const c = await clientFor(server);
  await within(c.start({ phone: u.user.phone!, code: server.backend.loginCode(u.user.phone!) }), 8000, 'login');
  return c;
}

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  aliceUser = world.user({ firstName: 'Alice', username: 'alice_p' });
  const b = world.user({ firstName: 'Bob', username: 'bob_p' });
  carol = world.user({ firstName: 'Carol', username: 'carol_p' });
  alice = await signIn(aliceUser);
  bob = await signIn(b);
});
test.after(async () => {
  world.close();
  await alice.close();
  await bob.close();
  await server.stop();
});

test('setProfilePhoto / iterProfilePhotos / deleteProfilePhotos: newest first, downloadable by others, user.photo follows the current one', async () => {
  const first = png(100, 100);
  const second = png(200, 150);
  const p1 = await alice.setProfilePhoto(first);
  const p2 = await alice.setProfilePhoto(second);
  assert.is(p2.width, 200);
  assert.is(aliceUser.user.photo?.id, p2.id);
  const mine = await collect(alice.iterProfilePhotos('me'));
  assert.equal(
    mine.map((p) => p.id),
    [p2.id, p1.id],
  );
  // Bob sees them too, page by page, and can download them with their file references.
  const seen = await collect(bob.iterProfilePhotos('@alice_p', { chunkSize: 1 }));
  assert.equal(
    seen.map((p) => p.id),
    [p2.id, p1.id],
  );
  const bytes = await bob.downloadToBuffer(seen[1]!);
  assert.equal([...bytes], [...first]);
  const aliceSeen = await bob.invoke({ _: 'contacts.resolveUsername', username: 'alice_p' });
  const u = aliceSeen.users[0];
  assert.is(u?._ === 'user' && u.photo?._ === 'userProfilePhoto' && u.photo.photo_id, p2.id);
  // Deleting the current one makes the previous current.
  assert.equal(await alice.deleteProfilePhotos([mine[0]!]), [p2.id]);
  assert.is(aliceUser.user.photo?.id, p1.id);
  assert.equal(
    (await collect(alice.iterProfilePhotos('me'))).map((p) => p.id),
    [p1.id],
  );
  // Someone else's photo cannot be deleted by Bob: nothing happens.
  assert.equal(await bob.deleteProfilePhotos(seen.slice(1)), []);
  await alice.deleteProfilePhotos([p1]);
  assert.is(aliceUser.user.photo, undefined);
  assert.equal(await collect(alice.iterProfilePhotos('me')), []);
});

test('setProfilePhoto: bytes that are not an image answer IMAGE_PROCESS_FAILED', async () => {
  assert.is(await rpcError(alice.setProfilePhoto(new Uint8Array(500).fill(7))), 'IMAGE_PROCESS_FAILED');
});

test('setChatTitle / setChatAbout / setChatPhoto / deleteChatPhoto on a channel: service messages, chat object, errors', async () => {
  const chan: Chat = await alice.createChannel('Old name', { supergroup: true });
  const rec = server.backend.chats.channel(chan.id)!;
  await aliceUser.addToChat(rec, [carol]);
  await alice.setChatTitle(chan, 'New name');
  assert.is(rec.title, 'New name');
  const titled = carol.history(rec).at(-1);
  assert.equal(titled?.action, { _: 'messageActionChatEditTitle', title: 'New name' });
  assert.is(await rpcError(alice.setChatTitle(chan, 'New name')), 'CHAT_NOT_MODIFIED');
  assert.is(await rpcError(alice.setChatTitle(chan, '   ')), 'CHAT_TITLE_EMPTY');
  assert.is(
    await rpcError(carol.invoke({ _: 'channels.editTitle', channel: carol.inputChannel(rec), title: 'Hijacked' })),
    'CHAT_ADMIN_REQUIRED',
  );
  await alice.setChatAbout(chan, 'what we do');
  const full = await alice.invoke({
    _: 'channels.getFullChannel',
    channel: { _: 'inputChannel', channel_id: chan.id, access_hash: (chan.inputPeer as { access_hash: bigint }).access_hash },
  });
  assert.is(full.full_chat.about, 'what we do');
  assert.is(await rpcError(alice.setChatAbout(chan, 'what we do')), 'CHAT_ABOUT_NOT_MODIFIED');
  assert.is(await rpcError(alice.setChatAbout(chan, 'x'.repeat(256))), 'CHAT_ABOUT_TOO_LONG');
  const image = png(320, 320);
  await alice.setChatPhoto(chan, image);
  assert.ok(rec.photo);
  const photoMsg = carol.history(rec).at(-1);
  assert.is(photoMsg?.action?._, 'messageActionChatEditPhoto');
  const seen = server.backend.tlChat(rec, carol.id);
  assert.is(seen._ === 'channel' && seen.photo._ === 'chatPhoto' && seen.photo.photo_id, rec.photo!.id);
  // The photo is downloadable from the full chat.
  const again = await alice.invoke({
    _: 'channels.getFullChannel',
    channel: { _: 'inputChannel', channel_id: chan.id, access_hash: (chan.inputPeer as { access_hash: bigint }).access_hash },
  });
  const cp = again.full_chat._ === 'channelFull' ? again.full_chat.chat_photo : undefined;
  assert.is(cp?._, 'photo');
  if (cp?._ === 'photo') assert.equal([...(await alice.downloadToBuffer(new Photo(cp)))], [...image]);
  await alice.deleteChatPhoto(chan);
  assert.is(rec.photo, undefined);
  assert.is(carol.history(rec).at(-1)?.action?._, 'messageActionChatDeletePhoto');
  assert.is(await rpcError(alice.deleteChatPhoto(chan)), 'CHAT_NOT_MODIFIED');
});

test('basic group: any member may rename (default rights), unless the default rights forbid change_info', async () => {
  const g = await alice.createGroup('Friends', ['@bob_p']);
  await bob.setChatTitle(g.id * -1n, 'Friends!');
  assert.is(server.backend.chats.group(g.id)?.title, 'Friends!');
  await alice.setDefaultPermissions(g, ['change_info']);
  assert.is(await rpcError(bob.setChatTitle(-g.id, 'Mine now')), 'CHAT_ADMIN_REQUIRED');
  await alice.setChatTitle(g, 'Friends (admins rename)');
});

test.run();
