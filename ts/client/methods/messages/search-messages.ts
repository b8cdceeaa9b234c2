/**
 * `searchMessages`: text and media-kind search in one chat
 * (https://core.telegram.org/method/messages.search); `searchFilter` names the
 * `MessagesFilter`s (https://core.telegram.org/type/MessagesFilter).
 */
import type { MessagesFilter } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { Message } from '../../types/message.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { wrapMessages } from './wrap.js';

/** A media kind to search for, or a raw `MessagesFilter`. */
export type SearchFilter =
  | 'photos'
  | 'video'
  | 'photoVideo'
  | 'document'
  | 'url'
  | 'gif'
  | 'voice'
  | 'music'
  | 'roundVideo'
  | 'roundVoice'
  | 'geo'
  | 'contacts'
  | 'poll'
  | 'pinned'
  | 'chatPhotos'
  | 'myMentions'
  | 'phoneCalls'
  | MessagesFilter;

/** The `MessagesFilter` of a {@link SearchFilter} (none: every message). */
export function searchFilter(filter: SearchFilter | undefined): MessagesFilter {
  if (filter === undefined) return { _: 'inputMessagesFilterEmpty' };
  if (typeof filter !== 'string') return filter;
  const name = `inputMessagesFilter${filter[0]!.toUpperCase()}${filter.slice(1)}`;
  return { _: name } as MessagesFilter;
}

/** Options of {@link searchMessages}. */
export interface SearchMessagesParams {
  /** Only messages with this kind of media (or pinned ones, chat photo changes, ...). */
  filter?: SearchFilter;
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
 * Yields the messages of `peer` whose text contains `query` (`''`: any text),
 * newest first, optionally only one kind of media.
 *
 * @example
 * ```ts
 * for await (const m of searchMessages(client, '@team', 'deadline', { limit: 20 })) console.log(m.text);
 * for await (const m of searchMessages(client, '@team', '', { filter: 'photos' })) await m.download();
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
      filter: searchFilter(params.filter),
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
