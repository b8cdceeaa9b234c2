/**
 * What every connection of one DC shares: the crypto engine, clock and
 * randomness, the server's RSA key, the DC's auth keys, the in-memory
 * Telegram, the fault switches and the counters. One per DC of a running
 * test server.
 */
import type { CryptoProvider, RandomSource } from '../../crypto/provider.js';
import type { ServerRsaKey } from '../../mtproto/server-side.js';
import type { LayerRegistry } from '../layers/index.js';
import type { TelegramBackend } from '../telegram/index.js';
import type { Tracer } from '../trace/index.js';
import type { ServerFaults } from './faults.js';
import type { HandshakeQueue } from './handshake-queue.js';
import type { KeyStore } from './key-store.js';
import type { LimitReason, ResolvedLimits } from './limits.js';

/** Counters a test (or the CLI) can read to see what the server did. */
export interface ServerStats {
  /** Connections accepted (TCP and WebSocket). */
  connections: number;
  /** Auth keys made (permanent and temporary). */
  authKeys: number;
  /** Encrypted client messages processed (container items counted one by one). */
  messages: number;
  /** RPC queries run by the in-memory Telegram, by method (inner method, wrappers removed). */
  rpcCalls: Record<string, number>;
  /** Queries answered from the answer cache instead of running again (duplicate msg_ids). */
  cachedAnswers: number;
  /** Messages sent, by TL name (rpc_result, msgs_ack, bad_server_salt, new_session_created, pong, updates...). */
  serviceSent: Record<string, number>;
  /** msg_ids the client acknowledged with msgs_ack. */
  acksReceived: number;
  /** Packets dropped for a failed check (auth_key_id, msg_key, lengths, handshake), connection closed. */
  securityDrops: number;
  /** Transport errors sent (-404 and injected ones). */
  transportErrors: number;
  /** Connections closed by a resource limit, by reason (see `ServerLimits`). */
  limitCloses: Partial<Record<LimitReason, number>>;
}

/** A fresh, zeroed `ServerStats`. */
export function emptyStats(): ServerStats {
  return {
    connections: 0,
    authKeys: 0,
    messages: 0,
    rpcCalls: {},
    cachedAnswers: 0,
    serviceSent: {},
    acksReceived: 0,
    securityDrops: 0,
    transportErrors: 0,
    limitCloses: {},
  };
}

/** Shared state of one DC's connections. */
export interface DcRuntime {
  readonly dcId: number;
  readonly crypto: CryptoProvider;
  readonly random: RandomSource;
  /** Milliseconds (the server's wall clock). */
  readonly clock: () => number;
  readonly rsaKey: ServerRsaKey;
  readonly keys: KeyStore;
  readonly backend: TelegramBackend;
  readonly faults: ServerFaults;
  readonly stats: ServerStats;
  /** Results at least this long are sent gzip_packed (false: never). */
  readonly gzipThreshold: number | false;
  /** A bug in the server (never a client's bad input): reported, and the connection closed. */
  readonly onError: (error: unknown) => void;
  /** Resource limits (timeouts, buffer cap, key exchange slots). */
  readonly limits: ResolvedLimits;
  /** Key exchange steps of every connection of the server, run in turn. */
  readonly handshakes: HandshakeQueue;
  /** Refuse what the spec forbids even where Telegram is lenient (see README.md, "Leniencies"). */
  readonly strict: boolean;
  /** The protocol trace, when asked for. */
  readonly tracer: Tracer | undefined;
  /** The API layers served (the client's layer from invokeWithLayer, ts/testing/layers). */
  readonly layers: LayerRegistry;
}

/** Unix seconds by the runtime's clock. */
export function unixNow(rt: Pick<DcRuntime, 'clock'>): number {
  return Math.floor(rt.clock() / 1000);
}

/** Counts one message named `name` as sent. */
export function countSent(stats: ServerStats, name: string): void {
  stats.serviceSent[name] = (stats.serviceSent[name] ?? 0) + 1;
}
