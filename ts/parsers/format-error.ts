/**
 * The error a formatting parser throws for malformed markup (with
 * `onError: 'throw'`, the default).
 *
 * ts/errors.ts has no formatting error class yet, so this is a plain
 * `WasmgramError` carrying machine-readable fields; `isFormatError` tells it
 * apart from other errors.
 */
import { WasmgramError } from '../errors.js';

/** Why markup could not be parsed. */
export type FormatErrorReason =
  /** An opening marker or tag without its closing one (`**bold`, `<b>bold`, `[text](url`). */
  | 'unclosed'
  /** A closing tag with no open tag of that name (`text</b>`). */
  | 'unexpected-close'
  /** An HTML tag outside the supported subset (`<div>`). */
  | 'unknown-tag'
  /** A supported tag or link with a missing or invalid attribute (`<a>` without href, `tg-emoji` without a numeric id). */
  | 'bad-attribute'
  /** A `<` that starts a tag which never ends (`<b class="x`). */
  | 'bad-tag';

/** Fields of a formatting error. */
export interface FormatErrorFields {
  /** Which parser failed. */
  readonly format: 'markdown' | 'html';
  readonly reason: FormatErrorReason;
  /** Position in the input (UTF-16 code units) of the offending markup. */
  readonly offset: number;
}

/** A `WasmgramError` thrown by `parseMarkdown` / `parseHtml`. */
export type FormatError = WasmgramError & FormatErrorFields;

/** Makes a formatting error: `message` says what and where, the fields say it for code. */
export function formatError(format: 'markdown' | 'html', reason: FormatErrorReason, offset: number, what: string): FormatError {
  const e = new WasmgramError(`${format === 'html' ? 'HTML' : 'Markdown'}: ${what} at offset ${offset}`) as WasmgramError & {
    format: string;
    reason: string;
    offset: number;
  };
  e.format = format;
  e.reason = reason;
  e.offset = offset;
  return e as FormatError;
}

/**
 * True when `e` was thrown by a formatting parser for malformed markup.
 *
 * @example
 * ```ts
 * try { parseMarkdown('**bold') } catch (e) { if (isFormatError(e)) console.log(e.reason, e.offset) } // unclosed 0
 * ```
 */
export function isFormatError(e: unknown): e is FormatError {
  return e instanceof WasmgramError && typeof (e as Partial<FormatErrorFields>).reason === 'string' && 'format' in e;
}
