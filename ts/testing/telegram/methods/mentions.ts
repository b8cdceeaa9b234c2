/**
 * When a message mentions an account — the `mentioned` flag of `message` and
 * the `inputMessagesFilterMyMentions` search filter
 * (https://core.telegram.org/api/mentions): an `@username` mention entity
 * naming the account, a mention-name entity with its id, or a reply to one of
 * its messages. An account never mentions itself.
 */
import type { MessageEntity } from '../../../tl/generated/types.js';
import type { StoredMessage } from '../store/mailbox.js';

/** What the mention check needs to know about the viewer and the message's box. */
export interface MentionContext {
  /** The viewer's account id. */
  readonly viewer: bigint;
  /** The viewer's username (without `@`), if it has one. */
  readonly username: string | undefined;
  /** Looks up a message of the same box (for replies). */
  readonly sibling: (id: number) => StoredMessage | undefined;
}

/** The user id a mention-name entity names (`inputUserSelf`: the author). */
function mentionNameId(e: MessageEntity, author: bigint | undefined): bigint | undefined {
  if (e._ === 'messageEntityMentionName') return e.user_id;
  // An input entity stored as sent (the emulator keeps entities as the client gave them).
  const input = e as unknown as { _: string; user_id?: { _: string; user_id?: bigint } };
  if (input._ !== 'inputMessageEntityMentionName' || !input.user_id) return undefined;
  if (input.user_id._ === 'inputUserSelf') return author;
  return input.user_id.user_id;
}

/** `handle` (`@name`, lower case) as a whole word of `text` (lower case). */
function plainMention(text: string, handle: string): boolean {
  for (let at = text.indexOf(handle); at >= 0; at = text.indexOf(handle, at + 1)) {
    const before = at === 0 ? '' : text[at - 1]!;
    const after = text[at + handle.length] ?? '';
    if (!/\w/.test(before) && !/\w/.test(after)) return true;
  }
  return false;
}

/** Whether `m` mentions `ctx.viewer` (never true for the viewer's own messages or service messages). */
export function mentionsViewer(m: StoredMessage, ctx: MentionContext): boolean {
  if (m.action || m.fromId === undefined || m.fromId === ctx.viewer) return false;
  const handle = ctx.username === undefined ? undefined : `@${ctx.username.toLowerCase()}`;
  for (const e of m.entities ?? []) {
    if (e._ === 'messageEntityMention') {
      if (handle !== undefined && m.text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) return true;
    } else if (mentionNameId(e, m.fromId) === ctx.viewer) return true;
  }
  // Telegram finds `@username` in plain text itself (the sender need not mark it).
  if (handle !== undefined && plainMention(m.text.toLowerCase(), handle)) return true;
  if (m.replyToId !== undefined) return ctx.sibling(m.replyToId)?.fromId === ctx.viewer;
  return false;
}
