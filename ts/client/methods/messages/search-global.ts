/**
 * `searchGlobal`: search every chat the account reads — private chats,
 * groups, channels (https://core.telegram.org/method/messages.searchGlobal),
 * paginated by (`next_rate`, peer, id) as https://core.telegram.org/api/offsets describes.
 */
import type { InputPeer } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { Message } from '../../types/message.js';
import { type SearchFilter, searchFilter } from './search-messages.js';
import { wrapMessages } from './wrap.js';

/** Options of {@link searchGlobal}. */
export interface SearchGlobalParams {
  /** Only messages with this kind of media (see `searchMessages`). */
  filter?: SearchFilter;
  /** Only broadcast channels, only groups (basic and super), or only private chats. */
  only?: 'broadcasts' | 'groups' | 'users';
  /** Sent at or after / at or before these dates. */
  minDate?: Date;
  maxDate?: Date;
  /** Stop after this many (default: all). */
  limit?: number;
  /** Messages per request (1..100, default 100). */
  chunkSize?: number;
}

const seconds = (d: Date | undefined) => (d ? Math.floor(d.getTime() / 1000) : 0);

/**
 * Yields the messages of every chat whose text contains `query` (`''` with a
 * `filter`: any text), newest first.
 *
 * @example
 * ```ts
 * for await (const m of searchGlobal(client, 'invoice', { only: 'users', limit: 50 })) console.log(m.chatId, m.text);
 * for await (const m of searchGlobal(client, '', { filter: 'document' })) console.log(m.media);
 * ```
 */
export async function* searchGlobal(client: ClientCore, query: string, params: SearchGlobalParams = {}): AsyncGenerator<Message> {
  const chunk = Math.max(1, Math.min(100, params.chunkSize ?? 100));
  let remaining = params.limit ?? Number.POSITIVE_INFINITY;
  let offsetRate = 0;
  let offsetPeer: InputPeer = { _: 'inputPeerEmpty' };
  let offsetId = 0;
  while (remaining > 0) {
    const limit = Math.min(chunk, remaining);
    const res = await client.invoke({
      _: 'messages.searchGlobal',
      ...(params.only === 'broadcasts' && { broadcasts_only: true }),
      ...(params.only === 'groups' && { groups_only: true }),
      ...(params.only === 'users' && { users_only: true }),
      q: query,
      filter: searchFilter(params.filter),
      min_date: seconds(params.minDate),
      max_date: seconds(params.maxDate),
      offset_rate: offsetRate,
      offset_peer: offsetPeer,
      offset_id: offsetId,
      limit,
    });
    const page = wrapMessages(client, res);
    for (const m of page) {
      if (remaining-- <= 0) return;
      yield m;
    }
    // A page without next_rate is the last (messages.messages; https://core.telegram.org/api/offsets).
    if (res._ !== 'messages.messagesSlice' || res.next_rate === undefined || page.length === 0) return;
    const last = page[page.length - 1]!;
    offsetRate = res.next_rate;
    offsetPeer = last.inputChat;
    offsetId = last.id;
  }
}
