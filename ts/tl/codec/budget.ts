/**
 * What one received packet may cost to decode, shared by every decode of
 * that packet: each message of a container, each `gzip_packed` inside them
 * (nested ones too) and the `rpc_result` bodies draw from the same budget.
 *
 * Why per packet, not per decode call: a 32 KB packet of gzip_packed
 * messages could otherwise inflate 32 MiB *per message* and build ~8 million
 * objects from each (4 wire bytes per `inputUserSelf`, ~10 000× memory
 * amplification). With one budget the whole packet is bounded, and a vector
 * count the budget cannot hold is refused before anything is allocated.
 * https://core.telegram.org/mtproto/service_messages#packed-object
 */
import { TlError } from '../../errors.js';

/** Limits of one {@link DecodeBudget}. */
export interface DecodeLimits {
  /** Total bytes inflated from every `gzip_packed` (default 32 MiB). */
  maxInflated?: number;
  /**
   * Total objects (constructors) plus vector elements decoded (default
   * 1 000 000). A Telegram answer holds far fewer: a `messages.messages`
   * page of 100 messages is ~5 000, a large `updates.getDifference` slice
   * ~50 000, `upload.file` of 512 KiB is 2.
   */
  maxObjects?: number;
  /** Nesting of objects inside one message (default 64; Telegram's deepest objects use about 20). */
  maxDepth?: number;
}

/** Defaults of {@link DecodeLimits}: the client's, sized for the largest real answers (see ts/tl/README.md). */
export const DEFAULT_DECODE_LIMITS: Readonly<Required<DecodeLimits>> = Object.freeze({
  maxInflated: 32 * 1024 * 1024,
  maxObjects: 1_000_000,
  maxDepth: 64,
});

/** Which limit a decode ran into. */
export type DecodeLimit = 'inflated' | 'objects' | 'depth';

/**
 * The remaining allowance of one packet. Create one per received packet and
 * pass it as `ReadOptions.budget` to every decode of that packet.
 *
 * @example
 * ```ts
 * const budget = new DecodeBudget({ maxObjects: 100_000 });
 * for (const m of decodeContainer(body)) {
 *   try { handle(decode(m.body, { budget })); }
 *   catch (e) { if (budget.exceeded) refuseTooLong(m); else refuseMalformed(m); }
 * }
 * ```
 */
export class DecodeBudget {
  /** Bytes that may still be inflated. */
  inflated: number;
  /** Objects and vector elements that may still be decoded. */
  objects: number;
  /** Nesting limit of each message. */
  readonly maxDepth: number;
  /** Set once a limit was hit (the error that reported it was a TlError). */
  exceeded: DecodeLimit | undefined;
  /** The limits it started from (for error messages). */
  private readonly maxObjects: number;
  private readonly maxInflated: number;

  // One per received packet, several per container: plain fields, no nested object.
  constructor(limits?: DecodeLimits) {
    const inflated = limits?.maxInflated ?? DEFAULT_DECODE_LIMITS.maxInflated;
    const objects = limits?.maxObjects ?? DEFAULT_DECODE_LIMITS.maxObjects;
    this.inflated = this.maxInflated = inflated;
    this.objects = this.maxObjects = objects;
    this.maxDepth = limits?.maxDepth ?? DEFAULT_DECODE_LIMITS.maxDepth;
    this.exceeded = undefined;
  }

  /**
   * Restores the full allowance. For the decode functions' own budget, reused
   * by every call that passes none (one allocation less per decode).
   * @internal
   */
  refill(): void {
    this.inflated = this.maxInflated;
    this.objects = this.maxObjects;
    this.exceeded = undefined;
  }

  /** The error for a count of `n` more objects than the budget holds (and marks it exceeded). */
  tooManyObjects(offset: number): TlError {
    this.exceeded = 'objects';
    this.objects = -1;
    return new TlError(`decode budget: more than ${this.maxObjects} objects and vector elements in one packet`, offset);
  }

  /** The error for inflating past the byte budget (and marks it exceeded). */
  tooMuchInflated(offset: number): TlError {
    this.exceeded = 'inflated';
    return new TlError(`gzip_packed inflates past the ${this.maxInflated}-byte limit of one packet`, offset);
  }

  /** The error for nesting past `maxDepth` (and marks it exceeded). */
  tooDeep(offset: number): TlError {
    this.exceeded = 'depth';
    return new TlError(`nesting deeper than ${this.maxDepth}`, offset);
  }
}
