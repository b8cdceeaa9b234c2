/**
 * `iterHistory`: a chat's messages as an async iterator, page by page
 * (https://core.telegram.org/method/messages.getHistory, offsets as in
 * https://core.telegram.org/api/offsets).
 */
import type { ClientCore } from '../../core.js';
import type { Message } from '../../types/message.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { wrapMessages } from './wrap.js';

/** Options of {@link iterHistory}. */
export interface IterHistoryParams {
  /** Stop after this many messages (default: all). */
  limit?: number;
  /** Start below this id (newest first) or from this id up (with `reverse`). */
  offsetId?: number;
  /** Start below this date (newest first; first page only). */
  offsetDate?: Date | number;
  /** Only ids above this. */
  minId?: number;
  /** Only ids below this. */
  maxId?: number;
  /** Oldest first. */
  reverse?: boolean;
  /** Messages per request (1..100, default 100). */
  chunkSize?: number;
  /** Only this forum topic's messages (its id or a `ForumTopic`; `messages.getReplies`, https://core.telegram.org/api/forum). */
  topic?: number | { readonly id: number };
}

/**
 * Yields the messages of `peer`, newest first (or oldest first with
 * `reverse`), fetching pages of `chunkSize` as it goes.
 *
 * @example
 * ```ts
 * for await (const m of iterHistory(client, '@alice', { limit: 500 })) console.log(m.id, m.text);
 * for await (const m of client.iterHistory('me', { reverse: true, offsetId: 100 })) ...; // ids 100, 101, ...
 * for await (const m of client.iterHistory(forum, { topic: 42 })) ...; // one forum topic
 * ```
 */
export async function* iterHistory(client: ClientCore, peer: PeerLike, params: IterHistoryParams = {}): AsyncGenerator<Message> {
  const input = await resolvePeer(client, peer);
  const chunk = Math.max(1, Math.min(100, params.chunkSize ?? 100));
  let remaining = params.limit ?? Number.POSITIVE_INFINITY;
  let offsetId = params.offsetId ?? (params.reverse ? 1 : 0);
  let offsetDate = params.offsetDate instanceof Date ? Math.floor(params.offsetDate.getTime() / 1000) : (params.offsetDate ?? 0);
  while (remaining > 0) {
    const limit = Math.min(chunk, remaining);
    const paging = {
      peer: input,
      offset_id: offsetId,
      offset_date: offsetDate,
      add_offset: params.reverse ? -limit : 0,
      limit,
      max_id: params.maxId ?? 0,
      min_id: params.minId ?? 0,
      hash: 0n,
    };
    const topic = params.topic;
    const res = await client.invoke(
      topic === undefined
        ? { _: 'messages.getHistory', ...paging }
        : { _: 'messages.getReplies', msg_id: typeof topic === 'number' ? topic : topic.id, ...paging },
    );
    const page = wrapMessages(client, res);
    if (params.reverse) page.reverse();
    for (const m of page) {
      if (remaining <= 0) return;
      remaining--;
      yield m;
    }
    if (page.length < limit || page.length === 0) return;
    offsetId = params.reverse ? page[page.length - 1]!.id + 1 : page[page.length - 1]!.id;
    offsetDate = 0;
  }
}
