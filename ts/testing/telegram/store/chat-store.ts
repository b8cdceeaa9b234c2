/**
 * Basic groups, supergroups and broadcast channels
 * (https://core.telegram.org/api/channel). Basic groups have ids from one
 * counter and no access hash; channels (supergroups and broadcasts) from
 * another, with an access hash, a username if public, their own message ids
 * and their own pts (https://core.telegram.org/api/updates#channel-updates).
 */
import type { RandomSource } from '../../../crypto/provider.js';
import type { ChatAdminRights, ChatBannedRights, Photo } from '../../../tl/generated/types.js';
import { randomLong } from '../clock.js';

/** `group`: a basic group; `supergroup` and `broadcast`: channels. */
export type ChatKind = 'group' | 'supergroup' | 'broadcast';

/** A member's place in a chat. */
export type MemberRole = 'creator' | 'admin' | 'member';

/** One member of a chat. */
export interface MemberRecord {
  readonly userId: bigint;
  role: MemberRole;
  /** Who added them (themselves when they joined). */
  readonly inviterId: bigint;
  /** Unix time they joined. */
  readonly date: number;
  /** Admins: their rights, custom title and who promoted them (https://core.telegram.org/api/rights). */
  adminRights?: ChatAdminRights;
  rank?: string;
  promotedBy?: bigint;
  /** Restricted members of supergroups: what they may not do, until when, and by whom. */
  bannedRights?: ChatBannedRights;
  restrictedBy?: bigint;
}

/** A user banned (kicked) from a supergroup or channel: they cannot come back until unbanned. */
export interface BannedRecord {
  readonly userId: bigint;
  readonly rights: ChatBannedRights;
  readonly kickedBy: bigint;
  readonly date: number;
}

/** One group or channel. */
export interface ChatRecord {
  readonly id: bigint;
  readonly kind: ChatKind;
  /** The secret behind per-account access hashes (0n for basic groups). */
  readonly accessHash: bigint;
  title: string;
  about: string;
  /** Public username (channels only), without `@`. */
  username?: string;
  readonly creatorId: bigint;
  readonly date: number;
  /** Current members by user id. */
  readonly members: Map<bigint, MemberRecord>;
  /** Bumped on every membership change (`chat.version`). */
  version: number;
  /** Highest message id read by any member (the outbox read marker of channels). */
  readMaxId: number;
  /** Rights no ordinary member has (`default_banned_rights`, https://core.telegram.org/api/rights#default-rights). */
  defaultBannedRights?: ChatBannedRights;
  /** Users banned from a supergroup or channel (methods/participants*.ts). */
  readonly banned?: Map<bigint, BannedRecord>;
  /** The chat photo (a stored photo of methods/media-store.ts). */
  photo?: Photo.photo;
  /** A supergroup with forum topics (`channels.toggleForum`, https://core.telegram.org/api/forum; topics in store/forum-store.ts). */
  forum?: boolean;
  /** The linked chat: a broadcast's discussion group, or the channel a group discusses (https://core.telegram.org/api/discussion). */
  linkedChatId?: bigint;
}

/** What `create` needs. */
export interface NewChat {
  kind: ChatKind;
  title: string;
  about?: string;
  username?: string;
  creatorId: bigint;
  date: number;
}

/** Every group and channel, by id and by username. */
export class ChatStore {
  private readonly groups = new Map<bigint, ChatRecord>();
  private readonly channels = new Map<bigint, ChatRecord>();
  private readonly byUsernameMap = new Map<string, ChatRecord>();
  private nextGroupId = 100_000n;
  private nextChannelId = 1_000_000_000n;

  constructor(private readonly random: RandomSource) {}

  /** The basic group `id`, if any. */
  group(id: bigint): ChatRecord | undefined {
    return this.groups.get(id);
  }

  /** The channel (supergroup or broadcast) `id`, if any. */
  channel(id: bigint): ChatRecord | undefined {
    return this.channels.get(id);
  }

  /** The channel with `username` (case-insensitive, no `@`), if any. */
  byUsername(username: string): ChatRecord | undefined {
    return this.byUsernameMap.get(username.toLowerCase());
  }

  /** Every group and channel in creation order of each kind. */
  all(): ChatRecord[] {
    return [...this.groups.values(), ...this.channels.values()];
  }

  /** Creates a chat whose only member is its creator. The caller checks titles and usernames. */
  create(input: NewChat): ChatRecord {
    const channel = input.kind !== 'group';
    const id = channel ? this.nextChannelId++ : this.nextGroupId++;
    const chat: ChatRecord = {
      id,
      kind: input.kind,
      accessHash: channel ? randomLong(this.random) : 0n,
      title: input.title,
      about: input.about ?? '',
      creatorId: input.creatorId,
      date: input.date,
      members: new Map([[input.creatorId, { userId: input.creatorId, role: 'creator', inviterId: input.creatorId, date: input.date }]]),
      version: 1,
      readMaxId: 0,
      banned: new Map(),
    };
    if (input.username !== undefined) chat.username = input.username;
    (channel ? this.channels : this.groups).set(id, chat);
    if (input.username !== undefined) this.byUsernameMap.set(input.username.toLowerCase(), chat);
    return chat;
  }

  /** Sets or (with undefined) removes a channel's public username; the caller checks it is free. */
  setUsername(chat: ChatRecord, username: string | undefined): void {
    if (chat.username !== undefined) this.byUsernameMap.delete(chat.username.toLowerCase());
    if (username === undefined) delete chat.username;
    else {
      chat.username = username;
      this.byUsernameMap.set(username.toLowerCase(), chat);
    }
  }

  /** Adds `userId` as a member (no-op when already one); returns false when they already were. */
  addMember(chat: ChatRecord, userId: bigint, inviterId: bigint, date: number): boolean {
    if (chat.members.has(userId)) return false;
    chat.members.set(userId, { userId, role: 'member', inviterId, date });
    chat.version++;
    return true;
  }

  /** Removes `userId`; returns false when they were not a member. */
  removeMember(chat: ChatRecord, userId: bigint): boolean {
    if (!chat.members.delete(userId)) return false;
    chat.version++;
    return true;
  }

  /** Ids of the chats `userId` is a member of. */
  chatsOf(userId: bigint): ChatRecord[] {
    return this.all().filter((c) => c.members.has(userId));
  }
}
