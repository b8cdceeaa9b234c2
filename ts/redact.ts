/**
 * Keeps secrets (auth keys, session strings, passwords, login codes) out of
 * logs: an object passed through {@link redact} prints as `Label [redacted]`
 * under `console.log`, `util.inspect` (Node, Deno and Bun honour the same
 * symbol) and `JSON.stringify`, while its fields stay readable by code.
 *
 * This module sits below every layer (no imports), like ts/errors.ts.
 *
 * @example
 * ```ts
 * const stored = redact({ key, serverSalt }, 'StoredAuthKey');
 * console.log(stored);          // StoredAuthKey [redacted]
 * JSON.stringify({ stored });   // {"stored":"StoredAuthKey [redacted]"}
 * stored.key;                   // the bytes, for code that needs them
 * ```
 */

/** The symbol `util.inspect` / `console.log` call (Node; Deno and Bun read it too). */
const NODE_INSPECT = Symbol.for('nodejs.util.inspect.custom');
/** Deno's own inspect hook. */
const DENO_INSPECT = Symbol.for('Deno.customInspect');

/**
 * Makes `target` print as `<label> [redacted]` and serialize to that string.
 * The hooks are non-enumerable own properties, so spreading or iterating the
 * object is unchanged. Returns `target` (for use in expressions and constructors).
 */
export function redact<T extends object>(target: T, label: string): T {
  const text = `${label} [redacted]`;
  const show = () => text;
  Object.defineProperty(target, NODE_INSPECT, { value: show, enumerable: false, configurable: true });
  Object.defineProperty(target, DENO_INSPECT, { value: show, enumerable: false, configurable: true });
  Object.defineProperty(target, 'toJSON', { value: show, enumerable: false, configurable: true });
  return target;
}
