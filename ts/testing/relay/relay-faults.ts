/**
 * What a `FaultRelay` can do to the bytes of one direction of a TCP
 * connection. TCP itself never loses, duplicates or reorders bytes, so
 * `drop`, `duplicate` and `reorder` model a broken middlebox or a corrupting
 * path: the receiver's framing (or its obfuscation cipher) breaks and it must
 * close and reconnect. `delay` and `stall` model a slow or paused network
 * (nothing lost); `cutAfterBytes` a connection torn down mid-frame;
 * `halfOpen` a peer that vanished without a FIN, so the other end still
 * believes the connection is up.
 */
import { ArgumentError } from '../../errors.js';

/** Faults of one direction. Every field is optional; `{}` forwards untouched. */
export interface DirectionFaults {
  /** Probability (0..1) that a received chunk is discarded. */
  drop?: number;
  /** Each chunk is held this long before it is written (order kept), ms. */
  delayMs?: number;
  /** Extra random delay of up to this many ms per chunk (order still kept). */
  jitterMs?: number;
  /** Probability (0..1) that a chunk is written twice. */
  duplicate?: number;
  /** Probability (0..1) that a chunk is held and written after the next one (or after 50 ms alone). */
  reorder?: number;
  /** Hold every byte (in order, nothing lost) until the fault is changed. */
  stall?: boolean;
  /**
   * After this many more bytes in this direction, both sockets are
   * destroyed — the last write ends in the middle of whatever frame it was in.
   */
  cutAfterBytes?: number;
  /**
   * Discard every byte, and never pass a close on in this direction: the
   * receiving end keeps an open connection on which nothing arrives.
   */
  halfOpen?: boolean;
}

/** How the relay treats new connections. */
export type AcceptMode =
  /** Connect to the target and forward (default). */
  | 'forward'
  /** Accept, then close at once. */
  | 'close'
  /** Accept and read, but never connect to the target or answer (a black hole). */
  | 'blackhole';

/** Which direction a fault applies to: `up` = client → target, `down` = target → client. */
export type RelayDirection = 'up' | 'down' | 'both';

/** What a relay did so far. */
export interface RelayStats {
  /** Connections accepted. */
  connections: number;
  /** Bytes received from clients / from the target. */
  bytesUp: number;
  bytesDown: number;
  /** Chunks discarded (`drop`, `halfOpen`), duplicated and reordered. */
  dropped: number;
  duplicated: number;
  reordered: number;
  /** Connections torn down by `cutAfterBytes` or `cutAll`. */
  cuts: number;
}

/** Checks a fault set. @throws RangeError for a bad value */
export function checkDirectionFaults(f: DirectionFaults): DirectionFaults {
  for (const name of ['drop', 'duplicate', 'reorder'] as const) {
    const p = f[name];
    if (p !== undefined && !(p >= 0 && p <= 1)) throw new ArgumentError(`${name} must be a probability 0..1, got ${p}`);
  }
  for (const name of ['delayMs', 'jitterMs', 'cutAfterBytes'] as const) {
    const v = f[name];
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) throw new ArgumentError(`${name} must be a finite number >= 0, got ${v}`);
  }
  return { ...f };
}
