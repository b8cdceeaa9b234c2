/**
 * Invite links of the in-memory Telegram (https://core.telegram.org/api/invites):
 * each link belongs to one chat and the admin who made it, may expire, have
 * a usage limit, need an admin's approval (join requests), and is revoked
 * rather than deleted first. One permanent link per admin and chat.
 */
import type { ExportedChatInvite } from '../../../tl/generated/types.js';
import type { TelegramBackend } from '../backend.js';
import type { ChatRecord } from '../store/chat-store.js';

/** One user who joined through a link, or asked to. */
export interface InviteImporter {
  readonly userId: bigint;
  readonly date: number;
  /** Set while the request waits (request_needed links). */
  readonly requested: boolean;
  /** What the user wrote with the request. */
  readonly about?: string;
  /** The admin who approved the request. */
  readonly approvedBy?: bigint;
}

/** One invite link. */
export interface InviteRecord {
  /** The part after `t.me/+`. */
  readonly hash: string;
  readonly chat: ChatRecord;
  readonly adminId: bigint;
  readonly date: number;
  readonly permanent: boolean;
  revoked: boolean;
  expireDate?: number;
  usageLimit?: number;
  requestNeeded: boolean;
  title?: string;
  /** Who joined (approved requests included), oldest first. */
  readonly importers: InviteImporter[];
  /** Pending join requests by user id. */
  readonly requests: Map<bigint, InviteImporter>;
}

const HASH_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** The link text of a hash (https://core.telegram.org/api/links#chat-invite-links). */
function inviteLink(hash: string): string {
  return `https://t.me/+${hash}`;
}

/** The hash of `https://t.me/+HASH`, `t.me/joinchat/HASH`, `tg://join?invite=HASH` or a bare hash. */
export function inviteHashOf(link: string): string {
  const m = /(?:\+|joinchat\/|invite=)([A-Za-z0-9_-]+)\/?$/.exec(link.trim());
  return m ? m[1]! : link.trim();
}

/** Every invite link of one backend. */
export class InviteStore {
  private readonly byHash = new Map<string, InviteRecord>();

  constructor(private readonly backend: TelegramBackend) {}

  /** The link with `hash`, if any. */
  get(hash: string): InviteRecord | undefined {
    return this.byHash.get(hash);
  }

  /** A new link (random 16-character hash). */
  create(input: Omit<InviteRecord, 'hash' | 'importers' | 'requests' | 'revoked'>): InviteRecord {
    let hash: string;
    do hash = [...this.backend.randomBytes(16)].map((x) => HASH_ALPHABET[x & 63]).join('');
    while (this.byHash.has(hash));
    const rec: InviteRecord = { ...input, hash, revoked: false, importers: [], requests: new Map() };
    this.byHash.set(hash, rec);
    return rec;
  }

  /** Forgets a link. */
  delete(hash: string): void {
    this.byHash.delete(hash);
  }

  /** The links of `chat`, newest first. */
  ofChat(chat: ChatRecord): InviteRecord[] {
    return [...this.byHash.values()].filter((r) => r.chat === chat).sort((a, b) => b.date - a.date || (a.hash < b.hash ? 1 : -1));
  }

  /** Pending join requests of `chat` over all its links, oldest first. */
  pendingRequests(chat: ChatRecord): { link: InviteRecord; request: InviteImporter }[] {
    const out: { link: InviteRecord; request: InviteImporter }[] = [];
    for (const link of this.ofChat(chat)) for (const request of link.requests.values()) out.push({ link, request });
    return out.sort((a, b) => a.request.date - b.request.date);
  }
}

/** Why a link cannot be used now, or undefined when it can. */
export function inviteUnusable(r: InviteRecord, now: number): 'revoked' | 'expired' | 'used up' | undefined {
  if (r.revoked) return 'revoked';
  if (r.expireDate !== undefined && r.expireDate <= now) return 'expired';
  if (r.usageLimit !== undefined && r.importers.length >= r.usageLimit) return 'used up';
  return undefined;
}

/** The TL `chatInviteExported` of a link (https://core.telegram.org/constructor/chatInviteExported). */
export function toExportedInvite(r: InviteRecord): ExportedChatInvite.chatInviteExported {
  const out: ExportedChatInvite.chatInviteExported = {
    _: 'chatInviteExported',
    link: inviteLink(r.hash),
    admin_id: r.adminId,
    date: r.date,
  };
  if (r.revoked) out.revoked = true;
  if (r.permanent) out.permanent = true;
  if (r.requestNeeded) out.request_needed = true;
  if (r.expireDate !== undefined) out.expire_date = r.expireDate;
  if (r.usageLimit !== undefined) out.usage_limit = r.usageLimit;
  if (r.importers.length > 0) out.usage = r.importers.length;
  if (r.requests.size > 0) out.requested = r.requests.size;
  if (r.title !== undefined) out.title = r.title;
  return out;
}

const stores = new WeakMap<TelegramBackend, InviteStore>();

/** The invite link store of `backend` (made on first use). */
export function inviteStore(backend: TelegramBackend): InviteStore {
  let s = stores.get(backend);
  if (!s) stores.set(backend, (s = new InviteStore(backend)));
  return s;
}

/** The chat creator's current permanent link of `chat`, if one was exported. */
export function permanentInvite(backend: TelegramBackend, chat: ChatRecord): ExportedChatInvite.chatInviteExported | undefined {
  const r = inviteStore(backend)
    .ofChat(chat)
    .find((x) => x.permanent && !x.revoked);
  return r ? toExportedInvite(r) : undefined;
}
