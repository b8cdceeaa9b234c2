import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { command, Dispatcher, filter, Propagation, Router, text } from '../../ts/dispatcher/index.js';
import { msg, type TestMessage } from './_messages.js';

test('groups run in ascending order; the first passing handler of each group runs', async () => {
  const dp = new Dispatcher<TestMessage>();
  const seen: string[] = [];
  dp.on(text, () => void seen.push('g1 text'), { group: 1 });
  dp.on(command('start'), () => void seen.push('g0 start'));
  dp.on(text, () => void seen.push('g0 text (not reached: start matched first)'));
  dp.on(() => void seen.push('g-1 all'), { group: -1 });
  dp.on(text, () => void seen.push('g1 second (not reached)'), { group: 1 });
  await dp.dispatch(msg('/start'));
  assert.equal(seen, ['g-1 all', 'g0 start', 'g1 text']);
});

test('Propagation.Continue tries the next handler of the group; Stop ends everything', async () => {
  const dp = new Dispatcher<TestMessage>();
  const seen: string[] = [];
  dp.on(() => {
    seen.push('a');
    return Propagation.Continue;
  });
  dp.on(() => {
    seen.push('b');
    return Propagation.Stop;
  });
  dp.on(() => void seen.push('c (same group, never)'));
  dp.on(() => void seen.push('d (later group, never)'), { group: 1 });
  const child = new Router<TestMessage>().on(() => void seen.push('child (never)'));
  dp.include(child);
  assert.is(await dp.handleNow(msg('x')), 'stop');
  assert.equal(seen, ['a', 'b']);
});

test('routers: run after the parent groups, in include order; a router filter gates it; Stop in a child stops later children', async () => {
  const dp = new Dispatcher<TestMessage>();
  const seen: string[] = [];
  const admin = new Router<TestMessage>().filter(filter((m: TestMessage) => m.sender?.id === 1n));
  admin.on(text, () => void seen.push('admin'));
  const a = new Router<TestMessage>().on(text, () => void seen.push('a'));
  const nested = new Router<TestMessage>().on(() => {
    seen.push('nested');
    return Propagation.Stop;
  });
  a.include(nested);
  const b = new Router<TestMessage>().on(() => void seen.push('b (after stop: never)'));
  dp.on(text, () => void seen.push('root'));
  dp.include(admin).include(a).include(b);
  assert.is(await dp.handleNow(msg('hi', { userId: 2n })), 'stop');
  assert.equal(seen, ['root', 'a', 'nested']);
  seen.length = 0;
  await dp.handleNow(msg('hi', { userId: 1n }));
  assert.equal(seen, ['root', 'admin', 'a', 'nested']);
  const none = new Dispatcher<TestMessage>().on(command('x'), () => {});
  assert.is(await none.handleNow(msg('y')), 'unhandled');
  assert.throws(() => a.include(a));
});

test('middleware: onion order (before in add order, after in reverse), per router; not calling next stops the update', async () => {
  const dp = new Dispatcher<TestMessage>();
  const seen: string[] = [];
  dp.use(async (_ctx, next) => {
    seen.push('m1 before');
    const r = await next();
    seen.push(`m1 after ${r}`);
  });
  dp.use(async (_ctx, next) => {
    seen.push('m2 before');
    await next();
    await next(); // a second call does not run the handlers again
    seen.push('m2 after');
  });
  const child = new Router<TestMessage>().use(async (ctx, next) => {
    seen.push('child mw');
    if ((ctx.update as TestMessage).text !== 'blocked') await next();
  });
  child.on(() => void seen.push('child handler'));
  dp.on(() => void seen.push('handler'));
  dp.include(child);
  await dp.dispatch(msg('x'));
  assert.equal(seen, ['m1 before', 'm2 before', 'handler', 'child mw', 'child handler', 'm2 after', 'm1 after handled']);
  seen.length = 0;
  assert.is(await dp.handleNow(msg('blocked')), 'stop');
  assert.equal(seen, ['m1 before', 'm2 before', 'handler', 'child mw', 'm2 after', 'm1 after stop']);
});

test('errors: the nearest router error handler takes it; without one dispatch rejects', async () => {
  const dp = new Dispatcher<TestMessage>();
  const boom = new Error('boom');
  dp.on(() => {
    throw boom;
  });
  let err: unknown;
  await dp.dispatch(msg('x')).catch((e) => (err = e));
  assert.is(err, boom);
  const caught: unknown[] = [];
  const child = new Router<TestMessage>()
    .on(async () => {
      throw boom;
    })
    .onError((e, ctx) => void caught.push(['child', e, (ctx.update as TestMessage).text]));
  const dp2 = new Dispatcher<TestMessage>().include(child).onError((e) => void caught.push(['root', e]));
  dp2.on(() => Propagation.Continue);
  await dp2.dispatch(msg('y'));
  assert.equal(caught, [['child', boom, 'y']]);
  dp2.use(async () => {
    throw boom;
  });
  await dp2.dispatch(msg('z'));
  assert.equal(caught[1], ['root', boom]);
});

test.run();
