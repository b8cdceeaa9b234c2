/** `deleteContacts` (https://core.telegram.org/method/contacts.deleteContacts). */
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolveUser } from '../peers/resolve-peer.js';

/**
 * Removes users from the contact list (users that are not contacts are
 * ignored).
 *
 * @example
 * ```ts
 * await client.deleteContacts(['@bob', 123456789n]);
 * ```
 * @throws RpcError CONTACT_ID_INVALID for your own account
 */
export async function deleteContacts(client: ClientCore, users: readonly PeerLike[]): Promise<void> {
  if (users.length === 0) return;
  const id = await Promise.all(users.map((u) => resolveUser(client, u)));
  await client.invoke({ _: 'contacts.deleteContacts', id });
}
