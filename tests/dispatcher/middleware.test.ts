import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Dispatcher, logging, rateLimit } from '../../ts/dispatcher/index.js';
import type { Logger } from '../../ts/logger.js';
import { msg, type TestMessage } from './_messages.js';
import { ArgumentError } from '../../ts/errors.js';

test('rate limit: sliding window per user with an injected clock', async () => {
  let now = 0;
  const limited: Array<[bigint | undefined, number]> = [];
  const dp = new Dispatcher<TestMessage>();
  dp.use(rateLimit({ limit: 3, windowMs: 1000, now: () => now, onLimited: (ctx, ms) => void limited.push([ctx.userId, ms]) }));
  const got: string[] = [];
  dp.on((m) => void got.push(`${m.sender!.id}:${m.text}`));
  const send = (t: string, user = 1n) => dp.dispatch(msg(t, { userId: user }));
  await send('a'); // t=0
  now = 400;
  await send('b');
  now = 800;
  await send('c');
  now = 900;
  await send('d'); // 4th within 1000 ms of t=0: dropped, retry at t=1000
  await send('x', 2n); // other user unaffected
  now = 1000;
  await send('e'); // t=0 left the window
  now = 1300;
  await send('f'); // window holds 400, 800, 1000: dropped until 1400
  now = 1400;
  await send('g');
  assert.equal(got, ['1:a', '1:b', '1:c', '2:x', '1:e', '1:g']);
  assert.equal(limited, [
    [1n, 100],
    [1n, 100],
  ]);
});

test('rate limit: tracked keys are bounded; updates without a user pass', async () => {
  const now = 0;
  const dp = new Dispatcher<TestMessage>();
  dp.use(rateLimit({ limit: 1, windowMs: 1000, now: () => now, maxKeys: 2 }));
  let n = 0;
  dp.on(() => void n++);
  await dp.dispatch(msg('a', { userId: 1n }));
  await dp.dispatch(msg('a', { userId: 2n }));
  await dp.dispatch(msg('a', { userId: 3n })); // evicts user 1
  await dp.dispatch(msg('b', { userId: 1n })); // user 1 forgotten: passes again
  await dp.dispatch(msg('b', { userId: 3n })); // user 3 remembered: dropped
  await dp.dispatch({ ...msg('c'), sender: null, chat: { id: 5n, type: 'channel' } });
  assert.is(n, 5);
  assert.throws(
    () => rateLimit({ limit: 0, windowMs: 1 }),
    (e: unknown) => e instanceof ArgumentError,
  );
});

test('logging: a debug line per update with ids and outcome, an error line on failure, never the text', async () => {
  const lines: Array<[string, string, Record<string, unknown> | undefined]> = [];
  const logger: Logger = { level: 'debug', log: (l, m, d) => void lines.push([l, m, d]) };
  let t = 0;
  const dp = new Dispatcher<TestMessage>();
  dp.use(logging(logger, () => (t += 5)));
  dp.on((m) => {
    if (m.text === 'fail') throw new Error('secret 12345');
  });
  await dp.dispatch(msg('login code 12345', { chatId: 9n, userId: 3n }));
  await dp.dispatch(msg('fail')).catch(() => {});
  assert.equal(lines[0], ['debug', 'update handled', { kind: 'message', chatId: 9n, userId: 3n, ms: 5 }]);
  assert.is(lines[1]![0], 'error');
  assert.not.ok(JSON.stringify(lines, (_k, v) => (typeof v === 'bigint' ? String(v) : v)).includes('12345'));
});

test.run();
