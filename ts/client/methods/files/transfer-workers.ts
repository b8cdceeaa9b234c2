/**
 * The worker pool behind parallel uploads and downloads: `count` workers
 * take jobs from a shared source until it runs dry, each pinned to one of
 * the DC's transfer connections (pool slots), so several connections carry
 * parts at once (https://core.telegram.org/api/files). The first failure
 * (or an abort) stops every worker from taking a new job; the pool settles
 * only after every worker has returned, so nothing is left running.
 */
import { WasmgramError } from '../../../errors.js';

/** The error an aborted transfer rejects with: the signal's reason when it is an Error. */
export function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new WasmgramError('file transfer aborted');
}

/**
 * Runs `worker(index, stop)` `count` times concurrently. `stop()` is true
 * once any worker failed or `signal` aborted; workers check it between jobs.
 * Resolves when all returned; rejects with the first failure (or the abort
 * reason) after all returned.
 */
export async function runWorkers(
  count: number,
  worker: (index: number, stopped: () => boolean) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let failure: { error: unknown } | undefined;
  const stopped = () => failure !== undefined || signal?.aborted === true;
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      try {
        await worker(i, stopped);
      } catch (e) {
        failure ??= { error: e };
      }
    }),
  );
  if (signal?.aborted) throw abortError(signal);
  if (failure) throw failure.error;
}
