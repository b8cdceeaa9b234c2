/**
 * Downloads as a sequence of chunks in file order — an async iterable or a
 * web `ReadableStream` — while parts are still fetched in parallel: a part
 * may be fetched only while fewer than `window` parts wait to be consumed,
 * so memory stays bounded whatever the file size. Leaving the loop early
 * (break, return, a throw, `stream.cancel()`) stops the download and waits
 * for the requests in flight, so nothing is left running.
 */
import { WasmgramError } from '../../../errors.js';
import type { ClientCore } from '../../core.js';
import { type DownloadParams, type DownloadTarget, runDownload } from './download-file.js';
import { abortError } from './transfer-workers.js';

/** Options of {@link iterDownload}. */
export interface IterDownloadParams extends DownloadParams {
  /** Most parts fetched ahead of the consumer (default: connections × requestsPerConnection × 2). */
  window?: number;
}

/**
 * The file (or a range) as chunks in order.
 *
 * @example
 * ```ts
 * for await (const chunk of iterDownload(client, message)) hash.update(chunk);
 * ```
 */
export async function* iterDownload(
  client: ClientCore,
  target: DownloadTarget,
  params: IterDownloadParams = {},
): AsyncGenerator<Uint8Array> {
  const inner = new AbortController();
  const outer = params.signal;
  const onAbort = () => inner.abort(outer!.reason);
  if (outer?.aborted) throw abortError(outer);
  outer?.addEventListener('abort', onAbort, { once: true });

  const window = Math.max(1, params.window ?? (params.connections ?? 4) * (params.requestsPerConnection ?? 2) * 2);
  const ready = new Map<number, Uint8Array>();
  let consumed = 0; // parts handed out
  let wake: (() => void) | undefined; // the consumer waiting for the next part
  const roomWaiters: (() => void)[] = []; // workers waiting for room
  let finished = false;
  let halted = false;
  let failure: unknown;

  const notifyConsumer = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const notifyWorkers = () => {
    for (const w of roomWaiters.splice(0)) w();
  };
  inner.signal.addEventListener('abort', notifyWorkers, { once: true });

  const done = runDownload(
    client,
    target,
    { ...params, signal: inner.signal },
    {
      part(index, _, bytes) {
        ready.set(index, bytes);
        if (index === consumed) notifyConsumer();
      },
      async room(index, stopped) {
        while (index >= consumed + window && !stopped() && !halted) await new Promise<void>((r) => roomWaiters.push(r));
      },
      halt() {
        halted = true;
        notifyWorkers();
      },
    },
  ).then(
    () => {
      finished = true;
      notifyConsumer();
    },
    (e: unknown) => {
      failure = e;
      finished = true;
      notifyConsumer();
    },
  );

  try {
    for (;;) {
      const chunk = ready.get(consumed);
      if (chunk) {
        ready.delete(consumed);
        consumed++;
        notifyWorkers();
        if (chunk.length > 0) yield chunk;
        continue;
      }
      if (finished) {
        if (failure !== undefined) throw failure;
        return;
      }
      await new Promise<void>((r) => {
        wake = r;
      });
    }
  } finally {
    // Early exit or failure: stop the workers and wait for every request in flight.
    if (!finished) inner.abort(new WasmgramError('download stopped by its consumer'));
    await done;
    outer?.removeEventListener('abort', onAbort);
    ready.clear();
  }
}

/**
 * The file (or a range) as a web `ReadableStream` of chunks in order;
 * cancelling the stream stops the download.
 *
 * @example
 * ```ts
 * const stream = downloadAsStream(client, message);
 * await stream.pipeTo(Writable.toWeb(createWriteStream('out.bin')));
 * ```
 */
export function downloadAsStream(client: ClientCore, target: DownloadTarget, params: IterDownloadParams = {}): ReadableStream<Uint8Array> {
  let it: AsyncGenerator<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      it ??= iterDownload(client, target, params);
      const r = await it.next();
      if (r.done) controller.close();
      else controller.enqueue(r.value);
    },
    async cancel() {
      await it?.return(undefined);
    },
  });
}
