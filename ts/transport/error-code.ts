/**
 * Transport errors: instead of a packet, the server may send a 4-byte
 * payload holding a negative int32 error code and then usually close.
 * https://core.telegram.org/mtproto/mtproto-transports#transport-errors
 */
import { TransportError } from '../errors.js';
import type { Frame } from './frame.js';

/** The codes the spec describes. */
const DESCRIPTIONS: Record<number, string> = {
  [-404]: 'auth key not found, or no such DC',
  [-429]: 'too many connections or transport flood',
  [-444]: 'invalid DC',
};

/** A `TransportError` for transport error `code`, with a readable message. */
export function transportErrorFor(code: number): TransportError {
  const what = DESCRIPTIONS[code];
  return new TransportError(`transport error ${code}${what ? ` (${what})` : ''}`, code);
}

/**
 * When `payload` is a transport error, the `error` frame for it; otherwise
 * undefined. `maxLength` is 4 except for padded intermediate, where up to 15
 * random bytes may follow the code (a real MTProto packet is never shorter
 * than 24 bytes, so anything shorter is the code plus padding).
 */
export function errorFrame(payload: Uint8Array, maxLength = 4): Frame | undefined {
  if (payload.length < 4 || payload.length > maxLength) return undefined;
  const code = payload[0]! | (payload[1]! << 8) | (payload[2]! << 16) | (payload[3]! << 24);
  return code < 0 ? { type: 'error', error: transportErrorFor(code) } : undefined;
}

/** The 4-byte payload of transport error `code` (server side). */
export function errorPayload(code: number): Uint8Array {
  if (!Number.isInteger(code) || code >= 0 || code < -0x80000000) {
    throw new TransportError(`a transport error code is a negative int32, got ${code}`);
  }
  const out = new Uint8Array(4);
  writeU32(out, 0, code >>> 0);
  return out;
}

/** Writes `value` as a little-endian uint32 at `offset`. */
export function writeU32(out: Uint8Array, offset: number, value: number): void {
  out[offset] = value & 0xff;
  out[offset + 1] = (value >>> 8) & 0xff;
  out[offset + 2] = (value >>> 16) & 0xff;
  out[offset + 3] = (value >>> 24) & 0xff;
}
