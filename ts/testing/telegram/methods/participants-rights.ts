/**
 * Admin and banned rights of the in-memory Telegram
 * (https://core.telegram.org/api/rights): who may do what in a group or
 * channel, and the checks the moderation methods share.
 */
import { ADMIN_RIGHTS, type AdminRight, BANNED_RIGHTS } from '../../../client/types/admin-rights.js';
import { RpcError } from '../../../errors.js';
import type { ChatAdminRights, ChatBannedRights } from '../../../tl/generated/types.js';
import { badRequest } from '../rpc-errors.js';
import type { ChatRecord, MemberRecord } from '../store/chat-store.js';

/** The creator's rights: every flag. */
export const CREATOR_RIGHTS: ChatAdminRights = Object.fromEntries([
  ['_', 'chatAdminRights'],
  ...ADMIN_RIGHTS.map((f) => [f, true]),
]) as ChatAdminRights;

/** Admins promoted before per-right records existed get everything but `add_admins` and `anonymous`. */
const LEGACY_ADMIN_RIGHTS: ChatAdminRights = { ...CREATOR_RIGHTS, add_admins: false, anonymous: false };

/** Rights a creator or admin holds (undefined for ordinary members). */
export function adminRightsOf(m: MemberRecord | undefined): ChatAdminRights | undefined {
  if (!m) return undefined;
  if (m.role === 'creator') return CREATOR_RIGHTS;
  if (m.role === 'admin') return m.adminRights ?? LEGACY_ADMIN_RIGHTS;
  return undefined;
}

/** True when no flag of `r` is set. */
export function noAdminRights(r: ChatAdminRights): boolean {
  return ADMIN_RIGHTS.every((f) => r[f] !== true);
}

/** True when no flag of `r` is set (an unban). */
export function noBannedRights(r: ChatBannedRights): boolean {
  return BANNED_RIGHTS.every((f) => r[f] !== true);
}

/** A restriction is in force when its until_date is 0 (forever) or in the future. */
export function restrictionActive(r: ChatBannedRights | undefined, now: number): boolean {
  return r !== undefined && (r.until_date === 0 || r.until_date > now);
}

/**
 * Checks that `userId` holds admin right `right` in `chat`, or throws
 * CHAT_ADMIN_REQUIRED (with the code the method documents: 403 for
 * channels.editBanned/editAdmin, 400 elsewhere).
 */
export function requireAdminRight(chat: ChatRecord, userId: bigint, right: AdminRight, code: 400 | 403 = 400): ChatAdminRights {
  const rights = adminRightsOf(chat.members.get(userId));
  if (rights?.[right] !== true) throw code === 403 ? new RpcError(403, 'CHAT_ADMIN_REQUIRED') : badRequest('CHAT_ADMIN_REQUIRED');
  return rights;
}

/**
 * Whether a member may use `right` of the group's default rights: admins
 * always may; others unless the default banned rights (or their own
 * restriction) forbid it.
 */
export function memberMay(chat: ChatRecord, userId: bigint, right: 'change_info' | 'invite_users' | 'pin_messages', now: number): boolean {
  const m = chat.members.get(userId);
  if (!m) return false;
  if (adminRightsOf(m)) return adminRightsOf(m)?.[right] === true;
  if (chat.kind === 'broadcast') return false;
  if (chat.defaultBannedRights?.[right]) return false;
  return !(restrictionActive(m.bannedRights, now) && m.bannedRights?.[right]);
}

/** The rights as Telegram stores them: only set flags, `until_date` kept; 0 for dates more than 366 days ahead or under 30 s away (https://core.telegram.org/constructor/chatBannedRights). */
export function normalizeBannedRights(r: ChatBannedRights, now: number): ChatBannedRights {
  const out: ChatBannedRights = { _: 'chatBannedRights', until_date: r.until_date };
  for (const f of BANNED_RIGHTS) if (r[f]) out[f] = true;
  if (r.until_date !== 0 && (r.until_date - now > 366 * 86_400 || r.until_date - now < 30)) out.until_date = 0;
  return out;
}

/** Only the set flags of `r`. */
export function normalizeAdminRights(r: ChatAdminRights): ChatAdminRights {
  const out: ChatAdminRights = { _: 'chatAdminRights' };
  for (const f of ADMIN_RIGHTS) if (r[f]) out[f] = true;
  return out;
}
