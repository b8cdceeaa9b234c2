/**
 * Contact lists (https://core.telegram.org/api/contacts):
 * `contacts.importContacts` (by phone number), `contacts.addContact` (by
 * user, with `add_phone_privacy_exception`), `contacts.getContacts`,
 * `contacts.deleteContacts` and `contacts.getContactIDs`. The saved names
 * and the `contact` / `mutual_contact` flags reach clients through
 * `TelegramBackend.tlUser`.
 */
import type { Contact, ImportedContact } from '../../../tl/generated/types.js';
import { container } from '../actions/deliver.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { PeerRef } from '../store/peer-ref.js';
import { resolveUser } from './peers.js';

/** Digits only, as Telegram compares numbers. */
const digits = (phone: string) => phone.replace(/[^0-9]/g, '');

/** Refuses the caller itself (CONTACT_ID_INVALID), as Telegram does for add and delete. */
function otherUser(call: MethodCall, id: bigint): bigint {
  if (id === call.self().id) throw badRequest('CONTACT_ID_INVALID');
  return id;
}

/** `contacts.importContacts`, `addContact`, `getContacts`, `deleteContacts`, `getContactIDs`. */
export const contactsListMethods: MethodTable = {
  'contacts.importContacts': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const imported: ImportedContact[] = [];
      const refs: PeerRef[] = [];
      for (const c of req.contacts) {
        const phone = digits(c.phone);
        const user = phone === '' ? undefined : b.users.byPhone(phone);
        // Numbers without an account (and one's own) are kept by Telegram for later; here they are dropped.
        if (!user || user.id === me) continue;
        b.contacts.save(me, { userId: user.id, firstName: c.first_name, lastName: c.last_name, phone });
        imported.push({ _: 'importedContact', user_id: user.id, client_id: c.client_id });
        refs.push({ kind: 'user', id: user.id });
      }
      return { _: 'contacts.importedContacts', imported, popular_invites: [], retry_contacts: [], ...b.peerLists(me, refs) };
    },
  },
  'contacts.addContact': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const user = resolveUser(call, req.id);
      otherUser(call, user.id);
      if (req.first_name.trim() === '') throw badRequest('CONTACT_NAME_EMPTY');
      const phone = digits(req.phone) || b.contacts.get(me, user.id)?.phone || '';
      b.contacts.save(me, { userId: user.id, firstName: req.first_name, lastName: req.last_name, phone });
      if (req.add_phone_privacy_exception) b.contacts.allowPhoneTo(me, user.id);
      return container(b, me, [], [{ kind: 'user', id: user.id }]);
    },
  },
  'contacts.getContacts': {
    auth: true,
    run(call) {
      const b = call.backend;
      const me = call.self().id;
      const list = b.contacts.list(me);
      const contacts: Contact[] = list.map((c) => ({ _: 'contact', user_id: c.userId, mutual: b.contacts.has(c.userId, me) }));
      const lists = b.peerLists(
        me,
        list.map((c): PeerRef => ({ kind: 'user', id: c.userId })),
      );
      return { _: 'contacts.contacts', contacts, saved_count: list.length, users: lists.users };
    },
  },
  'contacts.deleteContacts': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const ids = req.id.map((input) => otherUser(call, resolveUser(call, input).id));
      for (const id of ids) b.contacts.remove(me, id);
      return container(
        b,
        me,
        [],
        ids.map((id): PeerRef => ({ kind: 'user', id })),
      );
    },
  },
  'contacts.getContactIDs': {
    auth: true,
    // A Vector<int>: Telegram answers the low 32 bits of each id.
    run: (call) => call.backend.contacts.list(call.self().id).map((c) => Number(BigInt.asIntN(32, c.userId))),
  },
};
