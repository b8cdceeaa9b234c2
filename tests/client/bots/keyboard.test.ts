/**
 * Keyboard, button and inline result builders (no server): each builds the
 * TL constructor of the layer (https://core.telegram.org/api/bots/buttons,
 * https://core.telegram.org/api/bots/inline), checks what the client can
 * check (callback data 1..64 bytes, 100 buttons, 50 results, ids), and
 * encodes to the bytes the schema defines.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  buttonRows,
  findButton,
  forceReply,
  InlineButton,
  InlineResult,
  inlineKeyboard,
  removeKeyboard,
  ReplyButton,
  replyKeyboard,
  toCallbackAnswer,
} from '../../../ts/client/index.js';
import { answerInlineQuery } from '../../../ts/client/methods/bots/answer-inline-query.js';
import { ArgumentError } from '../../../ts/errors.js';
import { encode } from '../../../ts/tl/codec/index.js';
import type { ClientCore } from '../../../ts/client/index.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const u8 = (s: string) => new TextEncoder().encode(s);

test('inlineKeyboard([[callback A/a]]) encodes to the schema bytes (replyInlineMarkup#48a30254, keyboardButtonRow#77608b83, keyboardButtonCallback#e62bc960)', () => {
  const bytes = encode(inlineKeyboard([[InlineButton.callback('A', 'a')]]));
  // Little-endian constructor ids, then the fields (https://core.telegram.org/mtproto/serialize).
  const want =
    '5402a348' + // replyInlineMarkup#48a30254
    '15c4b51c' + // vector#1cb5c415
    '01000000' +
    '838b6077' + // keyboardButtonRow#77608b83
    '15c4b51c' +
    '01000000' +
    '60c92be6' + // keyboardButtonCallback#e62bc960
    '00000000' + // flags
    '01410000' + // "A"
    '01610000'; // "a"
  assert.is(hex(bytes), want);
});

test('every inline button kind of the layer, with style', () => {
  const bot = { _: 'inputUser' as const, user_id: 5n, access_hash: 6n };
  const rows = inlineKeyboard([
    [InlineButton.callback('cb', new Uint8Array([1, 2]), { requiresPassword: true, style: { danger: true } })],
    [InlineButton.url('url', 'https://x.example'), InlineButton.switchInline('sw', 'q', { chatTypes: ['pm', 'megagroup'] })],
    [InlineButton.switchInlineCurrentChat('here', 'q2'), InlineButton.game('play'), InlineButton.buy('pay')],
    [InlineButton.loginUrl('login', 'https://x.example/auth', { bot, forwardText: 'fwd', requestWriteAccess: true })],
    [InlineButton.userProfile('who', bot), InlineButton.webApp('app', 'https://x.example/app')],
    [InlineButton.copyText('copy', 'secret-ish', { style: { primary: true, iconEmojiId: 7n } })],
  ]).rows.map((r) => r.buttons);
  assert.equal(rows[0]![0], {
    _: 'keyboardButtonCallback',
    text: 'cb',
    data: new Uint8Array([1, 2]),
    requires_password: true,
    style: { _: 'keyboardButtonStyle', bg_danger: true },
  });
  assert.equal(rows[1]![1], {
    _: 'keyboardButtonSwitchInline',
    text: 'sw',
    query: 'q',
    peer_types: [{ _: 'inlineQueryPeerTypePM' }, { _: 'inlineQueryPeerTypeMegagroup' }],
  });
  assert.equal(rows[2]![0], { _: 'keyboardButtonSwitchInline', text: 'here', query: 'q2', same_peer: true });
  assert.equal(
    rows.flat().map((b) => b._),
    [
      'keyboardButtonCallback',
      'keyboardButtonUrl',
      'keyboardButtonSwitchInline',
      'keyboardButtonSwitchInline',
      'keyboardButtonGame',
      'keyboardButtonBuy',
      'inputKeyboardButtonUrlAuth',
      'inputKeyboardButtonUserProfile',
      'keyboardButtonWebView',
      'keyboardButtonCopy',
    ],
  );
  assert.equal(rows[3]![0], {
    _: 'inputKeyboardButtonUrlAuth',
    text: 'login',
    url: 'https://x.example/auth',
    bot,
    fwd_text: 'fwd',
    request_write_access: true,
  });
  assert.equal(rows[5]![0], {
    _: 'keyboardButtonCopy',
    text: 'copy',
    copy_text: 'secret-ish',
    style: { _: 'keyboardButtonStyle', bg_primary: true, icon: 7n },
  });
  for (const r of rows) for (const b of r) assert.ok(encode(b).length > 0, `${b._} encodes`);
});

test('reply keyboard: strings are text buttons; resize, one-time, selective, placeholder, persistent; request buttons', () => {
  const k = replyKeyboard(
    [
      ['Yes', 'No'],
      [ReplyButton.requestContact('phone'), ReplyButton.requestLocation('where')],
      [ReplyButton.requestPoll('quiz', { quiz: true }), ReplyButton.webApp('app', 'https://a.example')],
      [
        ReplyButton.requestPeer('pick', {
          buttonId: 3,
          peerType: { group: { creator: true, hasUsername: true } },
          maxQuantity: 2,
          requestName: true,
        }),
      ],
    ],
    { resize: true, oneTime: true, selective: true, placeholder: 'choose', persistent: true },
  );
  assert.equal(
    { resize: k.resize, single_use: k.single_use, selective: k.selective, placeholder: k.placeholder, persistent: k.persistent },
    { resize: true, single_use: true, selective: true, placeholder: 'choose', persistent: true },
  );
  assert.equal(k.rows[0]!.buttons, [
    { _: 'keyboardButton', text: 'Yes' },
    { _: 'keyboardButton', text: 'No' },
  ]);
  assert.equal(k.rows[2]!.buttons[0], { _: 'keyboardButtonRequestPoll', text: 'quiz', quiz: true });
  assert.equal(k.rows[3]!.buttons[0], {
    _: 'inputKeyboardButtonRequestPeer',
    text: 'pick',
    button_id: 3,
    peer_type: { _: 'requestPeerTypeChat', creator: true, has_username: true },
    max_quantity: 2,
    name_requested: true,
  });
  assert.ok(encode(k).length > 0);
  assert.equal(removeKeyboard({ selective: true }), { _: 'replyKeyboardHide', selective: true });
  assert.equal(forceReply({ placeholder: 'name', singleUse: true }), {
    _: 'replyKeyboardForceReply',
    single_use: true,
    placeholder: 'name',
  });
});

test('client-side checks: callback data 1..64 bytes (UTF-8), empty text, 100 buttons, placeholder 64, maxQuantity 1..10', () => {
  InlineButton.callback('ok', 'x'.repeat(64));
  assert.throws(
    () => InlineButton.callback('big', 'x'.repeat(65)),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => InlineButton.callback('big', 'é'.repeat(33)),
    (e: unknown) => e instanceof ArgumentError,
    '66 bytes in UTF-8',
  );
  assert.throws(
    () => InlineButton.callback('empty', ''),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => InlineButton.url(' ', 'https://a'),
    (e: unknown) => e instanceof ArgumentError,
  );
  const many = Array.from({ length: 101 }, (_, i) => InlineButton.callback(`${i}`, `${i}`));
  assert.throws(
    () => inlineKeyboard(buttonRows(many, 8)),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => replyKeyboard([['a']], { placeholder: 'p'.repeat(65) }),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => replyKeyboard([[]]),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => ReplyButton.requestPeer('x', { buttonId: 1, peerType: { user: {} }, maxQuantity: 11 }),
    (e: unknown) => e instanceof ArgumentError,
  );
});

test('buttonRows lays out a flat list; empty rows are dropped; findButton by data, text, position, predicate', () => {
  const bs = ['a', 'b', 'c', 'd', 'e'].map((x) => InlineButton.callback(x.toUpperCase(), x));
  assert.equal(
    buttonRows(bs, 2).map((r) => r.map((b) => b.text)),
    [['A', 'B'], ['C', 'D'], ['E']],
  );
  const k = inlineKeyboard([[], ...buttonRows(bs, 2)]);
  assert.is(k.rows.length, 3);
  assert.is(findButton(k, 'c')?.text, 'C');
  assert.is(findButton(k, u8('d'))?.text, 'D');
  assert.is(findButton(k, { text: 'E' })?.text, 'E');
  assert.is(findButton(k, 'E')?.text, 'E', 'a string falls back to the text');
  assert.is(findButton(k, { row: 1, column: 1 })?.text, 'D');
  assert.is(findButton(k, (_b, row, col) => row === 0 && col === 1)?.text, 'B');
  assert.is(findButton(k, 'zzz'), undefined);
  assert.is(findButton(undefined, 'a'), undefined);
});

test('inline results: article (markdown + keyboard), cached photo/document by input id, web photo, location, venue, contact', () => {
  const kb = inlineKeyboard([[InlineButton.callback('Like', 'like')]]);
  const a = InlineResult.article({ id: '1', title: 'T', description: 'D', text: '**hi**', parseMode: 'markdown', replyMarkup: kb });
  assert.equal(a.send_message, {
    _: 'inputBotInlineMessageText',
    message: 'hi',
    entities: [{ _: 'messageEntityBold', offset: 0, length: 2 }],
    reply_markup: kb,
  });
  const photo = { _: 'inputPhoto' as const, id: 1n, access_hash: 2n, file_reference: new Uint8Array([3]) };
  const p = InlineResult.photo({ id: 'p', photo, caption: 'cap' });
  assert.equal(p, {
    _: 'inputBotInlineResultPhoto',
    id: 'p',
    type: 'photo',
    photo,
    send_message: { _: 'inputBotInlineMessageMediaAuto', message: 'cap' },
  });
  const doc = { _: 'inputDocument' as const, id: 4n, access_hash: 5n, file_reference: new Uint8Array() };
  assert.is(InlineResult.document({ id: 'd', document: doc, title: 'file' }).type, 'document');
  assert.is(InlineResult.document({ id: 'v', document: doc, type: 'video' }).type, 'video');
  const web = InlineResult.photoUrl({ id: 'w', url: 'https://x.example/cat.jpg', width: 640, height: 480 });
  assert.equal(web.content, {
    _: 'inputWebDocument',
    url: 'https://x.example/cat.jpg',
    size: 0,
    mime_type: 'image/jpeg',
    attributes: [{ _: 'documentAttributeImageSize', w: 640, h: 480 }],
  });
  const loc = InlineResult.location({ id: 'l', title: 'Here', latitude: 1.5, longitude: 2.5 });
  assert.equal(loc.send_message, { _: 'inputBotInlineMessageMediaGeo', geo_point: { _: 'inputGeoPoint', lat: 1.5, long: 2.5 } });
  assert.is(
    InlineResult.venue({ id: 'v', title: 'Cafe', address: 'Main St', latitude: 0, longitude: 0 }).send_message._,
    'inputBotInlineMessageMediaVenue',
  );
  assert.is(InlineResult.contact({ id: 'c', phoneNumber: '+1', firstName: 'A', lastName: 'B' }).title, 'A B');
  for (const r of [a, p, web, loc]) assert.ok(encode(r).length > 0);
  assert.throws(
    () => InlineResult.article({ id: '', title: 't', text: 'x' }),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => InlineResult.article({ id: 'x'.repeat(65), title: 't', text: 'x' }),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => InlineResult.article({ id: '1', title: '', text: 'x' }),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => InlineResult.location({ id: 'l', title: 't', latitude: 91, longitude: 0 }),
    (e: unknown) => e instanceof ArgumentError,
  );
});

test('answerInlineQuery builds messages.setInlineBotResults (defaults, switch_pm) and refuses more than 50 results', async () => {
  const calls: unknown[] = [];
  const client = { invoke: async (r: unknown) => (calls.push(r), true) } as unknown as ClientCore;
  const r = InlineResult.article({ id: '1', title: 't', text: 'x' });
  await answerInlineQuery(client, { id: 9n }, [r], { private: true, switchPm: { text: 'Sign in', startParam: 'login' } });
  assert.equal(calls[0], {
    _: 'messages.setInlineBotResults',
    query_id: 9n,
    results: [r],
    cache_time: 300,
    private: true,
    switch_pm: { _: 'inlineBotSwitchPM', text: 'Sign in', start_param: 'login' },
  });
  try {
    await answerInlineQuery(
      client,
      9n,
      Array.from({ length: 51 }, () => r),
    );
    assert.unreachable();
  } catch (e) {
    assert.instance(e, ArgumentError);
  }
});

test('toCallbackAnswer: the plain view of messages.botCallbackAnswer', () => {
  assert.equal(toCallbackAnswer({ _: 'messages.botCallbackAnswer', alert: true, message: 'm', url: 'u', has_url: true, cache_time: 3 }), {
    text: 'm',
    alert: true,
    url: 'u',
    cacheTimeS: 3,
    nativeUi: false,
    raw: { _: 'messages.botCallbackAnswer', alert: true, message: 'm', url: 'u', has_url: true, cache_time: 3 },
  });
});

test.run();
