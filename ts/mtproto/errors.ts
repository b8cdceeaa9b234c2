/**
 * The MTProto layer's own failure for a request that did not get an answer
 * from the server for protocol reasons (cancelled, re-sent too often, its
 * session was reset). RPC errors are `RpcError`; failed checks on incoming
 * data are `SecurityError` (both in ts/errors.ts).
 */
import { WasmgramError } from '../errors.js';

/** Why a request ended without a server answer. */
export type MtprotoErrorReason =
  /** `session.cancel(id)` was called. */
  | 'cancelled'
  /** The server kept refusing the message (bad_msg_notification) more than `maxResends` times. */
  | 'resend_limit'
  /** `session.close()` was called while the request was pending. */
  | 'closed';

/** A request ended by the session itself; `reason` says why. */
export class MtprotoError extends WasmgramError {
  static override readonly kind: string = 'MtprotoError';
  override name = 'MtprotoError';
  constructor(
    readonly reason: MtprotoErrorReason,
    message: string,
  ) {
    super(message);
  }
}
