/**
 * Inline queries in the in-memory Telegram (https://core.telegram.org/api/bots/inline):
 * the query reaches the bot with the chat's peer type, its results return
 * to the user (with the bot in `users`), the server-side cache, sending a
 * result `via @bot` (and updateBotInlineSend with inline feedback on), and
 * Telegram's errors for each step.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { botStore } from '../../../ts/testing/telegram/index.js';
import type { InputBotInlineResult } from '../../../ts/tl/generated/types.js';
import { rejects } from '../_rpc.js';
import { bytes, setup } from './_bots.js';

const article = (id: string, title: string, text: string): InputBotInlineResult => ({
  _: 'inputBotInlineResult',
  id,
  type: 'article',
  title,
  send_message: { _: 'inputBotInlineMessageText', message: text },
});

test('a query reaches the bot (peer type, offset); the answer returns to the user with the bot in users', async () => {
  const s = setup();
  const bob = s.world.user({ firstName: 'Bob' });
  const asking = s.alice.inlineQuery(s.botUser, 'cats', { chat: bob });
  const q = await s.botUpdates.next('updateBotInlineQuery');
  assert.is(q.query, 'cats');
  assert.is(q.user_id, s.alice.id);
  assert.equal(q.peer_type, { _: 'inlineQueryPeerTypePM' });
  assert.is(q.offset, '');
  await s.bot.invoke({
    _: 'messages.setInlineBotResults',
    query_id: q.query_id,
    results: [article('1', 'Cat', 'meow'), article('2', 'Kitten', 'mew')],
    cache_time: 0,
    next_offset: '2',
  });
  const res = await asking;
  assert.is(res.query_id, q.query_id);
  assert.equal(
    res.results.map((r) => [r.id, r.title]),
    [
      ['1', 'Cat'],
      ['2', 'Kitten'],
    ],
  );
  assert.is(res.next_offset, '2');
  assert.equal(
    res.users.map((u) => u.id),
    [s.botUser.id],
  );
});

test('peer types: the bot chat, a group, a supergroup, a channel', async () => {
  const s = setup();
  const group = await s.alice.createGroup('G', [s.world.user()]);
  const mega = await s.alice.createChannel('M');
  const chan = await s.alice.createChannel('C', { broadcast: true });
  const want = [
    [s.botUser, 'inlineQueryPeerTypeSameBotPM'],
    [group, 'inlineQueryPeerTypeChat'],
    [mega, 'inlineQueryPeerTypeMegagroup'],
    [chan, 'inlineQueryPeerTypeBroadcast'],
  ] as const;
  for (const [chat, type] of want) {
    const asking = s.alice.inlineQuery(s.botUser, 'x', { chat });
    const q = await s.botUpdates.next('updateBotInlineQuery');
    assert.is(q.peer_type?._, type);
    await s.bot.invoke({ _: 'messages.setInlineBotResults', query_id: q.query_id, results: [], cache_time: 0 });
    await asking;
  }
});

test('sending a result posts it via @bot with its keyboard; feedback (when on) gives the bot updateBotInlineSend with msg_id', async () => {
  const s = setup();
  botStore(s.backend).configure(s.botUser.id, { inlineFeedback: true });
  const bob = s.world.user({ firstName: 'Bob' });
  const asking = s.alice.inlineQuery(s.botUser, 'vote', { chat: bob });
  const q = await s.botUpdates.next('updateBotInlineQuery');
  const markup = {
    _: 'replyInlineMarkup' as const,
    rows: [{ _: 'keyboardButtonRow' as const, buttons: [{ _: 'keyboardButtonCallback' as const, text: 'Yes', data: bytes('yes') }] }],
  };
  await s.bot.invoke({
    _: 'messages.setInlineBotResults',
    query_id: q.query_id,
    results: [
      {
        _: 'inputBotInlineResult',
        id: 'poll',
        type: 'article',
        title: 'Vote',
        send_message: { _: 'inputBotInlineMessageText', message: 'Vote now', reply_markup: markup },
      },
    ],
    cache_time: 0,
  });
  const res = await asking;
  const sent = await s.alice.sendInlineResult(bob, res, 'poll');
  assert.is(sent.text, 'Vote now');
  assert.is(sent.viaBotId, s.botUser.id);
  const got = await bob.waitForMessage({ from: s.alice, timeoutMs: 1000 });
  const raw = s.backend.tlMessage(got, bob.id);
  assert.ok(raw._ === 'message' && raw.via_bot_id === s.botUser.id);
  assert.ok(raw._ === 'message' && raw.reply_markup?._ === 'replyInlineMarkup');
  const chosen = await s.botUpdates.next('updateBotInlineSend');
  assert.is(chosen.id, 'poll');
  assert.is(chosen.query, 'vote');
  assert.is(chosen.user_id, s.alice.id);
  assert.is(chosen.msg_id?._, 'inputBotInlineMessageID64');
  // Bob presses the button of the via-bot message: the bot gets updateInlineBotCallbackQuery with the same inline id.
  const pressing = bob.pressButton(got, 'yes');
  const cq = await s.botUpdates.next('updateInlineBotCallbackQuery');
  assert.equal(cq.msg_id, chosen.msg_id);
  assert.is(cq.user_id, bob.id);
  await s.bot.invoke({ _: 'messages.setBotCallbackAnswer', query_id: cq.query_id, message: 'counted', cache_time: 0 });
  assert.is((await pressing).message, 'counted');
});

test('without inline feedback the bot gets no updateBotInlineSend', async () => {
  const s = setup();
  const asking = s.alice.inlineQuery(s.botUser, 'q');
  const q = await s.botUpdates.next('updateBotInlineQuery');
  await s.bot.invoke({ _: 'messages.setInlineBotResults', query_id: q.query_id, results: [article('a', 'A', 'aaa')], cache_time: 0 });
  await s.alice.sendInlineResult(s.botUser, await asking, 'a');
  await new Promise((r) => setTimeout(r, 20));
  assert.not.ok(s.botUpdates.got.some((u) => u._ === 'updateBotInlineSend'));
});

test('answers are cached for cache_time: the same query is answered without asking the bot again, until it expires', async () => {
  const s = setup();
  const bob = s.world.user({ firstName: 'Bob' });
  const asking = s.alice.inlineQuery(s.botUser, 'news');
  const q = await s.botUpdates.next('updateBotInlineQuery');
  await s.bot.invoke({ _: 'messages.setInlineBotResults', query_id: q.query_id, results: [article('n', 'News', 'n')], cache_time: 60 });
  await asking;
  const again = await bob.inlineQuery(s.botUser, 'news');
  assert.is(again.query_id, q.query_id, 'served from the cache (a shared answer)');
  assert.is(s.botUpdates.got.length, 0);
  s.clock.advance(61);
  const later = s.alice.inlineQuery(s.botUser, 'news');
  const q2 = await s.botUpdates.next('updateBotInlineQuery');
  await s.bot.invoke({ _: 'messages.setInlineBotResults', query_id: q2.query_id, results: [], cache_time: 0, private: true });
  assert.is((await later).query_id, q2.query_id);
});

test('setInlineBotResults errors: RESULT_ID_DUPLICATE, ARTICLE_TITLE_EMPTY, RESULT_TYPE_INVALID, MESSAGE_EMPTY, REPLY_MARKUP_INVALID, PHOTO_INVALID, RESULTS_TOO_MUCH, QUERY_ID_INVALID', async () => {
  const s = setup();
  const asking = s.alice.inlineQuery(s.botUser, 'x');
  const q = await s.botUpdates.next('updateBotInlineQuery');
  const set = (results: InputBotInlineResult[], query_id = q.query_id) =>
    s.bot.invoke({ _: 'messages.setInlineBotResults', query_id, results, cache_time: 0 });
  await rejects(set([article('1', 'a', 'a'), article('1', 'b', 'b')]), 400, 'RESULT_ID_DUPLICATE');
  await rejects(set([article('1', '', 'a')]), 400, 'ARTICLE_TITLE_EMPTY');
  await rejects(set([{ ...article('1', 'a', 'a'), type: 'hologram' } as InputBotInlineResult]), 400, 'RESULT_TYPE_INVALID');
  await rejects(set([article('1', 'a', '  ')]), 400, 'MESSAGE_EMPTY');
  await rejects(set([article('', 'a', 'a')]), 400, 'RESULT_ID_INVALID');
  await rejects(
    set([
      {
        ...article('1', 'a', 'a'),
        send_message: { _: 'inputBotInlineMessageText', message: 'a', reply_markup: { _: 'replyKeyboardHide' } },
      } as InputBotInlineResult,
    ]),
    400,
    'REPLY_MARKUP_INVALID',
  );
  await rejects(
    set([
      {
        _: 'inputBotInlineResultPhoto',
        id: 'p',
        type: 'photo',
        photo: { _: 'inputPhoto', id: 42n, access_hash: 1n, file_reference: new Uint8Array() },
        send_message: { _: 'inputBotInlineMessageMediaAuto', message: '' },
      },
    ]),
    400,
    'PHOTO_INVALID',
  );
  await rejects(set(Array.from({ length: 51 }, (_, i) => article(`${i}`, 't', 't'))), 400, 'RESULTS_TOO_MUCH');
  await rejects(set([], 12345n), 400, 'QUERY_ID_INVALID');
  await set([article('ok', 'OK', 'ok')]);
  assert.is((await asking).results.length, 1);
});

test('getInlineBotResults errors: BOT_INVALID (a person), BOT_INLINE_DISABLED, BOT_RESPONSE_TIMEOUT', async () => {
  const s = setup(50);
  const bob = s.world.user({ firstName: 'Bob' });
  await rejects(s.alice.inlineQuery(bob, 'x', { chat: bob }), 400, 'BOT_INVALID');
  botStore(s.backend).configure(s.botUser.id, { inline: false });
  await rejects(s.alice.inlineQuery(s.botUser, 'x'), 400, 'BOT_INLINE_DISABLED');
  botStore(s.backend).configure(s.botUser.id, { inline: true });
  await rejects(s.alice.inlineQuery(s.botUser, 'x'), 400, 'BOT_RESPONSE_TIMEOUT', 'messages.getInlineBotResults');
  assert.is(botStore(s.backend).pendingCount(s.botUser.id), 0);
});

test("sendInlineBotResult errors: RESULT_ID_INVALID, QUERY_ID_EMPTY, INLINE_RESULT_EXPIRED (unknown or too old), private answers are the asker's", async () => {
  const s = setup();
  const bob = s.world.user({ firstName: 'Bob' });
  const asking = s.alice.inlineQuery(s.botUser, 'p');
  const q = await s.botUpdates.next('updateBotInlineQuery');
  await s.bot.invoke({
    _: 'messages.setInlineBotResults',
    query_id: q.query_id,
    results: [article('a', 'A', 'a')],
    cache_time: 0,
    private: true,
  });
  const res = await asking;
  await rejects(s.alice.sendInlineResult(bob, res, 'zzz'), 400, 'RESULT_ID_INVALID');
  await rejects(s.alice.sendInlineResult(bob, { ...res, query_id: 0n }, 'a'), 400, 'QUERY_ID_EMPTY');
  await rejects(s.alice.sendInlineResult(bob, { ...res, query_id: 777n }, 'a'), 400, 'INLINE_RESULT_EXPIRED');
  await rejects(bob.sendInlineResult(s.alice, res, 'a'), 400, 'INLINE_RESULT_EXPIRED');
  s.clock.advance(3601);
  await rejects(s.alice.sendInlineResult(bob, res, 'a'), 400, 'INLINE_RESULT_EXPIRED');
});

test.run();
