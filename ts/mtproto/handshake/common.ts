/**
 * Pieces shared by the client and the server side of the auth key exchange
 * (https://core.telegram.org/mtproto/auth_key): plain-message framing of TL
 * objects, the typed decoding of bodies, nonce comparison, and the result type.
 */

import { bytesEqual } from '../../crypto/bytes.js';
import { type SecurityCheck, SecurityError, TlError } from '../../errors.js';
import { decode, decodeRequest, encode, TlReader } from '../../tl/codec/index.js';
import type { AnyRequest, AnyTlObject, mt } from '../../tl/generated/types.js';
import { MsgIdGenerator, type MsgIdKind } from '../msg-id.js';
import { decodePlainMessage, encodePlainMessage } from '../plain-message.js';

/** A freshly created auth key and what comes with it. Secret: the handshake marks it with `redact()`, so it prints as `AuthKeyResult [redacted]`. */
export interface AuthKeyResult {
  /** The 256-byte auth key (big-endian g^ab mod dh_prime). Secret. */
  authKey: Uint8Array;
  /** auth_key_id: the last 8 bytes of SHA1(auth_key), in wire order. */
  authKeyId: Uint8Array;
  /**
   * The first server_salt, substr(new_nonce, 0, 8) XOR substr(server_nonce, 0, 8),
   * as the signed 64-bit value of its 8 wire bytes (what a TL `long` decodes to).
   */
  serverSalt: bigint;
  /** Server time − local time in seconds, from `server_DH_inner_data.server_time`. */
  timeOffset: number;
  /** For a temporary key (p_q_inner_data_temp_dc): its lifetime in seconds, as requested. */
  expiresIn?: number;
  /** The DC id carried in p_q_inner_data_dc. */
  dcId: number;
}

/** Where msg_ids of the handshake's plain messages come from. */
export interface MsgIdSource {
  /** Clock in milliseconds (default `Date.now`). */
  clock?: () => number;
  /** Overrides msg_id generation entirely (tests replaying a recorded exchange). */
  nextMsgId?: () => bigint;
}

/** Makes the msg_id function of a handshake: the override, or a generator on the clock. */
export function msgIdFunction(source: MsgIdSource, kind: MsgIdKind): { next: () => bigint; ids: MsgIdGenerator } {
  const ids = new MsgIdGenerator();
  const clock = source.clock ?? Date.now;
  const override = source.nextMsgId;
  return { ids, next: override ?? (() => ids.next(clock(), kind)) };
}

/** Serializes `obj` into an unencrypted message with msg_id `msgId`. */
export function plainMessage(msgId: bigint, obj: AnyTlObject | AnyRequest): Uint8Array {
  return encodePlainMessage(msgId, encode(obj));
}

type MtName = keyof mt.Constructors;

/**
 * Decodes the body of an unencrypted server message and requires one of the
 * `expected` constructors.
 * @throws SecurityError (`plain_*`, `msg_id_parity`, `unexpected_answer`) or TlError for malformed TL.
 */
export function readServerAnswer<N extends MtName>(packet: Uint8Array, expected: readonly N[]): mt.Constructors[N] {
  const { body } = decodePlainMessage(packet, { from: 'server' });
  const obj = decode(body) as { _: string };
  if (!(expected as readonly string[]).includes(obj._)) {
    throw new SecurityError('unexpected_answer', `expected ${expected.join(' or ')}, got ${obj._}`);
  }
  return obj as mt.Constructors[N];
}

type MtFn = keyof mt.Functions;

/** Decodes the body of an unencrypted client message and requires one of the `expected` functions. */
export function readClientRequest<N extends MtFn>(packet: Uint8Array, expected: readonly N[]): mt.Functions[N] {
  const { body } = decodePlainMessage(packet, { from: 'client' });
  const obj = decodeRequest(body) as { _: string };
  if (!(expected as readonly string[]).includes(obj._)) {
    throw new SecurityError('unexpected_request', `expected ${expected.join(' or ')}, got ${obj._}`);
  }
  return obj as mt.Functions[N];
}

/**
 * Reads one boxed object from the start of `data` (at `offset`) and returns it
 * with its serialized length; the bytes after it (hash padding) are ignored.
 * @throws SecurityError `${check}` when the bytes are not a valid object —
 *   indistinguishable from a wrong key, so reported as a failed check.
 */
export function readObjectPrefix(data: Uint8Array, offset: number, check: SecurityCheck): { obj: AnyTlObject; length: number } {
  try {
    const r = new TlReader(data, offset);
    const obj = r.object();
    return { obj, length: r.pos - offset };
  } catch (e) {
    if (e instanceof TlError) throw new SecurityError(check, `decrypted data is not a valid TL object: ${e.message}`);
    throw e;
  }
}

/**
 * https://core.telegram.org/mtproto/security_guidelines#checking-nonce-server-nonce-and-new-nonce-fields:
 * a nonce the peer echoes must equal the one already known.
 * @throws SecurityError `check`
 */
export function expectNonce(received: Uint8Array, known: Uint8Array, check: SecurityCheck): void {
  if (!bytesEqual(received, known)) throw new SecurityError(check, `${check} does not match the value of this exchange`);
}

/** The signed 64-bit value of 8 little-endian wire bytes (a TL `long`). */
export function longFromBytes(bytes: Uint8Array): bigint {
  return new DataView(bytes.buffer, bytes.byteOffset, 8).getBigInt64(0, true);
}
