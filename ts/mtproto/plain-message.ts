/**
 * The unencrypted message envelope used by the auth key exchange
 * (https://core.telegram.org/mtproto/description#unencrypted-message):
 *
 * | field          | bytes | value                                   |
 * |----------------|-------|-----------------------------------------|
 * | auth_key_id    | 8     | 0                                       |
 * | message_id     | 8     | a msg_id (see msg-id.ts)                |
 * | message_length | 4     | length of the body, little-endian int32 |
 * | body           | n     | one boxed TL object                     |
 */

import { SecurityError } from '../errors.js';
import { isClientMsgId, isServerMsgId } from './msg-id.js';

/** A decoded unencrypted message. */
export interface PlainMessage {
  /** Its msg_id. */
  msgId: bigint;
  /** The TL body (a view into the input). */
  body: Uint8Array;
}

/** Options of {@link decodePlainMessage}. */
export interface DecodePlainOptions {
  /** Who sent the message: decides the msg_id parity rule. Default `'server'` (the client reads server replies). */
  from?: 'server' | 'client';
  /** Largest body accepted (default 64 KiB: handshake messages are under 1 KiB). */
  maxBodyLength?: number;
}

/** The header length of an unencrypted message. */
export const PLAIN_HEADER_LENGTH = 20;

/** Builds `0 ‖ msg_id ‖ length ‖ body`. */
export function encodePlainMessage(msgId: bigint, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(PLAIN_HEADER_LENGTH + body.length);
  const view = new DataView(out.buffer);
  view.setBigUint64(8, BigInt.asUintN(64, msgId), true);
  view.setInt32(16, body.length, true);
  out.set(body, PLAIN_HEADER_LENGTH);
  return out;
}

/**
 * Parses an unencrypted message and applies the envelope checks. Every
 * failure is a `SecurityError` (the message must be dropped):
 *
 * - `plain_length`: shorter than the header, a length field that does not
 *   match the bytes that follow, or a body above `maxBodyLength`;
 * - `plain_auth_key_id`: auth_key_id is not 0;
 * - `msg_id_parity`: a server msg_id that is even, or a client msg_id not
 *   divisible by 4 (https://core.telegram.org/mtproto/security_guidelines#checking-msg-id).
 */
export function decodePlainMessage(packet: Uint8Array, options: DecodePlainOptions = {}): PlainMessage {
  const max = options.maxBodyLength ?? 65536;
  if (packet.length < PLAIN_HEADER_LENGTH + 4) {
    throw new SecurityError(
      'plain_length',
      `unencrypted message of ${packet.length} bytes is shorter than its header and a constructor id`,
    );
  }
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  if (view.getBigUint64(0, true) !== 0n) {
    throw new SecurityError('plain_auth_key_id', 'unencrypted message with a non-zero auth_key_id');
  }
  const msgId = view.getBigInt64(8, true);
  const length = view.getInt32(16, true);
  if (length !== packet.length - PLAIN_HEADER_LENGTH || length > max) {
    throw new SecurityError(
      'plain_length',
      `message_length ${length} does not match the ${packet.length - PLAIN_HEADER_LENGTH} body bytes`,
    );
  }
  const fromServer = (options.from ?? 'server') === 'server';
  if (fromServer ? !isServerMsgId(msgId) : !isClientMsgId(msgId)) {
    throw new SecurityError('msg_id_parity', `msg_id ${msgId} has the wrong parity for a ${fromServer ? 'server' : 'client'} message`);
  }
  return { msgId, body: packet.subarray(PLAIN_HEADER_LENGTH) };
}
