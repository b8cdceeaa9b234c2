import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ChatQueue, Dispatcher } from '../../ts/dispatcher/index.js';
import { deferred, flush, msg, type TestMessage } from './_messages.js';
import { ArgumentError } from '../../ts/errors.js';

test('one chat: updates are handled in arrival order, each after the previous finished', async () => {
  const dp = new Dispatcher<TestMessage>();
  const gates = [deferred(), deferred(), deferred()];
  const log: string[] = [];
  dp.on(async (m) => {
    log.push(`start ${m.text}`);
    await gates[Number(m.text)]!.promise;
    log.push(`end ${m.text}`);
  });
  const done = [0, 1, 2].map((i) => dp.dispatch(msg(String(i), { chatId: 1n })));
  await flush();
  assert.equal(log, ['start 0']);
  gates[1]!.resolve(); // finishing a later one early changes nothing
  await flush();
  assert.equal(log, ['start 0']);
  gates[0]!.resolve();
  await flush();
  assert.equal(log, ['start 0', 'end 0', 'start 1', 'end 1', 'start 2']);
  gates[2]!.resolve();
  await Promise.all(done);
  assert.is(dp.pending, 0);
});

test('different chats run in parallel up to the limit, then wait for a slot (first come, first served)', async () => {
  const dp = new Dispatcher<TestMessage>({ concurrency: 2 });
  const gates = new Map<string, { resolve: () => void }>();
  const started: string[] = [];
  dp.on(async (m) => {
    started.push(m.text);
    const g = deferred();
    gates.set(m.text, g);
    await g.promise;
  });
  const all = [
    dp.dispatch(msg('a1', { chatId: 1n })),
    dp.dispatch(msg('b1', { chatId: 2n })),
    dp.dispatch(msg('c1', { chatId: 3n })),
    dp.dispatch(msg('a2', { chatId: 1n })),
  ];
  await flush();
  assert.equal(started, ['a1', 'b1']);
  assert.is(dp.pending, 4);
  gates.get('b1')!.resolve();
  await flush();
  assert.equal(started, ['a1', 'b1', 'c1'], 'c1 was waiting before a2 could run');
  gates.get('a1')!.resolve();
  await flush();
  assert.equal(started, ['a1', 'b1', 'c1', 'a2']);
  gates.get('c1')!.resolve();
  gates.get('a2')!.resolve();
  await Promise.all(all);
  await dp.idle();
});

test('updates without a chat or user run unordered (each its own lane); a failing task does not block its lane', async () => {
  const q = new ChatQueue(4);
  const gate = deferred();
  const log: string[] = [];
  const first = q.run(undefined, async () => {
    await gate.promise;
    log.push('slow');
  });
  const second = q.run(undefined, async () => void log.push('fast'));
  await second;
  assert.equal(log, ['fast']);
  gate.resolve();
  await first;
  const err = new Error('x');
  const failing = q.run('k', async () => {
    throw err;
  });
  const after = q.run('k', async () => void log.push('after failure'));
  assert.is(await failing.catch((e) => e), err);
  await after;
  assert.equal(log, ['fast', 'slow', 'after failure']);
  await q.idle();
  assert.throws(
    () => new ChatQueue(0),
    (e: unknown) => e instanceof ArgumentError,
  );
});

test('a busy chat does not starve others: its next update rejoins the back of the line', async () => {
  const q = new ChatQueue(1);
  const order: string[] = [];
  const tasks = [q.run('busy', async () => void order.push('busy1')), q.run('busy', async () => void order.push('busy2'))];
  tasks.push(q.run('other', async () => void order.push('other1')));
  await Promise.all(tasks);
  assert.equal(order, ['busy1', 'other1', 'busy2']);
});

test('10 000 updates over 50 chats: per-chat order kept, nothing lost, queue drains', async () => {
  const dp = new Dispatcher<TestMessage>({ concurrency: 8 });
  const lastSeen = new Map<bigint, number>();
  let handled = 0;
  let violations = 0;
  dp.on(async (m) => {
    if (m.id % 3 === 0) await Promise.resolve();
    const chat = BigInt(m.chat.id);
    if ((lastSeen.get(chat) ?? -1) > m.id) violations++;
    lastSeen.set(chat, m.id);
    handled++;
  });
  const all: Promise<unknown>[] = [];
  for (let i = 0; i < 10_000; i++) all.push(dp.dispatch({ ...msg('x', { chatId: BigInt(i % 50) }), id: i }));
  await Promise.all(all);
  assert.is(handled, 10_000);
  assert.is(violations, 0);
  assert.is(dp.pending, 0);
});

test.run();
