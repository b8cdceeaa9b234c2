/**
 * Blocking (https://core.telegram.org/api/block): `contacts.block`,
 * `contacts.unblock`, `contacts.getBlocked`. Blocking a bot stops it: the
 * bot gets `updateBotStopped` (`stopped: true`, or false on unblock) in its
 * qts sequence, so a bot that was offline still learns it from
 * `updates.getDifference`; the blocker's other sessions get
 * `updatePeerBlocked`. Sending to someone you blocked is 400
 * YOU_BLOCKED_USER; a bot sending to a user who blocked it gets 400
 * USER_IS_BLOCKED (block-store.ts `checkNotBlocked`, called by `checkWritable`).
 */
import type { contacts, PeerBlocked } from '../../../tl/generated/types.js';
import { container, push } from '../actions/deliver.js';
import { caller, type MethodCall, type MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import { type PeerRef, peerKey, tlPeer } from '../store/peer-ref.js';
import { blockedBy } from './block-store.js';
import { resolvePeer } from './peers.js';

/** Blocks or unblocks `ref` for the caller and tells whoever must know. */
function setBlocked(call: MethodCall, ref: PeerRef, blocked: boolean): boolean {
  const b = call.backend;
  const me = call.self().id;
  if (ref.kind === 'user' && ref.id === me) throw badRequest('CONTACT_ID_INVALID');
  const list = blockedBy(b, me);
  const key = peerKey(ref);
  if (list.has(key) === blocked) return true; // nothing changes, nobody is told
  if (blocked) list.set(key, { ref, date: call.now });
  else list.delete(key);
  push(b, me, container(b, me, [{ _: 'updatePeerBlocked', peer_id: tlPeer(ref), ...(blocked && { blocked: true }) }], [ref]), caller(call));
  const bot = ref.kind === 'user' ? b.users.get(ref.id) : undefined;
  if (bot?.bot) {
    const u = b.updates.pushQts(bot.id, (qts) => ({ _: 'updateBotStopped' as const, user_id: me, date: call.now, stopped: blocked, qts }));
    push(b, bot.id, container(b, bot.id, [u], [{ kind: 'user', id: me }]), undefined);
  }
  return true;
}

/** `contacts.block`, `contacts.unblock`, `contacts.getBlocked`. */
export const contactsBlockMethods: MethodTable = {
  'contacts.block': {
    auth: true,
    run: (call, req) => setBlocked(call, resolvePeer(call, req.id), true),
  },
  'contacts.unblock': {
    auth: true,
    run: (call, req) => setBlocked(call, resolvePeer(call, req.id), false),
  },
  'contacts.getBlocked': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      if (req.offset < 0 || req.limit < 0) throw badRequest('LIMIT_INVALID');
      // Newest first, as Telegram lists them.
      const all = [...blockedBy(b, me).values()].reverse();
      const page = all.slice(req.offset, req.offset + Math.min(req.limit || 20, 100));
      const blocked: PeerBlocked[] = page.map((x) => ({ _: 'peerBlocked', peer_id: tlPeer(x.ref), date: x.date }));
      const lists = b.peerLists(
        me,
        page.map((x) => x.ref),
      );
      const answer: contacts.Blocked =
        page.length === all.length
          ? { _: 'contacts.blocked', blocked, ...lists }
          : { _: 'contacts.blockedSlice', count: all.length, blocked, ...lists };
      return answer;
    },
  },
};
