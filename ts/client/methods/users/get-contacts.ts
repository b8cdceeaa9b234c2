/** `getContacts` (https://core.telegram.org/method/contacts.getContacts). */
import type { User } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';

/**
 * The account's contact list, as users (`contact: true`, `mutual_contact`
 * when they have you too), in the order the server lists them.
 *
 * @example
 * ```ts
 * for (const u of await client.getContacts()) console.log(u.first_name, u.mutual_contact ? '(mutual)' : '');
 * ```
 */
export async function getContacts(client: ClientCore): Promise<User.user[]> {
  const r = await client.invoke({ _: 'contacts.getContacts', hash: 0n });
  if (r._ === 'contacts.contactsNotModified') return []; // not asked for: hash 0 always gets the list
  const byId = new Map(r.users.flatMap((u) => (u._ === 'user' ? [[u.id, u] as const] : [])));
  return r.contacts.flatMap((c) => byId.get(c.user_id) ?? []);
}
