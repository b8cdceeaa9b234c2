/**
 * The update streams the updates suite feeds through the message box: built
 * ahead of timing so object creation is not measured (except in the heap
 * run, which builds each update on the fly on purpose).
 */
import type { Update, Updates } from '../../ts/tl/generated/types.js';

const PEER = { _: 'peerUser', user_id: 2001n } as const;

function userMessageUpdate(i: number, pts: number): Update.updateNewMessage {
  return {
    _: 'updateNewMessage',
    message: { _: 'message', id: i, peer_id: PEER, from_id: PEER, date: 1700000000, message: '/start' },
    pts,
    pts_count: 1,
  };
}

function channelMessageUpdate(i: number, channel: bigint, pts: number): Update.updateNewChannelMessage {
  return {
    _: 'updateNewChannelMessage',
    message: { _: 'message', id: i, peer_id: { _: 'peerChannel', channel_id: channel }, date: 1700000000, message: 'post' },
    pts,
    pts_count: 1,
  };
}

/** `n` in-order `updateShort(updateNewMessage)` with account pts from `pts0 + 1`. */
export function inOrderShort(n: number, pts0: number): Updates[] {
  const out: Updates[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = { _: 'updateShort', update: userMessageUpdate(i + 1, pts0 + i + 1), date: 1700000000 };
  return out;
}

/**
 * `n` updates in `updates` containers (one update each, consecutive seq):
 * three account messages for every channel message, channels cycling over
 * `channels` ids, every channel starting at pts 1.
 */
export function mixed(n: number, pts0: number, seq0: number, channels: number): Updates[] {
  const out: Updates[] = new Array(n);
  const cpts = new Array<number>(channels).fill(0);
  let pts = pts0;
  for (let i = 0; i < n; i++) {
    let u: Update;
    if (i % 4 === 3) {
      const c = (i >> 2) % channels;
      u = channelMessageUpdate(i + 1, BigInt(10_000 + c), ++cpts[c]!);
    } else u = userMessageUpdate(i + 1, ++pts);
    out[i] = { _: 'updates', updates: [u], users: [], chats: [], date: 1700000000, seq: seq0 + i + 1 };
  }
  return out;
}

/** One in-order update built on the fly (for the heap run). */
export function makeShort(i: number, pts: number): Updates {
  return { _: 'updateShort', update: userMessageUpdate(i, pts), date: 1700000000 };
}
