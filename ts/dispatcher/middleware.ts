/**
 * Middleware: functions around a router's handling of each update, in the
 * order they were added (onion model). Code before `await next()` runs
 * before the handlers, code after it runs after them; not calling `next`
 * ends the update there (a rate limiter drops it that way).
 */
import type { StateMap } from '../fsm/states.js';
import type { Context } from './context.js';
import type { HandleResult } from './propagation.js';

/**
 * One middleware. `next()` runs the rest of the chain and the handlers and
 * tells how they ended.
 *
 * @example
 * ```ts
 * dp.use(async (ctx, next) => {
 *   const t0 = performance.now();
 *   const result = await next();
 *   console.log(ctx.chatId, result, performance.now() - t0);
 * });
 * ```
 */
export type Middleware<U, M extends StateMap = StateMap> = (ctx: Context<U, M>, next: () => Promise<HandleResult>) => unknown;

/** Runs `chain` around `inner`; an update whose chain does not reach `inner` ends with 'stop'. */
export function runMiddleware<U, M extends StateMap>(
  chain: readonly Middleware<U, M>[],
  ctx: Context<U, M>,
  inner: () => Promise<HandleResult>,
): Promise<HandleResult> {
  const step = async (i: number): Promise<HandleResult> => {
    if (i === chain.length) return inner();
    let result: HandleResult = 'stop';
    let called = false;
    await chain[i]!(ctx, async () => {
      if (called) return result; // a second next() does not run the handlers twice
      called = true;
      result = await step(i + 1);
      return result;
    });
    return called ? result : 'stop';
  };
  return step(0);
}
