/**
 * `http_wait` (https://core.telegram.org/mtproto/service_messages#http-wait-long-poll):
 * over the HTTP transport the server can only answer on a request the client
 * has open, so the client tells it how long to hold one. The session adds an
 * `http_wait` to every packet it writes when the owner runs it over HTTP, and
 * writes one alone when the owner has no request open (`MtprotoSession.poll`).
 */
import { encode } from '../../tl/codec/index.js';
import type { AnyTlObject } from '../../tl/generated/types.js';
import { CONTAINER_ITEM_OVERHEAD } from './container.js';

/** The three limits of `http_wait`, in milliseconds. */
export interface HttpWaitOptions {
  /** The longest the server may wait after the first message for a request is ready, to gather more (default 100). */
  maxDelayMs?: number;
  /** After the last message, wait this long for another before answering (default 30). */
  waitAfterMs?: number;
  /** With nothing to send, hold the request this long before an empty answer (default 25 000). */
  maxWaitMs?: number;
}

/** The defaults: gather for at most 100 ms, answer 30 ms after the last message, hold an idle request 25 s. */
export const DEFAULT_HTTP_WAIT: Readonly<Required<HttpWaitOptions>> = { maxDelayMs: 100, waitAfterMs: 30, maxWaitMs: 25_000 };

/** A non-negative int32 for the wire (the fields are TL `int`). */
function int(ms: number): number {
  return Math.max(0, Math.min(0x7fffffff, Math.trunc(Number.isFinite(ms) ? ms : 0)));
}

/** The serialized `http_wait` for `options` (missing fields take the defaults). */
export function encodeHttpWait(options: HttpWaitOptions = {}): Uint8Array {
  const o = { ...DEFAULT_HTTP_WAIT, ...options };
  return encode({
    _: 'http_wait',
    max_delay: int(o.maxDelayMs),
    wait_after: int(o.waitAfterMs),
    max_wait: int(o.maxWaitMs),
  } as AnyTlObject);
}

/** Container bytes one `http_wait` takes (its header and the 16-byte body). */
export const HTTP_WAIT_ITEM_BYTES = CONTAINER_ITEM_OVERHEAD + 16;
