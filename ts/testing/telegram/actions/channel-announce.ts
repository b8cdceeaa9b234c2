/**
 * Announcing a new message of a channel (supergroup or broadcast): one pts
 * step on the channel's log and an `updateNewChannelMessage` to every member
 * (https://core.telegram.org/api/updates). Shared by `post.ts` and the
 * discussion groups' automatic forwards (`discussion.ts`).
 */
import type { Update } from '../../../tl/generated/types.js';
import type { TelegramBackend } from '../backend.js';
import type { StoredMessage } from '../store/mailbox.js';
import type { PeerRef } from '../store/peer-ref.js';
import type { UpdateSubscriber } from '../update-hub.js';
import { container, push } from './deliver.js';

/** Who posted and who hears about it. */
export interface ChannelAnnounce {
  /** The author's account (undefined for automatic forwards: nobody gets `out`). */
  readonly actor: bigint | undefined;
  /** Peers the answer's `users` / `chats` must name. */
  readonly refs: PeerRef[];
  /** The session that asked: it gets the result instead of a push. */
  readonly except?: UpdateSubscriber | undefined;
  /** Members who hear nothing. */
  readonly skip?: ReadonlySet<bigint> | undefined;
}

/** Logs `copy` on its channel and pushes it to every member; returns the update as the actor sees it. */
export function announceChannelMessage(b: TelegramBackend, copy: StoredMessage, a: ChannelAnnounce): Update {
  const channelId = copy.box.id;
  const chat = b.chats.channel(channelId)!;
  const viewer = a.actor ?? 0n;
  const logged = b.updates.pushChannel(channelId, 1, (pts, ptsCount) => ({
    _: 'updateNewChannelMessage' as const,
    message: b.tlMessage(copy, viewer),
    pts,
    pts_count: ptsCount,
  }));
  let own: Update = logged;
  for (const member of chat.members.keys()) {
    if (a.skip?.has(member)) continue;
    b.dialogs.ensure(member, copy.peer, copy.date);
    const u: Update = member === a.actor ? logged : { ...logged, message: b.tlMessage(copy, member) };
    if (member === a.actor) own = u;
    push(b, member, container(b, member, [u], a.refs), member === a.actor ? a.except : undefined);
  }
  return own;
}
