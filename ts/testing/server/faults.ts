/**
 * Fault injection at the protocol and transport level, so a client's
 * recovery paths (reconnect, salt and time resync, replay and reorder
 * handling, msg_key checks, transport errors, flood waits) can be tested on
 * purpose. RPC-level faults (`floodWait`, `failNext`) live in the in-memory
 * Telegram (`backend.faults`); `floodWait` here forwards to it.
 *
 * "Next" faults are used up by the next packet they apply to, in any
 * connection of the server.
 *
 * @example
 * ```ts
 * server.faults.nextBadServerSalt();   // the next encrypted client packet gets bad_server_salt
 * server.faults.reorderNext(3);        // the next 3 server packets go out in reverse order
 * server.faults.delay(200);            // every server packet waits 200 ms
 * ```
 */
import type { TelegramBackend } from '../telegram/index.js';
import { ArgumentError } from '../../errors.js';

/** Longest time packets held by `reorderNext` wait for the rest of their group, ms. */
export const REORDER_TIMEOUT_MS = 2000;

/** Sends one packet (already decided to go). */
type Emit = () => void;

/** The fault switches of one test server. */
export class ServerFaults {
  private delayMs = 0;
  private badSalts = 0;
  private timeResyncs: (16 | 17)[] = [];
  private duplicates = 0;
  private corruptions = 0;
  private transportErrors: number[] = [];
  private reorderCount = 0;
  private held: Emit[] = [];
  private heldTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  /** @internal */
  constructor(
    private readonly backend: TelegramBackend,
    private readonly drop: (dcId?: number) => number,
  ) {}

  /** Closes every connection (of DC `dcId`, or of all DCs) at once, as a network failure would. Returns how many. */
  dropConnections(dcId?: number): number {
    return this.drop(dcId);
  }

  /** Holds every server packet for `ms` milliseconds before it is written (0 turns the delay off). */
  delay(ms: number): this {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new ArgumentError(`delay must be a finite number >= 0, got ${ms}`);
    this.delayMs = ms;
    return this;
  }

  /** The next `times` encrypted client packets are refused with `bad_server_salt` (error 48) even when their salt is valid. */
  nextBadServerSalt(times = 1): this {
    this.badSalts += count(times);
    return this;
  }

  /**
   * The next encrypted client packet is refused with `bad_msg_notification`
   * `code` (16: msg_id too low, 17: msg_id too high) whatever its msg_id,
   * so the client resyncs its clock from the notification's msg_id and sends again.
   */
  nextTimeResync(code: 16 | 17 = 16): this {
    if (code !== 16 && code !== 17) throw new ArgumentError(`time resync code must be 16 or 17, got ${code}`);
    this.timeResyncs.push(code);
    return this;
  }

  /** The next encrypted server packet is written twice (the client must drop the replay). */
  duplicateNext(times = 1): this {
    this.duplicates += count(times);
    return this;
  }

  /**
   * The next `n` encrypted server packets are held and written in reverse
   * order once all `n` are there (or after 2 s, whichever comes first).
   */
  reorderNext(n: number): this {
    if (!Number.isInteger(n) || n < 2) throw new ArgumentError(`reorderNext needs n >= 2, got ${n}`);
    this.reorderCount = n;
    return this;
  }

  /** The next encrypted server packet gets one byte of its msg_key flipped, so the client's msg_key check fails. */
  corruptNextMsgKey(times = 1): this {
    this.corruptions += count(times);
    return this;
  }

  /**
   * The next client packet is answered with transport error `code` (e.g.
   * -404, -429) instead of being processed, and the connection is closed
   * (https://core.telegram.org/mtproto/mtproto-transports#transport-errors).
   */
  transportError(code = -404): this {
    if (!Number.isInteger(code) || code >= 0 || code < -0x80000000)
      throw new ArgumentError(`transport error code must be a negative int32, got ${code}`);
    this.transportErrors.push(code);
    return this;
  }

  /** The next `times` calls of `method` fail with 420 FLOOD_WAIT_`seconds` (the in-memory Telegram's fault). */
  floodWait(method: string, seconds: number, times = 1): this {
    this.backend.faults.floodWait(method, seconds, times);
    return this;
  }

  /**
   * Turns every fault off, backend faults included. Packets still held by
   * `delay` or `reorderNext` are discarded, as if lost on the network: their
   * messages stay unacknowledged, so the server sends them again when the
   * session comes back on a new connection (and a query re-sent under its
   * old msg_id is answered from the cache).
   */
  clear(): void {
    this.delayMs = 0;
    this.badSalts = 0;
    this.timeResyncs = [];
    this.duplicates = 0;
    this.corruptions = 0;
    this.transportErrors = [];
    this.reorderCount = 0;
    this.dispose();
    this.backend.faults.clear();
  }

  // ------------------------------------------------------------------ used by the connections

  /** @internal A transport error to answer the next client packet with, used up. */
  takeTransportError(): number | undefined {
    return this.transportErrors.shift();
  }

  /** @internal Whether the next encrypted client packet gets bad_server_salt, used up. */
  takeBadServerSalt(): boolean {
    if (this.badSalts === 0) return false;
    this.badSalts--;
    return true;
  }

  /** @internal The forced time resync code for the next encrypted client packet, used up. */
  takeTimeResync(): 16 | 17 | undefined {
    return this.timeResyncs.shift();
  }

  /**
   * @internal Routes one encrypted server packet through the faults:
   * `write` is called (now, later, twice, or in another order) with the
   * packet to put on the wire. Framing happens inside `write`, at the moment
   * of writing, so stream ciphers stay in order.
   */
  outgoing(packet: Uint8Array, write: (packet: Uint8Array) => void): void {
    let p = packet;
    if (this.corruptions > 0 && p.length >= 24) {
      this.corruptions--;
      p = p.slice();
      p[8]! ^= 0x01; // first msg_key byte (after the 8-byte auth_key_id)
    }
    let copies = 1;
    if (this.duplicates > 0) {
      this.duplicates--;
      copies = 2;
    }
    const final = p;
    const emit: Emit = () => {
      for (let i = 0; i < copies; i++) write(final);
    };
    if (this.reorderCount > 0) {
      this.held.push(emit);
      if (this.held.length >= this.reorderCount) {
        this.reorderCount = 0;
        this.releaseHeld();
      } else if (this.heldTimer === undefined) {
        this.heldTimer = setTimeout(() => {
          this.reorderCount = 0;
          this.releaseHeld();
        }, REORDER_TIMEOUT_MS);
        this.heldTimer.unref?.();
      }
      return;
    }
    this.later(emit);
  }

  /** @internal Runs `emit` after the configured delay (at once without one). */
  later(emit: () => void): void {
    if (this.delayMs === 0) {
      emit();
      return;
    }
    const t = setTimeout(() => {
      this.timers.delete(t);
      emit();
    }, this.delayMs);
    t.unref?.();
    this.timers.add(t);
  }

  /** @internal Discards every held packet and pending timer (`clear`, server stop). */
  dispose(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.heldTimer !== undefined) clearTimeout(this.heldTimer);
    this.heldTimer = undefined;
    this.held = [];
  }

  private releaseHeld(): void {
    if (this.heldTimer !== undefined) clearTimeout(this.heldTimer);
    this.heldTimer = undefined;
    const held = this.held.reverse();
    this.held = [];
    for (const emit of held) this.later(emit);
  }
}

function count(times: number): number {
  if (!Number.isInteger(times) || times < 1) throw new ArgumentError(`times must be a whole number >= 1, got ${times}`);
  return times;
}
