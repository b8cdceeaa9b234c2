/**
 * e2e: the test server breaks its own update stream (`backend.updateFaults`)
 * and the client recovers (https://core.telegram.org/api/updates#recovering-gaps):
 * a dropped push is fetched by getDifference, a duplicate is handed out once,
 * reordered pushes come out in pts order, updatesTooLong and
 * updateChannelTooLong make it ask for the difference, a channel gap is
 * filled by getChannelDifference, and a channel made private mid-stream is
 * dropped from the box after one CHANNEL_PRIVATE (no retry loop).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { NewMessage, TelegramClient, TelegramClientOptions, TypedUpdate } from '../../ts/client/index.js';
import { ArgumentError } from '../../ts/errors.js';
import type { Logger } from '../../ts/logger.js';
import { MemoryStorage } from '../../ts/storage/index.js';
import { type ChatRecord, ScriptedWorld, type ScriptedUser, type TestServer } from '../../ts/testing/index.js';
import { clientFor, startServer, within } from './_support.js';

let server: TestServer;
let world: ScriptedWorld;
let carol: ScriptedUser;
let bob: ScriptedUser;
let channel: ChatRecord;

async function until(pred: () => boolean, ms = 4000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`${what} not met in ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A logger that keeps the lines (to count RPCs and box events). */
function recorder(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { level: 'debug', lines, log: (_l, m) => void lines.push(m) };
}

async function signIn(extra: Partial<TelegramClientOptions> = {}): Promise<{ client: TelegramClient; got: TypedUpdate[] }> {
  const client = await clientFor(server, { storage: new MemoryStorage(), ...extra });
  await within(client.start({ phone: carol.user.phone!, code: server.backend.loginCode(carol.user.phone!) }), 8000, 'login');
  const got: TypedUpdate[] = [];
  client.on('newMessage', (m) => void got.push(m));
  await within(client.updatesIdle(), 4000, 'first state');
  return { client, got };
}

/**
 * Bob's first message makes the client learn him (a short update naming an
 * unknown user is itself resolved through a difference); returns the log
 * position after it, so later assertions see only what the fault caused.
 */
async function warm(client: TelegramClient, got: TypedUpdate[], log: { lines: string[] }): Promise<number> {
  await bob.sendMessage(carol, 'warm');
  await until(() => texts(got).includes('warm'));
  await within(client.updatesIdle(), 4000, 'idle');
  got.length = 0;
  return log.lines.length;
}

function texts(list: TypedUpdate[]): string[] {
  return list.filter((u): u is NewMessage => u.kind === 'newMessage').map((u) => u.text);
}

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  carol = world.user({ firstName: 'Carol' });
  bob = world.user({ firstName: 'Bob' });
  channel = await bob.createChannel('feed', { broadcast: true, username: 'feed_u' });
  await bob.addToChat(channel, [carol]);
});
test.after(async () => {
  world.close();
  await server.stop();
});
test.after.each(() => {
  server.backend.updateFaults.clear();
});

test('drop: a lost push is a pts gap, filled by updates.getDifference', async () => {
  const log = recorder();
  const { client, got } = await signIn({ logger: log, updates: { possibleGapTimeoutMs: 100 } });
  const from = await warm(client, got, log);
  server.backend.updateFaults.drop(carol.id, 2);
  await bob.sendMessage(carol, 'd1');
  await bob.sendMessage(carol, 'd2');
  await bob.sendMessage(carol, 'd3');
  await until(() => texts(got).length >= 3, 4000, 'gap filled');
  await within(client.updatesIdle(), 4000, 'idle');
  assert.equal(texts(got), ['d1', 'd2', 'd3']);
  assert.is(server.backend.updateFaults.stats.dropped, 2);
  assert.ok(
    log.lines.slice(from).some((l) => l.startsWith('rpc updates.getDifference')),
    'the difference was asked for',
  );
  await client.close();
});

test('duplicate: a push delivered twice is handed out once', async () => {
  const { client, got } = await signIn();
  server.backend.updateFaults.duplicate(carol.id, 1);
  await bob.sendMessage(carol, 'twice');
  await bob.sendMessage(carol, 'next');
  await until(() => texts(got).includes('next'));
  await within(client.updatesIdle(), 4000, 'idle');
  assert.equal(texts(got), ['twice', 'next']);
  assert.is(server.backend.updateFaults.stats.duplicated, 1);
  await client.close();
});

test('reorder: pushes arriving in reverse order come out in pts order (the possible gap is filled without a difference)', async () => {
  const log = recorder();
  const { client, got } = await signIn({ logger: log, updates: { possibleGapTimeoutMs: 2000 } });
  const from = await warm(client, got, log);
  server.backend.updateFaults.reorder(carol.id, 3);
  await bob.sendMessage(carol, 'r1');
  await bob.sendMessage(carol, 'r2');
  await bob.sendMessage(carol, 'r3');
  await until(() => texts(got).length >= 3);
  assert.equal(texts(got), ['r1', 'r2', 'r3']);
  assert.is(server.backend.updateFaults.stats.reordered, 3);
  assert.not.ok(
    log.lines.slice(from).some((l) => l.startsWith('rpc updates.getDifference')),
    'no difference needed',
  );
  await client.close();
});

test('reorder: flush() releases a partly filled hold', async () => {
  const { client, got } = await signIn({ updates: { possibleGapTimeoutMs: 2000 } });
  server.backend.updateFaults.reorder(carol.id, 5);
  await bob.sendMessage(carol, 'f1');
  await bob.sendMessage(carol, 'f2');
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(texts(got), [], 'held');
  server.backend.updateFaults.flush();
  await until(() => texts(got).length >= 2);
  assert.equal(texts(got), ['f1', 'f2']);
  assert.is(server.backend.updateFaults.pending, 0);
  await client.close();
});

test('sendTooLong: updatesTooLong makes the client fetch what was missed', async () => {
  const { client, got } = await signIn();
  server.backend.updateFaults.drop(carol.id, 1);
  await bob.sendMessage(carol, 'missed');
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(texts(got), []);
  assert.ok(server.backend.updateFaults.sendTooLong(carol.id) >= 1);
  await until(() => texts(got).includes('missed'));
  await within(client.updatesIdle(), 4000, 'idle');
  assert.equal(texts(got), ['missed']);
  await client.close();
});

test('channel gap: a dropped channel push is filled by updates.getChannelDifference', async () => {
  const log = recorder();
  const { client, got } = await signIn({ logger: log, updates: { possibleGapTimeoutMs: 100 } });
  await bob.sendMessage(channel, 'c0'); // the box starts tracking the channel
  await until(() => texts(got).includes('c0'));
  server.backend.updateFaults.drop(carol.id, 1, { channelId: channel.id });
  await bob.sendMessage(carol, 'private still flows'); // not a channel push: not dropped
  await bob.sendMessage(channel, 'c-lost');
  await bob.sendMessage(channel, 'c-after');
  await until(() => texts(got).includes('c-lost') && texts(got).includes('c-after'), 4000, 'channel gap filled');
  await within(client.updatesIdle(), 4000, 'idle');
  assert.equal(
    texts(got).filter((t) => t.startsWith('c-')),
    ['c-lost', 'c-after'],
  );
  assert.ok(texts(got).includes('private still flows'));
  assert.ok(log.lines.some((l) => l.startsWith('rpc updates.getChannelDifference')));
  await client.close();
});

test('channelTooLong: updateChannelTooLong makes the client fetch the channel difference', async () => {
  const { client, got } = await signIn();
  await bob.sendMessage(channel, 't0');
  await until(() => texts(got).includes('t0'));
  server.backend.updateFaults.drop(carol.id, 1, { channelId: channel.id });
  await bob.sendMessage(channel, 't-missed');
  await new Promise((r) => setTimeout(r, 30));
  assert.not.ok(texts(got).includes('t-missed'));
  assert.ok(server.backend.updateFaults.channelTooLong(channel.id, [carol.id]) >= 1);
  await until(() => texts(got).includes('t-missed'), 4000, 'channel difference');
  await within(client.updatesIdle(), 4000, 'idle');
  assert.is(texts(got).filter((t) => t === 't-missed').length, 1);
  await client.close();
});

test('makeChannelPrivate: CHANNEL_PRIVATE drops the channel from the box and its stored pts, with one request (no retry loop)', async () => {
  const secret = await bob.createChannel('secret', { broadcast: true, username: 'secret_u' });
  await bob.addToChat(secret, [carol]);
  const log = recorder();
  const storage = new MemoryStorage();
  const { client, got } = await signIn({ logger: log, storage });
  await bob.sendMessage(secret, 's0');
  await until(() => texts(got).includes('s0'));
  await within(client.updatesIdle(), 4000, 'idle');
  assert.ok((await storage.snapshot()).channelPts.has(secret.id), 'tracked and stored');

  server.backend.updateFaults.makeChannelPrivate(secret.id, [carol.id]);
  assert.is(secret.username, undefined);
  assert.not.ok(secret.members.has(carol.id));
  server.backend.updateFaults.channelTooLong(secret.id, [carol.id]);
  await until(() => log.lines.some((l) => l.includes('channelDropped')), 4000, 'channel dropped');
  // The first retry would come after 1 s: wait past it.
  await new Promise((r) => setTimeout(r, 1500));
  await within(client.updatesIdle(), 4000, 'idle');
  const asks = log.lines.filter((l) => l.startsWith('rpc updates.getChannelDifference')).length;
  assert.is(asks, 1, 'asked once');
  assert.ok(
    log.lines.some((l) => l.includes('CHANNEL_PRIVATE')),
    'the error was seen',
  );
  assert.not.ok((await storage.snapshot()).channelPts.has(secret.id), 'the stored channel pts is forgotten');
  // The account's own stream is unaffected.
  await bob.sendMessage(carol, 'still here');
  await until(() => texts(got).includes('still here'));
  await client.close();
});

test('bad arguments are ArgumentErrors', () => {
  const f = server.backend.updateFaults;
  assert.throws(
    () => f.drop(carol.id, 0),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => f.reorder(carol.id, 1),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => f.duplicate(424242n),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => f.channelTooLong(1n),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.is(f.pending, 0);
});

test.run();
