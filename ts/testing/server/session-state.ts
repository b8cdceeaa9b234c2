/**
 * The server's memory of one client session, identified by (auth key,
 * session_id) (https://core.telegram.org/mtproto/description#session):
 * msg_id and seq_no numbering of server messages, the client msg_ids already
 * received (replays, msgs_state_req), answers by query, acknowledgments owed
 * to the client, and the content-related messages the client has not
 * acknowledged yet — those are sent again when the session shows up on a new
 * connection (https://core.telegram.org/mtproto/service_messages_about_messages#acknowledgment-of-receipt).
 */
import type { AuthKeyHandle, CryptoProvider } from '../../crypto/provider.js';
import { encode } from '../../tl/codec/index.js';
import { encodeContainer, MAX_CONTAINER_BYTES, MAX_CONTAINER_MESSAGES, ReplayWindow } from '../../mtproto/index.js';
import { ServerSession } from '../../mtproto/server-side.js';
import { AnswerCache } from './answer-cache.js';

/** One message the server is about to send. */
export interface Outgoing {
  /** One boxed TL object. */
  body: Uint8Array;
  /** Needs the client's acknowledgment (odd seq_no). */
  contentRelated: boolean;
  /** Answers a client message (msg_id 1 mod 4) rather than being sent on the server's own accord (3 mod 4). */
  response: boolean;
  /** For an rpc_result: the query it answers (to record its msg_id in the answer cache). */
  answers?: bigint;
  /** Updates pushed by the server (re-sent on a new connection until acknowledged, like answers). */
  update?: boolean;
}

/** Called with each message as it gets its msg_id and seq_no (the protocol trace). */
export type SealedMessageHook = (msgId: bigint, seqNo: number, message: Outgoing) => void;

/** A message sent, remembered for acknowledgments and msg_resend_req. */
interface SentMessage {
  readonly body: Uint8Array;
  readonly contentRelated: boolean;
  readonly response: boolean;
  readonly answers: bigint | undefined;
  readonly update: boolean;
}

/** Client msg_ids remembered per session against replays. */
export const RECEIVED_WINDOW = 2048;
/** Unacknowledged messages kept per session for re-sending (oldest dropped first). */
export const MAX_UNACKED = 512;
/** Messages kept per session for msg_resend_req. */
export const SENT_LOG_SIZE = 256;

/** Anything that can carry a session's packets (a connection). */
export interface SessionCarrier {
  readonly open: boolean;
}

/** Per-session state. */
export class SessionState {
  /** Numbering and sealing of server messages. */
  readonly server: ServerSession;
  /** Client msg_ids received (with whether they were content-related). */
  readonly received = new ReplayWindow(RECEIVED_WINDOW);
  /** RPC answers by query msg_id. */
  readonly answers = new AnswerCache();
  /** Content-related client messages to acknowledge in the next packet. */
  pendingAcks: bigint[] = [];
  /** Set once new_session_created was sent. */
  announced = false;
  /** first_msg_id of the last new_session_created. */
  firstMsgId: bigint | undefined;
  /** The connection the session's messages last came on. */
  carrier: SessionCarrier | undefined;
  /** Unix seconds of the last message received. */
  lastSeen: number;

  private readonly unacked = new Map<bigint, SentMessage>();
  private readonly sentLog = new Map<bigint, SentMessage>();

  constructor(
    crypto: CryptoProvider,
    key: AuthKeyHandle,
    readonly sessionId: bigint,
    /** unique_id of new_session_created. */
    readonly uniqueId: bigint,
    now: number,
  ) {
    this.server = new ServerSession({ crypto, authKey: key, sessionId });
    this.lastSeen = now;
  }

  /**
   * Moves the session to `carrier`. Returns the msg_ids of the answers and
   * updates the client has not acknowledged, to send again on the new
   * connection (empty when the carrier did not change). Other notifications
   * (new_session_created, ...) are not repeated: a second one would mean
   * something else.
   */
  attach(carrier: SessionCarrier): bigint[] {
    if (this.carrier === carrier) return [];
    this.carrier = carrier;
    const ids: bigint[] = [];
    for (const [id, m] of this.unacked) if (m.answers !== undefined || m.update) ids.push(id);
    return ids;
  }

  /** The client acknowledged server message `msgId`. Returns true when it was waiting for that. */
  acknowledge(msgId: bigint): boolean {
    return this.unacked.delete(msgId);
  }

  /** Whether server message `msgId` still waits for the client's acknowledgment. */
  isUnacked(msgId: bigint): boolean {
    return this.unacked.has(msgId);
  }

  /**
   * The messages `ids` (server msg_ids) as new outgoing messages, for
   * re-sending; ids that are not remembered are left out. `onlyUnacked`
   * takes them from the unacknowledged set (and forgets the old ids, the
   * copies get new ones).
   */
  recall(ids: readonly bigint[], onlyUnacked: boolean): { found: Outgoing[]; missing: bigint[] } {
    const found: Outgoing[] = [];
    const missing: bigint[] = [];
    for (const id of ids) {
      const m = onlyUnacked ? this.unacked.get(id) : (this.sentLog.get(id) ?? this.unacked.get(id));
      if (!m) {
        missing.push(id);
        continue;
      }
      this.unacked.delete(id);
      found.push({
        body: m.body,
        contentRelated: m.contentRelated,
        response: m.response,
        ...(m.answers !== undefined && { answers: m.answers }),
        ...(m.update && { update: true }),
      });
    }
    return { found, missing };
  }

  /**
   * Numbers and seals `messages` (a msgs_ack of the pending acknowledgments
   * goes first) into packets: one message alone, several in msg_containers
   * of at most 1020 messages / 1 MiB
   * (https://core.telegram.org/mtproto/service_messages#simple-container).
   * Content-related messages are remembered until acknowledged.
   */
  compose(messages: readonly Outgoing[], salt: bigint, now: number, onMessage?: SealedMessageHook): Uint8Array[] {
    const all: Outgoing[] = [];
    if (this.pendingAcks.length > 0) {
      all.push({ body: encode({ _: 'msgs_ack', msg_ids: this.pendingAcks }), contentRelated: false, response: true });
      this.pendingAcks = [];
    }
    all.push(...messages);
    if (all.length === 0) return [];
    this.server.salt = salt;
    const packets: Uint8Array[] = [];
    let batch: Outgoing[] = [];
    let bytes = 0;
    for (const m of all) {
      const size = 16 + m.body.length;
      if (batch.length > 0 && (batch.length >= MAX_CONTAINER_MESSAGES || bytes + size > MAX_CONTAINER_BYTES)) {
        packets.push(this.seal(batch, now, onMessage));
        batch = [];
        bytes = 0;
      }
      batch.push(m);
      bytes += size;
    }
    packets.push(this.seal(batch, now, onMessage));
    return packets;
  }

  private seal(batch: readonly Outgoing[], now: number, onMessage: SealedMessageHook | undefined): Uint8Array {
    const s = this.server;
    const numbered = batch.map((m) => {
      const msgId = s.nextMsgId(now, m.response);
      const seqNo = s.seq.next(m.contentRelated);
      this.remember(msgId, seqNo, m);
      onMessage?.(msgId, seqNo, m);
      return { msgId, seqNo, body: m.body };
    });
    if (numbered.length === 1) {
      const m = numbered[0]!;
      return s.sealRaw({ msgId: m.msgId, seqNo: m.seqNo }, m.body);
    }
    // The container's msg_id is greater than those inside; it is not content-related.
    const containerId = s.nextMsgId(
      now,
      batch.some((m) => m.response),
    );
    return s.sealRaw({ msgId: containerId, seqNo: s.seq.next(false) }, encodeContainer(numbered));
  }

  private remember(msgId: bigint, seqNo: number, m: Outgoing): void {
    const sent: SentMessage = {
      body: m.body,
      contentRelated: m.contentRelated,
      response: m.response,
      answers: m.answers,
      update: m.update === true,
    };
    this.sentLog.set(msgId, sent);
    if (this.sentLog.size > SENT_LOG_SIZE) this.sentLog.delete(this.sentLog.keys().next().value!);
    if (m.contentRelated) {
      this.unacked.set(msgId, sent);
      if (this.unacked.size > MAX_UNACKED) this.unacked.delete(this.unacked.keys().next().value!);
    }
    if (m.answers !== undefined) {
      const e = this.answers.get(m.answers);
      if (e) {
        e.answerMsgId = msgId;
        e.answerSeqNo = seqNo;
      }
    }
  }
}
