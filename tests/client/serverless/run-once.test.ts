/**
 * e2e: `client.runOnce` — one serverless invocation against the test
 * server with a libSQL `file:` session: a message sent while the bot was
 * off is answered by the next run and not by the one after; the budget
 * (a handler that does not finish is not committed and comes again; updates
 * after the cutoff are left for the next run); the lease (an overlapping run
 * is `busy`); `catchUp: false`; a failing handler; a session not signed in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { NewMessage, TypedUpdate } from '../../../ts/client/index.js';
import { SessionError } from '../../../ts/errors.js';
import { LibsqlStorage } from '../../../ts/storage/libsql.js';
import { ScriptedWorld, type ScriptedUser, type TestServer } from '../../../ts/testing/index.js';
import type { UserRecord } from '../../../ts/testing/telegram/user-store.js';
import { clientFor, startServer, within } from '../_support.js';

let server: TestServer;
let world: ScriptedWorld;
let alice: ScriptedUser;
let dir: string;
let dbs = 0;

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  alice = world.user({ firstName: 'Alice' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasmgram-run-once-'));
});
test.after(async () => {
  world.close();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A new bot with its session in a new libSQL file, signed in and with its update state stored (the first deploy). */
async function deployBot(): Promise<{ url: string; bot: UserRecord }> {
  const n = dbs++;
  const { token, user } = world.bot({ username: `serverless${n}_bot` });
  const url = `file:${path.join(dir, `bot${n}.db`)}`;
  const storage = new LibsqlStorage({ url });
  const client = await clientFor(server, { storage });
  await within(client.start({ botToken: token }), 8000, 'bot login');
  const first = await within(
    client.runOnce(() => {}),
    10_000,
    'first run',
  );
  assert.is(first.status, 'done');
  assert.is(first.handled, 0, 'nothing to catch up on the first run');
  await storage.close();
  assert.ok(await stateOf(url), 'the first run stored the update state');
  return { url, bot: user };
}

async function stateOf(url: string) {
  const s = new LibsqlStorage({ url });
  await s.open();
  const state = await s.getUpdateState();
  await s.close();
  return state;
}

/** One invocation: a new client on the stored session, as a fresh serverless instance has. */
async function invoke(
  url: string,
  handler: (u: TypedUpdate) => unknown,
  params: Parameters<import('../../../ts/client/index.js').TelegramClient['runOnce']>[1] = {},
) {
  const storage = new LibsqlStorage({ url });
  const client = await clientFor(server, { storage });
  try {
    return await within(client.runOnce(handler, { budgetMs: 10_000, ...params }), 15_000, 'runOnce');
  } finally {
    await storage.close();
  }
}

const echo = async (u: TypedUpdate) => {
  if (u.kind === 'newMessage' && !u.out) await u.reply(`echo: ${u.text}`);
};

test('runOnce: a message sent while the bot was off is answered by the next run, and not again by the one after', async () => {
  const { url, bot } = await deployBot();
  await alice.sendMessage(bot, 'hello while you were off');
  const r1 = await invoke(url, echo);
  assert.equal(
    { status: r1.status, handled: r1.handled, more: r1.more, failed: r1.failed },
    { status: 'done', handled: 1, more: false, failed: 0 },
  );
  const answer = await alice.waitForMessage({ from: bot, text: 'echo: hello while you were off', timeoutMs: 4000 });
  assert.ok(answer);
  const seen: string[] = [];
  const r2 = await invoke(url, (u) => {
    if (u.kind === 'newMessage') seen.push(u.text);
  });
  assert.is(r2.status, 'done');
  assert.equal(seen, [], 'the second run hands out nothing: the state was committed');
  const answers = alice.history(bot).filter((m) => m.text === 'echo: hello while you were off');
  assert.is(answers.length, 1, 'answered exactly once');
  assert.ok(r1.elapsedMs >= 0 && r1.elapsedMs < 10_000);
});

test('runOnce: a handler still running at the budget is not committed; the next run sees its update again', async () => {
  const { url, bot } = await deployBot();
  await alice.sendMessage(bot, 'slow one');
  let release = () => {};
  const r1 = await invoke(url, (u) => (u.kind === 'newMessage' ? new Promise<void>((r) => (release = r)) : undefined), {
    budgetMs: 2500,
    marginMs: 1000,
  });
  release();
  assert.is(r1.status, 'budget');
  assert.ok(r1.more);
  if (r1.handled === 1) assert.is(r1.abandoned, 1);
  const seen: string[] = [];
  const r2 = await invoke(url, (u) => {
    if (u.kind === 'newMessage') seen.push(u.text);
  });
  assert.is(r2.status, 'done');
  assert.equal(seen, ['slow one'], 'at-least-once: the unfinished update comes again');
});

test('runOnce: updates after the cutoff are not handed out and come with the next run; nothing is lost', async () => {
  const { url, bot } = await deployBot();
  const sent = ['m1', 'm2', 'm3', 'm4', 'm5'];
  for (const t of sent) await alice.sendMessage(bot, t);
  // The clock jumps past the cutoff while the second update is handled: the rest must wait.
  let offset = 0;
  const now = () => Date.now() + offset;
  const first: string[] = [];
  const r1 = await invoke(
    url,
    (u) => {
      if (u.kind !== 'newMessage') return;
      first.push(u.text);
      if (first.length === 2) offset = 60_000;
    },
    { now },
  );
  assert.is(r1.status, 'budget');
  assert.ok(r1.more);
  assert.ok(first.length >= 2 && first.length < sent.length, `first run handled ${first.join(',')}`);
  const second: string[] = [];
  const r2 = await invoke(url, (u) => {
    if (u.kind === 'newMessage') second.push(u.text);
  });
  assert.is(r2.status, 'done');
  assert.is(r2.more, false);
  assert.equal([...new Set([...first, ...second])].sort(), sent, 'every message was handed out');
  assert.equal(second.slice(-(sent.length - first.length)), sent.slice(first.length), 'the rest came in order');
});

test('runOnce: an overlapping invocation finds the lease held and returns busy without handling anything', async () => {
  const { url, bot } = await deployBot();
  await alice.sendMessage(bot, 'once');
  const other = new LibsqlStorage({ url });
  await other.open();
  await other.acquireLease('another-invocation', 30_000);
  let calls = 0;
  const r = await invoke(url, () => {
    calls++;
  });
  assert.is(r.status, 'busy');
  assert.is(r.holder?.owner, 'another-invocation');
  assert.is(calls, 0);
  await other.releaseLease('another-invocation');
  await other.close();
  const after = await invoke(url, echo);
  assert.is(after.handled, 1, 'the next free run answers');
  // The lease is released at the end of a run: a third one is not busy.
  assert.is((await invoke(url, () => {})).status, 'done');
});

test('runOnce: catchUp false skips the backlog and starts from now', async () => {
  const { url, bot } = await deployBot();
  await alice.sendMessage(bot, 'old news');
  const seen: string[] = [];
  const r = await invoke(url, (u) => void (u.kind === 'newMessage' && seen.push(u.text)), { catchUp: false });
  assert.is(r.status, 'done');
  assert.equal(seen, []);
  const r2 = await invoke(url, (u) => void (u.kind === 'newMessage' && seen.push(u.text)));
  assert.equal(seen, [], 'the skipped backlog does not come back');
  assert.is(r2.handled, 0);
});

test('runOnce: a handler that throws is counted as failed and committed past', async () => {
  const { url, bot } = await deployBot();
  await alice.sendMessage(bot, 'boom');
  const r = await invoke(url, (u) => {
    if (u.kind === 'newMessage') throw new Error('handler bug');
  });
  assert.equal([r.status, r.handled, r.failed], ['done', 1, 1]);
  const texts: string[] = [];
  await invoke(url, (u) => void (u.kind === 'newMessage' && texts.push((u as NewMessage).text)));
  assert.equal(texts, []);
});

test('runOnce: a session that is not signed in is a SessionError; a bad budget is rejected', async () => {
  const url = `file:${path.join(dir, 'empty.db')}`;
  let error: unknown;
  try {
    await invoke(url, () => {});
  } catch (e) {
    error = e;
  }
  assert.instance(error, SessionError);
  const storage = new LibsqlStorage({ url });
  const client = await clientFor(server, { storage });
  await client
    .runOnce(() => {}, { budgetMs: 0 })
    .then(
      () => assert.unreachable('budget 0 accepted'),
      (e) => assert.match(String(e), /budgetMs/),
    );
  await client.close();
  await storage.close();
});

test.run();
