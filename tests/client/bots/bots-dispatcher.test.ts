/**
 * e2e: a counter bot written with the dispatcher (`dispatcherFor(client)`)
 * and the keyboard builders, tested offline by a scripted user: /start
 * shows a counter with +/− buttons, each press answers with the new value
 * and edits the buttons; an inline query answers with the current value.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InlineButton, InlineResult, inlineKeyboard, type TelegramClient } from '../../../ts/client/index.js';
import { command, dispatcherFor, filter } from '../../../ts/dispatcher/index.js';
import type { CallbackQuery } from '../../../ts/client/index.js';
import { ScriptedWorld, type TestServer } from '../../../ts/testing/index.js';
import { clientFor, startServer, within } from '../_support.js';

let server: TestServer;
let world: ScriptedWorld;
let bot: TelegramClient;

const counterKeyboard = (n: number) =>
  inlineKeyboard([[InlineButton.callback('−', 'n:-1'), InlineButton.callback(`${n}`, 'n:0'), InlineButton.callback('+', 'n:1')]]);

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  const { token } = world.bot({ username: 'counter_test_bot' });
  bot = await clientFor(server);
  await within(bot.start({ botToken: token }), 8000, 'bot login');
  let count = 0;
  const dp = dispatcherFor(bot);
  dp.onNewMessage(command('start'), async (m) => {
    await bot.sendMessage(m.message.chat ?? m.chat.id, 'Counter', { replyMarkup: counterKeyboard(count) });
  });
  dp.onCallbackQuery(
    filter((q: CallbackQuery) => q.dataText.startsWith('n:')),
    async (q) => {
      count += Number(q.dataText.slice(2));
      await q.answer({ text: `count = ${count}` });
      if (q.chatId !== undefined && q.messageId !== undefined && q.dataText !== 'n:0')
        await bot.editReplyMarkup(q.chatId, q.messageId, counterKeyboard(count));
    },
  );
  dp.onInlineQuery(async (q) => {
    await bot.answerInlineQuery(q, [InlineResult.article({ id: 'count', title: `Count: ${count}`, text: `The count is ${count}` })], {
      cacheTimeS: 0,
    });
  });
  await bot.startUpdates();
});
test.after(async () => {
  await bot.close();
  world.close();
  await server.stop();
});

test('a scripted user counts with the buttons of a dispatcher bot and shares the count inline', async () => {
  const alice = world.user({ firstName: 'Alice' });
  const botUser = world.find('counter_test_bot');
  await alice.sendMessage(botUser, '/start');
  const menu = await alice.waitForMessage({ from: botUser, text: 'Counter', timeoutMs: 3000 });
  assert.is((await within(alice.pressButton(menu, { text: '+' }), 3000, 'press +')).message, 'count = 1');
  assert.is((await alice.pressButton(menu, 'n:1')).message, 'count = 2');
  assert.is((await alice.pressButton(menu, 'n:-1')).message, 'count = 1');
  // The middle button shows the count once the bot's edit has arrived.
  const deadline = Date.now() + 3000;
  const middle = () => (menu.replyMarkup?._ === 'replyInlineMarkup' ? menu.replyMarkup.rows[0]!.buttons[1]!.text : '');
  while (middle() !== '1' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  assert.is(middle(), '1');
  const res = await within(alice.inlineQuery(botUser, ''), 3000, 'inline query');
  assert.is(res.results[0]!.title, 'Count: 1');
  const bob = world.user({ firstName: 'Bob' });
  const sent = await alice.sendInlineResult(bob, res, 'count');
  assert.is(sent.text, 'The count is 1');
  assert.is((await bob.waitForMessage({ from: alice, timeoutMs: 3000 })).viaBotId, botUser.id);
});

test.run();
