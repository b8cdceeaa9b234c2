/**
 * The public types of a `Connection`: its options, states, events, the
 * stored key it takes and what `invoke` accepts. Kept apart from
 * connection.ts so that file holds only behaviour.
 */
import type { CryptoProvider } from '../crypto/provider.js';
import type { RsaPublicKey } from '../crypto/rsa.js';
import type { TransportError } from '../errors.js';
import type { AuthKeyResult } from '../mtproto/handshake/index.js';
import type { PfsOptions } from '../mtproto/pfs.js';
import type { SessionEvent } from '../mtproto/session/events.js';
import type { SessionOptions } from '../mtproto/session/index.js';
import type { InitConnectionFields } from '../mtproto/session/init-connection.js';
import type { CodecKind } from '../transport/frame.js';
import type { SocketFactory } from '../transport/socket.js';
import type { ReconnectOptions } from './reconnect-policy.js';
import type { TransportCandidate } from './transport-race.js';

/**
 * An auth key as stored by a session store. The `Connection` marks the
 * objects it holds with `redact()`, so they print as `StoredAuthKey [redacted]`.
 */
export interface StoredAuthKey {
  /** The 256-byte key. Secret. */
  key: Uint8Array;
  /** Last known server salt. */
  serverSalt?: bigint;
  /** Last known server time − local time, seconds. */
  timeOffset?: number;
}

/** Options of {@link Connection}. */
export interface ConnectionOptions {
  crypto: CryptoProvider;
  /** Where sockets come from (`createNodeTcpFactory()`, `createDefaultSocketFactory()`, ...). */
  sockets: SocketFactory;
  /** The DC this connection talks to. */
  dcId: number;
  host: string;
  port: number;
  /** Framing (default `intermediate`). */
  codec?: CodecKind;
  /** obfuscated2 (default false; forced by WebSocket sockets and by `secret`). */
  obfuscated?: boolean;
  /**
   * `transport: 'auto'`: ways to reach this DC (TCP intermediate, TCP
   * obfuscated, WebSocket...) raced for the first connection: each must open
   * and answer an unencrypted req_pq_multi; the first that does is kept (the
   * `transport` event names it) and used for every reconnect, the others are
   * closed. When a whole reconnect round gives up, the next round races again.
   * `sockets`, `host`, `port`, `codec` and `obfuscated` are then not used.
   * See transport-race.ts.
   */
  transports?: readonly TransportCandidate[];
  /** Under `transports`: the label to use without racing (the DC pool passes the kind that won before on this DC). */
  preferredTransport?: string;
  /** 16-byte MTProxy secret. */
  secret?: Uint8Array;
  /** DC id written in the obfuscated2 header and p_q_inner_data_dc (default `dcId`; +10000 for test DCs, negative for media). */
  protocolDcId?: number;
  /** Server keys trusted in the key exchange (default: Telegram's production keys). */
  rsaKeys?: readonly RsaPublicKey[];
  /** A stored auth key; without one the first connect runs the key exchange. */
  authKey?: StoredAuthKey;
  /**
   * Perfect forward secrecy (https://core.telegram.org/api/pfs): traffic uses
   * a temporary key of `expiresIn` seconds (default 86 400), bound to the
   * permanent key with auth.bindTempAuthKey, and replaced `renewBeforeS`
   * seconds (default 300) before it expires. The permanent key only signs bindings.
   */
  pfs?: PfsOptions;
  /** initConnection fields: the first API request of each connection is wrapped in invokeWithLayer(initConnection(...)). */
  initConnection?: InitConnectionFields;
  /** More session options (pings, acks, gzip, containers...). */
  session?: Omit<SessionOptions, 'crypto' | 'authKey' | 'serverSalt' | 'timeOffset' | 'initConnection'>;
  /**
   * Reconnect backoff and when to give up (see `ReconnectOptions`): by
   * default delays start at 250 ms and double up to 30 s, callers are
   * rejected after 8 failed attempts in a row or 60 s, and the backoff resets
   * after a connection answered and stayed up 30 s.
   */
  reconnect?: ReconnectOptions;
  /** Limit for one attempt to open: socket connect + key exchange + PFS binding, ms (default 15 000). */
  connectTimeoutMs?: number;
  /** Default limit for one request, connecting included, ms (default none). */
  requestTimeoutMs?: number;
  /**
   * Fresh connections whose first answer must again be -404 before a
   * permanent key is declared lost (default 2; see the module comment).
   */
  keyLossConfirmations?: number;
  /** Clock in ms (default `Date.now`). */
  now?: () => number;
  /** Uniform random numbers in [0, 1) for the backoff jitter (default `Math.random`; not security relevant). */
  random?: () => number;
}

/** What `auth-key-lost` reports. */
export interface AuthKeyLost {
  /** The DC whose key is gone. */
  dcId: number;
  /** auth_key_id of the lost key (not secret). */
  authKeyId: Uint8Array;
  /** The -404 that confirmed the loss. */
  error: TransportError;
}

/**
 * Connection state, in order of a normal life. `idle`: not connected (before
 * first use, or after giving up on a failing server); the next call opens it.
 */
export type ConnectionState = 'idle' | 'connecting' | 'handshake' | 'ready' | 'reconnecting' | 'closed';

/** Events of a {@link Connection}. */
export type ConnectionEvents = {
  /** A new auth key was created (store it: it is the account's identity on this DC). */
  'auth-key': (result: AuthKeyResult) => void;
  /**
   * The server confirmed it no longer knows the permanent key (-404 on fresh
   * connections, see the module comment): delete the stored key; the login is
   * gone. The next connection makes a new key (`auth-key` follows).
   */
  'auth-key-lost': (info: AuthKeyLost) => void;
  /** A temporary key was created and bound (PFS); not to be stored. */
  'temp-key': (result: AuthKeyResult, expiresAt: number) => void;
  /** Updates and other unsolicited objects from the server, as plain TL objects (typed dispatch belongs to the updates layer; a union of every constructor here makes listener types too large for tsc). */
  update: (update: { readonly _: string }, msgId: bigint) => void;
  /** Every session event (salt changes, time sync, pongs, security errors...), for storage and logging. */
  session: (event: SessionEvent) => void;
  state: (state: ConnectionState) => void;
  /** Under `transports`: a race was won by the candidate with this label (it is used from now on). */
  transport: (label: string) => void;
  /** A failure the connection recovers from by reconnecting (socket errors, security errors, -404). */
  error: (error: Error) => void;
};

/** Options of one request. */
export interface InvokeOptions {
  /** Reject with `TimeoutError` (and drop the request) after this many ms, counted from the call: connecting and the key exchange included. */
  timeoutMs?: number;
  /** Abort the request (also while the connection is still opening); rejects with the signal's reason. */
  signal?: AbortSignal;
}
