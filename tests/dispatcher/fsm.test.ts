import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SessionError, ArgumentError } from '../../ts/errors.js';
import { and, command, Context, Dispatcher, noState, text } from '../../ts/dispatcher/index.js';
import { defineStates, MemoryStateStorage, perChat, Wizard } from '../../ts/fsm/index.js';
import { msg, type TestMessage } from './_messages.js';

type States = { askName: { tries?: number }; askAge: { name: string } };

function signupBot(storage = new MemoryStateStorage()) {
  const replies: string[] = [];
  const dp = new Dispatcher<TestMessage, States>({ storage, states: defineStates<States>(['askName', 'askAge']) });
  dp.on(command('start'), async (_m, ctx) => {
    replies.push('name?');
    await ctx.state.set('askName', {});
  });
  dp.on(and(text, dp.state('askName')), async (m, ctx) => {
    replies.push('age?');
    await ctx.state.set('askAge', { name: m.text });
  });
  dp.on(and(text, dp.state('askAge')), async (m, ctx) => {
    replies.push(`${ctx.state.current.data.name} is ${m.text}`);
    await ctx.state.clear();
  });
  dp.on(and(text, noState), () => void replies.push('say /start'));
  return { dp, replies, storage };
}

test('FSM through the dispatcher: /start → name → age, per user in chat; state filters route each step', async () => {
  const { dp, replies } = signupBot();
  await dp.dispatch(msg('hello'));
  await dp.dispatch(msg('/start'));
  await dp.dispatch(msg('/start', { userId: 8n })); // another user in the same chat has their own state
  await dp.dispatch(msg('Ann'));
  await dp.dispatch(msg('30'));
  await dp.dispatch(msg('Bob', { userId: 8n }));
  assert.equal(replies, ['say /start', 'name?', 'name?', 'age?', 'Ann is 30', 'age?']);
});

test('FSM state survives a new dispatcher over the same storage (a restart)', async () => {
  const storage = new MemoryStateStorage();
  const first = signupBot(storage);
  await first.dp.dispatch(msg('/start'));
  await first.dp.dispatch(msg('Cy'));
  const second = signupBot(storage);
  await second.dp.dispatch(msg('41'));
  assert.equal(second.replies, ['Cy is 41']);
});

test('handlers see the state already loaded; key strategy perChat shares it in the chat; no storage → typed error', async () => {
  const storage = new MemoryStateStorage();
  const dp = new Dispatcher<TestMessage, States>({ storage, keyStrategy: perChat });
  const seen: unknown[] = [];
  dp.on(command('set'), (_m, ctx) => ctx.state.set('askAge', { name: 'Z' }));
  dp.on((_m, ctx) => void seen.push(ctx.state.current));
  await dp.dispatch(msg('/set', { userId: 1n }));
  await dp.dispatch(msg('x', { userId: 2n }));
  assert.equal(seen, [{ name: 'askAge', data: { name: 'Z' } }]);
  const bare = new Dispatcher<TestMessage>();
  let err: unknown;
  bare.on((_m, ctx) => {
    try {
      void ctx.state;
    } catch (e) {
      err = e;
    }
  });
  await bare.dispatch(msg('x'));
  assert.ok(err instanceof SessionError);
  // An update with no chat/user has no key: reading gives no state, writing is a typed error.
  const noKey = new Context<unknown, States>({}, undefined, undefined, undefined, {
    storage,
    stateOptions: {},
    scenes: undefined,
  });
  assert.is(await noKey.state.get(), undefined);
  await noKey.state.set('askAge', { name: 'x' }).then(
    () => assert.unreachable(),
    (e) => assert.ok(e instanceof SessionError),
  );
});

test('scenes through the dispatcher: enter runs step 0, later updates go to the scene only, back/next/leave, data carried', async () => {
  type C = Context<TestMessage, States>;
  const replies: string[] = [];
  const left: unknown[] = [];
  const wizard = new Wizard<C, { name?: string; age?: number }>(
    'signup',
    [
      (_ctx, w) => {
        replies.push('name?');
        w.next();
      },
      (ctx, w) => {
        w.data.name = ctx.update.text;
        replies.push('age?');
        w.next();
      },
      (ctx, w) => {
        if (ctx.update.text === 'back') {
          replies.push('name again?');
          w.back();
          return;
        }
        const age = Number(ctx.update.text);
        if (!Number.isInteger(age)) {
          replies.push('a number, please'); // no move: stays on this step
          return;
        }
        w.data.age = age;
        w.leave();
      },
    ],
    { onLeave: (_ctx, data) => void left.push(data) },
  );
  const dp = new Dispatcher<TestMessage, States>({ storage: new MemoryStateStorage(), scenes: [wizard] });
  const handlers: string[] = [];
  dp.on(command('signup'), (_m, ctx) => ctx.scene.enter('signup'));
  dp.on(text, (m) => void handlers.push(m.text));
  for (const t of ['/signup', 'Ann', 'back', 'Anna', 'old', '33', 'after']) await dp.dispatch(msg(t));
  assert.equal(replies, ['name?', 'age?', 'name again?', 'age?', 'a number, please']);
  assert.equal(left, [{ name: 'Anna', age: 33 }]);
  assert.equal(handlers, ['after'], 'updates inside the scene reached no other handler');
  assert.throws(
    () => new Dispatcher<TestMessage>({ scenes: [wizard as never] }),
    (e: unknown) => e instanceof ArgumentError,
  );
});

test('scenes: a step that enters another scene is not overwritten by its own save; goto checks bounds', async () => {
  type C = Context<TestMessage>;
  const log: string[] = [];
  const a = new Wizard<C>('a', [
    (_c, w) => w.next(),
    async (ctx) => {
      log.push('a→b');
      await ctx.scene.enter('b');
    },
  ]);
  const b = new Wizard<C>('b', [
    (_c, w) => {
      log.push('b0');
      w.next();
    },
    (_c, w) => {
      log.push('b1');
      w.goto(5);
    },
  ]);
  const dp = new Dispatcher<TestMessage>({ storage: new MemoryStateStorage(), scenes: [a, b] });
  dp.on(command('a'), (_m, ctx) => ctx.scene.enter('a'));
  const errors: unknown[] = [];
  dp.onError((e) => void errors.push(e));
  for (const t of ['/a', 'x', 'y']) await dp.dispatch(msg(t));
  assert.equal(log, ['a→b', 'b0', 'b1']);
  assert.ok(errors[0] instanceof SessionError);
});

test.run();
