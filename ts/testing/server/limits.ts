/**
 * Resource limits of the test server: how long a connection may take to
 * speak and to authenticate, how long it may stay silent, how much an
 * unauthenticated peer may make the server buffer, how many connections
 * and concurrent key exchanges there may be. Without them one client could
 * hold memory or the event loop and stall everyone else (issue 10,
 * findings 5 and 9). Defaults fit a real client with room to spare.
 */
import { ArgumentError } from '../../errors.js';

/** `TestServerOptions.limits`. Every field is optional; 0 turns a timeout off. */
export interface ServerLimits {
  /**
   * Open connections across every DC and listener. A connection beyond it is
   * closed as soon as it is accepted. Default 1024.
   */
  maxConnections?: number;
  /**
   * A new connection must complete its transport prefix/init and one whole
   * frame within this many ms, or it is closed. Default 10 000.
   */
  firstFrameTimeoutMs?: number;
  /**
   * A connection must authenticate within this many ms of being accepted —
   * finish a key exchange, or send a packet that opens under a known auth
   * key — or it is closed. Covers time queued for a key exchange slot.
   * Default 30 000.
   */
  handshakeTimeoutMs?: number;
  /**
   * A connection that sends nothing for this many ms is closed. Longer than
   * the 75 s `ping_delay_disconnect` interval clients use to keep a
   * connection open. Default 180 000.
   */
  idleTimeoutMs?: number;
  /**
   * Bytes an unauthenticated connection may have buffered (a partial frame,
   * and packets waiting for a key exchange slot). Key exchange messages are
   * under 1 KiB; a frame whose first 8 payload bytes name an auth key the
   * DC knows may be as large as the transport allows (16 MiB). Default 64 KiB.
   */
  maxUnauthenticatedBytes?: number;
  /**
   * Connections in the middle of a key exchange at once (server-wide).
   * Others wait for a slot, and key exchange steps run one per event loop
   * turn, so established sessions keep being answered. Default 16.
   */
  maxConcurrentHandshakes?: number;
}

/** Limits with every default filled in. */
export type ResolvedLimits = Readonly<Required<ServerLimits>>;

/** The defaults (see `ServerLimits`). */
export const DEFAULT_LIMITS: ResolvedLimits = Object.freeze({
  maxConnections: 1024,
  firstFrameTimeoutMs: 10_000,
  handshakeTimeoutMs: 30_000,
  idleTimeoutMs: 180_000,
  maxUnauthenticatedBytes: 64 * 1024,
  maxConcurrentHandshakes: 16,
});

/** Fills in defaults and checks the values. @throws RangeError for a bad value */
export function resolveLimits(limits: ServerLimits = {}): ResolvedLimits {
  const out = { ...DEFAULT_LIMITS, ...limits };
  for (const [name, value] of Object.entries(out)) {
    const positive = name.startsWith('max');
    if (!Number.isFinite(value) || value < 0 || (positive && value < 1)) {
      throw new ArgumentError(`limits.${name} must be a finite number ${positive ? '>= 1' : '>= 0'}, got ${value}`);
    }
  }
  return Object.freeze(out);
}

/** Why a connection was closed by a limit (the keys of `ServerStats.limitCloses`). */
export type LimitReason = 'connections' | 'first-frame' | 'handshake' | 'idle' | 'buffer';
