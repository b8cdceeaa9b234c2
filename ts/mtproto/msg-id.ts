/**
 * Message identifiers: generation for both directions and the checks a
 * receiver applies to them.
 *
 * Spec: https://core.telegram.org/mtproto/description#message-identifier-msg-id —
 * a msg_id is approximately `unixtime · 2^32` (seconds in the high 32 bits,
 * the fraction of a second in the low 32), increases monotonically within a
 * session, and its two low bits say who sent it: client messages are
 * divisible by 4; server messages are 1 mod 4 when they answer a client
 * message and 3 mod 4 otherwise.
 */

/** Which kind of message a msg_id is made for (its value mod 4). */
export type MsgIdKind = 'client' | 'server-response' | 'server-notification';

const LOW_BITS: Record<MsgIdKind, bigint> = { client: 0n, 'server-response': 1n, 'server-notification': 3n };
const TWO_32 = 4294967296;

/** The time a msg_id encodes, in (fractional) unix seconds. */
export function msgIdTime(msgId: bigint): number {
  const v = BigInt.asUintN(64, msgId);
  return Number(v >> 32n) + Number(v & 0xffffffffn) / TWO_32;
}

/** True when `msgId` has the parity of a server message (odd; 1 or 3 mod 4). */
export function isServerMsgId(msgId: bigint): boolean {
  return (msgId & 1n) === 1n;
}

/** True when `msgId` is a valid client msg_id (divisible by 4). */
export function isClientMsgId(msgId: bigint): boolean {
  return (msgId & 3n) === 0n;
}

/**
 * Generates monotonically increasing msg_ids from a clock and a time offset.
 *
 * The clock is not read here: every call passes `nowMs` (the caller's
 * injected clock), which keeps the protocol code sans-IO and testable with
 * fixed times. `timeOffset` is the server's time minus ours, in seconds
 * (fractional allowed); it is learnt from `server_time` during the handshake
 * and corrected from `bad_msg_notification` codes 16/17.
 *
 * @example
 * ```ts
 * const ids = new MsgIdGenerator();
 * ids.timeOffset = 1.5;
 * const a = ids.next(Date.now());            // client msg_id, divisible by 4
 * const b = ids.next(Date.now());            // b > a even within the same microsecond
 * ```
 */
export class MsgIdGenerator {
  /** Server time − local time, in seconds. */
  timeOffset: number;
  private last = 0n;

  constructor(timeOffset = 0) {
    this.timeOffset = timeOffset;
  }

  /** The last msg_id handed out (0n before the first). */
  get lastId(): bigint {
    return this.last;
  }

  /** The server's time now, in fractional unix seconds, by our clock corrected with `timeOffset`. */
  serverTime(nowMs: number): number {
    return nowMs / 1000 + this.timeOffset;
  }

  /** The msg_id the clock gives for `nowMs`, before the monotonicity rule (nothing is recorded). */
  peek(nowMs: number, kind: MsgIdKind = 'client'): bigint {
    const t = this.serverTime(nowMs);
    const seconds = Math.floor(t);
    const fraction = Math.floor((t - seconds) * TWO_32);
    return (((BigInt(seconds) << 32n) | BigInt(fraction)) & ~3n) | LOW_BITS[kind];
  }

  /**
   * A new msg_id for `nowMs` (local clock, milliseconds), strictly greater
   * than every id this generator returned before, with the low two bits of
   * `kind`.
   */
  next(nowMs: number, kind: MsgIdKind = 'client'): bigint {
    const t = this.serverTime(nowMs);
    const seconds = Math.floor(t);
    const fraction = Math.floor((t - seconds) * TWO_32);
    const low = LOW_BITS[kind];
    let id = ((BigInt(seconds) << 32n) | BigInt(fraction)) & ~3n;
    id |= low;
    if (id <= this.last) id = ((this.last + 4n) & ~3n) | low;
    this.last = id;
    return id;
  }

  /**
   * Sets `timeOffset` from a msg_id the server generated, received at `nowMs`
   * (https://core.telegram.org/mtproto/service_messages_about_messages#notice-of-ignored-error-message:
   * "update its time correction value ... based on msg_id").
   */
  syncWith(serverMsgId: bigint, nowMs: number): void {
    this.timeOffset = msgIdTime(serverMsgId) - nowMs / 1000;
  }

  /** Forgets the last id (a new session may restart the sequence). */
  reset(): void {
    this.last = 0n;
  }
}

/**
 * Checks a received msg_id against the receiver's idea of the current
 * server time (https://core.telegram.org/mtproto/security_guidelines#checking-msg-id):
 * ids more than `maxPast` seconds in the past or `maxFuture` in the future
 * are to be ignored. Returns `'past'`, `'future'` or `undefined` when fine.
 */
export function msgIdTimeSkew(msgId: bigint, serverNow: number, maxPast = 300, maxFuture = 30): 'past' | 'future' | undefined {
  const t = msgIdTime(msgId);
  if (t < serverNow - maxPast) return 'past';
  if (t > serverNow + maxFuture) return 'future';
  return undefined;
}
