/** `sendReaction` (https://core.telegram.org/api/reactions). */
import type { Reaction } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';

/** A reaction: an emoji string, a custom emoji's document id, or a raw `Reaction`. */
export type ReactionLike = string | bigint | Reaction;

/** The TL `Reaction` of a {@link ReactionLike}. */
export function toReaction(r: ReactionLike): Reaction {
  if (typeof r === 'string') return { _: 'reactionEmoji', emoticon: r };
  if (typeof r === 'bigint') return { _: 'reactionCustomEmoji', document_id: r };
  return r;
}

/**
 * Sets the caller's reactions on message `id` (replacing earlier ones);
 * an empty list removes them. Every member gets `updateMessageReactions`.
 *
 * @example
 * ```ts
 * await sendReaction(client, chat, msg.id, '👍');
 * await sendReaction(client, chat, msg.id, []); // take it back
 * ```
 * @throws RpcError REACTION_INVALID, REACTIONS_TOO_MANY, MESSAGE_ID_INVALID
 */
export async function sendReaction(
  client: ClientCore,
  peer: PeerLike,
  id: number,
  reaction: ReactionLike | ReactionLike[],
  params: { big?: boolean } = {},
): Promise<void> {
  const input = await resolvePeer(client, peer);
  const list = (Array.isArray(reaction) ? reaction : [reaction]).map(toReaction);
  await client.invoke({ _: 'messages.sendReaction', peer: input, msg_id: id, reaction: list, ...(params.big && { big: true }) });
}
