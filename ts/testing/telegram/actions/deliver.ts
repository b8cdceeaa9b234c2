/**
 * Delivery of the updates an action produced: each affected account gets
 * one `updates` container (or a short form) on every session, except the
 * session whose request caused them — it gets the request's result instead
 * (https://core.telegram.org/api/updates#subscribing-to-updates).
 *
 * Containers that carry only pts-numbered updates have `seq` 0: pts orders
 * them, and `seq` is left to account-wide changes without pts (none yet).
 */
import type { Update, Updates } from '../../../tl/generated/types.js';
import type { TelegramBackend } from '../backend.js';
import type { ChatRecord } from '../store/chat-store.js';
import type { StoredMessage } from '../store/mailbox.js';
import type { PeerRef } from '../store/peer-ref.js';
import type { UpdateSubscriber } from '../update-hub.js';

/** The `updates` container of `list` for `viewer`, with the users and chats `refs` names. */
export function container(backend: TelegramBackend, viewer: bigint, list: Update[], refs: Iterable<PeerRef>): Updates.updates {
  const { users, chats } = backend.peerLists(viewer, refs);
  return { _: 'updates', updates: list, users, chats, date: backend.now(), seq: 0 };
}

/** Pushes `updates` to every session of `userId` except `except`, through the injected update faults (`backend.updateFaults`). */
export function push(backend: TelegramBackend, userId: bigint, updates: Updates, except: UpdateSubscriber | undefined): void {
  backend.updateFaults.route(userId, updates, except);
}

/**
 * Logs `updateEditChannelMessage` of `m` on channel `chat` (one pts step) and
 * pushes it to every member, each with the message as that member sees it;
 * returns the update as `actor` sees it (0n: nobody in particular). `except`
 * is the actor's session that gets the answer instead.
 */
export function announceChannelEdit(
  backend: TelegramBackend,
  chat: ChatRecord,
  m: StoredMessage,
  refs: Iterable<PeerRef>,
  actor = 0n,
  except?: UpdateSubscriber,
): Update {
  const logged = backend.updates.pushChannel(chat.id, 1, (pts, ptsCount) => ({
    _: 'updateEditChannelMessage' as const,
    message: backend.tlMessage(m, actor),
    pts,
    pts_count: ptsCount,
  }));
  for (const member of chat.members.keys()) {
    const u = member === actor ? logged : { ...logged, message: backend.tlMessage(m, member) };
    push(backend, member, container(backend, member, [u], refs), member === actor ? except : undefined);
  }
  return logged;
}
