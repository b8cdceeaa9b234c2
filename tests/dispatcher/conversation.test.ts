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

test.run();
