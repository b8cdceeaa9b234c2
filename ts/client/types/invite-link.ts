/**
 * `InviteLink`: an exported chat invite link with typed getters over the raw
 * `chatInviteExported` (https://core.telegram.org/constructor/chatInviteExported),
 * and `InviteLinkMember`: someone who joined through a link or asks to join
 * (https://core.telegram.org/constructor/chatInviteImporter).
 */
import { ArgumentError } from '../../errors.js';
import type { ChatInviteImporter, ExportedChatInvite } from '../../tl/generated/types.js';
import type { User } from './user.js';

const HASH_RE = /^(?:(?:https?:\/\/)?(?:www\.)?(?:t|telegram)\.(?:me|dog)\/(?:\+|joinchat\/)|tg:\/\/join\?invite=)([A-Za-z0-9_-]+)\/?$/i;

/**
 * The hash of an invite link (`https://t.me/+HASH`, `t.me/joinchat/HASH`,
 * `tg://join?invite=HASH`), or undefined when `link` is not one.
 *
 * @example
 * ```ts
 * inviteLinkHash('https://t.me/+AbCdEf123'); // 'AbCdEf123'
 * ```
 */
export function inviteLinkHash(link: string): string | undefined {
  return HASH_RE.exec(link.trim())?.[1];
}

/** An invite link. The TL object is `.raw`. */
export class InviteLink {
  readonly raw: ExportedChatInvite.chatInviteExported;
  constructor(
    raw: ExportedChatInvite,
    /** The admin who made it, when the answer carried them. */
    readonly admin?: User,
  ) {
    if (raw._ !== 'chatInviteExported') throw new ArgumentError('not an exported invite link');
    this.raw = raw;
  }

  /** `https://t.me/+…`. */
  get link(): string {
    return this.raw.link;
  }
  /** The part after `+`. */
  get hash(): string {
    return inviteLinkHash(this.raw.link) ?? this.raw.link;
  }
  get adminId(): bigint {
    return this.raw.admin_id;
  }
  get date(): Date {
    return new Date(this.raw.date * 1000);
  }
  get expireDate(): Date | undefined {
    return this.raw.expire_date ? new Date(this.raw.expire_date * 1000) : undefined;
  }
  get usageLimit(): number | undefined {
    return this.raw.usage_limit;
  }
  /** How many joined through it. */
  get usage(): number {
    return this.raw.usage ?? 0;
  }
  /** Pending join requests made through it. */
  get pendingRequests(): number {
    return this.raw.requested ?? 0;
  }
  get title(): string | undefined {
    return this.raw.title;
  }
  get isRevoked(): boolean {
    return this.raw.revoked === true;
  }
  /** The chat's primary link (revoking it makes a new one). */
  get isPermanent(): boolean {
    return this.raw.permanent === true;
  }
  /** Joining needs an admin's approval. */
  get requestNeeded(): boolean {
    return this.raw.request_needed === true;
  }
}

/** Someone who joined through a link, or a pending join request. The TL object is `.raw`. */
export class InviteLinkMember {
  constructor(
    readonly raw: ChatInviteImporter,
    readonly user: User | undefined,
  ) {}

  get userId(): bigint {
    return this.raw.user_id;
  }
  get date(): Date {
    return new Date(this.raw.date * 1000);
  }
  /** A pending request (not yet approved). */
  get isRequest(): boolean {
    return this.raw.requested === true;
  }
  /** What the user wrote with the request. */
  get about(): string | undefined {
    return this.raw.about;
  }
  /** The admin who approved the request. */
  get approvedBy(): bigint | undefined {
    return this.raw.approved_by;
  }
}
