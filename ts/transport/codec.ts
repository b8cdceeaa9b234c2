/**
 * Picks a framing codec by name, and maps codecs to the 4-byte protocol tags
 * that obfuscated2 carries at bytes 56..60 of its init.
 * https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation
 */
import { TransportError } from '../errors.js';
import { createAbridgedCodec } from './abridged.js';
import type { CodecKind, CodecOptions, FrameCodec, Side } from './frame.js';
import { createFullCodec } from './full.js';
import { createIntermediateCodec } from './intermediate.js';
import { createPaddedIntermediateCodec } from './padded-intermediate.js';

/** Every codec kind, in the order the spec lists them. */
export const CODEC_KINDS: readonly CodecKind[] = ['abridged', 'intermediate', 'padded-intermediate', 'full'];

/**
 * Protocol tags as little-endian uint32, exactly the spec's three. The spec
 * defines no tag for full framing: obfuscation is only defined for abridged,
 * intermediate and padded intermediate, so an obfuscated full transport is
 * refused with a TransportError rather than invented.
 */
export const PROTOCOL_TAGS: Readonly<Partial<Record<CodecKind, number>>> = {
  abridged: 0xefefefef,
  intermediate: 0xeeeeeeee,
  'padded-intermediate': 0xdddddddd,
};

/** The codecs that can be obfuscated (those with a protocol tag). */
export const OBFUSCATABLE_CODECS: readonly CodecKind[] = ['abridged', 'intermediate', 'padded-intermediate'];

/** The codec a protocol tag names, or undefined for an unknown tag. */
export function codecForTag(tag: number): CodecKind | undefined {
  for (const kind of CODEC_KINDS) if (PROTOCOL_TAGS[kind] === tag >>> 0) return kind;
  return undefined;
}

/**
 * Creates a codec of `kind` for `side`.
 *
 * @example
 * ```ts
 * const codec = createCodec('intermediate', 'client');
 * ```
 */
export function createCodec(kind: CodecKind, side: Side, options: CodecOptions = {}): FrameCodec {
  switch (kind) {
    case 'abridged':
      return createAbridgedCodec(side, options);
    case 'intermediate':
      return createIntermediateCodec(side, options);
    case 'padded-intermediate':
      return createPaddedIntermediateCodec(side, options);
    case 'full':
      return createFullCodec(side, options);
    default:
      throw new TransportError(`unknown transport codec ${String(kind)}`);
  }
}
