/**
 * The plaintext of an encrypted message and the checks on it, shared by the
 * client session and the server helpers
 * (https://core.telegram.org/mtproto/description#encrypted-message-encrypted-data):
 *
 * | field               | bytes    |
 * |---------------------|----------|
 * | salt                | 8        |
 * | session_id          | 8        |
 * | message_id          | 8        |
 * | seq_no              | 4        |
 * | message_data_length | 4        |
 * | message_data        | length   |
 * | padding             | 12..1024 |
 *
 * Encryption itself (msg_key, KDF, AES-IGE) is the crypto provider's
 * `AuthKeyHandle.seal/open`.
 */

import type { AuthKeyHandle } from '../../crypto/provider.js';
import { SecurityError } from '../../errors.js';
import { isClientMsgId, isServerMsgId } from '../msg-id.js';

/** Bytes before message_data. */
export const ENVELOPE_HEADER_LENGTH = 32;

/** The header fields of one encrypted message. */
export interface EnvelopeHeader {
  /** server_salt (signed 64-bit, as a TL long). */
  salt: bigint;
  /** session_id (signed 64-bit). */
  sessionId: bigint;
  msgId: bigint;
  seqNo: number;
}

/** A decrypted, checked message: its header and its body (one boxed TL object). */
export interface DecryptedMessage extends EnvelopeHeader {
  body: Uint8Array;
}

/** Serializes the plaintext (without padding: `seal` adds 12..1024 random bytes). */
export function encodeEnvelope(header: EnvelopeHeader, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(ENVELOPE_HEADER_LENGTH + body.length);
  const view = new DataView(out.buffer);
  view.setBigInt64(0, BigInt.asIntN(64, header.salt), true);
  view.setBigInt64(8, BigInt.asIntN(64, header.sessionId), true);
  view.setBigInt64(16, BigInt.asIntN(64, header.msgId), true);
  view.setInt32(24, header.seqNo, true);
  view.setInt32(28, body.length, true);
  out.set(body, ENVELOPE_HEADER_LENGTH);
  return out;
}

/**
 * Encrypts one message for the wire: `auth_key_id ‖ msg_key ‖ encrypted_data`.
 * `x` is 0 for client→server, 8 for server→client.
 */
export function sealEnvelope(key: AuthKeyHandle, header: EnvelopeHeader, body: Uint8Array, x: 0 | 8, extraPadding = 0): Uint8Array {
  return key.seal(encodeEnvelope(header, body), x, extraPadding);
}

/** What {@link parseEnvelope} verifies besides the lengths. */
export interface EnvelopeExpectations {
  /** Who sent it: `'server'` requires an odd msg_id, `'client'` one divisible by 4. */
  from: 'server' | 'client';
  /** The session_id the message must carry (client side: our session). Omit to accept any (server side). */
  sessionId?: bigint;
}

/**
 * Reads and checks a decrypted plaintext (https://core.telegram.org/mtproto/security_guidelines#mtproto-encrypted-messages):
 *
 * - `message_length`: message_data_length negative, not divisible by 4, or past the end;
 * - `padding`: padding outside 12..1024 bytes;
 * - `session_id`: not our session;
 * - `msg_id_parity`: a server msg_id that is even / a client msg_id not divisible by 4.
 *
 * @throws SecurityError with those check names.
 */
export function parseEnvelope(plain: Uint8Array, expect: EnvelopeExpectations): DecryptedMessage {
  if (plain.length < ENVELOPE_HEADER_LENGTH + 12) {
    throw new SecurityError('message_length', `decrypted message of ${plain.length} bytes is shorter than its header and padding`);
  }
  const view = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
  const length = view.getInt32(28, true);
  const room = plain.length - ENVELOPE_HEADER_LENGTH;
  if (length < 0 || length % 4 !== 0 || length > room) {
    throw new SecurityError('message_length', `message_data_length ${length} does not fit the ${room} decrypted bytes`);
  }
  const padding = room - length;
  if (padding < 12 || padding > 1024) {
    throw new SecurityError('padding', `${padding} padding bytes (12..1024 allowed)`);
  }
  const sessionId = view.getBigInt64(8, true);
  if (expect.sessionId !== undefined && sessionId !== BigInt.asIntN(64, expect.sessionId)) {
    throw new SecurityError('session_id', 'the message belongs to another session');
  }
  const msgId = view.getBigInt64(16, true);
  const fromServer = expect.from === 'server';
  if (fromServer ? !isServerMsgId(msgId) : !isClientMsgId(msgId)) {
    throw new SecurityError('msg_id_parity', `msg_id ${msgId} has the wrong parity for a ${expect.from} message`);
  }
  return {
    salt: view.getBigInt64(0, true),
    sessionId,
    msgId,
    seqNo: view.getInt32(24, true),
    body: plain.subarray(ENVELOPE_HEADER_LENGTH, ENVELOPE_HEADER_LENGTH + length),
  };
}

/**
 * Decrypts (`key.open`: auth_key_id and msg_key checks) and parses one
 * packet. `x` is 8 when the client opens server messages, 0 on the server.
 *
 * @throws SecurityError `auth_key_id`, `msg_key`, `length` (from the provider) or any check of {@link parseEnvelope}.
 */
export function openEnvelope(key: AuthKeyHandle, packet: Uint8Array, x: 0 | 8, expect: EnvelopeExpectations): DecryptedMessage {
  return parseEnvelope(key.open(packet, x), expect);
}
