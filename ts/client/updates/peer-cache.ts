/**
 * The peers the updates runner has seen (TL `user` / `chat` / `channel`
 * objects), by id: what the message box asks (`hasPeer`, a channel's access
 * hash) and where typed updates find the sender and chat of short updates,
 * which carry ids only (https://core.telegram.org/api/updates#recovering-gaps).
 * Bounded: past `limit` entries the least recently stored one goes.
 */
import type { Chat as TlChat, User as TlUser } from '../../tl/generated/types.js';
import type { PeerLookup } from '../../updates/types.js';
import { Chat } from '../types/chat.js';
import { PeerIndex } from '../types/peer-index.js';
import { User } from '../types/user.js';

/** Default most peers kept in memory. */
const PEER_CACHE_LIMIT = 20_000;

/** Seen users and chats; implements the box's {@link PeerLookup}. */
export class PeerCache implements PeerLookup {
  private readonly users = new Map<bigint, TlUser.user>();
  private readonly chats = new Map<bigint, Exclude<TlChat, TlChat.chatEmpty>>();
  /** Channel access hashes known from the stored peer cache (before any update carried the channel). */
  private readonly storedHashes = new Map<bigint, bigint>();

  constructor(private readonly limit = PEER_CACHE_LIMIT) {}

  /** Remembers a channel's access hash from storage. */
  addStoredChannel(id: bigint, accessHash: bigint): void {
    this.storedHashes.set(id, accessHash);
  }

  /** Stores users and chats; a `min` object does not replace a full one (its hash is only usable in context, https://core.telegram.org/api/min). */
  add(users: readonly TlUser[], chats: readonly TlChat[]): void {
    for (const u of users) {
      if (u._ !== 'user') continue;
      const old = this.users.get(u.id);
      if (u.min && old && !old.min) continue;
      this.users.delete(u.id);
      this.users.set(u.id, u);
    }
    for (const c of chats) {
      if (c._ === 'chatEmpty') continue;
      const old = this.chats.get(c.id);
      if (c._ === 'channel' && c.min && old?._ === 'channel' && !old.min) continue;
      this.chats.delete(c.id);
      this.chats.set(c.id, c);
    }
    this.trim(this.users);
    this.trim(this.chats);
  }

  hasPeer(kind: 'user' | 'chat', id: bigint): boolean {
    if (kind === 'user') {
      const u = this.users.get(id);
      return u !== undefined && !u.min;
    }
    return this.chats.has(id);
  }

  channelAccessHash(channelId: bigint): bigint | undefined {
    const c = this.chats.get(channelId);
    if (c?._ === 'channel' && !c.min && c.access_hash !== undefined) return c.access_hash;
    return this.storedHashes.get(channelId);
  }

  /** A `PeerIndex` that answers from this cache (fill it with the batch's peers first). */
  index(): PeerIndex {
    return new CachePeerIndex(this.users, this.chats);
  }

  private trim(map: Map<bigint, unknown>): void {
    while (map.size > this.limit) map.delete(map.keys().next().value as bigint);
  }
}

/** A `PeerIndex` over the cache's maps (wrappers made on demand). */
class CachePeerIndex extends PeerIndex {
  constructor(
    private readonly userMap: ReadonlyMap<bigint, TlUser.user>,
    private readonly chatMap: ReadonlyMap<bigint, Exclude<TlChat, TlChat.chatEmpty>>,
  ) {
    super();
  }
  override user(id: bigint): User | undefined {
    const u = this.userMap.get(id);
    return u ? new User(u) : undefined;
  }
  override chat(id: bigint): Chat | undefined {
    const c = this.chatMap.get(id);
    return c ? new Chat(c) : undefined;
  }
}
