/**
 * Callback-data filters (callbackEquals, callbackPrefix, callbackRegex): exact, prefix and regex matches on a button's data,
 * and the typed builder — pack/parse round trips with fixed strings, the
 * 64-byte limit of keyboardButtonCallback.data, values that cannot be
 * packed, foreign data that does not parse, and a filter that matches on
 * field values and hands the parsed values to the handler as ctx.callbackData.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  CallbackData,
  type CallbackLike,
  callbackEquals,
  callbackPrefix,
  callbackRegex,
  Dispatcher,
  MAX_CALLBACK_DATA_BYTES,
} from '../../ts/dispatcher/index.js';
import { ArgumentError } from '../../ts/errors.js';

const enc = new TextEncoder();
const q = (data: string): CallbackLike & { kind: 'click'; chatId: bigint } => ({ kind: 'click', chatId: 1n, data: enc.encode(data) });

test('callbackEquals / callbackPrefix / callbackRegex match the button data (bytes or dataText)', async () => {
  const dp = new Dispatcher<ReturnType<typeof q>>();
  const seen: string[] = [];
  dp.on(callbackEquals('menu'), () => void seen.push('exact'));
  dp.on(callbackPrefix('page:'), () => void seen.push('prefix'));
  dp.on(callbackRegex(/^vote:(\d+)$/), (_u, ctx) => void seen.push(`vote ${ctx.match[1]}`));
  for (const d of ['menu', 'page:3', 'vote:42', 'menus', 'vote:x']) await dp.dispatch(q(d));
  assert.equal(seen, ['exact', 'prefix', 'vote 42']);
  assert.ok(callbackEquals('x')({ dataText: 'x' }, {} as never));
  assert.not.ok(callbackEquals('x')({}, {} as never), 'no data (a game button)');
});

test('CallbackData packs fields in schema order with ":"; parse gives typed values back', () => {
  const Buy = CallbackData('buy', { id: 'number', size: 'string', gift: 'boolean', big: 'bigint' });
  const text = Buy.pack({ id: 42, size: 'XL', gift: true, big: 9007199254740993n });
  assert.is(text, 'buy:42:XL:1:9007199254740993');
  assert.equal(Buy.packBytes({ id: 1, size: 'S', gift: false, big: 0n }), enc.encode('buy:1:S:0:0'));
  assert.equal(Buy.parse(text), { id: 42, size: 'XL', gift: true, big: 9007199254740993n });
  assert.equal(Buy.parse(enc.encode('buy:-3:M:0:5')), { id: -3, size: 'M', gift: false, big: 5n });
  assert.equal(Buy.fields, ['id', 'size', 'gift', 'big']);
  const Plain = CallbackData('menu', {});
  assert.is(Plain.pack({}), 'menu');
  assert.equal(Plain.parse('menu'), {});
  assert.is(Plain.parse('menu:1'), undefined);
});

test('CallbackData.parse: other prefixes, wrong field counts and bad values are undefined, never a throw', () => {
  const Buy = CallbackData('buy', { id: 'number', gift: 'boolean' });
  for (const bad of ['', 'buy', 'buy:', 'buyer:1:1', 'sell:1:1', 'buy:1', 'buy:1:1:1', 'buy:x:1', 'buy:1:2', 'buy::1']) {
    assert.is(Buy.parse(bad), undefined, bad);
  }
  assert.is(Buy.parse(new Uint8Array([0xff, 0xfe])), undefined);
});

test('CallbackData.pack refuses what cannot round-trip: the separator in a string, wrong kinds, more than 64 bytes', () => {
  const T = CallbackData('t', { s: 'string', n: 'number' });
  const isArg = (e: unknown) => e instanceof ArgumentError;
  assert.throws(() => T.pack({ s: 'a:b', n: 1 }), isArg);
  assert.throws(() => T.pack({ s: 'a', n: Number.NaN }), isArg);
  assert.throws(() => T.pack({ s: 1 as unknown as string, n: 1 }), isArg);
  assert.throws(() => T.pack({ s: 'x'.repeat(MAX_CALLBACK_DATA_BYTES), n: 1 }), isArg);
  assert.is(T.pack({ s: 'x'.repeat(MAX_CALLBACK_DATA_BYTES - 4), n: 1 }).length, 64, 'exactly 64 bytes is allowed');
  assert.throws(() => CallbackData('a:b', {}), isArg);
  assert.throws(() => CallbackData('', {}), isArg);
});

test('CallbackData.filter matches field values and hands ctx.callbackData (typed) to the handler', async () => {
  const Buy = CallbackData('buy', { id: 'number', size: 'string' });
  const dp = new Dispatcher<ReturnType<typeof q>>();
  const seen: string[] = [];
  dp.on(Buy.filter({ size: 'XL' }), (_u, ctx) => {
    const id: number = ctx.callbackData.id; // typed by the schema
    seen.push(`xl ${id}`);
  });
  dp.on(Buy.filter(), (_u, ctx) => void seen.push(`any ${ctx.callbackData.size}`));
  await dp.dispatch(q(Buy.pack({ id: 1, size: 'XL' })));
  await dp.dispatch(q(Buy.pack({ id: 2, size: 'S' })));
  await dp.dispatch(q('other:1:XL'));
  assert.equal(seen, ['xl 1', 'any S']);
});

test.run();
