/** `searchMessages`: text search in one chat (https://core.telegram.org/method/messages.search). */
import type { ClientCore } from '../../core.js';
import type { Message } from '../../types/message.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { wrapMessages } from './wrap.js';

/** Options of {@link searchMessages}. */
export interface SearchMessagesParams {
  /** Stop after this many (default: all). */
  limit?: number;
  /** Only messages sent by this user. */
  fromUser?: PeerLike;
  /** Start below this id. */
  offsetId?: number;
  /** Messages per request (1..100, default 100). */
  chunkSize?: number;
}

/**
 * Yields the messages of `peer` whose text contains `query`, newest first.
 *
 * @example
 * ```ts
 * for await (const m of searchMessages(client, '@team', 'deadline', { limit: 20 })) console.log(m.text);
 * ```
 */
export async function* searchMessages(
  client: ClientCore,
  peer: PeerLike,
  query: string,
  params: SearchMessagesParams = {},
): AsyncGenerator<Message> {
  const input = await resolvePeer(client, peer);
  const from = params.fromUser === undefined ? undefined : await resolvePeer(client, params.fromUser);
  const chunk = Math.max(1, Math.min(100, params.chunkSize ?? 100));
  let remaining = params.limit ?? Number.POSITIVE_INFINITY;
  let offsetId = params.offsetId ?? 0;
  while (remaining > 0) {
    const limit = Math.min(chunk, remaining);
    const res = await client.invoke({
      _: 'messages.search',
      peer: input,
      q: query,
      ...(from && { from_id: from }),
      filter: { _: 'inputMessagesFilterEmpty' },
      min_date: 0,
      max_date: 0,
      offset_id: offsetId,
      add_offset: 0,
      limit,
      max_id: 0,
      min_id: 0,
      hash: 0n,
    });
    const page = wrapMessages(client, res);
    for (const m of page) {
      if (remaining-- <= 0) return;
      yield m;
    }
    if (page.length < limit) return;
    offsetId = page[page.length - 1]!.id;
  }
}
