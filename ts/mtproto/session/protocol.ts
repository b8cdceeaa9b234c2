/**
 * The protocol state of a client session, apart from any request: the auth
 * key, session_id, msg_ids (synced with the server clock), seq_no, and the
 * replay window of received msg_ids. It numbers and seals outgoing messages
 * (several in one msg_container) and opens incoming packets, walking their
 * messages through the checks of
 * https://core.telegram.org/mtproto/security_guidelines and
 * https://core.telegram.org/mtproto/description before anything reads them.
 * (grammers' `Mtp` plays this part: push, finalize, deserialize.)
 */
import type { AuthKeyHandle, CryptoProvider } from '../../crypto/provider.js';
import { SecurityError } from '../../errors.js';
import { redact } from '../../redact.js';
import { isServerMsgId, MsgIdGenerator, msgIdTimeSkew } from '../msg-id.js';
import { decodeContainer, encodeContainer } from './container.js';
import { openEnvelope, sealEnvelope, type EnvelopeHeader } from './envelope.js';
import type { SessionEvent } from './events.js';
import { ID, peekId } from './ids.js';
import { ReplayWindow, type ReplayVerdict } from './replay-window.js';
import { SeqNo } from './seq-no.js';

/** A lost message older than this (ms) goes out with a new msg_id: the old one would fail the server's 300 s window. */
const KEEP_MSG_ID_MAX_AGE = 240_000;

/** The numbering of one outgoing message. */
export interface NumberedMessage {
  body: Uint8Array;
  contentRelated: boolean;
  msgId?: bigint;
  seqNo?: number;
  sentAt?: number;
  /** Re-send under the msg_id and seq_no it had (after a lost connection). */
  keepMsgId?: boolean;
}

/** One received message that passed the checks, ready to be read. */
export interface IncomingMessage {
  msgId: bigint;
  seqNo: number;
  body: Uint8Array;
  /** Its constructor id. */
  id: number;
}

/** Construction options of {@link SessionProtocol}. */
export interface SessionProtocolOptions {
  crypto: CryptoProvider;
  authKey: Uint8Array | AuthKeyHandle;
  sessionId: bigint;
  timeOffset: number;
  replayWindowSize: number;
  /** Apply the ±300 s / 30 s msg_id time window to incoming messages. */
  checkMsgIdTime: boolean;
}

interface Walk {
  now: number;
  events: SessionEvent[];
  visit: (m: IncomingMessage) => void;
  /** The outer msg_id failed the time window: only time-insensitive service messages are processed. */
  restricted: boolean;
  skipped: boolean;
}

function replayError(msgId: bigint, verdict: ReplayVerdict): SecurityError {
  const what = verdict === 'duplicate' ? 'was already received' : 'is older than every remembered msg_id';
  return new SecurityError('msg_id_replay', `msg_id ${msgId} ${what}`);
}

/** Key, session_id, msg_id clock, seq_no and replay window of one client session. Prints as `SessionProtocol [redacted]`. */
export class SessionProtocol {
  key: AuthKeyHandle;
  private ownsKey = false;
  sessionId: bigint;
  readonly ids: MsgIdGenerator;
  readonly seq = new SeqNo();
  readonly window: ReplayWindow;

  constructor(private readonly options: SessionProtocolOptions) {
    this.key = this.load(options.authKey);
    this.sessionId = options.sessionId;
    this.ids = new MsgIdGenerator(options.timeOffset);
    this.window = new ReplayWindow(options.replayWindowSize);
    redact(this, 'SessionProtocol'); // it holds the auth key
  }

  private load(authKey: Uint8Array | AuthKeyHandle): AuthKeyHandle {
    this.ownsKey = authKey instanceof Uint8Array;
    return authKey instanceof Uint8Array ? this.options.crypto.loadAuthKey(authKey) : authKey;
  }

  /** Switches to another auth key, freeing the old one when this session loaded it. */
  setKey(authKey: Uint8Array | AuthKeyHandle): void {
    this.dispose();
    this.key = this.load(authKey);
  }

  /** Frees the key when this session loaded it. */
  dispose(): void {
    if (this.ownsKey) this.key.dispose();
  }

  /** A new session: new session_id, msg_ids and seq_no from the start, nothing remembered. */
  reset(sessionId: bigint): void {
    this.sessionId = sessionId;
    this.ids.reset(); // msg_ids need only grow within one session
    this.seq.reset();
    this.window.clear();
  }

  /**
   * Gives a message about to be sent its msg_id and seq_no; returns false when
   * it keeps those of its lost transmission (less than 240 s old, and not
   * `fresh`: a query rebuilt for its msg_id always gets a new one).
   */
  number(m: NumberedMessage, now: number, fresh: boolean): boolean {
    const keep =
      m.keepMsgId === true &&
      m.msgId !== undefined &&
      m.seqNo !== undefined &&
      m.sentAt !== undefined &&
      now - m.sentAt < KEEP_MSG_ID_MAX_AGE &&
      !fresh;
    m.keepMsgId = false;
    if (keep) return false;
    m.msgId = this.ids.next(now);
    m.seqNo = this.seq.next(m.contentRelated);
    return true;
  }

  /**
   * Seals numbered messages into one packet: a single message as is, several
   * in a msg_container with its own msg_id (returned) and an even seq_no.
   */
  seal(
    batch: readonly NumberedMessage[],
    salt: bigint,
    now: number,
    extraPadding: number,
  ): { packet: Uint8Array; containerId: bigint | undefined } {
    let header: EnvelopeHeader;
    let body: Uint8Array;
    let containerId: bigint | undefined;
    if (batch.length === 1) {
      const m = batch[0]!;
      header = { salt, sessionId: this.sessionId, msgId: m.msgId!, seqNo: m.seqNo! };
      body = m.body;
    } else {
      containerId = this.ids.next(now);
      const seqNo = this.seq.next(false);
      body = encodeContainer(batch.map((m) => ({ msgId: m.msgId!, seqNo: m.seqNo!, body: m.body })));
      header = { salt, sessionId: this.sessionId, msgId: containerId, seqNo };
    }
    return { packet: sealEnvelope(this.key, header, body, 0, extraPadding), containerId };
  }

  /**
   * Opens one packet from the server and calls `visit` for each message that
   * passes the checks (auth_key_id, msg_key, lengths, padding, session_id,
   * msg_id parity, replays, the time window; container rules), in order: a
   * container's items one by one, each checked just before it is visited, so
   * what an earlier item changes (the clock, a new session) applies to the
   * next. A failed check drops the message and reports `security_error`.
   */
  open(packet: Uint8Array, now: number, events: SessionEvent[], visit: (m: IncomingMessage) => void): void {
    let msg;
    try {
      msg = openEnvelope(this.key, packet, 8, { from: 'server', sessionId: this.sessionId });
    } catch (e) {
      if (e instanceof SecurityError) {
        events.push({ type: 'security_error', error: e });
        return;
      }
      throw e;
    }
    const verdict = this.window.check(msg.msgId);
    if (verdict !== undefined) {
      events.push({ type: 'security_error', error: replayError(msg.msgId, verdict) });
      return;
    }
    this.window.add(msg.msgId, { contentRelated: (msg.seqNo & 1) === 1 });
    this.walkTimed(msg.msgId, msg.seqNo, msg.body, { now, events, visit, restricted: false, skipped: false }, false);
  }

  /**
   * A message (outer, or a container item) after its replay check: one whose
   * msg_id is outside the time window of the synchronized clock gets only the
   * time-insensitive service messages processed (bad_msg_notification and
   * bad_server_salt carry the server's time, which is how the clock gets
   * fixed), and is reported (https://core.telegram.org/mtproto/security_guidelines#checking-msg-id).
   */
  private walkTimed(msgId: bigint, seqNo: number, body: Uint8Array, w: Walk, inContainer: boolean): void {
    const skew = this.options.checkMsgIdTime ? msgIdTimeSkew(msgId, this.ids.serverTime(w.now)) : undefined;
    const restricted = w.restricted;
    w.restricted = restricted || skew !== undefined;
    w.skipped = false;
    this.walk(msgId, seqNo, body, w, inContainer);
    if (w.skipped && skew !== undefined) {
      const where = skew === 'past' ? 'more than 300 s in the past' : 'more than 30 s in the future';
      w.events.push({
        type: 'security_error',
        error: new SecurityError('msg_id_time', `msg_id ${msgId} is ${where} of the synchronized time`),
      });
    }
    w.restricted = restricted;
    w.skipped = false;
  }

  private walk(msgId: bigint, seqNo: number, body: Uint8Array, w: Walk, inContainer: boolean): void {
    const id = peekId(body);
    if (id === ID.msgContainer && !inContainer) {
      this.walkContainer(msgId, body, w);
      return;
    }
    if (w.restricted && id !== ID.badMsgNotification && id !== ID.badServerSalt) {
      w.skipped = true;
      return;
    }
    w.visit({ msgId, seqNo, body, id });
  }

  private walkContainer(msgId: bigint, body: Uint8Array, w: Walk): void {
    let items;
    try {
      items = decodeContainer(body);
    } catch (e) {
      if (e instanceof SecurityError) w.events.push({ type: 'security_error', error: e });
      else throw e;
      return;
    }
    // "All messages in a container must have msg_id lower than that of the
    // container itself" (https://core.telegram.org/mtproto/service_messages#simple-container):
    // a container breaking it is dropped whole.
    for (const m of items) {
      if (m.msgId >= msgId) {
        w.events.push({
          type: 'security_error',
          error: new SecurityError('container', `msg_id ${m.msgId} inside the container is not lower than the container's ${msgId}`),
        });
        return;
      }
    }
    // Each item gets the checks of an outer message: parity, replay (a duplicate,
    // or lower than every remembered msg_id), and the time window.
    for (const m of items) {
      if (!isServerMsgId(m.msgId)) {
        w.events.push({ type: 'security_error', error: new SecurityError('msg_id_parity', `msg_id ${m.msgId} in a container is even`) });
        continue;
      }
      const verdict = this.window.check(m.msgId);
      if (verdict !== undefined) {
        w.events.push({ type: 'security_error', error: replayError(m.msgId, verdict) });
        continue;
      }
      this.window.add(m.msgId, { contentRelated: (m.seqNo & 1) === 1 });
      this.walkTimed(m.msgId, m.seqNo, m.body, w, true);
    }
  }
}
