/**
 * What a client session does with each message the server sends, once it has
 * passed the checks of protocol.ts: acknowledge it, settle the request an
 * rpc_result answers, act on the service messages
 * (https://core.telegram.org/mtproto/service_messages,
 * https://core.telegram.org/mtproto/service_messages_about_messages), and hand
 * everything else to the owner as an `update` event.
 */
import { RpcError, TlError } from '../../errors.js';
import type { DecodeBudget } from '../../tl/codec/index.js';
import { decode, decodeResult } from '../../tl/codec/index.js';
import type { AnyTlObject, mt } from '../../tl/generated/types.js';
import type { AckQueue } from './acks.js';
import { MAX_IDS_PER_SERVICE } from './acks.js';
import type { SessionEvent } from './events.js';
import { ID } from './ids.js';
import type { Outbox, Outgoing } from './outbox.js';
import type { Pinger } from './pinger.js';
import type { IncomingMessage, SessionProtocol } from './protocol.js';
import { isOpen, markAcked, type RequestTable } from './requests.js';
import { readRpcResult } from './rpc-result.js';
import type { ServerSalts } from './salts.js';

/** Consecutive seq_no errors (32/33) before the session is started over. */
const MAX_SEQ_REPAIRS = 3;

/** The parts of a session the handlers work on (session.ts owns them). */
export interface SessionParts {
  readonly protocol: SessionProtocol;
  readonly salts: ServerSalts;
  readonly acks: AckQueue;
  readonly outbox: Outbox;
  readonly requests: RequestTable;
  readonly pinger: Pinger;
  /** Consecutive bad_msg_notification 32/33 so far. */
  seqRepairs: number;
  /** Starts a new session (new session_id, seq_no from 0) and queues every pending request again. */
  resetSession(reason: string, events: SessionEvent[]): void;
}

/** One received packet being handled. */
export interface ReceiveContext {
  now: number;
  events: SessionEvent[];
  /** The decode budget of the packet, shared by all its messages. */
  budget: DecodeBudget;
}

/** Handles one checked message: acknowledgment, then its meaning. */
export function handleIncoming(s: SessionParts, m: IncomingMessage, ctx: ReceiveContext): void {
  if ((m.seqNo & 1) === 1) s.acks.add(m.msgId, ctx.now);
  if (m.id === ID.rpcResult) {
    onRpcResult(s, m.body, m.msgId, ctx);
    return;
  }
  let obj: AnyTlObject;
  try {
    obj = decode(m.body, { budget: ctx.budget });
  } catch (e) {
    if (e instanceof TlError) ctx.events.push({ type: 'decode_error', error: e, msgId: m.msgId });
    else throw e;
    return;
  }
  dispatch(s, obj, m.msgId, ctx);
}

function dispatch(s: SessionParts, obj: AnyTlObject, msgId: bigint, ctx: ReceiveContext): void {
  switch (obj._) {
    case 'pong':
      onPong(s, obj, ctx);
      return;
    case 'bad_server_salt':
      onBadServerSalt(s, obj, ctx);
      return;
    case 'bad_msg_notification':
      onBadMsgNotification(s, obj, msgId, ctx);
      return;
    case 'new_session_created':
      onNewSession(s, obj, ctx);
      return;
    case 'msgs_ack':
      onAck(s, obj);
      return;
    case 'future_salts':
      onFutureSalts(s, obj, ctx);
      return;
    case 'msgs_state_req':
      s.outbox.queueService({ _: 'msgs_state_info', req_msg_id: msgId, info: stateInfo(s, obj.msg_ids) }, false);
      return;
    case 'msg_resend_req':
    case 'msg_resend_ans_req':
      onResendReq(s, obj.msg_ids, msgId);
      return;
    case 'msg_detailed_info':
    case 'msg_new_detailed_info':
      onDetailedInfo(s, obj, ctx);
      return;
    case 'destroy_session_ok':
    case 'destroy_session_none':
      onDestroySession(s, obj);
      return;
    case 'destroy_auth_key_ok':
    case 'destroy_auth_key_none':
    case 'destroy_auth_key_fail':
      onDestroyAuthKey(s, obj);
      return;
    case 'msgs_state_info':
    case 'msgs_all_info':
    case 'http_wait':
    case 'msg_copy':
    case 'rpc_answer_unknown':
    case 'rpc_answer_dropped':
    case 'rpc_answer_dropped_running':
      return; // informational, or answers to rpc_drop_answer outside rpc_result
    default:
      ctx.events.push({ type: 'update', update: obj, msgId });
  }
}

/** Errors after which initConnection still has to be sent. */
function requestsInitDone(message: string): boolean {
  return !message.startsWith('CONNECTION_') && !message.includes('LAYER');
}

/** rpc_result (https://core.telegram.org/mtproto/service_messages#rpc-result): settles the request it answers. */
function onRpcResult(s: SessionParts, body: Uint8Array, msgId: bigint, ctx: ReceiveContext): void {
  let parts;
  try {
    parts = readRpcResult(body, ctx.budget);
  } catch (e) {
    if (e instanceof TlError) ctx.events.push({ type: 'decode_error', error: e, msgId });
    else throw e;
    return;
  }
  const out = s.outbox.sent.get(parts.reqMsgId);
  if (!out) return; // not ours, cancelled, or answered already
  s.outbox.sent.delete(parts.reqMsgId);
  const p = out.request;
  if (out.pingId !== undefined && !parts.error) onPingAnswered(s, out, ctx);
  if (!p) return;
  if (parts.error) {
    if (p.body === 'init-wrapped' && !requestsInitDone(parts.error.message)) s.requests.initLost();
    s.requests.settle(p, new RpcError(parts.error.code, parts.error.message, p.method));
    return;
  }
  let value: unknown;
  try {
    value = decodeResult(p.request, parts.result, { budget: ctx.budget });
  } catch (e) {
    if (e instanceof TlError) {
      s.requests.settle(p, e);
      return;
    }
    throw e;
  }
  s.requests.settle(p, undefined, value);
}

/** bad_server_salt: take the new salt, re-send what it refused. */
function onBadServerSalt(s: SessionParts, obj: mt.bad_server_salt, ctx: ReceiveContext): void {
  const targets = s.outbox.lookup(obj.bad_msg_id);
  // Only a notification about a message we actually sent may change anything.
  if (!targets) return;
  s.salts.set(obj.new_server_salt, ctx.events);
  s.salts.clearFuture();
  s.outbox.requeue(targets);
}

/**
 * bad_msg_notification (https://core.telegram.org/mtproto/service_messages_about_messages#notice-of-ignored-error-message).
 * `notificationMsgId` is the server's msg_id of the notification: its time part resyncs our clock for 16/17.
 */
function onBadMsgNotification(s: SessionParts, obj: mt.bad_msg_notification, notificationMsgId: bigint, ctx: ReceiveContext): void {
  const targets = s.outbox.lookup(obj.bad_msg_id);
  if (!targets) return;
  const ids = s.protocol.ids;
  switch (obj.error_code) {
    case 16: // msg_id too low
    case 17: {
      // msg_id too high
      const before = ids.timeOffset;
      ids.syncWith(notificationMsgId, ctx.now);
      ctx.events.push({ type: 'time_synced', timeOffset: ids.timeOffset });
      if (ids.timeOffset < before && ids.lastId > ids.peek(ctx.now)) {
        // The clock moved back: msg_ids must still grow within a session, so
        // the only way to send correct ones now is a new session.
        s.resetSession('the clock was corrected backwards (bad_msg_notification 17)', ctx.events);
        return; // resetSession re-sends every pending request
      }
      break;
    }
    case 32: // seq_no too low: the server saw higher numbers; jump ahead
    case 33: // seq_no too high: step back
      if (++s.seqRepairs > MAX_SEQ_REPAIRS) {
        s.seqRepairs = 0;
        s.resetSession(`seq_no could not be repaired (bad_msg_notification ${obj.error_code})`, ctx.events);
        return; // resetSession re-sends every pending request
      }
      s.protocol.seq.shift(obj.error_code === 32 ? 64 : -16);
      break;
    default:
      // 18, 19, 20, 34, 35, 48, 64: re-send with a new msg_id (and container) below.
      break;
  }
  s.outbox.requeue(targets);
}

/** new_session_created: new salt; queries sent before first_msg_id were lost with the old session. */
function onNewSession(s: SessionParts, obj: mt.new_session_created, ctx: ReceiveContext): void {
  s.salts.set(obj.server_salt, ctx.events);
  ctx.events.push({ type: 'new_session', firstMsgId: obj.first_msg_id, uniqueId: obj.unique_id, serverSalt: obj.server_salt });
  const lost: Outgoing[] = [];
  for (const [id, out] of s.outbox.sent) {
    if (id < obj.first_msg_id && out.request && isOpen(out.request)) lost.push(out);
  }
  if (lost.length) s.outbox.requeue(lost);
}

function onAck(s: SessionParts, obj: mt.msgs_ack): void {
  for (const id of obj.msg_ids) {
    const out = s.outbox.sent.get(id);
    if (!out) continue;
    if (out.request) markAcked(out.request);
    else if (out.pingId === undefined) s.outbox.sent.delete(id);
  }
}

function onFutureSalts(s: SessionParts, obj: mt.future_salts, ctx: ReceiveContext): void {
  s.salts.setFuture(obj.salts);
  ctx.events.push({ type: 'future_salts', salts: obj.salts });
  const out = s.outbox.sent.get(obj.req_msg_id);
  if (out) {
    s.outbox.sent.delete(obj.req_msg_id);
    if (out.request) s.requests.settle(out.request, undefined, obj);
  }
  s.salts.rotate(s.protocol.ids.serverTime(ctx.now), ctx.events);
}

/** pong outside rpc_result: answers the ping whose msg_id it names. */
function onPong(s: SessionParts, obj: mt.pong, ctx: ReceiveContext): void {
  const out = s.outbox.sent.get(obj.msg_id);
  if (!out) {
    ctx.events.push({ type: 'pong', pingId: obj.ping_id, rttMs: undefined });
    return;
  }
  s.outbox.sent.delete(obj.msg_id);
  if (out.pingId !== undefined) onPingAnswered(s, out, ctx);
  else ctx.events.push({ type: 'pong', pingId: obj.ping_id, rttMs: out.sentAt === undefined ? undefined : ctx.now - out.sentAt });
  if (out.request) s.requests.settle(out.request, undefined, obj);
}

function onPingAnswered(s: SessionParts, out: Outgoing, ctx: ReceiveContext): void {
  s.pinger.settled();
  ctx.events.push({ type: 'pong', pingId: out.pingId!, rttMs: out.sentAt === undefined ? undefined : ctx.now - out.sentAt });
}

/**
 * msg_resend_req: re-send the named messages with new msg_ids; when one of
 * them is unknown, answer msgs_state_info for all of them
 * (https://core.telegram.org/mtproto/service_messages_about_messages#explicit-request-to-re-send-messages).
 */
function onResendReq(s: SessionParts, ids: bigint[], reqMsgId: bigint): void {
  const found: Outgoing[] = [];
  const info = new Uint8Array(ids.length);
  let missing = false;
  ids.forEach((id, i) => {
    const out = s.outbox.sent.get(id);
    if (out) {
      found.push(out);
      info[i] = 4;
    } else {
      info[i] = 1;
      missing = true;
    }
  });
  if (found.length) s.outbox.requeue(found);
  if (missing) s.outbox.queueService({ _: 'msgs_state_info', req_msg_id: reqMsgId, info }, false);
}

/**
 * msg_detailed_info / msg_new_detailed_info: the server has an answer we
 * may have missed. Acknowledge it when it arrived, ask for it otherwise.
 */
function onDetailedInfo(s: SessionParts, obj: mt.msg_detailed_info | mt.msg_new_detailed_info, ctx: ReceiveContext): void {
  if (obj._ === 'msg_detailed_info') {
    const out = s.outbox.sent.get(obj.msg_id);
    if (out?.request) markAcked(out.request);
  }
  if (s.protocol.window.get(obj.answer_msg_id) !== undefined) s.acks.addOnce(obj.answer_msg_id, ctx.now);
  else s.outbox.queueService({ _: 'msg_resend_req', msg_ids: [obj.answer_msg_id] }, false);
}

/** destroy_auth_key answers come bare, not in rpc_result: settle the oldest pending destroy_auth_key. */
function onDestroyAuthKey(s: SessionParts, obj: AnyTlObject): void {
  for (const [id, out] of s.outbox.sent) {
    const p = out.request;
    if (p && p.method === 'destroy_auth_key' && isOpen(p)) {
      s.outbox.sent.delete(id);
      s.requests.settle(p, undefined, obj);
      return;
    }
  }
}

/** destroy_session_* outside rpc_result: settles the destroy_session query for that session_id. */
function onDestroySession(s: SessionParts, obj: mt.destroy_session_ok | mt.destroy_session_none): void {
  for (const [id, out] of s.outbox.sent) {
    const p = out.request;
    if (p && p.method === 'destroy_session' && (p.request as mt.destroy_session).session_id === obj.session_id) {
      s.outbox.sent.delete(id);
      s.requests.settle(p, undefined, obj);
      return;
    }
  }
}

/**
 * msgs_state_info bytes for msgs_state_req
 * (https://core.telegram.org/mtproto/service_messages_about_messages#informational-message-regarding-status-of-messages).
 */
function stateInfo(s: SessionParts, ids: bigint[]): Uint8Array {
  const window = s.protocol.window;
  const info = new Uint8Array(Math.min(ids.length, MAX_IDS_PER_SERVICE));
  for (let i = 0; i < info.length; i++) {
    const id = ids[i]!;
    const seen = window.get(id);
    if (seen) {
      // 4 = received; +16 = does not need an ack; +8 = ack already sent.
      info[i] = 4 | (seen.contentRelated ? (s.acks.has(id) ? 0 : 8) : 16);
    } else if (window.min === undefined || id < window.min) {
      info[i] = 1;
    } else if (id > window.max!) {
      info[i] = 3;
    } else {
      info[i] = 2;
    }
  }
  return info;
}
