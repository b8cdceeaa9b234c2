/**
 * e2e: a bot built with the client-bound dispatcher and FSM runs against
 * the test server while scripted users talk to it (in parallel); edits and
 * deletions reach their handlers; a bot
 * killed mid-handler and restarted over the same storage gets the
 * unfinished update again and not the finished ones (at-least-once).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { NewMessage, TelegramClient } from '../../ts/client/index.js';
import { and, command, dispatcherFor, privateChat, text } from '../../ts/dispatcher/index.js';
import { MemoryStateStorage } from '../../ts/fsm/index.js';
import { MemoryStorage } from '../../ts/storage/index.js';
import { ScriptedWorld, type ScriptedUser, type TestServer } from '../../ts/testing/index.js';
import { clientFor, startServer, within } from '../client/_support.js';

let server: TestServer;
let world: ScriptedWorld;

type States = { askName: Record<string, never>; askAge: { name: string } };

async function startBot(token: string, storage: MemoryStorage): Promise<TelegramClient> {
  const client = await clientFor(server, { storage });
  await within(client.start({ botToken: token }), 8000, 'bot login');
  return client;
}

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
});
test.after(async () => {
  world.close();
  await server.stop();
});

test('a dispatcher + FSM bot: two users walk through a dialog at the same time', async () => {
  const { token, user: botUser } = world.bot({ username: 'form_bot' });
  const client = await startBot(token, new MemoryStorage());
  const dp = dispatcherFor<States>(client, { storage: new MemoryStateStorage() });
  dp.onNewMessage(command('start'), async (msg, ctx) => {
    await ctx.state.set('askName');
    await msg.answer('Your name?');
  });
  dp.onNewMessage(and(text, dp.state('askName')), async (msg, ctx) => {
    await ctx.state.set('askAge', { name: msg.text });
    await msg.answer('Your age?');
  });
  dp.onNewMessage(and(text, dp.state('askAge')), async (msg, ctx) => {
    const { name } = ctx.state.current.data;
    await ctx.state.clear();
    await msg.reply(`${name} is ${msg.text}`);
  });
  dp.onNewMessage(privateChat, (msg: NewMessage) => msg.answer(`echo: ${msg.text}`));
  await within(client.updatesIdle(), 4000, 'bot updates start');

  const walk = async (u: ScriptedUser, name: string, age: string) => {
    await u.sendMessage(botUser, '/start');
    await u.waitForMessage({ from: botUser, text: 'Your name?', timeoutMs: 4000 });
    await u.sendMessage(botUser, name);
    await u.waitForMessage({ from: botUser, text: 'Your age?', timeoutMs: 4000 });
    await u.sendMessage(botUser, age);
    return (await u.waitForMessage({ from: botUser, text: /is/, timeoutMs: 4000 })).text;
  };
  const ann = world.user({ firstName: 'Ann' });
  const ben = world.user({ firstName: 'Ben' });
  const [a, b] = await Promise.all([walk(ann, 'Ann', '31'), walk(ben, 'Ben', '42')]);
  assert.is(a, 'Ann is 31');
  assert.is(b, 'Ben is 42');
  // Out of the dialog: the fallback handler answers; the bot's own replies never reach it.
  await ann.sendMessage(botUser, 'hello');
  assert.is((await ann.waitForMessage({ from: botUser, text: /^echo/, timeoutMs: 4000 })).text, 'echo: hello');
  await within(client.updatesIdle(), 4000, 'idle');
  assert.not.ok(
    ann.history(botUser).some((m) => m.text.startsWith('echo: echo')),
    'no echo of the bot itself',
  );
  await client.close();
});

test('edits and deletions reach onMessageEdited / onMessageDeleted', async () => {
  const { token, user: botUser } = world.bot({ username: 'watch_bot' });
  const client = await startBot(token, new MemoryStorage());
  const dp = dispatcherFor(client);
  const edits: string[] = [];
  const deleted: number[][] = [];
  dp.onMessageEdited((m) => void edits.push(`${m.id}:${m.text}`));
  dp.onMessageDeleted((d) => void deleted.push([...d.ids]));
  await within(client.updatesIdle(), 4000, 'bot updates start');
  const eve = world.user({ firstName: 'Eve' });
  const sent = await eve.sendMessage(botUser, 'typo');
  await eve.invoke({ _: 'messages.editMessage', peer: eve.inputPeer(botUser), id: sent.id, message: 'fixed' });
  await eve.invoke({ _: 'messages.deleteMessages', id: [sent.id], revoke: true });
  const end = Date.now() + 4000;
  while ((edits.length === 0 || deleted.length === 0) && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  assert.is(edits.length, 1);
  assert.match(edits[0]!, /:fixed$/);
  assert.equal(deleted.length, 1);
  assert.is(deleted[0]!.length, 1);
  await client.close();
});

test('killed mid-handler and restarted: the unfinished update comes again, the finished ones do not', async () => {
  const { token, user: botUser } = world.bot({ username: 'crashy_bot' });
  const storage = new MemoryStorage();
  const fsm = new MemoryStateStorage();
  const dan = world.user({ firstName: 'Dan' });

  // First run: /fast is handled, /slow never finishes (the process "dies" while it runs).
  const first = await startBot(token, storage);
  const seen1: string[] = [];
  let hung = false;
  let releaseHung!: () => void;
  const hang = new Promise<void>((r) => (releaseHung = r));
  const dp1 = dispatcherFor(first, { storage: fsm });
  dp1.onNewMessage(async (msg) => {
    seen1.push(msg.text);
    if (msg.text === '/slow') {
      hung = true;
      await hang;
      return;
    }
    await msg.answer(`done ${msg.text}`);
  });
  await within(first.updatesIdle(), 4000, 'first start');
  await dan.sendMessage(botUser, '/fast');
  await dan.waitForMessage({ from: botUser, text: 'done /fast', timeoutMs: 4000 });
  await dan.sendMessage(botUser, '/slow');
  const deadline = Date.now() + 4000;
  while (!hung && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  assert.ok(hung, 'the slow handler started');
  await first.close(); // killed: the slow handler never resolved

  // Meanwhile one more message arrives.
  await dan.sendMessage(botUser, '/later');

  const second = await startBot(token, storage);
  const seen2: string[] = [];
  const dp2 = dispatcherFor(second, { storage: fsm });
  dp2.onNewMessage(async (msg) => {
    seen2.push(msg.text);
    await msg.answer(`done ${msg.text}`);
  });
  await dan.waitForMessage({ from: botUser, text: 'done /later', timeoutMs: 4000 });
  await within(second.updatesIdle(), 4000, 'idle');
  assert.equal(seen1, ['/fast', '/slow']);
  assert.equal(seen2, ['/slow', '/later']);
  releaseHung();
  await second.close();
});

test.run();
