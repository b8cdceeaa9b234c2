/**
 * The public option and handle types of `MtprotoSession` (session.ts).
 */
import type { AuthKeyHandle, CryptoProvider, RandomSource } from '../../crypto/provider.js';
import type { DecodeLimits } from '../../tl/codec/index.js';
import type { AnyRequest } from '../../tl/generated/types.js';
import type { HttpWaitOptions } from './http-wait.js';
import type { InitConnectionFields } from './init-connection.js';

/** Ping settings (https://core.telegram.org/mtproto/service_messages#deferred-connection-closure-ping). */
export interface PingOptions {
  /** Milliseconds between pings (default 60 000). */
  intervalMs?: number;
  /** disconnect_delay sent with each ping_delay_disconnect, seconds (default 75). */
  disconnectDelay?: number;
  /** No pong within this many ms → `ping_timeout` event (default 15 000). */
  timeoutMs?: number;
}

/** Options of `MtprotoSession`. */
export interface SessionOptions {
  /** The crypto engine; its `random` also pads every message. */
  crypto: CryptoProvider;
  /** The 256-byte auth key (or one already loaded into the engine). */
  authKey: Uint8Array | AuthKeyHandle;
  /** The current server salt (default 0: the server answers bad_server_salt with the right one). */
  serverSalt?: bigint;
  /** Server time − local time, seconds (from the handshake or a stored session). */
  timeOffset?: number;
  /** session_id (default: 8 random bytes). */
  sessionId?: bigint;
  /** Randomness for session_id and ping_id (default `crypto.random`). */
  random?: RandomSource;
  /**
   * initConnection fields. When set, the first API query of the session
   * (and the first after `onConnectionLost` / `resetSession`) goes as
   * `invokeWithLayer(layer, initConnection({...fields, query}))`.
   */
  initConnection?: InitConnectionFields;
  /** Layer for invokeWithLayer (default: the generated schema's LAYER). */
  layer?: number;
  /** Queries at least this long are sent gzip_packed when that is smaller (default 512; `false` never). */
  gzipThreshold?: number | false;
  /** Send a stand-alone msgs_ack once this many acknowledgments wait (default 16). */
  ackThreshold?: number;
  /** ... or once the oldest waiting acknowledgment is this old, ms (default 30 000). */
  ackDelayMs?: number;
  /** Keep-alive pings; `false` turns them off (default on). */
  ping?: PingOptions | false;
  /** How many received msg_ids are remembered against replays (default 1000). */
  replayWindowSize?: number;
  /** Apply the ±300 s / 30 s msg_id time window to incoming messages (default true). */
  checkMsgIdTime?: boolean;
  /** Messages per msg_container (default 1020). */
  maxContainerMessages?: number;
  /** Body bytes per msg_container (default 1 MiB). */
  maxContainerBytes?: number;
  /** Extra 16-byte padding blocks per message, 0..60, for length hiding (default none). */
  extraPadding?: () => number;
  /** How often one message may be re-sent after bad_msg_notification before its request fails (default 5). */
  maxResends?: number;
  /**
   * What one received packet may cost to decode, all its messages, gzip_packed
   * payloads and results together (defaults: 32 MiB inflated, 1 000 000
   * objects and vector elements, depth 64 — ample for the largest real
   * answers: a 100-message history page is ~5 000 objects, a big
   * updates.getDifference slice ~50 000, a 512 KiB upload.file 2). A message
   * past the budget is reported as `decode_error` (a result: its request
   * fails with `TlError`). See ts/tl/codec/budget.ts.
   */
  decodeLimits?: DecodeLimits;
  /**
   * The HTTP transport's long poll (https://core.telegram.org/mtproto/service_messages#http-wait-long-poll):
   * every packet carries an `http_wait` with these limits (`true`: the
   * defaults, `DEFAULT_HTTP_WAIT`), and `poll()` writes one alone. Off by
   * default (TCP and WebSocket need none).
   */
  httpWait?: HttpWaitOptions | true;
}

/** A request in flight, as `send` returns it. */
export interface RequestHandle<T> {
  /** Local id, stable across re-sends (for `cancel`). */
  readonly id: number;
  /** Settles exactly once: the result, an `RpcError`, a `TlError` (undecodable result) or an `MtprotoError`. */
  readonly promise: Promise<T>;
  /** The msg_id of the latest transmission (undefined until flushed). */
  readonly msgId: bigint | undefined;
}

/** Options of one `send`. */
export interface SendOptions {
  /** Allow gzip_packed for this query (default true). */
  gzip?: boolean;
  /**
   * Rebuilds the query for the msg_id it is about to be sent with, on every
   * (re-)send — for auth.bindTempAuthKey, whose encrypted part must carry
   * that msg_id (see bind-temp-auth-key.ts). Such a query is never wrapped
   * in initConnection nor gzipped, and must keep its serialized length.
   */
  build?: (msgId: bigint) => AnyRequest;
  /**
   * Send this query first and hold every other query until it is answered
   * (service messages still flow). For auth.bindTempAuthKey, which must
   * complete before the temporary key is used for anything else
   * (https://core.telegram.org/api/pfs).
   */
  barrier?: boolean;
}

/** What `MtprotoSession.pendingForResend` lists. */
export interface PendingRequestInfo {
  id: number;
  method: string;
  msgId: bigint | undefined;
}
