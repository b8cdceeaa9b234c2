/**
 * The scripted-user API as a user of wasmgram/testing writes it: a bot
 * built with TelegramClient, tested offline against the test server by
 * scripted users that message it and await its answers.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type TelegramClient, User } from '../../ts/client/index.js';
import { ArgumentError } from '../../ts/errors.js';
import { ScriptedWorld, type TestServer } from '../../ts/testing/index.js';
import type { Updates } from '../../ts/tl/generated/types.js';
import { clientFor, startServer, within } from '../client/_support.js';

let server: TestServer;
let world: ScriptedWorld;
let bot: TelegramClient;

/** The bot under test: answers every private message with "echo: <text>". */
function runEchoBot(client: TelegramClient): void {
  const answer = (to: bigint | User, text: string) => client.sendMessage(to, `echo: ${text}`).catch(() => {}); // after close: nothing to do
  client.on('update', (raw) => {
    const u = raw as Updates;
    if (u._ === 'updateShortMessage' && !u.out) void answer(u.user_id, u.message);
    if (u._ === 'updates') {
      for (const x of u.updates) {
        if (x._ !== 'updateNewMessage' || x.message._ !== 'message' || x.message.out || x.message.peer_id._ !== 'peerUser') continue;
        const from = u.users.find((p) => p.id === (x.message.peer_id as { user_id: bigint }).user_id);
        if (from?._ === 'user') void answer(new User(from), x.message.message);
      }
    }
  });
}

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  const { token } = world.bot({ username: 'echo_test_bot' });
  bot = await clientFor(server);
  await within(bot.start({ botToken: token }), 8000, 'bot login');
  await bot.invoke({ _: 'updates.getState' }); // start receiving updates
  runEchoBot(bot);
});
test.after(async () => {
  await bot.close();
  world.close();
  await server.stop();
});

test('a scripted user talks to a wasmgram bot and awaits its answers', async () => {
  const alice = world.user({ firstName: 'Alice' });
  const echoBot = world.find('echo_test_bot');
  await alice.sendMessage(echoBot, 'hello');
  const first = await alice.waitForMessage({ from: echoBot, timeoutMs: 3000 });
  assert.is(first.text, 'echo: hello');
  await alice.sendMessage(echoBot, 'again');
  assert.is((await alice.waitForMessage({ from: echoBot, text: /again/, timeoutMs: 3000 })).text, 'echo: again');
});

test('scripted users make groups and channels, join, and see each other', async () => {
  const alice = world.user({ firstName: 'Alice' });
  const bob = world.user({ firstName: 'Bob' });
  const group = await alice.createGroup('Club', [bob]);
  await bob.sendMessage(group, 'hi club');
  assert.is((await alice.waitForMessage({ chat: group, from: bob, timeoutMs: 1000 })).text, 'hi club');
  const channel = await alice.createChannel('Alice posts', { broadcast: true, username: 'alice_posts' });
  await bob.join(channel);
  await alice.sendMessage(channel, 'news!');
  const post = await bob.waitForMessage({ chat: channel, timeoutMs: 1000 });
  assert.is(post.text, 'news!');
  assert.ok(post.post);
  await bob.leave(channel);
  assert.equal(
    bob.history(group).map((m) => m.text),
    ['', 'hi club'],
  );
});

test('a scripted user reacts to and votes in what a wasmgram bot sent; the bot reads the results', async () => {
  const carol = world.user({ firstName: 'Carol' });
  const echoBot = world.find('echo_test_bot');
  await carol.sendMessage(echoBot, 'hi'); // the bot now knows carol (her access hash came with the update)
  await carol.waitForMessage({ from: echoBot, text: 'echo: hi', timeoutMs: 3000 });
  const sent = await bot.sendPoll(carol.id, { question: 'Lunch?', answers: ['Pizza', 'Sushi', 'Salad'] });
  const poll = await carol.waitForMessage({ from: echoBot, timeoutMs: 3000 });
  await carol.vote(poll, 'Sushi');
  let r = await bot.getPollResults(carol.id, sent.id);
  assert.is(r._ === 'pollResults' && r.total_voters, 1);
  assert.is(r._ === 'pollResults' && r.results![1]!.voters, 1);
  await carol.vote(poll, []); // retract, then by index
  await carol.vote(poll, 2);
  r = await bot.getPollResults(carol.id, sent.id);
  assert.equal(r._ === 'pollResults' && r.results!.map((x) => x.voters), [0, 0, 1]);
  try {
    await carol.vote(poll, 'Tacos');
    assert.unreachable('no such answer');
  } catch (e) {
    assert.instance(e, ArgumentError);
  }

  const post = await bot.sendMessage(carol.id, 'like me?');
  const copy = await carol.waitForMessage({ from: echoBot, text: 'like me?', timeoutMs: 3000 });
  await carol.react(copy, '👍');
  const map = await bot.getReactions(carol.id, [post.id]);
  const results = map.get(post.id)?.results ?? [];
  assert.equal(
    results.map((x) => [x.reaction._ === 'reactionEmoji' && x.reaction.emoticon, x.count]),
    [['👍', 1]],
  );
  await carol.react(copy, []);
  assert.is((await bot.getReactions(carol.id, [post.id])).size, 0);
  try {
    await carol.vote(copy, 0);
    assert.unreachable('a text message has no poll');
  } catch (e) {
    assert.instance(e, ArgumentError);
  }
});

test.run();
