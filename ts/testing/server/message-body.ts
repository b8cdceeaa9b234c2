/**
 * Decoding the body of one client message, once, within the budget of the
 * packet it came in (issue 10: the server used to decode each query twice,
 * with a fresh 32 MiB inflate allowance per message, so one 32 KB packet of
 * gzip_packed queries could hold it for seconds and exhaust the heap).
 * https://core.telegram.org/mtproto/service_messages#packed-object
 */
import { TlError } from '../../errors.js';
import { DecodeBudget, decode, type DecodeLimits, nameOf } from '../../tl/codec/index.js';
import type { AnyRequest, AnyTlObject } from '../../tl/generated/types.js';
import type { ServedLayer } from '../layers/index.js';

/**
 * What one client packet may cost to decode, all its messages together.
 * A client sends at most 1 MiB of messages per container (ts/mtproto
 * MAX_CONTAINER_BYTES; an upload part is 512 KiB), so 4 MiB of inflated
 * gzip_packed leaves room for compressible queries; the largest legitimate
 * queries (contacts.importContacts, messages.sendMultiMedia, a container of
 * 1020 messages) hold a few tens of thousands of objects, far below 262 144.
 */
export const SERVER_DECODE_LIMITS: Readonly<Required<DecodeLimits>> = Object.freeze({
  maxInflated: 4 * 1024 * 1024,
  maxObjects: 262_144,
  maxDepth: 64,
});

/** A fresh budget for one client packet. */
export function packetBudget(): DecodeBudget {
  return new DecodeBudget(SERVER_DECODE_LIMITS);
}

/** One message body as the server sees it. */
export interface MessageBody {
  /** The TL name (from the constructor id, or the decoded object); undefined when unknown. */
  readonly name: string | undefined;
  /** The decoded object or function call; undefined when it did not decode. */
  readonly obj: AnyTlObject | AnyRequest | undefined;
  /**
   * Why it did not decode: `too_long` when it ran past the packet's budget
   * (answered 400 INPUT_REQUEST_TOO_LONG, as Telegram answers a request it
   * will not read), `malformed` otherwise (400 INPUT_FETCH_ERROR).
   */
  readonly failure?: 'malformed' | 'too_long';
}

const GZIP_PACKED = 0x3072cfa1;

/**
 * The name of a body without decoding it: the constructor id's name, or
 * undefined for an unknown id and for gzip_packed (whose name is inside).
 */
export function peekName(body: Uint8Array): string | undefined {
  if (body.length < 4) return undefined;
  const id = new DataView(body.buffer, body.byteOffset, 4).getUint32(0, true);
  return id === GZIP_PACKED ? undefined : nameOf(id);
}

/** True when `body` is gzip_packed (its name is known only after inflating it). */
export function isGzipPacked(body: Uint8Array): boolean {
  return body.length >= 4 && new DataView(body.buffer, body.byteOffset, 4).getUint32(0, true) === GZIP_PACKED;
}

/**
 * Decodes `body` (a constructor or a function call) within `budget`. Never throws for bad bytes.
 * With `layer`, the body is read in that older layer and converted to the server's (ts/testing/layers).
 */
export function decodeBody(body: Uint8Array, budget: DecodeBudget, layer?: ServedLayer): MessageBody {
  try {
    let obj: AnyTlObject | AnyRequest;
    if (layer) obj = layer.read(body, budget);
    else obj = decode(body, { budget }) as AnyTlObject | AnyRequest;
    return { name: obj._, obj };
  } catch (e) {
    if (!(e instanceof TlError)) throw e;
    return { name: peekName(body), obj: undefined, failure: budget.exceeded !== undefined ? 'too_long' : 'malformed' };
  }
}
