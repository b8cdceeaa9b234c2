/**
 * Which event sequence an update belongs to, and where it sits in it
 * (https://core.telegram.org/api/updates#event-sequences):
 *
 * - the account-wide **pts** box (private chats, basic groups): updates with
 *   `pts` + `pts_count`;
 * - the account-wide **qts** box (secret chats and some bot updates): updates
 *   with `qts`; each advances qts by one;
 * - one **pts box per channel** (supergroups, broadcast channels): the same
 *   fields, on updates whose constructor names a channel.
 *
 * Read from the fields the schema gives each constructor rather than from a
 * hand-written list, so a new layer's updates are classified without edits
 * (tests/updates/pts-info.test.ts checks every `Update` constructor of
 * schema/api.tl against these rules).
 */
import type { Update } from '../tl/generated/types.js';

/** The update carries no sequence position: deliver it in arrival order. */
export const ENTRY_NONE = 0;
/** Account-wide pts. */
export const ENTRY_COMMON = 1;
/** Account-wide qts. */
export const ENTRY_SECONDARY = 2;
/** A channel's pts (`channelId` names it). */
export const ENTRY_CHANNEL = 3;

/** Where one update sits in its sequence (filled by {@link readPtsInfo}; reused to avoid an allocation per update). */
export interface PtsInfo {
  /** One of ENTRY_NONE, ENTRY_COMMON, ENTRY_SECONDARY, ENTRY_CHANNEL. */
  entry: number;
  /** The remote pts/qts *after* this update. */
  pts: number;
  /** How far this update moves the sequence (`pts_count`; 1 for qts). */
  count: number;
  /** For ENTRY_CHANNEL: the channel's id. */
  channelId: bigint;
}

/** A fresh {@link PtsInfo} to pass to {@link readPtsInfo}. */
export function newPtsInfo(): PtsInfo {
  return { entry: ENTRY_NONE, pts: 0, count: 0, channelId: 0n };
}

type Loose = {
  _: string;
  pts?: unknown;
  pts_count?: unknown;
  qts?: unknown;
  channel_id?: unknown;
  message?: { peer_id?: { _: string; channel_id?: bigint } };
};

/**
 * Fills `out` with the sequence position of `update` and returns `out.entry`.
 *
 * Rules (from the fields of each constructor in the schema):
 * - `qts` present → qts box, count 1; `qts = 0` means "no position" (Telegram
 *   sends it on some participant updates interleaved with real values).
 * - `pts` present and the constructor name contains `Channel` → that channel's
 *   box; the id comes from `channel_id` or from the message's `peer_id`. A
 *   channel update whose channel cannot be told (`messageEmpty` without a peer)
 *   has no usable position.
 * - `pts` present otherwise → account-wide pts box.
 * - `pts_count` absent (e.g. `updateReadChannelInbox`) → count 0.
 * - `updateChannelTooLong` is not a position but a request to fetch the
 *   channel's difference; callers test for it before calling this.
 */
export function readPtsInfo(update: Update, out: PtsInfo): number {
  const u = update as unknown as Loose;
  if (typeof u.qts === 'number') {
    out.entry = u.qts === 0 ? ENTRY_NONE : ENTRY_SECONDARY;
    out.pts = u.qts;
    out.count = 1;
    return out.entry;
  }
  if (typeof u.pts !== 'number' || u.pts === 0) return (out.entry = ENTRY_NONE);
  out.pts = u.pts;
  out.count = typeof u.pts_count === 'number' ? u.pts_count : 0;
  if (u._.includes('Channel')) {
    if (typeof u.channel_id === 'bigint') {
      out.channelId = u.channel_id;
      return (out.entry = ENTRY_CHANNEL);
    }
    const peer = u.message?.peer_id;
    if (peer?._ === 'peerChannel' && typeof peer.channel_id === 'bigint') {
      out.channelId = peer.channel_id;
      return (out.entry = ENTRY_CHANNEL);
    }
    return (out.entry = ENTRY_NONE);
  }
  return (out.entry = ENTRY_COMMON);
}
