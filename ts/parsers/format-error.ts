/**
 * The error a formatting parser throws for malformed markup (with
 * `onError: 'throw'`, the default): `FormatError` from ts/errors.ts, with
 * `format`, `reason` and `offset` for code to read.
 */
import { FormatError } from '../errors.js';

/** Why markup could not be parsed. */
export type FormatErrorReason = FormatError['reason'];

/** Makes a formatting error: `what` says what went wrong, the fields say it for code. */
export function formatError(format: 'markdown' | 'html', reason: FormatErrorReason, offset: number, what: string): FormatError {
  return new FormatError(`${format === 'html' ? 'HTML' : 'Markdown'}: ${what} at offset ${offset}`, format, reason, offset);
}

/**
 * True when `e` was thrown by a formatting parser for malformed markup
 * (the same as `e instanceof FormatError`).
 *
 * @example
 * ```ts
 * try { parseMarkdown('**bold') } catch (e) { if (isFormatError(e)) console.log(e.reason, e.offset) } // unclosed 0
 * ```
 */
export function isFormatError(e: unknown): e is FormatError {
  return e instanceof FormatError;
}
