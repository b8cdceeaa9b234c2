/**
 * The error a `Connection` rejects its callers with when it gives up
 * opening (see reconnect-policy.ts). The last failure stays reachable as
 * `cause`, and its kind and machine-readable detail are also in the message
 * (`ProxyError[auth-failed]`, `SecurityError[msg_key]`, `TransportError[-404]`),
 * so a log line or a CLI message says why without unwrapping the chain.
 * Nothing secret is added: only the class kind, the failure's typed field and
 * the cause's own message, which never holds keys or credentials.
 */
import { TransportError } from '../errors.js';

/**
 * `Kind[detail]` of an error: its class name (a wasmgram error's kind) and, where the class has one, the field a caller switches on
 * (`reason` of ProxyError, `check` of SecurityError, `code` of TransportError).
 *
 * @example
 * ```ts
 * errorKind(new ProxyError('socks5', 'auth-failed', 'bad password')); // 'ProxyError[auth-failed]'
 * ```
 */
export function errorKind(error: Error): string {
  // Every wasmgram error class sets `name` to its kind.
  const kind = error.name || 'Error';
  const fields = error as { reason?: unknown; check?: unknown; code?: unknown };
  const detail = [fields.reason, fields.check, fields.code].find((v) => typeof v === 'string' || typeof v === 'number');
  return detail === undefined ? kind : `${kind}[${String(detail)}]`;
}

/**
 * The give-up error: a `TransportError` whose message names the DC and the
 * last cause's kind and message, with the cause itself as (non-enumerable) `cause`.
 */
export function giveUpError(dcId: number, cause: Error): TransportError {
  const error = new TransportError(`could not open a working connection to DC ${dcId}: ${errorKind(cause)}: ${cause.message}`);
  Object.defineProperty(error, 'cause', { value: cause, enumerable: false, configurable: true });
  return error;
}
