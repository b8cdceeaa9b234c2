import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TimeoutError, WasmgramError } from '../../ts/errors.js';
import { Conversation, type ConversationTimers, command, Dispatcher, kind } from '../../ts/dispatcher/index.js';
import { flush, msg, type TestMessage } from './_messages.js';

interface Click {
  kind: 'click';
  data: string;
  chat: { id: bigint; type: 'private' };
}
type U = TestMessage | Click;

/** Timers that fire only when the test says so. */
function fakeTimers(): ConversationTimers & { fire(): void; count(): number } {
  const pending = new Map<number, () => void>();
  let id = 0;
  return {
    setTimeout: (fn) => (pending.set(++id, fn), id),
    clearTimeout: (h) => void pending.delete(h as number),
    fire: () => {
      for (const [k, fn] of [...pending]) {
        pending.delete(k);
        fn();
      }
    },
    count: () => pending.size,
  };
}

const click = (data: string, chat = 100n): Click => ({ kind: 'click', data, chat: { id: chat, type: 'private' } });

function setup() {
  const dp = new Dispatcher<U>();
  const sent: string[] = [];
  const others: string[] = [];
  const timers = fakeTimers();
  const make = (chatId: bigint) =>
    new Conversation(dp, chatId, {
      send: async (_c, text) => void sent.push(text),
      isMessage: (u) => u.kind === 'message',
      isClick: (u) => u.kind === 'click',
      timers,
    });
  return { dp, sent, others, timers, make };
}

test('ask → answer inside a handler: the chat lane is held, the answer still arrives, and reaches no other handler', async () => {
  const { dp, sent, others, make } = setup();
  const results: string[] = [];
  dp.on(command('order') as never, async (m: TestMessage) => {
    const conv = make(BigInt(m.chat.id));
    try {
      const size = (await conv.ask('size?')) as TestMessage;
      const c = (await conv.waitClick()) as Click;
      results.push(`${size.text}/${c.data}`);
    } finally {
      conv.close();
    }
  });
  dp.on(kind('message'), (m) => void others.push(`msg ${m.text}`));
  dp.on(kind('click'), (c) => void others.push(`click ${c.data}`));
  const order = dp.dispatch(msg('/order'));
  await flush();
  assert.equal(sent, ['size?']);
  await dp.dispatch(msg('hi', { chatId: 200n })); // another chat: handled normally meanwhile
  assert.equal(await dp.dispatch(msg('XL')), 'stop'); // taken by the conversation
  await flush(); // the handler resumes and starts waiting for a click
  const late = dp.dispatch(msg('not a click')); // same chat, no wait matches: queued behind the handler
  await dp.dispatch(click('yes'));
  await order;
  await late;
  assert.equal(results, ['XL/yes']);
  assert.equal(others, ['msg hi', 'msg not a click']);
});

test('timeouts reject with TimeoutError; cancellation with the signal reason; close rejects pending waits', async () => {
  const { timers, make, dp } = setup();
  const conv = make(100n);
  const w = conv.waitResponse({ timeoutMs: 5000 });
  assert.is(timers.count(), 1);
  timers.fire();
  const e = await w.catch((x) => x);
  assert.ok(e instanceof TimeoutError);
  assert.is((e as TimeoutError).ms, 5000);
  const ac = new AbortController();
  const w2 = conv.waitClick({ signal: ac.signal });
  const reason = new Error('user left');
  ac.abort(reason);
  assert.is(await w2.catch((x) => x), reason);
  const w3 = conv.waitResponse();
  conv.close();
  assert.ok((await w3.catch((x) => x)) instanceof WasmgramError);
  assert.is(timers.count(), 0, 'no timer left behind');
  // After close, the chat's updates flow to handlers again.
  let n = 0;
  dp.on(() => void n++);
  await dp.dispatch(msg('x'));
  assert.is(n, 1);
});

test('passThrough lets the matched update reach handlers too; a filter narrows the wait', async () => {
  const { dp, make } = setup();
  const conv = make(100n);
  const seen: string[] = [];
  dp.on(kind('message'), (m) => void seen.push(m.text));
  const w = conv.waitResponse({ passThrough: true, filter: (u) => (u as TestMessage).text.startsWith('ok') });
  await dp.dispatch(msg('nope'));
  await dp.dispatch(msg('ok then'));
  assert.is(((await w) as TestMessage).text, 'ok then');
  assert.equal(seen, ['nope', 'ok then']);
  conv.close();
});

test('race: an answer arriving before waitResponse is called is held and taken by the next wait, reaching no other handler', async () => {
  const { dp, sent, others, make } = setup();
  dp.on(kind('message'), (m) => void others.push(`msg ${m.text}`));
  const conv = make(100n);
  const first = conv.ask('name?');
  await flush();
  assert.equal(sent, ['name?']);
  assert.equal(await dp.dispatch(msg('Ann')), 'stop');
  assert.is(((await first) as TestMessage).text, 'Ann');
  // The handler is busy (e.g. saving the name) when the next answer comes, before it waits again.
  const early = dp.dispatch(msg('42'));
  await flush();
  assert.is(conv.heldCount, 1, 'held, not handed to the handlers');
  const second = await conv.waitResponse();
  assert.is((second as TestMessage).text, '42');
  assert.is(await early, 'stop', 'its dispatch settles once a wait took it');
  conv.close();
  assert.equal(others, []);
});

test('held updates no wait took go to the handlers on close, in order; other chats are never held', async () => {
  const { dp, others, make } = setup();
  dp.on(kind('message'), (m) => void others.push(`msg ${m.text}`));
  dp.on(kind('click'), (c) => void others.push(`click ${c.data}`));
  const conv = make(100n);
  const a = dp.dispatch(msg('one'));
  const b = dp.dispatch(click('two'));
  await dp.dispatch(msg('elsewhere', { chatId: 200n }));
  assert.equal(others, ['msg elsewhere']);
  const c = await conv.waitClick();
  assert.is((c as Click).data, 'two', 'a wait takes the matching held update, not the oldest');
  conv.close();
  assert.is(await a, 'handled');
  assert.is(await b, 'stop');
  assert.equal(others, ['msg elsewhere', 'msg one']);
});

test('waitRead: resolves on a read receipt reaching the last message ask sent (held receipts count)', async () => {
  interface Read {
    kind: 'read';
    maxId: number;
    chat: { id: bigint; type: 'private' };
  }
  const dp = new Dispatcher<TestMessage | Read>();
  const timers = fakeTimers();
  const conv = new Conversation(dp, 100n, {
    send: async () => ({ id: 50 }),
    isMessage: (u) => u.kind === 'message',
    readUpTo: (u) => (u.kind === 'read' ? u.maxId : undefined),
    timers,
  });
  const read = (maxId: number): Read => ({ kind: 'read', maxId, chat: { id: 100n, type: 'private' } });
  const answer = conv.ask('question');
  await flush();
  await dp.dispatch(msg('reply'));
  await answer;
  const w = conv.waitRead();
  assert.is(await dp.dispatch(read(49)), 'unhandled', 'an older read does not satisfy it');
  await dp.dispatch(read(50));
  assert.is(((await w) as Read).maxId, 50);
  // A receipt that came before the wait is held and counts.
  void dp.dispatch(read(60));
  assert.is(((await conv.waitRead(55)) as Read).maxId, 60);
  conv.close();
  const plain = new Conversation(dp, 1n, { isMessage: () => true });
  let failed = false;
  await plain.waitRead().catch((e) => (failed = e instanceof WasmgramError));
  assert.ok(failed, 'waitRead needs readUpTo');
  plain.close();
});

test('a held update no wait takes goes to the handlers after holdMs (a conversation left open does not stall the chat)', async () => {
  const { dp, others, make, timers } = setup();
  dp.on(kind('message'), (m) => void others.push(`msg ${m.text}`));
  const conv = make(100n); // never waits, never closed
  const d = dp.dispatch(msg('stuck?'));
  await flush();
  assert.is(conv.heldCount, 1);
  assert.equal(others, []);
  timers.fire();
  assert.is(await d, 'handled');
  assert.equal(others, ['msg stuck?']);
  assert.is(conv.heldCount, 0);
  conv.close();
});

test.run();
