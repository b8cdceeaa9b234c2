/**
 * Bot API-style "marked" peer ids (https://core.telegram.org/api/bots/ids):
 * users keep their id, basic groups are `-id`, channels `-(10^12 + id)`
 * (the familiar `-100…` prefix). One number names any peer.
 */
import type { Peer } from '../../tl/generated/types.js';

/** The offset of channel ids in marked form. */
const CHANNEL_SHIFT = 1_000_000_000_000n;

/** What a marked id names. */
export interface UnmarkedId {
  readonly kind: 'user' | 'chat' | 'channel';
  readonly id: bigint;
}

/** The marked id of a peer. */
export function markedId(kind: 'user' | 'chat' | 'channel', id: bigint): bigint {
  return kind === 'user' ? id : kind === 'chat' ? -id : -(CHANNEL_SHIFT + id);
}

/** The marked id of a TL `Peer`. */
export function markedPeerId(p: Peer): bigint {
  return p._ === 'peerUser' ? p.user_id : p._ === 'peerChat' ? -p.chat_id : -(CHANNEL_SHIFT + p.channel_id);
}

/**
 * Splits a marked id: positive → user, `-100…` → channel, other negative → basic group.
 *
 * @example
 * ```ts
 * unmarkId(-1001234567890n); // { kind: 'channel', id: 1234567890n }
 * ```
 */
export function unmarkId(marked: bigint): UnmarkedId {
  if (marked > 0n) return { kind: 'user', id: marked };
  if (marked <= -CHANNEL_SHIFT) return { kind: 'channel', id: -marked - CHANNEL_SHIFT };
  return { kind: 'chat', id: -marked };
}
