/**
 * Reading reactions: the counts on messages (`messages.getMessagesReactions`)
 * and who reacted, page by page (`messages.getMessageReactionsList`;
 * https://core.telegram.org/api/reactions).
 */
import type { MessagePeerReaction, MessageReactions } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { type ReactionLike, toReaction } from './send-reaction.js';

/**
 * The reactions on messages `ids`, by message id (messages without reactions are absent).
 *
 * @example
 * ```ts
 * const map = await getReactions(client, chat, [msg.id]);
 * for (const c of map.get(msg.id)?.results ?? []) console.log(c.reaction, c.count);
 * ```
 */
export async function getReactions(client: ClientCore, peer: PeerLike, ids: number[]): Promise<Map<number, MessageReactions>> {
  const input = await resolvePeer(client, peer);
  const res = await client.invoke({ _: 'messages.getMessagesReactions', peer: input, id: ids });
  const out = new Map<number, MessageReactions>();
  const list = res._ === 'updates' || res._ === 'updatesCombined' ? res.updates : [];
  for (const u of list) if (u._ === 'updateMessageReactions' && u.reactions.results.length > 0) out.set(u.msg_id, u.reactions);
  return out;
}

/**
 * Who reacted to message `id` (newest first), optionally only with `reaction`; pages are fetched as the loop goes.
 *
 * @example
 * ```ts
 * for await (const r of iterReactionUsers(client, chat, msg.id, { reaction: '👍' })) console.log(r.peer_id);
 * ```
 */
export async function* iterReactionUsers(
  client: ClientCore,
  peer: PeerLike,
  id: number,
  params: { reaction?: ReactionLike; pageSize?: number; limit?: number } = {},
): AsyncGenerator<MessagePeerReaction> {
  const input = await resolvePeer(client, peer);
  const limit = params.limit ?? Number.POSITIVE_INFINITY;
  let offset: string | undefined;
  let n = 0;
  for (;;) {
    const res = await client.invoke({
      _: 'messages.getMessageReactionsList',
      peer: input,
      id,
      limit: Math.min(params.pageSize ?? 50, 100),
      ...(params.reaction !== undefined && { reaction: toReaction(params.reaction) }),
      ...(offset !== undefined && { offset }),
    });
    for (const r of res.reactions) {
      if (n++ >= limit) return;
      yield r;
    }
    if (!res.next_offset || res.reactions.length === 0) return;
    offset = res.next_offset;
  }
}
