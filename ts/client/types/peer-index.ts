/**
 * The users and chats that came with an answer, by id, so messages and
 * dialogs can hand out their sender and chat as `User` / `Chat` objects.
 */
import type { Peer, Chat as TlChat, User as TlUser } from '../../tl/generated/types.js';
import { Chat } from './chat.js';
import { User } from './user.js';

/** Users and chats of one answer. */
export class PeerIndex {
  private readonly users = new Map<bigint, User>();
  private readonly chats = new Map<bigint, Chat>();

  constructor(users: readonly TlUser[] = [], chats: readonly TlChat[] = []) {
    for (const u of users) if (u._ === 'user') this.users.set(u.id, new User(u));
    for (const c of chats) if (c._ !== 'chatEmpty') this.chats.set(c.id, new Chat(c));
  }

  /** The user `id`, if it came with the answer. */
  user(id: bigint): User | undefined {
    return this.users.get(id);
  }

  /** The group or channel `id`, if it came with the answer. */
  chat(id: bigint): Chat | undefined {
    return this.chats.get(id);
  }

  /** The `User` or `Chat` a TL `Peer` names. */
  peer(p: Peer): User | Chat | undefined {
    return p._ === 'peerUser' ? this.user(p.user_id) : this.chat(p._ === 'peerChat' ? p.chat_id : p.channel_id);
  }
}
