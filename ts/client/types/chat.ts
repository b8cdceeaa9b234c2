/**
 * `Chat`: a basic group, supergroup or broadcast channel with typed getters
 * over the raw `chat` / `channel` / `...Forbidden` object
 * (https://core.telegram.org/api/channel).
 */
import type { ChatPhoto, InputPeer, Chat as TlChat } from '../../tl/generated/types.js';
import { type AdminRight, type BannedRight, rightsList } from './admin-rights.js';
import { markedId } from './marked-id.js';

/** `group` (basic), `supergroup`, `channel` (broadcast). */
export type ChatKind = 'group' | 'supergroup' | 'channel';

/** A group or channel. The TL object is `.raw`. */
export class Chat {
  constructor(readonly raw: Exclude<TlChat, TlChat.chatEmpty>) {}

  get id(): bigint {
    return this.raw.id;
  }
  get kind(): ChatKind {
    const r = this.raw;
    if (r._ === 'chat' || r._ === 'chatForbidden') return 'group';
    return r.megagroup ? 'supergroup' : 'channel';
  }
  /** Bot API-style id: `-id` for groups, `-100…` for channels. */
  get markedId(): bigint {
    return markedId(this.kind === 'group' ? 'chat' : 'channel', this.raw.id);
  }
  get title(): string {
    return this.raw.title;
  }
  get username(): string | undefined {
    return this.raw._ === 'channel' ? this.raw.username : undefined;
  }
  /** Members count when the server told it. */
  get membersCount(): number | undefined {
    return this.raw._ === 'chat' ? this.raw.participants_count : this.raw._ === 'channel' ? this.raw.participants_count : undefined;
  }
  /** A supergroup with forum topics (https://core.telegram.org/api/forum; `client.toggleForum`). */
  get isForum(): boolean {
    return this.raw._ === 'channel' && this.raw.forum === true;
  }
  /** The signed-in account created it. */
  get isCreator(): boolean {
    return (this.raw._ === 'chat' || this.raw._ === 'channel') && this.raw.creator === true;
  }
  /** The account is not (or no longer) a member / the chat is not accessible. */
  get isLeft(): boolean {
    return this.raw._ === 'chatForbidden' || this.raw._ === 'channelForbidden' || this.raw.left === true;
  }
  /**
   * The signed-in account's admin rights here (empty when it is not an admin;
   * the creator of a basic group has every right without a list).
   *
   * @example
   * ```ts
   * if (chat.adminRights.includes('ban_users')) await client.banMember(chat, '@spammer');
   * ```
   */
  get adminRights(): AdminRight[] {
    const r = this.raw;
    return r._ === 'chat' || r._ === 'channel' ? rightsList<AdminRight>(r.admin_rights) : [];
  }
  /** What the signed-in account is forbidden to do here (a restricted member of a supergroup). */
  get bannedRights(): BannedRight[] {
    return this.raw._ === 'channel' ? rightsList<BannedRight>(this.raw.banned_rights) : [];
  }
  /** What every member is forbidden to do by default (`setDefaultPermissions`). */
  get defaultBannedRights(): BannedRight[] {
    const r = this.raw;
    return r._ === 'chat' || r._ === 'channel' ? rightsList<BannedRight>(r.default_banned_rights) : [];
  }
  /** The chat photo (`chatPhoto` with its id and DC), undefined when there is none. */
  get photo(): Extract<ChatPhoto, { _: 'chatPhoto' }> | undefined {
    const r = this.raw;
    return (r._ === 'chat' || r._ === 'channel') && r.photo._ === 'chatPhoto' ? r.photo : undefined;
  }
  /** The `InputPeer` for this chat. */
  get inputPeer(): InputPeer {
    const r = this.raw;
    if (r._ === 'chat' || r._ === 'chatForbidden') return { _: 'inputPeerChat', chat_id: r.id };
    return { _: 'inputPeerChannel', channel_id: r.id, access_hash: r.access_hash ?? 0n };
  }
}
