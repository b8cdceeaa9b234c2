/**
 * Who blocked whom (https://core.telegram.org/api/block), per account: the
 * store behind methods/contacts-block.ts and the send check `checkWritable`
 * makes for private chats.
 */
import type { TelegramBackend } from '../backend.js';
import type { MethodCall } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import { type PeerRef, peerKey } from '../store/peer-ref.js';

/** One blocked peer of an account, and when. */
type Blocked = { readonly ref: PeerRef; readonly date: number };

const stores = new WeakMap<TelegramBackend, Map<bigint, Map<string, Blocked>>>();

/** The peers `userId` blocked, by peer key, oldest first. */
export function blockedBy(b: TelegramBackend, userId: bigint): Map<string, Blocked> {
  let all = stores.get(b);
  if (!all) stores.set(b, (all = new Map()));
  let list = all.get(userId);
  if (!list) all.set(userId, (list = new Map()));
  return list;
}

/** Whether account `userId` has blocked `peer`. */
export function hasBlocked(b: TelegramBackend, userId: bigint, peer: PeerRef): boolean {
  return stores.get(b)?.get(userId)?.has(peerKey(peer)) === true;
}

/**
 * A private message from the caller to user `to`: 400 YOU_BLOCKED_USER when
 * the caller blocked them, 400 USER_IS_BLOCKED when the caller is a bot the
 * user blocked (a person blocked by another person may still send; the
 * message is simply not shown, which the emulator does not model).
 */
export function checkNotBlocked(call: MethodCall, to: bigint): void {
  const me = call.self();
  if (to === me.id) return;
  if (hasBlocked(call.backend, me.id, { kind: 'user', id: to })) throw badRequest('YOU_BLOCKED_USER');
  if (me.bot && hasBlocked(call.backend, to, { kind: 'user', id: me.id })) throw badRequest('USER_IS_BLOCKED');
}
