/**
 * One encrypted client packet, from the server's seat
 * (https://core.telegram.org/mtproto/description,
 * https://core.telegram.org/mtproto/security_guidelines), in the order the
 * checks run:
 *
 * 1. auth_key_id unknown (or a temporary key that expired) → transport error -404, close;
 * 2. msg_key / lengths / padding wrong → the packet is dropped and the connection closed
 *    (a packet that does not decrypt says the stream cannot be trusted);
 * 3. quick ACK when asked for;
 * 4. outer msg_id more than 300 s old / 30 s ahead → bad_msg_notification 16 / 17;
 * 5. salt not in force → bad_server_salt (48) with the current salt;
 * 6. container: odd seq_no → 34, malformed, or its msg_id not above every item's → 64
 *    (https://core.telegram.org/mtproto/service_messages#simple-container);
 * 7. first message of a session → new_session_created (first_msg_id = the lowest msg_id);
 * 8. per message: msg_id not divisible by 4 → 18; an item's msg_id outside the time window
 *    → 16 / 17 (the outer one was checked in 4); already received → the cached answer
 *    again (never a second run); older than the replay window → 20; seq_no parity → 34 / 35;
 *    then acknowledgment, and a service message (service-messages.ts) or an RPC (rpc-call.ts).
 *    Each body is decoded once (message-body.ts), all of them within one decode budget per
 *    packet; a query past it is answered 400 INPUT_REQUEST_TOO_LONG.
 *
 * The session moves to this connection (`attach`: it then carries the session's answers and
 * pushes, and unacknowledged ones are re-sent here) only when a message passed every check
 * of 4..8 as a new message. A replayed packet — only duplicates — is answered from the answer
 * cache on the connection it came on and moves nothing (issue 10, finding 6); neither does a
 * packet that is refused.
 *
 * Everything the packet causes leaves in one packet once its RPCs answered.
 */
import { SecurityError } from '../../errors.js';
import {
  decodeContainer,
  isClientMsgId,
  isContentRelated,
  msgIdTimeSkew,
  parseEnvelope,
  type DecryptedMessage,
  type InnerMessage,
} from '../../mtproto/index.js';
import type { DecodeBudget } from '../../tl/codec/index.js';
import { idOf } from '../../tl/codec/index.js';
import { badMsg, type Batch, reply } from './batch.js';
import type { Connection } from './connection.js';
import { unixNow } from './dc-runtime.js';
import { decodeBody, isGzipPacked, type MessageBody, packetBudget, peekName } from './message-body.js';
import { quickAckToken } from './quick-ack.js';
import { runRpc } from './rpc-call.js';
import { handleServiceMessage, isServiceMessage } from './service-messages.js';
import { askedLayer, type ServedLayer, traceBody } from '../layers/index.js';
import type { TraceEventKind, TraceWhere } from '../trace/index.js';
import type { Outgoing } from './session-state.js';

const MSG_CONTAINER = idOf('msg_container')! >>> 0;

function readInt(b: Uint8Array, offset: number): number {
  return new DataView(b.buffer, b.byteOffset, b.byteLength).getInt32(offset, true);
}

function readLong(b: Uint8Array, offset: number): bigint {
  return new DataView(b.buffer, b.byteOffset, b.byteLength).getBigInt64(offset, true);
}

/** Handles one encrypted packet on `conn` (see the module comment for the order of checks). */
export function handleEncryptedPacket(conn: Connection, packet: Uint8Array, quickAck: boolean): void {
  const rt = conn.rt;
  const now = unixNow(rt);
  const key = rt.keys.get(readLong(packet, 0), now);
  if (!key) {
    conn.sendTransportError(-404, 'unknown auth_key_id');
    return;
  }
  let plain: Uint8Array;
  try {
    plain = key.handle.open(packet, 0);
  } catch (e) {
    if (!(e instanceof SecurityError)) throw e;
    conn.securityDrop(`${e.check}: ${e.message}`);
    return;
  }
  if (quickAck) conn.sendQuickAck(quickAckToken(rt.crypto, key.authKey, plain));

  let msg: DecryptedMessage | undefined;
  try {
    msg = parseEnvelope(plain, { from: 'client' });
  } catch (e) {
    if (!(e instanceof SecurityError)) throw e;
    if (e.check !== 'msg_id_parity') {
      conn.securityDrop(`${e.check}: ${e.message}`);
      return;
    }
  }
  const sessionId = msg?.sessionId ?? readLong(plain, 8);
  const session = key.session(rt.crypto, rt.random, sessionId, now);
  // `resend` is filled by attach(), once a message of the packet proves new (see the module comment).
  const batch: Batch = { conn, key, session, now, replies: [], pending: [], resend: [], destroyKey: false };
  if (msg) checkAndRoute(batch, msg, packetBudget());
  else badMsg(batch, readLong(plain, 16), readInt(plain, 24), 18);
  finish(batch);
}

/** Batches whose session already moved to their connection. */
const attached = new WeakSet<Batch>();

/** Moves the session to the batch's connection (once per packet); unacknowledged answers and updates go again there. */
function attach(batch: Batch): void {
  if (attached.has(batch)) return;
  attached.add(batch);
  batch.resend.push(...batch.session.attach(batch.conn));
  batch.conn.setSession(batch.key, batch.session);
}

/** Steps 4..8 of the module comment. */
function checkAndRoute(batch: Batch, msg: DecryptedMessage, budget: DecodeBudget): void {
  const { conn, key, session } = batch;
  const rt = conn.rt;
  const forced = rt.faults.takeTimeResync();
  const skew = msgIdTimeSkew(msg.msgId, rt.clock() / 1000);
  if (forced !== undefined || skew !== undefined) {
    // The client takes the time from this notification's msg_id and sends again.
    badMsg(batch, msg.msgId, msg.seqNo, forced ?? (skew === 'past' ? 16 : 17));
    return;
  }
  if (rt.faults.takeBadServerSalt() || !key.salts.isValid(msg.salt, batch.now)) {
    traceNote(batch, 'refused', 'bad_server_salt 48: salt not in force', msg);
    reply(
      batch,
      {
        _: 'bad_server_salt',
        bad_msg_id: msg.msgId,
        bad_msg_seqno: msg.seqNo,
        error_code: 48,
        new_server_salt: key.salts.current(batch.now),
      },
      false,
    );
    return;
  }
  let items: InnerMessage[];
  if (msg.body.length >= 4 && readInt(msg.body, 0) >>> 0 === MSG_CONTAINER) {
    if ((msg.seqNo & 1) === 1) {
      badMsg(batch, msg.msgId, msg.seqNo, 34); // a container is not content-related
      return;
    }
    try {
      items = decodeContainer(msg.body);
    } catch (e) {
      if (!(e instanceof SecurityError)) throw e;
      badMsg(batch, msg.msgId, msg.seqNo, 64);
      return;
    }
    // "All messages in a container must have msg_id lower than that of the container itself."
    // Real clients (mtcute, GramJS, ours) number the items first, so no leniency is needed.
    if (items.some((m) => m.msgId >= msg.msgId)) {
      badMsg(batch, msg.msgId, msg.seqNo, 64);
      return;
    }
    if (items.length === 0) return;
  } else {
    items = [{ msgId: msg.msgId, seqNo: msg.seqNo, body: msg.body }];
  }

  // https://core.telegram.org/mtproto/service_messages#new-session-creation-notification
  let first = items[0]!.msgId;
  for (const m of items) if (m.msgId < first) first = m.msgId;
  if (!session.announced || (session.firstMsgId !== undefined && first < session.firstMsgId)) {
    session.announced = true;
    session.firstMsgId = first;
    reply(
      batch,
      { _: 'new_session_created', first_msg_id: first, unique_id: session.uniqueId, server_salt: key.salts.current(batch.now) },
      true,
      false,
    );
  }
  const inContainer = items.length !== 1 || items[0]!.msgId !== msg.msgId;
  for (const m of items) routeMessage(batch, m, budget, inContainer);
}

/** Step 8: one message of the packet. */
function routeMessage(batch: Batch, m: InnerMessage, budget: DecodeBudget, inContainer: boolean): void {
  const { session } = batch;
  const rt = batch.conn.rt;
  rt.stats.messages++;
  const layer = servedLayer(batch, m);
  if (rt.tracer)
    rt.tracer.message('in', traceWhere(batch), traceBody(layer, batch.key.askedLayer, { msgId: m.msgId, seqNo: m.seqNo, body: m.body }));
  if (!isClientMsgId(m.msgId)) {
    badMsg(batch, m.msgId, m.seqNo, 18);
    return;
  }
  // A container item gets the time window of an outer message (https://core.telegram.org/mtproto/security_guidelines#checking-msg-id).
  const skew = inContainer ? msgIdTimeSkew(m.msgId, rt.clock() / 1000) : undefined;
  if (skew !== undefined) {
    badMsg(batch, m.msgId, m.seqNo, skew === 'past' ? 16 : 17);
    return;
  }
  const verdict = session.received.check(m.msgId);
  if (verdict === 'duplicate') {
    traceNote(batch, 'duplicate', 'msg_id seen before: not run again (a query gets its cached answer)', m);
    answerDuplicate(batch, m);
    return;
  }
  if (verdict === 'too_old') {
    badMsg(batch, m.msgId, m.seqNo, 20);
    return;
  }
  // Decoded once: now for gzip_packed (its name is inside), after the seq_no check otherwise.
  let body: MessageBody | undefined = isGzipPacked(m.body) ? decodeBody(m.body, budget, layer) : undefined;
  const name = body ? body.name : peekName(m.body);
  // Unknown bodies are queries as far as seq_no goes (the backend answers them with an error).
  const contentRelated = name === undefined || isContentRelated(name);
  if (((m.seqNo & 1) === 1) !== contentRelated) {
    if (!contentRelated && !rt.strict) {
      // Leniency (README.md, "Leniencies"): Telegram accepts service messages (msgs_ack, msgs_state_req,
      // ping, ...) numbered as content-related, and mtcute sends them so; refusing them with 34 makes it
      // reset its session and drop the answers of the same packet.
      traceNote(batch, 'leniency', `${name} with an odd seq_no accepted (strict mode answers 34)`, m);
    } else {
      badMsg(batch, m.msgId, m.seqNo, contentRelated ? 35 : 34);
      return;
    }
  }
  attach(batch);
  session.received.add(m.msgId, { contentRelated });
  if (contentRelated) session.pendingAcks.push(m.msgId);
  body ??= decodeBody(m.body, budget, layer);
  if (layer) for (const note of layer.takeNotes()) traceNote(batch, 'layer', note, m);
  if (isServiceMessage(name)) handleServiceMessage(batch, body.obj, m.msgId);
  else batch.pending.push(runRpc(batch, m.msgId, body));
}

/**
 * The layer message `m` is read in: an `invokeWithLayer` sets it for its key
 * (as Telegram keeps the layer per auth key); the key's layer otherwise.
 * Undefined for the server's own layer. https://core.telegram.org/api/invoking#layers
 */
function servedLayer(batch: Batch, m: InnerMessage): ServedLayer | undefined {
  const { key } = batch;
  const asked = askedLayer(m.body);
  if (asked !== undefined && asked !== key.askedLayer) {
    key.askedLayer = asked;
    try {
      key.servedLayer = batch.conn.rt.layers.forClient(asked);
    } catch (e) {
      // A user's schema that does not build: answered in the server's layer, and said in the trace.
      key.servedLayer = undefined;
      traceNote(
        batch,
        'layer',
        `layer ${asked}: its schema does not build (${(e as Error).message}); answered in layer ${batch.conn.rt.layers.current}`,
        m,
      );
      return undefined;
    }
    const served = key.servedLayer;
    traceNote(
      batch,
      'layer',
      served
        ? `client layer ${asked}: requests read and answers written in layer ${served.layer} (converted from/to ${batch.conn.rt.layers.current})`
        : `client layer ${asked}: served in layer ${batch.conn.rt.layers.current}`,
      m,
    );
  }
  return key.servedLayer;
}

/**
 * A msg_id seen before: a query's answer is sent again from the cache (or
 * comes when the running query finishes); anything else is ignored.
 */
function answerDuplicate(batch: Batch, m: InnerMessage): void {
  const cached = batch.session.answers.get(m.msgId);
  if (!cached) return;
  if ((m.seqNo & 1) === 1) batch.session.pendingAcks.push(m.msgId);
  if (cached.status === 'running') cached.askedOn = batch.conn;
  if (cached.status === 'done' && cached.body) {
    batch.conn.rt.stats.cachedAnswers++;
    batch.replies.push({ body: cached.body, contentRelated: true, response: true, answers: m.msgId });
  }
}

/** Where the batch's trace records come from. */
function traceWhere(batch: Batch): TraceWhere {
  return { dc: batch.conn.rt.dcId, conn: batch.conn, authKeyId: batch.key.id, sessionId: batch.session.sessionId };
}

/** A decision about message `m` of the batch, in the trace (when one is kept). */
function traceNote(batch: Batch, event: TraceEventKind, detail: string, m: { msgId: bigint; seqNo: number }): void {
  batch.conn.rt.tracer?.note(traceWhere(batch), event, detail, m);
}

/** Sends everything the packet caused, once its RPCs answered. */
function finish(batch: Batch): void {
  if (batch.pending.length === 0) {
    send(batch, []);
    return;
  }
  Promise.all(batch.pending)
    .then((answers) => send(batch, answers))
    .catch((e: unknown) => {
      batch.conn.rt.onError(e);
      batch.conn.destroy();
    });
}

function send(batch: Batch, answers: (Outgoing | undefined)[]): void {
  const { conn, key, session } = batch;
  if (key.destroyed) return;
  const fresh = [...batch.replies];
  for (const a of answers) if (a) fresh.push(a);
  // Unacknowledged messages go again, except answers this packet already carries (a re-sent query's cached answer).
  const answered = new Set(fresh.map((m) => m.answers).filter((id) => id !== undefined));
  const resent = session
    .recall(
      batch.resend.filter((id) => session.isUnacked(id)),
      true,
    )
    .found.filter((m) => m.answers === undefined || !answered.has(m.answers));
  const messages = [...resent, ...fresh];
  // Answers of a connection that is gone go where a re-sent copy of their query came (answerDuplicate).
  let via: Connection = conn;
  if (!conn.open) {
    for (const m of fresh) {
      const askedOn = m.answers === undefined ? undefined : session.answers.get(m.answers)?.askedOn;
      if (askedOn?.open) via = askedOn as Connection;
    }
  }
  via.sendEncrypted(key, session, messages);
  if (batch.destroyKey) {
    // https://core.telegram.org/mtproto/auth_key: the key is gone for good; later packets get -404.
    const rt = conn.rt;
    rt.keys.delete(key.id);
    rt.backend.auth.forget(rt.dcId, key.id);
    conn.forgetKey(key.id);
    conn.end();
  }
}
