/**
 * Removing the invoke wrappers around a query
 * (https://core.telegram.org/api/invoking): `invokeWithLayer` names the
 * layer, `initConnection` describes the app, `invokeWithoutUpdates` keeps
 * the connection out of update delivery, and `invokeAfterMsg(s)` orders the
 * query after others (the session layer enforces the order; here it is
 * simply removed). Wrappers nest in any order.
 */
import type { AnyRequest } from '../../tl/generated/types.js';
import type { InitConnectionInfo } from './auth-store.js';
import { badRequest, notImplemented } from './rpc-errors.js';

/** The query inside the wrappers, and what the wrappers said. */
export interface Unwrapped {
  /** The innermost query: the method to run. */
  readonly query: AnyRequest;
  /** Layer from `invokeWithLayer`, if present. */
  readonly layer?: number;
  /** Fields of `initConnection`, if present. */
  readonly init?: InitConnectionInfo;
  /** True when `invokeWithoutUpdates` was present. */
  readonly withoutUpdates: boolean;
  /** Message ids from `invokeAfterMsg` / `invokeAfterMsgs`. */
  readonly afterMsgIds: readonly bigint[];
}

/** The codec already bounds nesting; this is a second guard against a hand-built cycle. */
const MAX_DEPTH = 16;

/**
 * Peels the wrappers off `request`.
 *
 * @throws RpcError 400 CONNECTION_LAYER_INVALID for a layer that is not a positive integer
 * @throws RpcError 400 API_ID_INVALID for an `initConnection` without an api_id
 * @throws RpcError 400 METHOD_NOT_IMPLEMENTED_<wrapper> for takeout, message-range and business-connection wrappers
 */
export function unwrap(request: AnyRequest): Unwrapped {
  let q = request;
  let layer: number | undefined;
  let init: InitConnectionInfo | undefined;
  let withoutUpdates = false;
  const afterMsgIds: bigint[] = [];
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    switch (q._) {
      case 'invokeWithLayer':
        if (!Number.isInteger(q.layer) || q.layer <= 0) throw badRequest('CONNECTION_LAYER_INVALID');
        layer = q.layer;
        q = q.query;
        continue;
      case 'initConnection': {
        const { _, query, ...fields } = q;
        if (!(fields.api_id > 0)) throw badRequest('API_ID_INVALID');
        init = fields;
        q = query;
        continue;
      }
      case 'invokeWithoutUpdates':
        withoutUpdates = true;
        q = q.query;
        continue;
      case 'invokeAfterMsg':
        afterMsgIds.push(q.msg_id);
        q = q.query;
        continue;
      case 'invokeAfterMsgs':
        afterMsgIds.push(...q.msg_ids);
        q = q.query;
        continue;
      // Proofs of an official app; nothing to check against here.
      case 'invokeWithGooglePlayIntegrity':
      case 'invokeWithApnsSecret':
      case 'invokeWithReCaptcha':
        q = q.query;
        continue;
      case 'invokeWithTakeout':
      case 'invokeWithMessagesRange':
      case 'invokeWithBusinessConnection':
        throw notImplemented(q._);
      default:
        return { query: q, layer, init, withoutUpdates, afterMsgIds };
    }
  }
  throw badRequest('INPUT_REQUEST_TOO_LONG');
}
