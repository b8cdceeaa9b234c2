/**
 * `iterParticipants` (https://core.telegram.org/method/channels.getParticipants;
 * basic groups: https://core.telegram.org/method/messages.getFullChat).
 */
import { ArgumentError, WasmgramError } from '../../../errors.js';
import type { ChannelParticipantsFilter, ChatParticipant } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { ChatMember, usersById } from '../../types/chat-member.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';

/** Which members {@link iterParticipants} lists. */
export type ParticipantsFilter = 'all' | 'admins' | 'banned' | 'restricted' | 'bots' | 'search';

/** Options of {@link iterParticipants}. */
export interface IterParticipantsParams {
  /** `all` (default, newest members first), `admins`, `bots`, `restricted` (in the chat with rights taken), `banned` (removed), `search` (by name). */
  filter?: ParticipantsFilter;
  /** Text to look for in names (`search`, `banned`, `restricted`). */
  query?: string;
  /** Stop after this many members (default: all). */
  limit?: number;
  /** Members asked per request (default and most: 200). */
  chunkSize?: number;
}

/** The most `channels.getParticipants` returns per call. */
const CHUNK_MAX = 200;

function channelFilter(filter: ParticipantsFilter, q: string): ChannelParticipantsFilter {
  switch (filter) {
    case 'all':
      return q === '' ? { _: 'channelParticipantsRecent' } : { _: 'channelParticipantsSearch', q };
    case 'admins':
      return { _: 'channelParticipantsAdmins' };
    case 'bots':
      return { _: 'channelParticipantsBots' };
    case 'banned':
      return { _: 'channelParticipantsKicked', q };
    case 'restricted':
      return { _: 'channelParticipantsBanned', q };
    case 'search':
      return { _: 'channelParticipantsSearch', q };
    default:
      throw new ArgumentError(`unknown participants filter: ${String(filter)}`);
  }
}

/**
 * Iterates over the members of a group, supergroup or channel, fetching
 * pages of up to 200 as it goes. Basic groups come in one answer and are
 * filtered here (they have no banned or restricted members).
 *
 * @example
 * ```ts
 * for await (const m of client.iterParticipants(group, { filter: 'admins' })) {
 *   console.log(m.user?.displayName, m.status, m.rank);
 * }
 * const found = [];
 * for await (const m of client.iterParticipants(group, { filter: 'search', query: 'ali', limit: 10 })) found.push(m);
 * ```
 * @throws RpcError CHAT_ADMIN_REQUIRED (banned/restricted lists, or a broadcast channel's members, without admin rights), CHANNEL_PRIVATE
 */
export async function* iterParticipants(
  client: ClientCore,
  chat: PeerLike,
  params: IterParticipantsParams = {},
): AsyncGenerator<ChatMember, void, undefined> {
  const filter = params.filter ?? 'all';
  const query = params.query ?? '';
  const limit = params.limit ?? Number.POSITIVE_INFINITY;
  const chunk = Math.min(Math.max(1, params.chunkSize ?? CHUNK_MAX), CHUNK_MAX);
  if (!(limit >= 0)) throw new ArgumentError(`limit must be >= 0, got ${limit}`);
  const peer = await resolvePeer(client, chat);
  let yielded = 0;
  if (peer._ === 'inputPeerChat') {
    const full = await client.invoke({ _: 'messages.getFullChat', chat_id: peer.chat_id });
    const users = usersById(full.users);
    const ps = full.full_chat._ === 'chatFull' ? full.full_chat.participants : undefined;
    if (ps?._ !== 'chatParticipants') return; // forbidden: only the caller's own entry
    const q = query.toLowerCase();
    const keep = (p: ChatParticipant): boolean => {
      const u = users.get(p.user_id);
      if (filter === 'banned' || filter === 'restricted') return false;
      if (filter === 'admins') return p._ !== 'chatParticipant';
      if (filter === 'bots') return u?.isBot === true;
      if (q === '') return true;
      return [u?.displayName ?? '', u?.username ?? ''].some((s) => s.toLowerCase().includes(q));
    };
    for (const p of ps.participants) {
      if (yielded >= limit) return;
      if (!keep(p)) continue;
      yielded++;
      yield new ChatMember(p, users.get(p.user_id));
    }
    return;
  }
  if (peer._ !== 'inputPeerChannel') throw new WasmgramError('iterParticipants: not a group or channel');
  const channel = { _: 'inputChannel', channel_id: peer.channel_id, access_hash: peer.access_hash } as const;
  const tlFilter = channelFilter(filter, query);
  let offset = 0;
  for (;;) {
    const want = Math.min(chunk, limit - yielded);
    if (want <= 0) return;
    const r = await client.invoke({ _: 'channels.getParticipants', channel, filter: tlFilter, offset, limit: want, hash: 0n });
    if (r._ !== 'channels.channelParticipants') return;
    const users = usersById(r.users);
    for (const p of r.participants) {
      const m = new ChatMember(p, undefined);
      yielded++;
      yield new ChatMember(p, users.get(m.userId));
    }
    offset += r.participants.length;
    if (r.participants.length < want || offset >= r.count) return;
  }
}
