/**
 * The server's half of an encrypted session, as helpers for the project's
 * test server (ts/testing) and for crafting server packets in tests:
 * open client packets (x = 0), number and seal server messages (x = 8) with
 * server msg_ids (1 mod 4 for answers, 3 mod 4 otherwise), and build the
 * common service bodies.
 *
 * ```ts
 * const { header, messages } = openClientPacket(key, packet);       // checks + container split
 * const session = sessions.get(header.sessionId) ?? new ServerSession({ crypto, authKey: key, sessionId: header.sessionId, salt });
 * const reply = session.seal([{ body: encodeRpcResult(messages[0].msgId, encode(config)), contentRelated: true, response: true }], Date.now());
 * ```
 */

import type { AuthKeyHandle, CryptoProvider } from '../../crypto/provider.js';
import { TlError } from '../../errors.js';
import { redact } from '../../redact.js';
import { encode } from '../../tl/codec/index.js';
import { MsgIdGenerator } from '../msg-id.js';
import { decodeContainer, encodeContainer, type InnerMessage } from './container.js';
import { openEnvelope, sealEnvelope, type DecryptedMessage } from './envelope.js';
import { ID, peekId } from './ids.js';
import { SeqNo } from './seq-no.js';

/** A decrypted client packet: the outer message and the messages it carries (itself, or a container's). */
export interface OpenedClientPacket {
  header: DecryptedMessage;
  /** The messages to process: the container's items, or the single message. */
  messages: InnerMessage[];
}

/**
 * Decrypts and checks one client packet: auth_key_id and msg_key (provider),
 * lengths and padding, client msg_id divisible by 4; splits a container.
 * The session_id is returned, not checked (the server looks the session up by it).
 *
 * @throws SecurityError (`auth_key_id`, `msg_key`, `length`, `message_length`, `padding`, `msg_id_parity`, `container`)
 */
export function openClientPacket(key: AuthKeyHandle, packet: Uint8Array): OpenedClientPacket {
  const header = openEnvelope(key, packet, 0, { from: 'client' });
  const messages =
    peekId(header.body) === ID.msgContainer
      ? decodeContainer(header.body)
      : [{ msgId: header.msgId, seqNo: header.seqNo, body: header.body }];
  return { header, messages };
}

/** One message the server sends. */
export interface ServerOutgoing {
  /** One boxed TL object. */
  body: Uint8Array;
  /** Needs an acknowledgment (odd seq_no): rpc_result, updates, new_session_created. */
  contentRelated: boolean;
  /** Answers a client message (msg_id 1 mod 4) rather than being sent on the server's own accord (3 mod 4). */
  response: boolean;
}

/** Options of {@link ServerSession}. */
export interface ServerSessionOptions {
  crypto: CryptoProvider;
  authKey: Uint8Array | AuthKeyHandle;
  sessionId: bigint;
  /** The salt written in server messages (clients do not check it). */
  salt?: bigint;
  /** Server clock offset for msg_ids, seconds (tests simulate a skewed server). */
  timeOffset?: number;
}

/** The server's numbering and sealing for one client session. Holds the auth key: prints as `ServerSession [redacted]`. */
export class ServerSession {
  readonly key: AuthKeyHandle;
  readonly sessionId: bigint;
  salt: bigint;
  readonly msgIds: MsgIdGenerator;
  readonly seq = new SeqNo();

  constructor(options: ServerSessionOptions) {
    this.key = options.authKey instanceof Uint8Array ? options.crypto.loadAuthKey(options.authKey) : options.authKey;
    this.sessionId = options.sessionId;
    this.salt = options.salt ?? 0n;
    this.msgIds = new MsgIdGenerator(options.timeOffset ?? 0);
    redact(this, 'ServerSession');
  }

  /** A new server msg_id (1 mod 4 for a response, 3 mod 4 otherwise). */
  nextMsgId(now: number, response: boolean): bigint {
    return this.msgIds.next(now, response ? 'server-response' : 'server-notification');
  }

  /**
   * Numbers `messages` and seals them into one packet: a single message as
   * is, several in a msg_container (whose msg_id is the greatest).
   * Returns the packet and each message's msg_id.
   *
   * @throws TlError when `messages` is empty.
   */
  seal(messages: readonly ServerOutgoing[], now: number): { packet: Uint8Array; msgIds: bigint[] } {
    if (messages.length === 0) throw new TlError('ServerSession.seal: an empty list of messages cannot be serialized');
    const numbered = messages.map((m) => ({
      msgId: this.nextMsgId(now, m.response),
      seqNo: this.seq.next(m.contentRelated),
      body: m.body,
    }));
    if (numbered.length === 1) {
      const m = numbered[0]!;
      const packet = sealEnvelope(this.key, { salt: this.salt, sessionId: this.sessionId, msgId: m.msgId, seqNo: m.seqNo }, m.body, 8);
      return { packet, msgIds: [m.msgId] };
    }
    const containerId = this.nextMsgId(
      now,
      messages.some((m) => m.response),
    );
    const packet = sealEnvelope(
      this.key,
      { salt: this.salt, sessionId: this.sessionId, msgId: containerId, seqNo: this.seq.next(false) },
      encodeContainer(numbered),
      8,
    );
    return { packet, msgIds: numbered.map((m) => m.msgId) };
  }

  /**
   * Seals a message with header fields of the caller's choosing (tests of the
   * client's checks: wrong session_id, replayed or skewed msg_id, ...).
   */
  sealRaw(header: { msgId: bigint; seqNo: number; salt?: bigint; sessionId?: bigint }, body: Uint8Array): Uint8Array {
    return sealEnvelope(
      this.key,
      { salt: header.salt ?? this.salt, sessionId: header.sessionId ?? this.sessionId, msgId: header.msgId, seqNo: header.seqNo },
      body,
      8,
    );
  }
}

/** `rpc_result req_msg_id result` around an already serialized result. */
export function encodeRpcResult(reqMsgId: bigint, result: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + result.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, ID.rpcResult, true);
  view.setBigInt64(4, BigInt.asIntN(64, reqMsgId), true);
  out.set(result, 12);
  return out;
}

/** `rpc_result req_msg_id (rpc_error code message)`. */
export function encodeRpcError(reqMsgId: bigint, code: number, message: string): Uint8Array {
  return encodeRpcResult(reqMsgId, encode({ _: 'rpc_error', error_code: code, error_message: message }));
}
