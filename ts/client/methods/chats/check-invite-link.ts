/** `checkInviteLink` (https://core.telegram.org/method/messages.checkChatInvite). */
import { ArgumentError } from '../../../errors.js';
import type { ChatInvite } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { Chat } from '../../types/chat.js';
import { inviteLinkHash } from '../../types/invite-link.js';

/** What an invite link leads to, before joining. */
export interface InviteLinkPreview {
  /** True when you are in the chat already (`chat` is then set). */
  readonly alreadyMember: boolean;
  /** The chat, when you are a member (or may peek). */
  readonly chat: Chat | undefined;
  readonly title: string;
  readonly about: string | undefined;
  readonly membersCount: number;
  readonly kind: 'group' | 'supergroup' | 'channel';
  /** Joining sends a request that an admin must approve. */
  readonly requestNeeded: boolean;
  /** The raw answer. */
  readonly raw: ChatInvite;
}

/**
 * Looks at an invite link without joining: the chat's title, size, kind and
 * whether joining needs approval.
 *
 * @example
 * ```ts
 * const p = await client.checkInviteLink('https://t.me/+AbCdEf123');
 * if (!p.alreadyMember && !p.requestNeeded) await client.joinChat('https://t.me/+AbCdEf123');
 * ```
 * @throws RpcError INVITE_HASH_INVALID, INVITE_HASH_EXPIRED; ArgumentError when `link` is not an invite link
 */
export async function checkInviteLink(client: ClientCore, link: string): Promise<InviteLinkPreview> {
  const hash = inviteLinkHash(link) ?? (/^[A-Za-z0-9_-]{6,}$/.test(link) ? link : undefined);
  if (hash === undefined) throw new ArgumentError(`not an invite link: ${JSON.stringify(link)}`);
  const r = await client.invoke({ _: 'messages.checkChatInvite', hash });
  if (r._ === 'chatInvite') {
    return {
      alreadyMember: false,
      chat: undefined,
      title: r.title,
      about: r.about,
      membersCount: r.participants_count,
      kind: !r.channel ? 'group' : r.broadcast ? 'channel' : 'supergroup',
      requestNeeded: r.request_needed === true,
      raw: r,
    };
  }
  const c = r.chat._ === 'chatEmpty' ? undefined : new Chat(r.chat);
  return {
    alreadyMember: r._ === 'chatInviteAlready',
    chat: c,
    title: c?.title ?? '',
    about: undefined,
    membersCount: c?.membersCount ?? 0,
    kind: c?.kind ?? 'group',
    requestNeeded: false,
    raw: r,
  };
}
