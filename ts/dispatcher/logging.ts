/**
 * Logging middleware: one `debug` line per update (lane, how it ended, time
 * taken) and an `error` line when its handling threw (the error goes on up to
 * the error handler). Logs ids and the update's `kind`, never its contents,
 * which may hold secrets (login codes arrive as messages).
 */
import { type Logger, logEnabled } from '../logger.js';
import type { StateMap } from '../fsm/states.js';
import type { Middleware } from './middleware.js';

/**
 * @example
 * ```ts
 * dp.use(logging(consoleLogger('debug')));
 * // [wasmgram] debug update handled {kind: 'message', chatId: 42n, userId: 7n, ms: 0.3}
 * ```
 */
export function logging<U, M extends StateMap = StateMap>(logger: Logger, now: () => number = () => performance.now()): Middleware<U, M> {
  return async (ctx, next) => {
    const t0 = now();
    const kind = (ctx.update as { kind?: unknown } | null)?.kind;
    const fields = () => ({ ...(typeof kind === 'string' ? { kind } : {}), chatId: ctx.chatId, userId: ctx.userId, ms: now() - t0 });
    try {
      const result = await next();
      if (logEnabled(logger, 'debug')) logger.log('debug', `update ${result}`, fields());
      return result;
    } catch (e) {
      if (logEnabled(logger, 'error'))
        logger.log('error', 'update handler failed', { ...fields(), error: e instanceof Error ? e.name : 'unknown' });
      throw e;
    }
  };
}
