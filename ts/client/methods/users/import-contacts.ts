/** `importContacts` (https://core.telegram.org/method/contacts.importContacts). */
import type { User } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';

/** One phone-book entry to import. */
export interface PhoneContact {
  /** The number, with or without `+` and separators. */
  phone: string;
  firstName: string;
  lastName?: string;
}

/**
 * Saves phone-book entries as contacts; the entries whose number belongs to
 * a Telegram account come back as users (`contact: true`, shown under the
 * name given here). Numbers without an account are left out.
 *
 * @example
 * ```ts
 * const [bob] = await client.importContacts([{ phone: '+99966 2 1234', firstName: 'Bob' }]);
 * if (bob) await client.sendMessage(bob.id, 'hi');
 * ```
 */
export async function importContacts(client: ClientCore, contacts: readonly PhoneContact[]): Promise<User.user[]> {
  if (contacts.length === 0) return [];
  const r = await client.invoke({
    _: 'contacts.importContacts',
    contacts: contacts.map((c, i) => ({
      _: 'inputPhoneContact' as const,
      client_id: BigInt(i),
      phone: c.phone,
      first_name: c.firstName,
      last_name: c.lastName ?? '',
    })),
  });
  const byId = new Map(r.users.flatMap((u) => (u._ === 'user' ? [[u.id, u] as const] : [])));
  return r.imported.flatMap((x) => byId.get(x.user_id) ?? []);
}
