/**
 * `ChatMember`: one member of a group or channel — or a banned user — with
 * typed getters over the raw `ChannelParticipant` / `ChatParticipant`
 * (https://core.telegram.org/type/ChannelParticipant,
 * https://core.telegram.org/type/ChatParticipant).
 */
import type { ChannelParticipant, ChatAdminRights, ChatBannedRights, ChatParticipant, User as TlUser } from '../../tl/generated/types.js';
import { User } from './user.js';

/** Where a member stands: `restricted` members are in the chat with some rights taken; `banned` ones are out and cannot come back. */
export type ChatMemberStatus = 'creator' | 'admin' | 'member' | 'restricted' | 'banned' | 'left';

/** A chat member. The TL object is `.raw`; `user` is the member's `User` when the answer carried it. */
export class ChatMember {
  constructor(
    readonly raw: ChannelParticipant | ChatParticipant,
    readonly user: User | undefined,
  ) {}

  /** The member's user id. */
  get userId(): bigint {
    const r = this.raw;
    if (r._ === 'channelParticipantBanned' || r._ === 'channelParticipantLeft') return r.peer._ === 'peerUser' ? r.peer.user_id : 0n;
    return r.user_id;
  }
  get status(): ChatMemberStatus {
    switch (this.raw._) {
      case 'channelParticipantCreator':
      case 'chatParticipantCreator':
        return 'creator';
      case 'channelParticipantAdmin':
      case 'chatParticipantAdmin':
        return 'admin';
      case 'channelParticipantBanned':
        return this.raw.left ? 'banned' : 'restricted';
      case 'channelParticipantLeft':
        return 'left';
      default:
        return 'member';
    }
  }
  /** Creator or admin. */
  get isAdmin(): boolean {
    return this.status === 'creator' || this.status === 'admin';
  }
  /** Custom admin title. */
  get rank(): string | undefined {
    return 'rank' in this.raw ? this.raw.rank : undefined;
  }
  /** Admin rights (creators and channel admins; basic group admins have no per-right list). */
  get adminRights(): ChatAdminRights | undefined {
    return 'admin_rights' in this.raw ? this.raw.admin_rights : undefined;
  }
  /** What a restricted or banned member may not do, with `until_date`. */
  get bannedRights(): ChatBannedRights | undefined {
    return this.raw._ === 'channelParticipantBanned' ? this.raw.banned_rights : undefined;
  }
  /** When a restriction or ban ends (undefined: not restricted, or forever). */
  get untilDate(): Date | undefined {
    const d = this.bannedRights?.until_date;
    return d ? new Date(d * 1000) : undefined;
  }
  /** When the member joined (or was banned/promoted), when known. */
  get date(): Date | undefined {
    return 'date' in this.raw ? new Date(this.raw.date * 1000) : undefined;
  }
  /** Who added the member, when known. */
  get inviterId(): bigint | undefined {
    return 'inviter_id' in this.raw ? this.raw.inviter_id : undefined;
  }
  /** Who made them admin. */
  get promotedBy(): bigint | undefined {
    return this.raw._ === 'channelParticipantAdmin' ? this.raw.promoted_by : undefined;
  }
  /** Who restricted or banned them. */
  get kickedBy(): bigint | undefined {
    return this.raw._ === 'channelParticipantBanned' ? this.raw.kicked_by : undefined;
  }
  /** The signed-in account may edit this admin's rights. */
  get canEdit(): boolean {
    return this.raw._ === 'channelParticipantAdmin' && this.raw.can_edit === true;
  }
}

/** `User` objects of an answer's `users` list by id (min and empty users skipped). */
export function usersById(users: readonly TlUser[]): Map<bigint, User> {
  const out = new Map<bigint, User>();
  for (const u of users) if (u._ === 'user') out.set(u.id, new User(u));
  return out;
}
