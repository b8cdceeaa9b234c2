/**
 * RPC answers remembered per session by the msg_id of the query, so a query
 * that arrives twice with the same msg_id (a client re-sending after a lost
 * connection) is answered again from memory and never runs twice
 * (https://core.telegram.org/mtproto/description#message-identifier-msg-id:
 * msg_ids are unique within a session), and so `rpc_drop_answer` and
 * `msgs_state_req` can tell what became of a query
 * (https://core.telegram.org/mtproto/service_messages#cancellation-of-an-rpc-query).
 */

/** What is known about one query. */
export interface CachedAnswer {
  /** `running` until the backend answered; `dropped` after rpc_drop_answer while running. */
  status: 'running' | 'done' | 'dropped';
  /** The `rpc_result` body, once done. */
  body?: Uint8Array;
  /** msg_id and seq_no the answer was last sent with (for rpc_answer_dropped). */
  answerMsgId?: bigint;
  answerSeqNo?: number;
  /** Unix seconds the query arrived. */
  readonly at: number;
  /**
   * The connection a re-sent copy of the query last came on while it was
   * running: its answer goes there when the connection it first came on is
   * gone (the client reconnected). The session itself does not move for a
   * duplicate (see encrypted-packet.ts).
   */
  askedOn?: { readonly open: boolean };
}

/** Most answers kept per session; the oldest go first. */
export const ANSWER_CACHE_SIZE = 1024;
/**
 * Seconds an answer is kept: a re-sent msg_id older than 300 s is refused by
 * the time check anyway (bad_msg_notification 16), so this covers every
 * duplicate that can still get through.
 */
export const ANSWER_CACHE_TTL = 600;

/** The answers of one session. */
export class AnswerCache {
  private readonly entries = new Map<bigint, CachedAnswer>();

  /** The entry of query `msgId`, if remembered. */
  get(msgId: bigint): CachedAnswer | undefined {
    return this.entries.get(msgId);
  }

  /** Records that query `msgId` started running at `now`. */
  begin(msgId: bigint, now: number): void {
    for (const [id, e] of this.entries) {
      if (this.entries.size < ANSWER_CACHE_SIZE && now - e.at <= ANSWER_CACHE_TTL) break;
      this.entries.delete(id);
    }
    this.entries.set(msgId, { status: 'running', at: now });
  }

  /**
   * Stores the answer of query `msgId`. Returns false when the answer must
   * not be sent: the client dropped it meanwhile.
   */
  finish(msgId: bigint, body: Uint8Array): boolean {
    const e = this.entries.get(msgId);
    if (!e) return true; // evicted while running: still answer
    if (e.status === 'dropped') return false;
    e.status = 'done';
    e.body = body;
    return true;
  }
}
