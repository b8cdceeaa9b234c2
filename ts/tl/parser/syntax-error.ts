import { WasmgramError } from '../../errors.js';

/**
 * A `.tl` schema text could not be parsed. `line` and `column` are 1-based and
 * point at the first character of the offending token.
 */
export class TlSyntaxError extends WasmgramError {
  static override readonly kind: string = 'TlSyntaxError';
  override name = 'TlSyntaxError';
  constructor(
    /** What is wrong, without the position. */
    readonly reason: string,
    /** 1-based line of the offending token. */
    readonly line: number,
    /** 1-based column (in UTF-16 code units) of the offending token. */
    readonly column: number,
    /** Name of the schema file, when the caller gave one. */
    readonly file?: string,
  ) {
    super(`${file ?? '<schema>'}:${line}:${column}: ${reason}`);
  }
}
