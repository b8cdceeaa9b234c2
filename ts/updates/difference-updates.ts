/**
 * Messages returned by a difference, turned into the updates they stand for
 * (https://core.telegram.org/api/updates#recovering-gaps): `new_messages` of
 * `updates.difference` / `updates.channelDifference` and
 * `new_encrypted_messages`. Their sequence position is already accounted for
 * by the difference's state, so they carry pts 0 (no position).
 */
import type { EncryptedMessage, Message, Update } from '../tl/generated/types.js';

/** `updateNewChannelMessage` for messages in a channel, `updateNewMessage` for the rest. */
export function messageToUpdate(message: Message): Update.updateNewMessage | Update.updateNewChannelMessage {
  const peer = message.peer_id;
  if (peer?._ === 'peerChannel') return { _: 'updateNewChannelMessage', message, pts: 0, pts_count: 0 };
  return { _: 'updateNewMessage', message, pts: 0, pts_count: 0 };
}

/** `updateNewEncryptedMessage` for a secret-chat message from a difference. */
export function encryptedToUpdate(message: EncryptedMessage): Update.updateNewEncryptedMessage {
  return { _: 'updateNewEncryptedMessage', message, qts: 0 };
}
