/**
 * TelegramClient's method groups (ts/client/lazy): the package's dynamic
 * loaders give the same groups with the same functions as the sources'
 * static ones, and the wrappers for synchronous returns behave as the
 * generator or stream they stand for (through the package form, which
 * re-exports them as ./index.ts does).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { methods as dynamicMethods, lazyIterator, lazyStream } from '../../ts/client/lazy/dynamic-loaders.js';
import { methods } from '../../ts/client/lazy/index.js';

test('the dynamic loaders (the package form) give each group with at least its functions (some groups share a chunk)', async () => {
  assert.equal(Object.keys(dynamicMethods).sort(), Object.keys(methods).sort());
  for (const group of Object.keys(methods) as (keyof typeof methods)[]) {
    const names = Object.keys(await methods[group]()).sort();
    const loaded = (await dynamicMethods[group]()) as Record<string, unknown>;
    assert.ok(names.length > 0, group);
    for (const name of names) assert.type(loaded[name], 'function', `${group}.${name}`);
  }
});

test('the package form loads the method groups as four chunks: login, everyday, files, chat administration', async () => {
  const loads = await Promise.all((Object.keys(dynamicMethods) as (keyof typeof dynamicMethods)[]).map((g) => dynamicMethods[g]()));
  assert.is(new Set(loads).size, 4);
  const same = async (a: keyof typeof dynamicMethods, b: keyof typeof dynamicMethods) =>
    ((await dynamicMethods[a]()) as object) === ((await dynamicMethods[b]()) as object);
  assert.ok(await same('messages', 'bots'));
  assert.ok(await same('chats', 'forums'));
  assert.not.ok(await same('messages', 'files'));
});

async function* numbers(n: number, log: string[]) {
  try {
    for (let i = 0; i < n; i++) yield i;
  } finally {
    log.push('closed');
  }
}

test('lazyIterator: nothing runs before next(); values, then done; return() reaches the source', async () => {
  const log: string[] = [];
  let loaded = false;
  const it = lazyIterator(
    Promise.resolve().then(() => {
      loaded = true;
      return numbers(3, log);
    }),
  );
  assert.is(loaded, false);
  const got: number[] = [];
  for await (const x of it) got.push(x);
  assert.equal(got, [0, 1, 2]);
  assert.equal(log, ['closed']);

  const log2: string[] = [];
  const it2 = lazyIterator(Promise.resolve(numbers(5, log2)));
  assert.equal(await it2.next(), { value: 0, done: false });
  await it2.return(undefined);
  assert.equal(log2, ['closed']);
});

test('lazyIterator: a failed load rejects the first next()', async () => {
  const it = lazyIterator<number>(Promise.reject(new Error('no chunk')));
  try {
    await it.next();
    assert.unreachable('next() resolved');
  } catch (e) {
    assert.is((e as Error).message, 'no chunk');
  }
});

test('lazyStream: chunks in order, then closed; cancel() reaches the source; a load failure errors the stream', async () => {
  const parts = [new Uint8Array([1]), new Uint8Array([2, 3])];
  const read = async (s: ReadableStream<Uint8Array>) => {
    const out: number[] = [];
    const r = s.getReader();
    for (;;) {
      const { done, value } = await r.read();
      if (done) return out;
      out.push(...value);
    }
  };
  const source = () =>
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of parts) c.enqueue(p);
        c.close();
      },
    });
  assert.equal(await read(lazyStream(Promise.resolve(source()))), [1, 2, 3]);

  let cancelled: unknown;
  const endless = new ReadableStream<Uint8Array>({
    pull(c) {
      c.enqueue(new Uint8Array([9]));
    },
    cancel(reason) {
      cancelled = reason;
    },
  });
  const s = lazyStream(Promise.resolve(endless));
  const r = s.getReader();
  assert.equal([...(await r.read()).value!], [9]);
  await r.cancel('enough');
  assert.is(cancelled, 'enough');

  try {
    await read(lazyStream<Uint8Array>(Promise.reject(new Error('no chunk'))));
    assert.unreachable('read resolved');
  } catch (e) {
    assert.is((e as Error).message, 'no chunk');
  }
});

test.run();
