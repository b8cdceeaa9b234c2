/**
 * Finding peers: `contacts.resolveUsername` (users and public channels,
 * https://core.telegram.org/method/contacts.resolveUsername) and
 * `contacts.resolvePhone` (https://core.telegram.org/method/contacts.resolvePhone).
 * Anyone can find an account by its number (the `inputPrivacyKeyAddedByPhone`
 * setting is not modelled); the number asked by is shown in the answer.
 * Contact lists are in contacts-list.ts, phone privacy in account-privacy.ts.
 */
import type { MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import { type PeerRef, tlPeer } from '../store/peer-ref.js';

/** `contacts.resolveUsername`, `contacts.resolvePhone`. */
export const contactsMethods: MethodTable = {
  'contacts.resolveUsername': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const name = req.username.replace(/^@/, '');
      if (!/^[A-Za-z0-9_]{1,32}$/.test(name)) throw badRequest('USERNAME_INVALID');
      const user = b.users.byUsername(name);
      const chat = user ? undefined : b.chats.byUsername(name);
      if (!user && !chat) throw badRequest('USERNAME_NOT_OCCUPIED');
      const ref: PeerRef = user ? { kind: 'user', id: user.id } : { kind: 'channel', id: chat!.id };
      return { _: 'contacts.resolvedPeer', peer: tlPeer(ref), ...b.peerLists(call.self().id, [ref]) };
    },
  },
  'contacts.resolvePhone': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const phone = req.phone.replace(/[^0-9]/g, '');
      const user = phone === '' ? undefined : b.users.byPhone(phone);
      if (!user) throw badRequest('PHONE_NOT_OCCUPIED');
      const ref: PeerRef = { kind: 'user', id: user.id };
      const lists = b.peerLists(call.self().id, [ref]);
      // The number was the key: it is visible to whoever asked by it.
      for (const u of lists.users) if (u._ === 'user' && user.phone !== undefined) u.phone = user.phone;
      return { _: 'contacts.resolvedPeer', peer: tlPeer(ref), ...lists };
    },
  },
};
