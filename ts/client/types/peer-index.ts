/**
 * The users and chats that came with an answer, by id, so messages and
 * dialogs can hand out their sender and chat as `User` / `Chat` objects.
 */
import type { Peer, Chat as TlChat, User as TlUser } from '../../tl/generated/types.js';
import { Chat } from './chat.js';
import { User } from './user.js';

/** Users and chats of one answer. */
export class PeerIndex {
  /** The raw objects by id, each replaced by its wrapper when first asked for (many answers' peers never are), so one id gives one wrapper. */
  private readonly users = new Map<bigint, TlUser.user | User>();
  private readonly chats = new Map<bigint, Exclude<TlChat, TlChat.chatEmpty> | Chat>();

  constructor(users: readonly TlUser[] = [], chats: readonly TlChat[] = []) {
    for (const u of users) if (u._ === 'user') this.users.set(u.id, u);
    for (const c of chats) if (c._ !== 'chatEmpty') this.chats.set(c.id, c);
  }

  /** The user `id`, if it came with the answer. */
  user(id: bigint): User | undefined {
    const u = this.users.get(id);
    if (u === undefined || u instanceof User) return u;
    const wrapped = new User(u);
    this.users.set(id, wrapped);
    return wrapped;
  }

  /** The group or channel `id`, if it came with the answer. */
  chat(id: bigint): Chat | undefined {
    const c = this.chats.get(id);
    if (c === undefined || c instanceof Chat) return c;
    const wrapped = new Chat(c);
    this.chats.set(id, wrapped);
    return wrapped;
  }

  /** The `User` or `Chat` a TL `Peer` names. */
  peer(p: Peer): User | Chat | undefined {
    return p._ === 'peerUser' ? this.user(p.user_id) : this.chat(p._ === 'peerChat' ? p.chat_id : p.channel_id);
  }
}
