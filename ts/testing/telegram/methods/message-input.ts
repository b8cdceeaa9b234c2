/**
 * Checks of what a client sends with a message, shared by every method that
 * posts one (sendMessage, sendMedia, inline results): entity bounds and the
 * replied-to message (https://core.telegram.org/api/entities,
 * https://core.telegram.org/api/replies).
 */
import type { InputReplyTo, MessageEntity } from '../../../tl/generated/types.js';
import type { MethodCall } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { PeerRef } from '../store/peer-ref.js';

/** 400 ENTITY_BOUNDS_INVALID for an entity outside `text` or empty. */
export function checkEntities(text: string, entities: readonly MessageEntity[] | undefined): void {
  for (const e of entities ?? []) {
    if (e.offset < 0 || e.length <= 0 || e.offset + e.length > text.length) throw badRequest('ENTITY_BOUNDS_INVALID');
  }
}

/** The replied-to id of an `InputReplyTo` (a message in the same chat), checked to exist: else 400 REPLY_MESSAGE_ID_INVALID. */
export function replyId(call: MethodCall, peer: PeerRef, r: InputReplyTo | undefined): number | undefined {
  if (!r) return undefined;
  if (r._ !== 'inputReplyToMessage' || r.reply_to_peer_id) throw badRequest('REPLY_MESSAGE_ID_INVALID');
  const m = call.backend.messages.boxFor(call.self().id, peer).get(r.reply_to_msg_id);
  if (!m || m.peer.kind !== peer.kind || m.peer.id !== peer.id) throw badRequest('REPLY_MESSAGE_ID_INVALID');
  return m.id;
}
