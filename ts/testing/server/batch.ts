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

/**
 * bad_msg_notification for a message the server ignores
 * (https://core.telegram.org/mtproto/service_messages_about_messages#notice-of-ignored-error-message):
 * 16/17 msg_id too low/high, 18 msg_id not divisible by 4, 20 too old to check,
 * 34/35 seq_no parity, 64 invalid container.
 */
export function badMsg(batch: Batch, msgId: bigint, seqNo: number, code: number): void {
  reply(batch, { _: 'bad_msg_notification', bad_msg_id: msgId, bad_msg_seqno: seqNo, error_code: code }, false);
}
