/**
 * The README's "Buttons, callback and inline queries" snippet, run against
 * the test server with a scripted user pressing its buttons and querying it
 * inline.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fs from 'node:fs';
import { InlineButton, InlineResult, inlineKeyboard, TelegramClient } from '../../../ts/client/index.js';
import { command, dispatcherFor } from '../../../ts/dispatcher/index.js';
import { ScriptedWorld } from '../../../ts/testing/index.js';
import { startServer, within } from '../_support.js';

/** The snippet, as the README shows it (between the markers). */
async function readmeBot(testServer: Awaited<ReturnType<typeof startServer>>, botToken: string): Promise<TelegramClient> {
  // --- the README snippet ---
  const bot = new TelegramClient({ apiId: 12345, apiHash: '0123456789abcdef', testServer });
  const dp = dispatcherFor(bot);
  const rate = inlineKeyboard([
    [InlineButton.callback('👍', 'rate:up'), InlineButton.callback('👎', 'rate:down')],
    [InlineButton.url('Docs', 'https://core.telegram.org/bots')],
  ]);
  dp.onNewMessage(command('start'), (msg) => bot.sendMessage(msg.chat.id, 'Rate us', { replyMarkup: rate }));
  dp.onCallbackQuery((q) =>
    q.answer({ text: q.dataText === 'rate:up' ? 'Thanks!' : 'We will do better', alert: q.dataText !== 'rate:up' }),
  );
  dp.onInlineQuery((q) =>
    bot.answerInlineQuery(q, [InlineResult.article({ id: 'shout', title: 'Shout', text: q.query.toUpperCase() || '!' })]),
  );
  await bot.start({ botToken });
  await bot.setBotCommands([{ command: 'start', description: 'Rate us' }]);
  // ---
  return bot;
}

test('README snippet lines are the ones this test runs', () => {
  const readme = fs.readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = /## Buttons, callback and inline queries\n\n```ts\n([\s\S]*?)```/.exec(readme);
  assert.ok(section, 'README has the section with a ts block');
  const self = fs.readFileSync(new URL(import.meta.url), 'utf8');
  const snippet = /\/\/ --- the README snippet ---\n([\s\S]*?)\/\/ ---\n/.exec(self)![1]!;
  // The formatter wraps the test's copy differently: compare the code without layout.
  const norm = (t: string) =>
    t
      .split('\n')
      .filter((l) => !/^\s*(import |return )/.test(l))
      .join('')
      .replace(/\s+/g, '')
      .replace(/,([)\]}])/g, '$1');
  assert.equal(norm(section![1]!), norm(snippet));
});

test('the README bot: a scripted user presses its buttons and queries it inline', async () => {
  const server = await startServer();
  const world = new ScriptedWorld(server.backend);
  const { token, user: botUser } = world.bot({ username: 'rate_test_bot' });
  const bot = await readmeBot(server, token);
  try {
    await bot.startUpdates();
    const alice = world.user({ firstName: 'Alice' });
    await alice.sendMessage(botUser, '/start');
    const menu = await alice.waitForMessage({ from: botUser, text: 'Rate us', timeoutMs: 3000 });
    assert.equal(await within(alice.pressButton(menu, 'rate:up'), 3000, 'press'), {
      _: 'messages.botCallbackAnswer',
      message: 'Thanks!',
      cache_time: 0,
    });
    const down = await alice.pressButton(menu, { text: '👎' });
    assert.ok(down.alert);
    const res = await within(alice.inlineQuery(botUser, 'hey'), 3000, 'inline');
    const sent = await alice.sendInlineResult(botUser, res, 'shout');
    assert.is(sent.text, 'HEY');
    assert.equal(await bot.getBotCommands(), [{ command: 'start', description: 'Rate us' }]);
  } finally {
    await bot.close();
    world.close();
    await server.stop();
  }
});

test.run();
