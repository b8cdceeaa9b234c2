/**
 * Fault injection: make the next calls of a method fail with a chosen error,
 * so a client's retry, flood-wait and error paths can be tested on purpose.
 * Faults are matched on the inner method (after `invokeWithLayer`,
 * `initConnection` and the other wrappers are removed) and used up in the
 * order they were added.
 *
 * @example
 * ```ts
 * backend.faults.floodWait('auth.sendCode', 3);            // next sendCode: 420 FLOOD_WAIT_3
 * backend.faults.failNext('*', 500, 'INTERNAL_SERVER_ERROR'); // next call of anything
 * ```
 */
import { RpcError, ArgumentError } from '../../errors.js';
import { floodWait } from './rpc-errors.js';

/** A method name (`help.getConfig`) or `*` for every method. */
export type FaultTarget = string;

interface Fault {
  readonly method: FaultTarget;
  left: number;
  readonly error: () => RpcError;
}

/** The queue of injected failures of one backend (shared by all its DCs). */
export class FaultInjector {
  private readonly faults: Fault[] = [];

  /**
   * The next `times` calls of `method` fail with 420 `FLOOD_WAIT_<seconds>`
   * (https://core.telegram.org/api/errors#420-flood).
   */
  floodWait(method: FaultTarget, seconds: number, times = 1): this {
    if (!Number.isInteger(seconds) || seconds < 0)
      throw new ArgumentError(`flood wait seconds must be a whole number >= 0, got ${seconds}`);
    return this.add(method, times, () => floodWait(seconds));
  }

  /** The next `times` calls of `method` fail with `code` and `text` (e.g. 500, `INTERNAL_SERVER_ERROR`). */
  failNext(method: FaultTarget, code: number, text: string, times = 1): this {
    if (!Number.isInteger(code)) throw new ArgumentError(`error code must be an integer, got ${code}`);
    if (text === '') throw new ArgumentError('error text must not be empty');
    return this.add(method, times, () => new RpcError(code, text));
  }

  /** Removes every pending fault. */
  clear(): void {
    this.faults.length = 0;
  }

  /** How many failures are still queued (Infinity when one repeats forever). */
  get pending(): number {
    return this.faults.reduce((n, f) => n + f.left, 0);
  }

  /**
   * The error the current call of `method` must fail with, using it up, or
   * undefined. Called by the DC handler once per call.
   */
  take(method: string): RpcError | undefined {
    const i = this.faults.findIndex((f) => f.method === method || f.method === '*');
    if (i < 0) return undefined;
    const f = this.faults[i]!;
    if (--f.left <= 0) this.faults.splice(i, 1);
    return f.error();
  }

  private add(method: FaultTarget, times: number, error: () => RpcError): this {
    if (method === '') throw new ArgumentError('fault method must not be empty');
    if (!(times >= 1) || (!Number.isInteger(times) && times !== Infinity)) {
      throw new ArgumentError(`fault times must be a whole number >= 1 or Infinity, got ${times}`);
    }
    this.faults.push({ method, left: times, error });
    return this;
  }
}
