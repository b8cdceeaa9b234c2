/**
 * The README's "Reactions, polls, albums and stickers" snippet, run against
 * the test server (a sticker set made with stickerSetStore, every file
 * reference expired before the sticker download so the refresh path runs).
 */
import fs from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TelegramClient } from '../../ts/client/index.js';
import { mediaStore, ScriptedWorld, stickerSetStore, type TestServer } from '../../ts/testing/index.js';
import { clientFor, startServer, within } from './_support.js';

let server: TestServer;
let world: ScriptedWorld;
let client: TelegramClient;

/** A PNG signature + IHDR (the server reads only the header). */
function pngOf(w: number, h: number): Uint8Array {
  const out = new Uint8Array(24 + 500);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(out.buffer).setUint32(16, w);
  new DataView(out.buffer).setUint32(20, h);
  return out;
}

/** The snippet, as the README shows it (between the markers). */
async function snippet(client: TelegramClient, chat: string, png: Uint8Array, bytes: Uint8Array, log: (...a: unknown[]) => void) {
  const console = { log };
  // --- the README snippet ---
  const poll = await client.sendPoll(chat, { question: 'Lunch?', answers: ['Pizza', 'Sushi'] });
  const results = await client.vote(chat, poll.id, [1]);
  await client.sendReaction(chat, poll.id, '👍');
  const reactions = (await client.getReactions(chat, [poll.id])).get(poll.id);
  const album = await client.sendAlbum(chat, [
    { photo: png, caption: 'one album, two photos' },
    { document: bytes, fileName: 'notes.txt', mimeType: 'text/plain' },
  ]);
  const set = await client.getStickerSet('t.me/addstickers/cats');
  const sticker = await client.downloadToBuffer(set.stickers[0]!.document);
  console.log(results.total_voters, reactions?.results[0]?.count, album.length, set.stickers[0]!.emoji, sticker.length);
  // ---
}

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  const me = world.user({ firstName: 'Reader' });
  world.user({ firstName: 'Bob', username: 'bob_readme_x' });
  client = await clientFor(server);
  await within(client.start({ phone: me.user.phone!, code: server.backend.loginCode(me.user.phone!) }), 8000, 'login');
});
test.after(async () => {
  world.close();
  await client.close();
  await server.stop();
});

test('README "Reactions, polls, albums and stickers" lines are the ones this test runs', () => {
  const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = /## Reactions, polls, albums and stickers\n\n```ts\n([\s\S]*?)```/.exec(readme);
  assert.ok(section, 'README has the section with a ts block');
  const self = fs.readFileSync(new URL(import.meta.url), 'utf8');
  const code = /\/\/ --- the README snippet ---\n([\s\S]*?)\/\/ ---\n/.exec(self)![1]!;
  const norm = (t: string) => t.replace(/\s+/g, '').replace(/,([)\]}])/g, '$1');
  assert.is(norm(section![1]!), norm(code));
});

test('the snippet runs: vote, reaction, album, a sticker downloaded after its reference expired', async () => {
  stickerSetStore(server.backend).create({
    shortName: 'cats',
    title: 'Cats',
    stickers: [{ bytes: new Uint8Array(3000).fill(7), emoji: '🐱' }],
  });
  const lines: unknown[][] = [];
  const run = async () => {
    // Expire every reference just before the download: the set is fetched again by itself.
    const original = client.downloadToBuffer.bind(client);
    client.downloadToBuffer = (target, params) => {
      mediaStore(server.backend).expireReferences();
      return original(target, params);
    };
    try {
      await snippet(client, '@bob_readme_x', pngOf(64, 64), new TextEncoder().encode('hello notes'), (...a) => lines.push(a));
    } finally {
      client.downloadToBuffer = original;
    }
  };
  await within(run(), 15_000, 'README snippet');
  assert.equal(lines, [[1, 1, 2, '🐱', 3000]]);
});

test.run();
