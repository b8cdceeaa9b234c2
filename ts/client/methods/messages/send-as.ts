/**
 * The `sendAs` option of every send method (https://core.telegram.org/api/send-as):
 * a peer, resolved like any other, that the message appears to come from
 * (your channel in a group, or the group itself for anonymous admins).
 * `client.getSendAs(chat)` lists the allowed ones.
 */
import type { InputPeer } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import type { TopicLike } from '../forums/topic-reply.js';
import { resolvePeer } from '../peers/resolve-peer.js';

/** Options every send method takes besides its own: who it is sent as, and which forum topic it goes to. */
export interface SendPlaceParams {
  /** Send as this peer (one of `client.getSendAs(chat)`); the server answers SEND_AS_PEER_INVALID for any other. */
  sendAs?: PeerLike;
  /** Send into this forum topic (its id or a `ForumTopic`); replies to `replyTo` inside it when both are given. */
  topic?: TopicLike;
}

/**
 * The `send_as` field (spread into a send request) for `sendAs`.
 *
 * @example
 * ```ts
 * const req = { _: 'messages.sendMessage', peer, message: 'hi', random_id, ...(await sendAsField(client, '@my_channel')) };
 * ```
 */
export async function sendAsField(client: ClientCore, sendAs: PeerLike | undefined): Promise<{ send_as?: InputPeer }> {
  return sendAs === undefined ? {} : { send_as: await resolvePeer(client, sendAs) };
}
