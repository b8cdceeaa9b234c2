/**
 * The work one encrypted client packet causes: the immediate service
 * replies, the RPC answers still running, and what to do afterwards. All of
 * it leaves in one server packet (a container when there is more than one
 * message), together with the acknowledgments the packet earned.
 */
import { encode } from '../../tl/codec/index.js';
import type { AnyTlObject } from '../../tl/generated/types.js';
import type { Connection } from './connection.js';
import type { StoredKey } from './key-store.js';
import type { Outgoing, SessionState } from './session-state.js';

/** One packet's work. */
export interface Batch {
  readonly conn: Connection;
  readonly key: StoredKey;
  readonly session: SessionState;
  /** Unix seconds when the packet arrived. */
  readonly now: number;
  /** Replies ready now, in order. */
  readonly replies: Outgoing[];
  /** RPC answers on their way (undefined when there is nothing to send, e.g. a dropped answer). */
  readonly pending: Promise<Outgoing | undefined>[];
  /** Server msg_ids the client has not acknowledged, to send again (the session came on a new connection). */
  readonly resend: bigint[];
  /** destroy_auth_key: forget the key once the reply is out. */
  destroyKey: boolean;
}

/** Queues a service reply: `response` (msg_id 1 mod 4) unless it is sent on the server's own accord. */
export function reply(batch: Batch, obj: AnyTlObject, contentRelated: boolean, response = true): void {
  batch.replies.push({ body: encode(obj), contentRelated, response });
}

/** What each bad_msg_notification code means (https://core.telegram.org/mtproto/service_messages_about_messages#notice-of-ignored-error-message). */
const BAD_MSG_REASONS: Readonly<Record<number, string>> = {
  16: 'msg_id too low (more than 300 s in the past)',
  17: 'msg_id too high (more than 30 s in the future)',
  18: 'msg_id not divisible by 4',
  19: 'container msg_id is the same as a previous message',
  20: 'message too old to check for a replay',
  32: 'msg_seqno too low',
  33: 'msg_seqno too high',
  34: 'an even msg_seqno expected (not content-related)',
  35: 'an odd msg_seqno expected (content-related)',
  48: 'incorrect server salt',
  64: 'invalid container',
};

/**
 * bad_msg_notification for a message the server ignores
 * (https://core.telegram.org/mtproto/service_messages_about_messages#notice-of-ignored-error-message):
 * 16/17 msg_id too low/high, 18 msg_id not divisible by 4, 20 too old to check,
 * 34/35 seq_no parity, 64 invalid container.
 */
export function badMsg(batch: Batch, msgId: bigint, seqNo: number, code: number): void {
  const rt = batch.conn.rt;
  rt.tracer?.note(
    { dc: rt.dcId, conn: batch.conn, authKeyId: batch.key.id, sessionId: batch.session.sessionId },
    'refused',
    `bad_msg_notification ${code}: ${BAD_MSG_REASONS[code] ?? 'refused'}`,
    { msgId, seqNo },
  );
  reply(batch, { _: 'bad_msg_notification', bad_msg_id: msgId, bad_msg_seqno: seqNo, error_code: code }, false);
}
