/**
 * The logger interface every layer writes to: four levels, silent by
 * default. `debug` shows each RPC with its timing; `info` connections,
 * migrations and logins; `warn` retries and flood waits; `error` failures
 * the library recovers from. Secrets never reach it (auth keys, codes and
 * passwords are not logged; objects holding them print `[redacted]`).
 *
 * This module sits below every layer (no imports), like ts/errors.ts.
 *
 * @example
 * ```ts
 * const client = new TelegramClient({ ..., logger: consoleLogger('debug') });
 * // [wasmgram] debug rpc help.getConfig dc2 3.1 ms
 * ```
 */

/** Levels from the most to the least verbose; `silent` logs nothing. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Where log lines go. `data` is a plain object of fields (never a secret). */
export interface Logger {
  /** The lowest level written; calls below it are dropped cheaply. */
  readonly level: LogLevel;
  log(level: Exclude<LogLevel, 'silent'>, message: string, data?: Record<string, unknown>): void;
}

/** True when `logger` writes `level` (check before building an expensive message). */
export function logEnabled(logger: Logger, level: Exclude<LogLevel, 'silent'>): boolean {
  return RANK[level] >= RANK[logger.level];
}

/** A logger that writes nothing (the default). */
export const silentLogger: Logger = Object.freeze({ level: 'silent' as const, log() {} });

/**
 * A logger writing to `console` from `level` up, as `[wasmgram] <level> <message> <data>`.
 * `sink` replaces console (for tests or your own formatting).
 */
export function consoleLogger(
  level: LogLevel = 'info',
  sink: (level: Exclude<LogLevel, 'silent'>, line: string, data?: Record<string, unknown>) => void = (l, line, data) =>
    (l === 'debug' ? console.debug : l === 'info' ? console.info : l === 'warn' ? console.warn : console.error)(
      line,
      ...(data ? [data] : []),
    ),
): Logger {
  return {
    level,
    log(l, message, data) {
      if (RANK[l] >= RANK[level]) sink(l, `[wasmgram] ${l} ${message}`, data);
    },
  };
}
