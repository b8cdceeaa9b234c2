/**
 * Builders for `chatAdminRights` and `chatBannedRights`
 * (https://core.telegram.org/api/rights): plain objects in, the TL objects
 * out, so a caller names the rights it means and never sets a flag by
 * number.
 */
import { ArgumentError } from '../../errors.js';
import type { ChatAdminRights, ChatBannedRights } from '../../tl/generated/types.js';

/** Every flag of `chatAdminRights` (https://core.telegram.org/constructor/chatAdminRights). */
export const ADMIN_RIGHTS = [
  'change_info',
  'post_messages',
  'edit_messages',
  'delete_messages',
  'ban_users',
  'invite_users',
  'pin_messages',
  'add_admins',
  'anonymous',
  'manage_call',
  'other',
  'manage_topics',
  'post_stories',
  'edit_stories',
  'delete_stories',
  'manage_direct_messages',
  'manage_ranks',
] as const satisfies readonly (keyof ChatAdminRights)[];

/** One admin right. */
export type AdminRight = (typeof ADMIN_RIGHTS)[number];

/** Every flag of `chatBannedRights` (https://core.telegram.org/constructor/chatBannedRights). */
export const BANNED_RIGHTS = [
  'view_messages',
  'send_messages',
  'send_media',
  'send_stickers',
  'send_gifs',
  'send_games',
  'send_inline',
  'embed_links',
  'send_polls',
  'change_info',
  'invite_users',
  'pin_messages',
  'manage_topics',
  'send_photos',
  'send_videos',
  'send_roundvideos',
  'send_audios',
  'send_voices',
  'send_docs',
  'send_plain',
  'edit_rank',
  'send_reactions',
] as const satisfies readonly (keyof ChatBannedRights)[];

/** One banned right (a thing the member may NOT do). */
export type BannedRight = (typeof BANNED_RIGHTS)[number];

/** Admin rights as a plain object: `true` grants, anything else does not. */
export type AdminRightsInit = { readonly [K in AdminRight]?: boolean };

/** Restrictions as a plain object: `true` forbids. */
export type BannedRightsInit = { readonly [K in BannedRight]?: boolean };

/**
 * The `chatAdminRights` granting what `init` sets (a list of names works too).
 *
 * @example
 * ```ts
 * await client.promoteMember(group, '@bob', adminRights({ delete_messages: true, ban_users: true, pin_messages: true }), 'moderator');
 * const everything = adminRights(ADMIN_RIGHTS); // every right (add_admins and anonymous included)
 * ```
 */
export function adminRights(init: AdminRightsInit | readonly AdminRight[]): ChatAdminRights {
  const out: ChatAdminRights = { _: 'chatAdminRights' };
  const on = (r: AdminRight) => (Array.isArray(init) ? init.includes(r) : (init as AdminRightsInit)[r] === true);
  if (Array.isArray(init)) for (const r of init) if (!ADMIN_RIGHTS.includes(r)) throw new ArgumentError(`not an admin right: ${String(r)}`);
  for (const r of ADMIN_RIGHTS) if (on(r)) out[r] = true;
  return out;
}

/**
 * The `chatBannedRights` forbidding what `init` sets, until `untilDate` (a
 * `Date`, Unix seconds, or 0/omitted for forever; Telegram treats dates
 * under 30 s or over 366 days away as forever).
 *
 * @example
 * ```ts
 * // Read-only for a day:
 * await client.restrictMember(group, '@spammer', bannedRights({ send_messages: true, send_media: true }, new Date(Date.now() + 86_400_000)));
 * ```
 */
export function bannedRights(init: BannedRightsInit | readonly BannedRight[], untilDate: Date | number = 0): ChatBannedRights {
  const until = untilDate instanceof Date ? Math.floor(untilDate.getTime() / 1000) : untilDate;
  if (!Number.isInteger(until) || until < 0 || until > 0x7fffffff) throw new ArgumentError(`untilDate out of range: ${String(untilDate)}`);
  const out: ChatBannedRights = { _: 'chatBannedRights', until_date: until };
  const on = (r: BannedRight) => (Array.isArray(init) ? init.includes(r) : (init as BannedRightsInit)[r] === true);
  if (Array.isArray(init))
    for (const r of init) if (!BANNED_RIGHTS.includes(r)) throw new ArgumentError(`not a banned right: ${String(r)}`);
  for (const r of BANNED_RIGHTS) if (on(r)) out[r] = true;
  return out;
}

/** The names of the flags set in a rights object. */
export function rightsList<R extends AdminRight | BannedRight>(rights: ChatAdminRights | ChatBannedRights | undefined): R[] {
  if (!rights) return [];
  const names: readonly string[] = rights._ === 'chatAdminRights' ? ADMIN_RIGHTS : BANNED_RIGHTS;
  return names.filter((n) => (rights as unknown as Record<string, unknown>)[n] === true) as R[];
}
