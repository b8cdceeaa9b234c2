/**
 * The server's answers to MTProto service messages
 * (https://core.telegram.org/mtproto/service_messages and
 * https://core.telegram.org/mtproto/service_messages_about_messages):
 * acknowledgments, state requests, re-send requests, pings, future salts,
 * session and key destruction, and dropping an answer. Everything else a
 * client sends is an API query (rpc-call.ts).
 */
import { encode } from '../../tl/codec/index.js';
import type { AnyRequest, AnyTlObject, mt } from '../../tl/generated/types.js';
import { encodeRpcResult } from '../../mtproto/server-side.js';
import { mtprotoConstructorsOf, NOT_CONTENT_RELATED_TYPES, sessionFunctions } from '../../mtproto/session/schema-facts.js';
import { type Batch, reply } from './batch.js';

/**
 * Constructors a client sends as service messages: those of the MTProto types
 * that are not content-related, less the container (split before this) and
 * the server's own notifications and answers. Read from the schema.
 */
const SERVICE_OBJECTS = mtprotoConstructorsOf(
  NOT_CONTENT_RELATED_TYPES.filter((t) => !['MessageContainer', 'BadMsgNotification', 'FutureSalts', 'Pong'].includes(t)),
);

/** What a client may send that is answered here. */
type ServiceMessage =
  | mt.msgs_ack
  | mt.msgs_state_req
  | mt.msg_resend_req
  | mt.msg_resend_ans_req
  | mt.ping
  | mt.ping_delay_disconnect
  | mt.get_future_salts
  | mt.destroy_session
  | mt.destroy_auth_key
  | mt.rpc_drop_answer
  | mt.http_wait
  | { _: 'msgs_state_info' | 'msgs_all_info' | 'msg_detailed_info' | 'msg_new_detailed_info' };

/** True when `name` is handled here rather than by the in-memory Telegram. */
export function isServiceMessage(name: string | undefined): boolean {
  return name !== undefined && (SERVICE_OBJECTS.has(name) || sessionFunctions().has(name));
}

/**
 * Handles a service message (client msg_id `msgId`), decoded once by the
 * packet handler. A body that did not decode (`undefined`) is ignored, as a
 * malformed service message has no answer.
 */
export function handleServiceMessage(batch: Batch, decoded: AnyTlObject | AnyRequest | undefined, msgId: bigint): void {
  if (decoded === undefined || !isServiceMessage(decoded._)) return;
  const obj = decoded as ServiceMessage;
  const { session, conn } = batch;
  const stats = conn.rt.stats;
  switch (obj._) {
    case 'msgs_ack':
      stats.acksReceived += obj.msg_ids.length;
      for (const id of obj.msg_ids) session.acknowledge(id);
      return;
    case 'msgs_state_req':
      reply(batch, { _: 'msgs_state_info', req_msg_id: msgId, info: stateInfo(batch, obj.msg_ids) }, false);
      return;
    case 'msg_resend_req': {
      // Re-send the named server messages; if any is unknown, answer msgs_state_info for all
      // (https://core.telegram.org/mtproto/service_messages_about_messages#explicit-request-to-re-send-messages).
      const { found, missing } = session.recall(obj.msg_ids, false);
      batch.replies.push(...found);
      if (missing.length) reply(batch, { _: 'msgs_state_info', req_msg_id: msgId, info: stateInfo(batch, obj.msg_ids) }, false);
      return;
    }
    case 'msg_resend_ans_req': {
      // Re-send the answers to the named queries.
      let missing = false;
      for (const id of obj.msg_ids) {
        const cached = session.answers.get(id);
        if (cached?.status === 'done' && cached.body) {
          batch.replies.push({ body: cached.body, contentRelated: true, response: true, answers: id });
        } else {
          missing = true;
        }
      }
      if (missing) reply(batch, { _: 'msgs_state_info', req_msg_id: msgId, info: stateInfo(batch, obj.msg_ids) }, false);
      return;
    }
    case 'ping':
      reply(batch, { _: 'pong', msg_id: msgId, ping_id: obj.ping_id }, false);
      return;
    case 'ping_delay_disconnect':
      reply(batch, { _: 'pong', msg_id: msgId, ping_id: obj.ping_id }, false);
      conn.armDisconnect(obj.disconnect_delay);
      return;
    case 'get_future_salts':
      reply(batch, { _: 'future_salts', req_msg_id: msgId, now: batch.now, salts: batch.key.salts.future(batch.now, obj.num) }, false);
      return;
    case 'destroy_session': {
      // Another session of this key may be forgotten; the current one cannot destroy itself.
      const other = obj.session_id !== session.sessionId && batch.key.sessions.delete(obj.session_id);
      reply(batch, { _: other ? 'destroy_session_ok' : 'destroy_session_none', session_id: obj.session_id }, true);
      return;
    }
    case 'destroy_auth_key':
      reply(batch, { _: 'destroy_auth_key_ok' }, true);
      batch.destroyKey = true;
      return;
    case 'rpc_drop_answer':
      batch.replies.push({ body: encodeRpcResult(msgId, encode(dropAnswer(batch, obj.req_msg_id))), contentRelated: true, response: true });
      return;
    case 'http_wait':
      // HTTP long poll: the listener holds this request up to max_wait (https://core.telegram.org/mtproto/transports#http).
      batch.conn.httpWait(obj.max_wait);
      return;
    default:
      // msgs_state_info, msgs_all_info, msg_detailed_info: informational.
      return;
  }
}

/**
 * rpc_drop_answer (https://core.telegram.org/mtproto/service_messages#cancellation-of-an-rpc-query):
 * unknown query, query still running (its answer will not be sent), or the
 * answer already sent and not yet acknowledged (it will not be sent again).
 */
function dropAnswer(batch: Batch, reqMsgId: bigint): mt.RpcDropAnswer {
  const cached = batch.session.answers.get(reqMsgId);
  if (cached?.status === 'running') {
    cached.status = 'dropped';
    return { _: 'rpc_answer_dropped_running' };
  }
  if (cached?.status === 'done' && cached.answerMsgId !== undefined && batch.session.acknowledge(cached.answerMsgId)) {
    cached.status = 'dropped';
    return { _: 'rpc_answer_dropped', msg_id: cached.answerMsgId, seq_no: cached.answerSeqNo ?? 0, bytes: cached.body?.length ?? 0 };
  }
  return { _: 'rpc_answer_unknown' };
}

/**
 * One status byte per msg_id for msgs_state_info
 * (https://core.telegram.org/mtproto/service_messages_about_messages#informational-message-regarding-status-of-messages):
 * 1 nothing known (older than everything remembered), 2 not received (in the
 * remembered range), 3 not received (newer than everything); 4 received,
 * +8 acknowledged, +16 needs no acknowledgment, +32 the query is being or was
 * processed, +64 an answer was generated.
 */
function stateInfo(batch: Batch, ids: readonly bigint[]): Uint8Array {
  const { received, answers } = batch.session;
  const info = new Uint8Array(Math.min(ids.length, 8192));
  for (let i = 0; i < info.length; i++) {
    const id = ids[i]!;
    const seen = received.get(id);
    if (!seen) {
      info[i] = received.min === undefined || id < received.min ? 1 : id > received.max! ? 3 : 2;
      continue;
    }
    let v = 4 | (seen.contentRelated ? 8 : 16);
    const cached = answers.get(id);
    if (cached) v |= 32;
    if (cached?.status === 'done') v |= 64;
    info[i] = v;
  }
  return info;
}
