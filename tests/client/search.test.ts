/**
 * e2e: search in one chat by media kind (`messages.search` with a
 * MessagesFilter, https://core.telegram.org/type/MessagesFilter) and across
 * every chat (`messages.searchGlobal`, paginated by next_rate / peer / id as
 * https://core.telegram.org/api/offsets describes), against the test server.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TelegramClient } from '../../ts/client/index.js';
import { ScriptedWorld, type TestServer } from '../../ts/testing/index.js';
import { clientFor, collect, rpcError, startServer, within } from './_support.js';

let server: TestServer;
let world: ScriptedWorld;
let alice: TelegramClient;

/** A PNG signature + IHDR of `w`×`h`, then payload (the server reads only the header). */
function png(w: number, h: number): Uint8Array {
  const out = new Uint8Array(24 + 2000).map((_, i) => (i * 13) & 0xff);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(out.buffer).setUint32(16, w);
  new DataView(out.buffer).setUint32(20, h);
  return out;
}

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  const a = world.user({ firstName: 'Alice', username: 'alice_search' });
  world.user({ firstName: 'Bob', username: 'bob_search' });
  alice = await clientFor(server);
  await within(alice.start({ phone: a.user.phone!, code: server.backend.loginCode(a.user.phone!) }), 8000, 'login');
});
test.after(async () => {
  world.close();
  await alice.close();
  await server.stop();
});

test('searchMessages with a filter: photos, documents, voice, URLs, pinned — each kind only', async () => {
  await alice.sendMessage('me', 'plain report text');
  const photo = await alice.sendMedia('me', { photo: png(64, 48), caption: 'report photo' });
  const doc = await alice.sendMedia('me', {
    document: new Uint8Array(3000).fill(7),
    attributes: { fileName: 'report.pdf' },
    caption: 'report file',
  });
  const voice = await alice.sendMedia('me', {
    document: new Uint8Array(900).fill(3),
    attributes: { voice: { duration: 2 } },
    caption: 'report voice',
  });
  const url = await alice.sendMessage('me', 'report at https://example.org/r');
  await alice.pinMessage('me', url.id);
  const ids = async (filter: Parameters<TelegramClient['searchMessages']>[2]) =>
    (await collect(alice.searchMessages('me', '', filter))).map((m) => m.id);
  assert.equal(await ids({ filter: 'photos' }), [photo.id]);
  assert.equal(await ids({ filter: 'document' }), [doc.id]);
  assert.equal(await ids({ filter: 'voice' }), [voice.id]);
  assert.equal(await ids({ filter: 'roundVoice' }), [voice.id]);
  assert.equal(await ids({ filter: 'url' }), [url.id]);
  assert.equal(await ids({ filter: 'pinned' }), [url.id]);
  assert.equal(await ids({ filter: { _: 'inputMessagesFilterPhotoVideo' } }), [photo.id], 'a raw MessagesFilter');
  assert.equal((await collect(alice.searchMessages('me', 'file', { filter: 'document' }))).length, 1, 'text and kind together');
  assert.equal(await ids({ filter: 'video' }), []);
  assert.equal(await ids({ filter: 'phoneCalls' }), [], 'no calls in the emulator: empty (search-mentions.test.ts)');
});

test('searchGlobal: every chat the account reads, newest first, paged without gaps or repeats; only users / broadcasts', async () => {
  const channel = await alice.createChannel('Search news');
  const sent: number[] = [];
  for (let i = 0; i < 4; i++) sent.push((await alice.sendMessage(channel, `needle post ${i}`)).id);
  for (let i = 0; i < 3; i++) await alice.sendMessage('@bob_search', `needle dm ${i}`);
  await alice.sendMessage('me', 'needle note');
  await alice.sendMessage('@bob_search', 'no match here');
  const all = await collect(alice.searchGlobal('needle', { chunkSize: 3 }));
  assert.is(all.length, 8, all.map((m) => m.text).join(' | '));
  assert.is(new Set(all.map((m) => `${m.chatId}:${m.id}`)).size, 8, 'no message twice across pages');
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.date.getTime() >= all[i]!.date.getTime(), 'newest first');
  const dms = await collect(alice.searchGlobal('needle', { only: 'users' }));
  assert.ok(dms.length === 4 && dms.every((m) => !m.text.includes('post')), 'users only: the private chats (Bob and Saved Messages)');
  const posts = await collect(alice.searchGlobal('needle', { only: 'broadcasts' }));
  assert.equal(posts.map((m) => m.id).sort(), [...sent].sort());
  assert.is((await collect(alice.searchGlobal('needle', { limit: 5, chunkSize: 2 }))).length, 5, 'limit');
  assert.is(await rpcError(collect(alice.searchGlobal(''))), 'SEARCH_QUERY_EMPTY');
});

test.run();
