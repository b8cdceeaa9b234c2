/** `sendContact`: a contact card (https://core.telegram.org/constructor/inputMediaContact). */
import type { ClientCore } from '../../core.js';
import type { Message } from '../../types/message.js';
import type { PeerLike } from '../../types/peer-like.js';
import { type SendExtrasParams, sendInputMedia } from './send-input-media.js';

/** A contact to send. */
export interface ContactCard {
  phone: string;
  firstName: string;
  lastName?: string;
  /** A vCard 3.0 text (optional). */
  vcard?: string;
}

/**
 * Sends a contact; the server fills `user_id` when the phone belongs to a Telegram user.
 *
 * @example
 * ```ts
 * await sendContact(client, 'me', { phone: '+9996621234', firstName: 'Alice' });
 * ```
 */
export function sendContact(client: ClientCore, peer: PeerLike, contact: ContactCard, params?: SendExtrasParams): Promise<Message> {
  return sendInputMedia(
    client,
    peer,
    {
      _: 'inputMediaContact',
      phone_number: contact.phone,
      first_name: contact.firstName,
      last_name: contact.lastName ?? '',
      vcard: contact.vcard ?? '',
    },
    params,
  );
}
