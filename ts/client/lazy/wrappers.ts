/**
 * Wrappers for the methods of `TelegramClient` that return synchronously
 * (async generators, streams) while their code may still be loading (see
 * ./index.ts).
 */

/**
 * An async generator that loads its source first: `lazyIterator(load().then((m) => m.iterHistory(...)))`
 * behaves as the generator itself (nothing runs before the first `next()`; `return()` and `throw()` reach it).
 */
export async function* lazyIterator<T>(source: Promise<AsyncGenerator<T>>): AsyncGenerator<T> {
  yield* await source;
}

/** A `ReadableStream` over a stream that is still loading (errors and cancellation pass through). */
export function lazyStream<T>(source: Promise<ReadableStream<T>>): ReadableStream<T> {
  let reader: Promise<ReadableStreamDefaultReader<T>> | undefined;
  const open = () => {
    reader ??= source.then((s) => s.getReader());
    return reader;
  };
  return new ReadableStream<T>(
    {
      async pull(controller) {
        const r = await (await open()).read();
        if (r.done) controller.close();
        else controller.enqueue(r.value);
      },
      async cancel(reason) {
        await (await open()).cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
