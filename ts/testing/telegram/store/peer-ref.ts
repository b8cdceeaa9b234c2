/**
 * Peers inside the in-memory Telegram: a user, a basic group ("chat") or a
 * channel (supergroup or broadcast), by kind and id — and the per-account
 * access hash each of them shows to a given account
 * (https://core.telegram.org/api/peers#access-hashes).
 */
import type { Peer } from '../../../tl/generated/types.js';

/** What kind of peer: Telegram's three id spaces. */
export type PeerKind = 'user' | 'chat' | 'channel';

/** A peer by kind and id. */
export interface PeerRef {
  readonly kind: PeerKind;
  readonly id: bigint;
}

/** A map key for a peer (`u123`, `c45`, `h6789`). */
export function peerKey(p: PeerRef): string {
  return `${p.kind === 'user' ? 'u' : p.kind === 'chat' ? 'c' : 'h'}${p.id}`;
}

/** Two refs name the same peer. */
export function samePeer(a: PeerRef, b: PeerRef): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/** The TL `Peer` of a ref. */
export function tlPeer(p: PeerRef): Peer {
  switch (p.kind) {
    case 'user':
      return { _: 'peerUser', user_id: p.id };
    case 'chat':
      return { _: 'peerChat', chat_id: p.id };
    default:
      return { _: 'peerChannel', channel_id: p.id };
  }
}

/** The ref of a TL `Peer`. */
export function refOf(p: Peer): PeerRef {
  switch (p._) {
    case 'peerUser':
      return { kind: 'user', id: p.user_id };
    case 'peerChat':
      return { kind: 'chat', id: p.chat_id };
    default:
      return { kind: 'channel', id: p.channel_id };
  }
}

const MASK64 = (1n << 64n) - 1n;

/**
 * The access hash `viewer` sees for a peer whose own secret is `secret`.
 * In `per-account` mode every account gets a different hash for the same
 * peer (as on Telegram: a hash copied from another account's session is
 * refused); the peer's own account sees `secret` itself. In `shared` mode
 * every account sees `secret`.
 */
export function accessHashFor(secret: bigint, peerId: bigint, viewer: bigint | undefined, mode: AccessHashMode): bigint {
  if (mode === 'shared' || viewer === undefined || viewer === peerId) return secret;
  // splitmix64 finalizer over secret ^ viewer: cheap, well mixed, deterministic.
  let z = (secret ^ (viewer * 0x9e3779b97f4a7c15n)) & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  z ^= z >> 31n;
  return BigInt.asIntN(64, z);
}

/** How access hashes relate to accounts: one per (account, peer) like Telegram, or one per peer. */
export type AccessHashMode = 'per-account' | 'shared';
