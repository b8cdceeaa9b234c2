/**
 * Keyboards and callback queries in the in-memory Telegram
 * (https://core.telegram.org/api/bots/buttons): what markup a message keeps
 * and the errors for bad buttons; a press reaches the bot as
 * updateBotCallbackQuery and its answer comes back to the user; the
 * deadline (BOT_RESPONSE_TIMEOUT), dead query ids (QUERY_ID_INVALID),
 * DATA_INVALID, MESSAGE_ID_INVALID, URL rules of answers.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { KeyboardButton, ReplyMarkup } from '../../../ts/tl/generated/types.js';
import { rejects } from '../_rpc.js';
import { bytes, setup } from './_bots.js';

const rid = (() => {
  let n = 1n;
  return () => n++;
})();

const inline = (...rows: KeyboardButton[][]): ReplyMarkup => ({
  _: 'replyInlineMarkup',
  rows: rows.map((buttons) => ({ _: 'keyboardButtonRow', buttons })),
});
const cb = (text: string, data: string): KeyboardButton => ({ _: 'keyboardButtonCallback', text, data: bytes(data) });

/** The bot sends `text` with `markup` to Alice; returns Alice's copy. */
async function botSends(s: ReturnType<typeof setup>, text: string, markup: ReplyMarkup) {
  await s.bot.invoke({ _: 'messages.sendMessage', peer: s.bot.inputPeer(s.alice), message: text, random_id: rid(), reply_markup: markup });
  return s.alice.waitForMessage({ from: s.botUser, text, timeoutMs: 1000 });
}

test('a bot message keeps its inline keyboard; the user copy carries it as reply_markup', async () => {
  const s = setup();
  const m = await botSends(
    s,
    'menu',
    inline([cb('Like', 'like'), cb('Dislike', 'dislike')], [{ _: 'keyboardButtonUrl', text: 'Site', url: 'https://example.org' }]),
  );
  const raw = s.backend.tlMessage(m, s.alice.id);
  assert.is(raw._, 'message');
  const markup = raw._ === 'message' ? raw.reply_markup : undefined;
  assert.is(markup?._, 'replyInlineMarkup');
  assert.equal(markup?._ === 'replyInlineMarkup' ? markup.rows.map((r) => r.buttons.map((b) => b.text)) : [], [
    ['Like', 'Dislike'],
    ['Site'],
  ]);
});

test("a user's reply_markup is dropped, as Telegram drops it", async () => {
  const s = setup();
  const bob = s.world.user({ firstName: 'Bob' });
  await s.alice.invoke({
    _: 'messages.sendMessage',
    peer: s.alice.inputPeer(bob),
    message: 'hi',
    random_id: rid(),
    reply_markup: inline([cb('x', 'x')]),
  });
  const got = await bob.waitForMessage({ from: s.alice, timeoutMs: 1000 });
  assert.is(got.replyMarkup, undefined);
});

test('button checks: BUTTON_DATA_INVALID (65 bytes), BUTTON_TYPE_INVALID (reply kind inline), BUTTON_URL_INVALID, BUTTON_TEXT_INVALID', async () => {
  const s = setup();
  const send = (markup: ReplyMarkup) =>
    s.bot.invoke({ _: 'messages.sendMessage', peer: s.bot.inputPeer(s.alice), message: 'x', random_id: rid(), reply_markup: markup });
  await rejects(send(inline([cb('big', 'x'.repeat(65))])), 400, 'BUTTON_DATA_INVALID');
  await rejects(send(inline([{ _: 'keyboardButtonRequestPhone', text: 'phone' }])), 400, 'BUTTON_TYPE_INVALID');
  await rejects(
    send({ _: 'replyKeyboardMarkup', rows: [{ _: 'keyboardButtonRow', buttons: [cb('a', 'a')] }] }),
    400,
    'BUTTON_TYPE_INVALID',
  );
  await rejects(send(inline([{ _: 'keyboardButtonUrl', text: 'x', url: 'javascript:alert(1)' }])), 400, 'BUTTON_URL_INVALID');
  await rejects(send(inline([{ _: 'keyboardButtonWebView', text: 'x', url: 'http://plain.example' }])), 400, 'BUTTON_URL_INVALID');
  await rejects(send(inline([cb(' ', 'a')])), 400, 'BUTTON_TEXT_INVALID');
  await send(inline([cb('ok', 'x'.repeat(64))])); // 64 bytes is the limit
});

test('input buttons are stored as users receive them: user profile with its id, URL auth with a button id', async () => {
  const s = setup();
  const m = await botSends(
    s,
    'who',
    inline([
      { _: 'inputKeyboardButtonUserProfile', text: 'Alice', user_id: s.bot.inputUser(s.alice) },
      { _: 'inputKeyboardButtonUrlAuth', text: 'Log in', url: 'https://example.org/login', bot: { _: 'inputUserSelf' } },
    ]),
  );
  const buttons = m.replyMarkup?._ === 'replyInlineMarkup' ? m.replyMarkup.rows[0]!.buttons : [];
  assert.equal(buttons[0], { _: 'keyboardButtonUserProfile', text: 'Alice', user_id: s.alice.id });
  assert.is(buttons[1]!._, 'keyboardButtonUrlAuth');
});

test('reply keyboard, removal and force reply are kept with their flags', async () => {
  const s = setup();
  const m = await botSends(s, 'pick', {
    _: 'replyKeyboardMarkup',
    resize: true,
    single_use: true,
    persistent: true,
    placeholder: 'choose',
    rows: [
      {
        _: 'keyboardButtonRow',
        buttons: [
          { _: 'keyboardButton', text: 'A' },
          { _: 'keyboardButtonRequestGeoLocation', text: 'Where' },
        ],
      },
    ],
  });
  assert.is(m.replyMarkup?._, 'replyKeyboardMarkup');
  assert.ok(m.replyMarkup?._ === 'replyKeyboardMarkup' && m.replyMarkup.resize && m.replyMarkup.persistent);
  const hide = await botSends(s, 'bye', { _: 'replyKeyboardHide', selective: true });
  assert.equal(hide.replyMarkup, { _: 'replyKeyboardHide', selective: true });
  const force = await botSends(s, 'answer me', { _: 'replyKeyboardForceReply', placeholder: 'type' });
  assert.is(force.replyMarkup?._, 'replyKeyboardForceReply');
});

test('a press reaches the bot as updateBotCallbackQuery; its answer returns to the user', async () => {
  const s = setup();
  const m = await botSends(s, 'menu', inline([cb('Like', 'like')]));
  const pressing = s.alice.pressButton(m, 'like');
  const q = await s.botUpdates.next('updateBotCallbackQuery');
  assert.is(q.user_id, s.alice.id);
  assert.equal(q.peer, { _: 'peerUser', user_id: s.alice.id });
  assert.equal(q.data, bytes('like'));
  const botCopy = s.bot.history(s.alice).at(-1)!;
  assert.is(q.msg_id, botCopy.id, "the bot's own id of the message");
  await s.bot.invoke({ _: 'messages.setBotCallbackAnswer', query_id: q.query_id, message: 'Thanks!', alert: true, cache_time: 5 });
  const answer = await pressing;
  assert.equal(answer, { _: 'messages.botCallbackAnswer', alert: true, message: 'Thanks!', cache_time: 5 });
  // The query is answered: a second answer is refused.
  await rejects(s.bot.invoke({ _: 'messages.setBotCallbackAnswer', query_id: q.query_id, cache_time: 0 }), 400, 'QUERY_ID_INVALID');
});

test('press errors: DATA_INVALID, MESSAGE_ID_INVALID; bots cannot press (BOT_METHOD_INVALID)', async () => {
  const s = setup();
  const m = await botSends(s, 'menu', inline([cb('Like', 'like')]));
  const peer = s.alice.inputPeer(s.botUser);
  await rejects(s.alice.invoke({ _: 'messages.getBotCallbackAnswer', peer, msg_id: m.id, data: bytes('nope') }), 400, 'DATA_INVALID');
  await rejects(s.alice.invoke({ _: 'messages.getBotCallbackAnswer', peer, msg_id: 9999, data: bytes('like') }), 400, 'MESSAGE_ID_INVALID');
  await rejects(s.alice.invoke({ _: 'messages.getBotCallbackAnswer', peer, msg_id: m.id, game: true }), 400, 'DATA_INVALID');
  const other = s.world.bot({ username: 'other_bot' }).bot;
  await rejects(
    other.invoke({ _: 'messages.getBotCallbackAnswer', peer: other.inputPeer(s.alice), msg_id: 1, data: bytes('like') }),
    400,
    'BOT_METHOD_INVALID',
  );
});

test('a silent bot: BOT_RESPONSE_TIMEOUT after the deadline, and the late answer gets QUERY_ID_INVALID', async () => {
  const s = setup(60);
  const m = await botSends(s, 'menu', inline([cb('Like', 'like')]));
  const t0 = Date.now();
  await rejects(s.alice.pressButton(m, { text: 'Like' }), 400, 'BOT_RESPONSE_TIMEOUT', 'messages.getBotCallbackAnswer');
  assert.ok(Date.now() - t0 < 2000, 'the deadline holds');
  const q = await s.botUpdates.next('updateBotCallbackQuery');
  await rejects(s.bot.invoke({ _: 'messages.setBotCallbackAnswer', query_id: q.query_id, cache_time: 0 }), 400, 'QUERY_ID_INVALID');
});

test("answers: another bot's query is QUERY_ID_INVALID; a plain URL is URL_INVALID, t.me/<bot>?start= is allowed; users get USER_BOT_REQUIRED", async () => {
  const s = setup();
  const m = await botSends(s, 'menu', inline([cb('Go', 'go')]));
  const pressing = s.alice.pressButton(m, 'go');
  const q = await s.botUpdates.next('updateBotCallbackQuery');
  const other = s.world.bot({ username: 'other_bot' }).bot;
  await rejects(other.invoke({ _: 'messages.setBotCallbackAnswer', query_id: q.query_id, cache_time: 0 }), 400, 'QUERY_ID_INVALID');
  await rejects(s.alice.invoke({ _: 'messages.setBotCallbackAnswer', query_id: q.query_id, cache_time: 0 }), 400, 'USER_BOT_REQUIRED');
  await rejects(
    s.bot.invoke({ _: 'messages.setBotCallbackAnswer', query_id: q.query_id, url: 'https://example.org', cache_time: 0 }),
    400,
    'URL_INVALID',
  );
  await rejects(
    s.bot.invoke({ _: 'messages.setBotCallbackAnswer', query_id: q.query_id, message: 'x'.repeat(201), cache_time: 0 }),
    400,
    'MESSAGE_TOO_LONG',
  );
  await s.bot.invoke({ _: 'messages.setBotCallbackAnswer', query_id: q.query_id, url: 't.me/menu_bot?start=promo', cache_time: 0 });
  assert.equal(await pressing, { _: 'messages.botCallbackAnswer', url: 't.me/menu_bot?start=promo', has_url: true, cache_time: 0 });
});

test('in a group every member presses the same message: the bot sees the chat and one chat_instance', async () => {
  const s = setup();
  const bob = s.world.user({ firstName: 'Bob' });
  const group = await s.alice.createGroup('Club', [bob, s.botUser]);
  await s.bot.invoke({
    _: 'messages.sendMessage',
    peer: s.bot.inputPeer(group),
    message: 'vote',
    random_id: rid(),
    reply_markup: inline([cb('Yes', 'yes')]),
  });
  const ma = await s.alice.waitForMessage({ chat: group, text: 'vote', timeoutMs: 1000 });
  const mb = await bob.waitForMessage({ chat: group, text: 'vote', timeoutMs: 1000 });
  const pa = s.alice.pressButton(ma, 'yes');
  const qa = await s.botUpdates.next('updateBotCallbackQuery');
  const pb = bob.pressButton(mb, 'yes');
  const qb = await s.botUpdates.next('updateBotCallbackQuery');
  assert.equal(qa.peer, { _: 'peerChat', chat_id: group.id });
  assert.is(qa.msg_id, qb.msg_id);
  assert.is(qa.chat_instance, qb.chat_instance);
  assert.is.not(qa.query_id, qb.query_id);
  for (const q of [qa, qb])
    await s.bot.invoke({ _: 'messages.setBotCallbackAnswer', query_id: q.query_id, message: `hi ${q.user_id}`, cache_time: 0 });
  assert.is((await pa).message, `hi ${s.alice.id}`);
  assert.is((await pb).message, `hi ${bob.id}`);
});

test('a bot edits its buttons away (empty inline keyboard); the same markup again is MESSAGE_NOT_MODIFIED', async () => {
  const s = setup();
  const m = await botSends(s, 'menu', inline([cb('Like', 'like')]));
  const botCopy = s.bot.history(s.alice).at(-1)!;
  const peer = s.bot.inputPeer(s.alice);
  await rejects(
    s.bot.invoke({ _: 'messages.editMessage', peer, id: botCopy.id, reply_markup: inline([cb('Like', 'like')]) }),
    400,
    'MESSAGE_NOT_MODIFIED',
  );
  await s.bot.invoke({ _: 'messages.editMessage', peer, id: botCopy.id, reply_markup: inline([cb('Liked', 'liked')]) });
  assert.equal(m.replyMarkup, inline([cb('Liked', 'liked')]));
  await s.bot.invoke({ _: 'messages.editMessage', peer, id: botCopy.id, reply_markup: { _: 'replyInlineMarkup', rows: [] } });
  assert.is(m.replyMarkup, undefined);
  // The old button is gone: the server refuses its data.
  await rejects(
    s.alice.invoke({ _: 'messages.getBotCallbackAnswer', peer: s.alice.inputPeer(s.botUser), msg_id: m.id, data: bytes('like') }),
    400,
    'DATA_INVALID',
  );
});
test.run();
