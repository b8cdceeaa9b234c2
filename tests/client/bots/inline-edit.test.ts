/**
 * e2e: a wasmgram bot edits messages sent through it in inline mode
 * (https://core.telegram.org/method/messages.editInlineBotMessage,
 * https://core.telegram.org/api/bots/inline): by the id from the chosen-result
 * update (`client.editInlineMessage`), by the Bot API-style string of it, and
 * from a button press on it (`CallbackQuery.editMessage`, which edits chat
 * messages too); the edit reaches every copy. Errors as Telegram gives them.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  type CallbackQuery,
  formatInlineMessageId,
  InlineButton,
  InlineResult,
  inlineKeyboard,
  type InlineSend,
  parseInlineMessageId,
  type TelegramClient,
} from '../../../ts/client/index.js';
import { ArgumentError } from '../../../ts/errors.js';
import { botStore, ScriptedWorld, type ScriptedUser, type TestServer } from '../../../ts/testing/index.js';
import type { UserRecord } from '../../../ts/testing/telegram/index.js';
import type { InputBotInlineMessageID } from '../../../ts/tl/generated/types.js';
import { clientFor, rpcError, startServer, within } from '../_support.js';

let server: TestServer;
let world: ScriptedWorld;
let bot: TelegramClient;
let botId: bigint;
let botUser: UserRecord;
let alice: ScriptedUser;
let bob: ScriptedUser;
const chosen: InlineSend[] = [];
const presses: CallbackQuery[] = [];

async function until<T>(get: () => T | undefined, ms = 3000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  botStore(server.backend).answerTimeoutMs = 5000;
  const made = world.bot({ username: 'edit_inline_bot' });
  botId = made.user.id;
  botUser = made.user;
  botStore(server.backend).configure(botId, { inlineFeedback: true });
  bot = await clientFor(server);
  await within(bot.start({ botToken: made.token }), 8000, 'bot login');
  bot.on('inlineQuery', async (q) => {
    await bot.answerInlineQuery(
      q,
      [
        InlineResult.article({
          id: 'poll',
          title: 'Poll',
          text: `Poll: ${q.query}`,
          replyMarkup: inlineKeyboard([[InlineButton.callback('Vote', 'vote')]]),
        }),
      ],
      { cacheTimeS: 0 },
    );
  });
  bot.on('inlineSend', (s) => void chosen.push(s));
  bot.on('callbackQuery', async (q) => {
    presses.push(q);
    await q.editMessage({ text: `Voted by ${q.userId}`, replyMarkup: inlineKeyboard([]) });
    await q.answer({ text: 'counted' });
  });
  await bot.startUpdates();
  alice = world.user({ firstName: 'Alice' });
  bob = world.user({ firstName: 'Bob' });
});
test.after(async () => {
  await bot.close();
  world.close();
  await server.stop();
});

/** Alice sends the bot's poll to Bob via the bot; the inline id the bot got, and Bob's copy. */
async function sendPoll(query: string) {
  const n = chosen.length;
  const results = await within(alice.inlineQuery(botUser, query, { chat: bob }), 3000, 'inline query');
  await alice.sendInlineResult(bob, results, 'poll');
  const got = await bob.waitForMessage({ from: alice, text: `Poll: ${query}`, timeoutMs: 3000 });
  const sent = await until(() => chosen[n]);
  return { id: sent.inlineMessageId!, got };
}

test('editInlineMessage by the chosen-result id: the text changes in every copy (sender and recipient)', async () => {
  const { id, got } = await sendPoll('lunch');
  assert.is(id._, 'inputBotInlineMessageID64');
  await within(bot.editInlineMessage(id, 'Poll: lunch (closed)'), 3000, 'edit');
  const mine = bob.history(alice).find((m) => m.id === got.id)!;
  assert.is(mine.text, 'Poll: lunch (closed)');
  assert.ok(mine.editDate !== undefined);
  assert.ok(
    alice.history(bob).some((m) => m.text === 'Poll: lunch (closed)'),
    "the sender's copy too",
  );
  assert.ok(mine.replyMarkup?._ === 'replyInlineMarkup', 'buttons stay when not given');
});

test('by the Bot API-style string: buttons removed, text kept; the string round-trips', async () => {
  const { id, got } = await sendPoll('tea');
  const text = formatInlineMessageId(id);
  assert.match(text, /^[A-Za-z0-9_-]{32}$/, '24 bytes, base64url');
  assert.equal(parseInlineMessageId(text), id);
  await bot.editInlineMessage(text, { replyMarkup: inlineKeyboard([]) });
  const mine = bob.history(alice).find((m) => m.id === got.id)!;
  assert.is(mine.replyMarkup, undefined);
  assert.is(mine.text, 'Poll: tea');
  // The legacy 20-byte form parses too.
  const legacy: InputBotInlineMessageID = { _: 'inputBotInlineMessageID', dc_id: 2, id: 123456789012345n, access_hash: -5n };
  assert.equal(parseInlineMessageId(formatInlineMessageId(legacy)), legacy);
});

test('a press on the inline message: CallbackQuery.editMessage edits it by its inline id', async () => {
  const { got } = await sendPoll('cake');
  const answer = await within(bob.pressButton(got, 'vote'), 4000, 'press');
  assert.is(answer.message, 'counted');
  const q = presses.at(-1)!;
  assert.ok(q.inlineMessageId, 'an inline press names the message by its inline id');
  assert.is(q.messageId, undefined);
  const mine = bob.history(alice).find((m) => m.id === got.id)!;
  assert.is(mine.text, `Voted by ${bob.id}`);
  assert.is(mine.replyMarkup, undefined);
});

test('a press on a chat message: CallbackQuery.editMessage uses messages.editMessage', async () => {
  // The bot learns Alice (and her access hash) from her message.
  const hello = new Promise<void>((resolve) => bot.on('newMessage', (m) => m.text === '/start' && resolve()));
  await alice.sendMessage(botUser, '/start');
  await within(hello, 3000, 'the bot hears /start');
  const menu = await bot.sendMessage(alice.id, 'Menu', { replyMarkup: inlineKeyboard([[InlineButton.callback('Vote', 'vote')]]) });
  const copy = await alice.waitForMessage({ from: botUser, text: 'Menu', timeoutMs: 3000 });
  await within(alice.pressButton(copy, 'vote'), 4000, 'press');
  assert.is(presses.at(-1)!.inlineMessageId, undefined);
  assert.is(presses.at(-1)!.messageId, menu.id);
  assert.is(alice.history(botUser).find((m) => m.id === copy.id)!.text, `Voted by ${alice.id}`);
});

test('errors: MESSAGE_NOT_MODIFIED, MESSAGE_ID_INVALID (wrong hash, unknown id, not via this bot), USER_BOT_REQUIRED, a bad string', async () => {
  const { id } = await sendPoll('soup');
  assert.is(await rpcError(bot.editInlineMessage(id, 'Poll: soup')), 'MESSAGE_NOT_MODIFIED');
  if (id._ !== 'inputBotInlineMessageID64') throw new Error('64-bit id expected');
  assert.is(await rpcError(bot.editInlineMessage({ ...id, access_hash: id.access_hash ^ 1n }, 'x')), 'MESSAGE_ID_INVALID');
  assert.is(await rpcError(bot.editInlineMessage({ ...id, id: id.id + 1000 }, 'x')), 'MESSAGE_ID_INVALID');
  const plain = await alice.sendMessage(bob, 'not via a bot');
  const forged = { ...id, id: plain.id };
  assert.is(await rpcError(bot.editInlineMessage(forged, 'x')), 'MESSAGE_ID_INVALID');
  await rejectsUser(id);
  try {
    await bot.editInlineMessage('not-an-id', 'x');
    assert.unreachable('expected ArgumentError');
  } catch (e) {
    assert.instance(e, ArgumentError);
  }
});

/** A person's account may not call it: 400 USER_BOT_REQUIRED. */
async function rejectsUser(id: InputBotInlineMessageID): Promise<void> {
  try {
    await alice.invoke({ _: 'messages.editInlineBotMessage', id, message: 'x' });
    assert.unreachable('expected USER_BOT_REQUIRED');
  } catch (e) {
    assert.is((e as { text?: string }).text, 'USER_BOT_REQUIRED');
  }
}

test.run();
