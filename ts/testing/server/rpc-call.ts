/**
 * Running an API query on the in-memory Telegram and wrapping the answer in
 * `rpc_result` (https://core.telegram.org/mtproto/service_messages#response-to-an-rpc-query):
 * the result bytes, or an `rpc_error` — a method the emulator does not
 * implement is answered 400 METHOD_NOT_IMPLEMENTED_<name>, never left
 * without an answer. Large results go `gzip_packed`
 * (https://core.telegram.org/mtproto/service_messages#packed-object).
 */
import { maybeGzip } from '../../mtproto/index.js';
import { encodeRpcResult } from '../../mtproto/server-side.js';
import { encode, isTlFunction } from '../../tl/codec/index.js';
import type { AnyRequest } from '../../tl/generated/types.js';
import type { EncodedReply } from '../telegram/dc-handler.js';
import type { ServedLayer } from '../layers/index.js';
import { badRequest, internalError } from '../telegram/rpc-errors.js';
import type { Batch } from './batch.js';
import type { MessageBody } from './message-body.js';
import type { Outgoing } from './session-state.js';

/** The method inside the invoke wrappers, for the counters. */
export function innerMethod(request: AnyRequest | undefined): string {
  let q = request as { _: string; query?: unknown } | undefined;
  for (let depth = 0; q && depth < 16; depth++) {
    if ((q._.startsWith('invoke') || q._ === 'initConnection') && typeof q.query === 'object' && q.query !== null) {
      q = q.query as { _: string; query?: unknown };
    } else {
      return q._;
    }
  }
  return '(undecodable)';
}

/**
 * The answer to a body that is not a function call the backend can run:
 * 400 INPUT_REQUEST_TOO_LONG past the packet's decode budget, 400
 * INPUT_FETCH_ERROR for bytes that do not decode or a constructor sent as a
 * query (https://core.telegram.org/api/errors#400-bad-request).
 */
function refusal(body: MessageBody): EncodedReply | undefined {
  if (body.obj !== undefined && isTlFunction(body.obj._)) return undefined;
  const error = badRequest(body.failure === 'too_long' ? 'INPUT_REQUEST_TOO_LONG' : 'INPUT_FETCH_ERROR');
  return { bytes: encode({ _: 'rpc_error', error_code: error.code, error_message: error.text }), error };
}

/** `bytes` (the result of `request` in the server's layer) written in `layer`; 500 when that layer cannot express it. */
function inLayer(layer: ServedLayer, request: AnyRequest, bytes: Uint8Array): EncodedReply {
  try {
    return { request, bytes: layer.result(request, bytes) };
  } catch (e) {
    const error = internalError(request._, e);
    return { request, bytes: encode({ _: 'rpc_error', error_code: error.code, error_message: error.text }), error };
  }
}

/**
 * Runs query `msgId` of `batch` (decoded once by the packet handler) and
 * resolves with its rpc_result (undefined when the client dropped the answer).
 */
export async function runRpc(batch: Batch, msgId: bigint, body: MessageBody): Promise<Outgoing | undefined> {
  const { conn, key, session } = batch;
  const rt = conn.rt;
  session.answers.begin(msgId, batch.now);
  key.rpcInFlight.set(msgId, session.sessionId);
  let reply: EncodedReply;
  try {
    reply = refusal(body) ?? (await rt.backend.dc(rt.dcId).handleRequest(conn.contextFor(key), body.obj as AnyRequest));
  } finally {
    key.rpcInFlight.delete(msgId);
  }
  // An older layer's client gets the answer in its layer (ts/testing/layers).
  if (key.servedLayer && !reply.error && reply.request) {
    reply = inLayer(key.servedLayer, reply.request, reply.bytes);
    const where = { dc: rt.dcId, conn, authKeyId: key.id, sessionId: session.sessionId };
    for (const note of key.servedLayer.takeNotes()) rt.tracer?.note(where, 'layer', note, { msgId, layer: key.askedLayer });
  }
  const method = innerMethod(reply.request);
  rt.stats.rpcCalls[method] = (rt.stats.rpcCalls[method] ?? 0) + 1;
  let result = reply.bytes;
  if (!reply.error && rt.gzipThreshold !== false) result = maybeGzip(result, rt.gzipThreshold, method);
  const answer = encodeRpcResult(msgId, result);
  if (!session.answers.finish(msgId, answer)) return undefined;
  return { body: answer, contentRelated: true, response: true, answers: msgId };
}
