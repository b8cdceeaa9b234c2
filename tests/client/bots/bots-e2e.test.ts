/**
 * e2e: a bot built with TelegramClient against the test server, driven by
 * scripted users and by a second TelegramClient signed in as a person:
 * inline keyboards and callback queries (answer, alert, edit the buttons),
 * inline queries (answer with InlineResult builders, send a result via the
 * bot, chosen-result feedback), clickButton / getInlineResults /
 * sendInlineResult from a user account, bot commands and the menu button,
 * and the errors Telegram gives.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  type CallbackQuery,
  type InlineQuery,
  type InlineSend,
  InlineButton,
  InlineResult,
  inlineKeyboard,
  type NewMessage,
  ReplyButton,
  replyKeyboard,
  type TelegramClient,
} from '../../../ts/client/index.js';
import { RpcError } from '../../../ts/errors.js';
import { botStore, ScriptedWorld, type ScriptedUser, type TestServer } from '../../../ts/testing/index.js';
import { clientFor, rpcError, startServer, within } from '../_support.js';

let server: TestServer;
let world: ScriptedWorld;
let bot: TelegramClient;
let botId: bigint;
let user: TelegramClient;
let userRecord: ScriptedUser;
const seen: { callbacks: CallbackQuery[]; inline: InlineQuery[]; chosen: InlineSend[] } = { callbacks: [], inline: [], chosen: [] };

async function until(pred: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The bot under test: a menu on /start, answers to its buttons, inline answers. */
function runBot(client: TelegramClient): void {
  client.on('newMessage', async (m: NewMessage) => {
    if (m.out) return;
    const to = m.message.chat ?? m.message.chatId;
    if (m.text === '/start')
      await client.sendMessage(to, 'Menu', {
        replyMarkup: inlineKeyboard([
          [InlineButton.callback('👍 Like', 'like'), InlineButton.callback('Alert', 'alert')],
          [InlineButton.url('Docs', 'https://core.telegram.org/bots'), InlineButton.copyText('Copy', 'promo-42')],
        ]),
      });
    if (m.text === '/keyboard')
      await client.sendMessage(to, 'Pick', {
        replyMarkup: replyKeyboard([[ReplyButton.requestContact('Share phone')], ['Cancel']], { resize: true, oneTime: true }),
      });
  });
  client.on('callbackQuery', async (q: CallbackQuery) => {
    seen.callbacks.push(q);
    if (q.dataText === 'like') {
      await client.answerCallbackQuery(q, { text: 'Thanks!' });
      if (q.chatId !== undefined && q.messageId !== undefined)
        await client.editReplyMarkup(q.chatId, q.messageId, inlineKeyboard([[InlineButton.callback('✅ Liked', 'liked')]]));
    } else if (q.dataText === 'alert') await q.answer({ text: 'Careful!', alert: true });
    // 'liked' is left unanswered on purpose: the user gets BOT_RESPONSE_TIMEOUT
  });
  client.on('inlineQuery', async (q: InlineQuery) => {
    seen.inline.push(q);
    await client.answerInlineQuery(
      q,
      [
        InlineResult.article({
          id: 'bold',
          title: 'Bold',
          description: 'your text in bold',
          text: `**${q.query}**`,
          parseMode: 'markdown',
          replyMarkup: inlineKeyboard([[InlineButton.callback('Like', 'like')]]),
        }),
        InlineResult.location({ id: 'here', title: 'Berlin', latitude: 52.52, longitude: 13.405 }),
        InlineResult.contact({ id: 'me', phoneNumber: '+99966', firstName: 'Bot' }),
      ],
      { cacheTimeS: 0, nextOffset: q.offset === '' ? 'page2' : '' },
    );
  });
  client.on('inlineSend', (s: InlineSend) => {
    seen.chosen.push(s);
  });
}

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  botStore(server.backend).answerTimeoutMs = 5000; // generous: a loaded machine must not fail the answered presses
  const made = world.bot({ username: 'menu_test_bot' });
  botId = made.user.id;
  botStore(server.backend).configure(botId, { inlineFeedback: true });
  bot = await clientFor(server);
  await within(bot.start({ botToken: made.token }), 8000, 'bot login');
  runBot(bot);
  await bot.startUpdates();
  userRecord = world.user({ firstName: 'Uma', username: 'uma_user' });
  user = await clientFor(server);
  await within(user.start({ phone: userRecord.user.phone!, code: server.backend.loginCode(userRecord.user.phone!) }), 8000, 'user login');
});
test.after(async () => {
  await bot.close();
  await user.close();
  world.close();
  await server.stop();
});

test('a scripted user presses the inline buttons of a wasmgram bot: toast, alert, buttons edited, a silent bot times out', async () => {
  const alice = world.user({ firstName: 'Alice' });
  const botUser = world.find('menu_test_bot');
  await alice.sendMessage(botUser, '/start');
  const menu = await alice.waitForMessage({ from: botUser, text: 'Menu', timeoutMs: 3000 });
  assert.equal(menu.replyMarkup?._ === 'replyInlineMarkup' ? menu.replyMarkup.rows.map((r) => r.buttons.map((b) => b._)) : [], [
    ['keyboardButtonCallback', 'keyboardButtonCallback'],
    ['keyboardButtonUrl', 'keyboardButtonCopy'],
  ]);
  const like = await within(alice.pressButton(menu, 'like'), 3000, 'press');
  assert.is(like.message, 'Thanks!');
  assert.not.ok(like.alert);
  const q = seen.callbacks.at(-1)!;
  assert.is(q.userId, alice.id);
  assert.is(q.from?.firstName, 'Alice');
  // The bot swapped the buttons after answering.
  await until(() => menu.replyMarkup?._ === 'replyInlineMarkup' && menu.replyMarkup.rows[0]!.buttons[0]!.text === '✅ Liked');
  botStore(server.backend).answerTimeoutMs = 300;
  const alert = await alice
    .pressButton(menu, { row: 0, column: 0 })
    .catch((e: unknown) => e)
    .finally(() => {
      botStore(server.backend).answerTimeoutMs = 5000;
    });
  assert.instance(alert, RpcError, 'the bot leaves "liked" unanswered');
  assert.is((alert as RpcError).text, 'BOT_RESPONSE_TIMEOUT');
});

test('an alert answer, and a reply keyboard with its flags', async () => {
  const alice = world.user({ firstName: 'Alicia' });
  const botUser = world.find('menu_test_bot');
  await alice.sendMessage(botUser, '/start');
  const menu = await alice.waitForMessage({ from: botUser, text: 'Menu', timeoutMs: 3000 });
  const a = await alice.pressButton(menu, { text: 'Alert' });
  assert.equal({ message: a.message, alert: a.alert }, { message: 'Careful!', alert: true });
  await alice.sendMessage(botUser, '/keyboard');
  const pick = await alice.waitForMessage({ from: botUser, text: 'Pick', timeoutMs: 3000 });
  const m = pick.replyMarkup;
  assert.ok(m?._ === 'replyKeyboardMarkup' && m.resize === true && m.single_use === true);
  assert.equal(m?._ === 'replyKeyboardMarkup' ? m.rows.map((r) => r.buttons.map((b) => [b._, b.text])) : [], [
    [['keyboardButtonRequestPhone', 'Share phone']],
    [['keyboardButton', 'Cancel']],
  ]);
});

test('a user client clicks buttons (callback answer, URL, copy) of the bot menu', async () => {
  await user.sendMessage('@menu_test_bot', '/start');
  let menu: Awaited<ReturnType<TelegramClient['getMessages']>>[number];
  await until(() => {
    void user
      .getMessages('@menu_test_bot', [1, 2, 3, 4])
      .then((ms) => {
        menu = ms.find((x) => x?.text === 'Menu');
      })
      .catch(() => {});
    return menu !== undefined;
  });
  const r = await within(user.clickButton(menu!, 'alert'), 3000, 'click');
  assert.is(r.kind, 'callback');
  assert.ok(r.kind === 'callback' && r.answer.alert && r.answer.text === 'Careful!');
  const url = await user.clickButton(menu!, { text: 'Docs' });
  assert.equal(url.kind === 'url' && url.url, 'https://core.telegram.org/bots');
  const copy = await user.clickButton(menu!, { text: 'Copy' });
  assert.equal(copy.kind === 'copy' && copy.text, 'promo-42');
  // The same through the message: its buttons row by row, and message.click.
  assert.ok(menu!.replyMarkup?._ === 'replyInlineMarkup', 'Message.replyMarkup');
  assert.ok(
    menu!.buttons.flat().some((b) => b.text === 'Docs'),
    `Message.buttons: ${menu!.buttons.flat().map((b) => b.text)}`,
  );
  const again = await within(menu!.click('alert'), 3000, 'message.click');
  assert.ok(again.kind === 'callback' && again.answer.text === 'Careful!', 'message.click presses the callback button');
  assert.is(await rpcError(user.getCallbackAnswer('@menu_test_bot', menu!.id, 'nope')), 'DATA_INVALID');
});

test('inline: a user client asks the wasmgram bot, gets built results, sends one via the bot; the bot hears the choice', async () => {
  const bob = world.user({ firstName: 'Bob', username: 'bob_inline' });
  const res = await within(user.getInlineResults('@menu_test_bot', 'hi there', { chat: '@bob_inline' }), 3000, 'inline query');
  const q = seen.inline.at(-1)!;
  assert.is(q.query, 'hi there');
  assert.equal(q.raw.peer_type, { _: 'inlineQueryPeerTypePM' });
  assert.equal(
    res.results.map((r) => [r.id, r.type]),
    [
      ['bold', 'article'],
      ['here', 'geo'],
      ['me', 'contact'],
    ],
  );
  assert.is(res.next_offset, 'page2');
  const page2 = await user.getInlineResults('@menu_test_bot', 'hi there', { chat: '@bob_inline', offset: 'page2' });
  assert.is(page2.next_offset, undefined);
  const sent = await user.sendInlineResult('@bob_inline', res, 'bold');
  assert.is(sent.text, 'hi there');
  assert.equal(
    sent.entities.map((e) => e._),
    ['messageEntityBold'],
  );
  assert.ok(sent.raw._ === 'message' && sent.raw.via_bot_id === botId);
  const got = await bob.waitForMessage({ from: userRecord, timeoutMs: 3000 });
  assert.is(got.viaBotId, botId);
  await until(() => seen.chosen.length > 0);
  assert.is(seen.chosen.at(-1)!.resultId, 'bold');
  assert.is(seen.chosen.at(-1)!.query, 'hi there');
  // Bob presses the via-bot message's button: the wasmgram bot gets an inline callback query and answers it.
  const a = await within(bob.pressButton(got, 'like'), 3000, 'inline press');
  assert.is(a.message, 'Thanks!');
  assert.is(seen.callbacks.at(-1)!.raw._, 'updateInlineBotCallbackQuery');
  const geo = await user.sendInlineResult('@bob_inline', res, 'here');
  assert.ok(geo.raw._ === 'message' && geo.raw.media?._ === 'messageMediaGeo');
  assert.is(await rpcError(user.sendInlineResult('@bob_inline', res, 'nope')), 'RESULT_ID_INVALID');
});

test('bot commands per scope and language, reset; the menu button', async () => {
  await bot.setBotCommands([
    { command: '/start', description: 'Start' },
    { command: 'help', description: 'Help' },
  ]);
  await bot.setBotCommands([{ command: 'start', description: 'Starten' }], { langCode: 'de' });
  await bot.setBotCommands([{ command: 'ban', description: 'Ban someone' }], { scope: 'allChatAdministrators' });
  await bot.setBotCommands([{ command: 'vip', description: 'For Uma' }], { scope: { chat: '@uma_user' } });
  assert.equal(await bot.getBotCommands(), [
    { command: 'start', description: 'Start' },
    { command: 'help', description: 'Help' },
  ]);
  assert.equal(await bot.getBotCommands({ langCode: 'de' }), [{ command: 'start', description: 'Starten' }]);
  assert.equal(await bot.getBotCommands({ scope: 'allChatAdministrators' }), [{ command: 'ban', description: 'Ban someone' }]);
  assert.equal(await bot.getBotCommands({ scope: { chat: '@uma_user' } }), [{ command: 'vip', description: 'For Uma' }]);
  await bot.resetBotCommands({ langCode: 'de' });
  assert.equal(await bot.getBotCommands({ langCode: 'de' }), []);
  assert.is(await rpcError(bot.setBotCommands([{ command: 'x', description: '' }])), 'BOT_COMMAND_DESCRIPTION_INVALID');
  assert.is(await rpcError(user.getBotCommands()), 'USER_BOT_REQUIRED');

  assert.equal(await bot.getBotMenuButton(), { type: 'default' });
  await bot.setBotMenuButton({ type: 'commands' });
  await bot.setBotMenuButton({ type: 'webApp', text: 'Shop', url: 'https://shop.example/app' }, { user: '@uma_user' });
  assert.equal(await bot.getBotMenuButton({ user: '@uma_user' }), { type: 'webApp', text: 'Shop', url: 'https://shop.example/app' });
  assert.equal(await bot.getBotMenuButton(), { type: 'commands' });
  assert.is(await rpcError(bot.setBotMenuButton({ type: 'webApp', text: 'x', url: 'http://insecure.example' })), 'BUTTON_URL_INVALID');
});

test.run();
