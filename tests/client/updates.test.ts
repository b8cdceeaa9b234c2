/**
 * e2e: the client's updates runner against the test server — typed
 * `newMessage` events and the `updates()` iterator, replies from a handler,
 * catch-up after being offline (private chat, group and channel), starting
 * from now with `catchUp: false`, a permanent channel error on catch-up, a gap (updates dropped for the client)
 * filled by the difference, `updatesTooLong`, and the at-least-once / at-most-once commits.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { NewMessage, TelegramClient, TelegramClientOptions, TypedUpdate } from '../../ts/client/index.js';
import { MemoryStorage } from '../../ts/storage/index.js';
import { type ChatRecord, ScriptedWorld, type ScriptedUser, type TestServer } from '../../ts/testing/index.js';
import { clientFor, startServer, within } from './_support.js';

let server: TestServer;
let world: ScriptedWorld;
let carol: ScriptedUser; // the account the clients sign in as
let bob: ScriptedUser;
let channel: ChatRecord;
let group: ChatRecord;

async function until(pred: () => boolean, ms = 4000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`${what} not met in ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function signIn(storage: MemoryStorage, extra: Partial<TelegramClientOptions> = {}): Promise<TelegramClient> {
  const c = await clientFor(server, { storage, ...extra });
  await within(c.start({ phone: carol.user.phone!, code: server.backend.loginCode(carol.user.phone!) }), 8000, 'login');
  return c;
}

function texts(list: TypedUpdate[]): string[] {
  return list.filter((u): u is NewMessage => u.kind === 'newMessage').map((u) => u.text);
}

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  carol = world.user({ firstName: 'Carol', username: 'carol_u' });
  bob = world.user({ firstName: 'Bob', username: 'bob_u' });
  group = await bob.createGroup('g', [carol]);
  channel = await bob.createChannel('news', { broadcast: true, username: 'news_u' });
  await bob.addToChat(channel, [carol]);
});
test.after(async () => {
  world.close();
  await server.stop();
});

test('newMessage events carry typed messages; a handler reply reaches the sender', async () => {
  const storage = new MemoryStorage();
  const client = await signIn(storage);
  const got: NewMessage[] = [];
  client.on('newMessage', async (m) => {
    got.push(m);
    if (!m.out && m.text === 'ping') await m.reply('pong');
  });
  await client.startUpdates();
  await within(client.updatesIdle(), 4000, 'first state');
  await bob.sendMessage(carol, 'ping');
  const answer = await bob.waitForMessage({ from: carol, text: 'pong', timeoutMs: 4000 });
  assert.is(answer.text, 'pong');
  await until(() => got.some((m) => m.text === 'ping'));
  const ping = got.find((m) => m.text === 'ping')!;
  assert.is(ping.chat.type, 'private');
  assert.is(ping.chat.id, bob.id);
  assert.is(ping.sender?.id, bob.id);
  assert.is(ping.sender?.username, 'bob_u');
  assert.is(ping.message.sender?.id, bob.id);
  await within(client.updatesIdle(), 4000, 'idle');
  const state = await storage.getUpdateState();
  assert.ok(state && state.pts > 1, 'the update state was committed');
  await client.close();
});

test('updates(): async iterator in order; break ends it', async () => {
  const client = await signIn(new MemoryStorage());
  const it = client.updates({ capacity: 2 });
  await client.startUpdates();
  await within(client.updatesIdle(), 4000, 'first state');
  for (const t of ['a', 'b', 'c', 'd']) await bob.sendMessage(carol, t);
  const seen: string[] = [];
  await within(
    (async () => {
      for await (const u of it) {
        if (u.kind === 'newMessage') seen.push(u.text);
        if (seen.length === 4) break;
      }
    })(),
    4000,
    'iterator',
  );
  assert.equal(seen, ['a', 'b', 'c', 'd']);
  assert.equal(await it.next(), { value: undefined, done: true });
  await client.close();
});

test('catch-up: a client offline for a while gets everything sent meanwhile (private, group, channel)', async () => {
  const storage = new MemoryStorage();
  const first = await signIn(storage);
  const early: TypedUpdate[] = [];
  first.on('newMessage', (m) => void early.push(m));
  await first.startUpdates();
  await within(first.updatesIdle(), 4000, 'first state');
  await bob.sendMessage(channel, 'c0'); // the client starts tracking the channel's pts
  await bob.sendMessage(group, 'g0');
  await until(() => texts(early).includes('c0') && texts(early).includes('g0'));
  await within(first.updatesIdle(), 4000, 'idle');
  await first.close();
  assert.ok((await storage.snapshot()).channelPts.has(channel.id), 'the channel pts is stored');

  // Offline: private, group and channel messages.
  await bob.sendMessage(carol, 'p1');
  await bob.sendMessage(group, 'g1');
  await bob.sendMessage(channel, 'c1');
  await bob.sendMessage(carol, 'p2');
  await bob.sendMessage(channel, 'c2');

  const second = await signIn(storage);
  const got: TypedUpdate[] = [];
  second.on('newMessage', (m) => void got.push(m));
  await until(() => texts(got).length >= 5, 4000, 'catch-up');
  await within(second.updatesIdle(), 4000, 'idle');
  const t = texts(got);
  assert.equal(
    t.filter((x) => x.startsWith('p') || x.startsWith('g')),
    ['p1', 'g1', 'p2'],
  );
  assert.equal(
    t.filter((x) => x.startsWith('c')),
    ['c1', 'c2'],
  );
  assert.not.ok(t.includes('c0') || t.includes('g0'), 'nothing seen before is delivered again');
  const c1 = got.find((u) => u.kind === 'newMessage' && u.text === 'c1') as NewMessage;
  assert.is(c1.chat.type, 'channel');
  await second.close();
});

test('permanent channel error on catch-up (CHANNEL_PRIVATE): the channel is dropped from the stored state, no retry loop', async () => {
  const storage = new MemoryStorage();
  const first = await signIn(storage);
  const early: TypedUpdate[] = [];
  first.on('newMessage', (m) => void early.push(m));
  await within(first.updatesIdle(), 4000, 'first state');
  await bob.sendMessage(channel, 'tracked');
  await until(() => texts(early).includes('tracked'));
  await within(first.updatesIdle(), 4000, 'idle');
  await first.close();
  assert.ok((await storage.snapshot()).channelPts.has(channel.id));
  server.backend.faults.failNext('updates.getChannelDifference', 400, 'CHANNEL_PRIVATE');
  const second = await signIn(storage);
  second.on('newMessage', () => {});
  await within(second.updatesIdle(), 4000, 'idle');
  assert.is(server.backend.faults.pending, 0, 'the fault was hit');
  assert.not.ok((await storage.snapshot()).channelPts.has(channel.id), 'the channel pts is forgotten');
  await second.close();
});

test('catchUp: false starts from now', async () => {
  const storage = new MemoryStorage();
  const first = await signIn(storage);
  await first.startUpdates();
  await within(first.updatesIdle(), 4000, 'first state');
  await first.close();
  await bob.sendMessage(carol, 'missed');
  const second = await signIn(storage, { updates: { catchUp: false } });
  const got: TypedUpdate[] = [];
  second.on('newMessage', (m) => void got.push(m));
  await within(second.updatesIdle(), 4000, 'idle');
  await bob.sendMessage(carol, 'live');
  await until(() => texts(got).includes('live'));
  assert.equal(texts(got), ['live']);
  await second.close();
});

test('gap: updates dropped for the client are fetched by the difference', async () => {
  const client = await signIn(new MemoryStorage(), { updates: { possibleGapTimeoutMs: 100 } });
  const got: TypedUpdate[] = [];
  client.on('newMessage', (m) => void got.push(m));
  await within(client.updatesIdle(), 4000, 'first state');
  // The next push to carol is lost: a real gap on her side.
  server.backend.updateFaults.drop(carol.id, 1);
  await bob.sendMessage(carol, 'lost');
  await bob.sendMessage(carol, 'after');
  await until(() => texts(got).includes('after') && texts(got).includes('lost'), 4000, 'gap filled');
  assert.equal(texts(got), ['lost', 'after']);
  assert.is(server.backend.updateFaults.pending, 0);
  await client.close();
});

test('updatesTooLong pushed by the server: the difference brings what was missed', async () => {
  const client = await signIn(new MemoryStorage());
  const got: TypedUpdate[] = [];
  client.on('newMessage', (m) => void got.push(m));
  await within(client.updatesIdle(), 4000, 'first state');
  // Swallow the message push and send updatesTooLong in its place.
  server.backend.updateFaults.drop(carol.id, 1);
  await bob.sendMessage(carol, 'too long');
  assert.ok(server.backend.updateFaults.sendTooLong(carol.id) >= 1, 'a session got updatesTooLong');
  await until(() => texts(got).includes('too long'), 4000, 'difference after updatesTooLong');
  await within(client.updatesIdle(), 4000, 'idle');
  assert.equal(texts(got), ['too long']);
  await client.close();
});

test('at-least-once: the state is not committed while a handler runs; at-most-once commits first', async () => {
  for (const delivery of ['at-least-once', 'at-most-once'] as const) {
    const storage = new MemoryStorage();
    const client = await signIn(storage, { updates: { delivery } });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered = false;
    client.on('newMessage', async (m) => {
      if (m.text !== 'slow') return;
      entered = true;
      await gate;
    });
    await within(client.updatesIdle(), 4000, 'first state');
    const before = (await storage.getUpdateState())!.pts;
    await bob.sendMessage(carol, 'slow');
    await until(() => entered);
    await new Promise((r) => setTimeout(r, 50));
    const during = (await storage.getUpdateState())!.pts;
    if (delivery === 'at-least-once') assert.is(during, before, 'not committed mid-handler');
    else assert.ok(during > before, 'committed before the handler');
    release();
    await within(client.updatesIdle(), 4000, 'idle');
    assert.ok((await storage.getUpdateState())!.pts > before);
    await client.close();
  }
});

test.run();
