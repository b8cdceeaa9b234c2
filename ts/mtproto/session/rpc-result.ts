/**
 * rpc_result unpacking (https://core.telegram.org/mtproto/service_messages#rpc-result):
 * `rpc_result#f35c6d01 req_msg_id:long result:Object`. The result is read by
 * hand so it can be decoded against the request's own result type (a plain
 * `Object` read cannot type `Vector<long>` results), after undoing a
 * `gzip_packed` wrapper, and so an `rpc_error` is recognized before any
 * typed decode.
 */

import { TlError } from '../../errors.js';
import { type DecodeBudget, TlReader } from '../../tl/codec/index.js';
import { inflateLimited } from '../../tl/codec/gzip.js';
import { ID, peekId } from './ids.js';

/** Default ceiling on the size of an inflated result (32 MiB). */
const MAX_INFLATED_RESULT = 32 * 1024 * 1024;

/** An rpc_result split into its parts. */
export interface RpcResultParts {
  /** msg_id of the query this answers. */
  reqMsgId: bigint;
  /** The serialized result, inflated when it came gzip_packed (a view or a new array). */
  result: Uint8Array;
  /** Set when the result is an rpc_error. */
  error?: { code: number; message: string };
}

/**
 * Splits an rpc_result body.
 *
 * @param limit  the most bytes a gzip_packed result may inflate to, or the
 *   packet's decode budget (what is inflated is taken from it)
 * @throws TlError on truncated or malformed bytes.
 */
export function readRpcResult(body: Uint8Array, limit: number | DecodeBudget = MAX_INFLATED_RESULT): RpcResultParts {
  if (peekId(body) !== ID.rpcResult || body.length < 16) throw new TlError('not an rpc_result', 0);
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const reqMsgId = view.getBigInt64(4, true);
  let result = body.subarray(12);
  if (peekId(result) === ID.gzipPacked) {
    const r = new TlReader(result, 4);
    const packed = r.bytes();
    r.expectEnd();
    result = inflateLimited(packed, limit, 12);
  }
  if (peekId(result) === ID.rpcError) {
    const r = new TlReader(result, 4);
    const code = r.int();
    const message = r.string();
    r.expectEnd();
    return { reqMsgId, result, error: { code, message } };
  }
  return { reqMsgId, result };
}
