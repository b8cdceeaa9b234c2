/**
 * Reactions on messages (https://core.telegram.org/api/reactions): one
 * record per message, shared by every copy of it (a private chat's two
 * copies, a group's copies per member), so every member sees the same
 * counts; `chosen_order` and `my` are filled in per viewer.
 */
import type { MessagePeerReaction, MessageReactions, Reaction, ReactionCount } from '../../../tl/generated/types.js';
import type { MessageLink } from '../store/mailbox.js';

/** One user's reactions on a message, in the order chosen. */
export interface PeerReactions {
  readonly userId: bigint;
  readonly reactions: readonly Reaction[];
  readonly date: number;
  readonly big: boolean;
}

const byLink = new WeakMap<MessageLink, Map<bigint, PeerReactions>>();

/** A stable key of a reaction (for counting and comparing). */
export function reactionKey(r: Reaction): string {
  if (r._ === 'reactionEmoji') return `e:${r.emoticon}`;
  if (r._ === 'reactionCustomEmoji') return `c:${r.document_id}`;
  return r._;
}

/** Sets (or, with an empty list, removes) `userId`'s reactions on the message of `link`. */
export function setReactions(link: MessageLink, entry: PeerReactions): void {
  let m = byLink.get(link);
  if (!m) byLink.set(link, (m = new Map()));
  m.delete(entry.userId); // re-insert: the latest reactor goes last
  if (entry.reactions.length > 0) m.set(entry.userId, entry);
}

/** Every user's reactions on the message of `link`, oldest first. */
export function reactionsOn(link: MessageLink): readonly PeerReactions[] {
  return [...(byLink.get(link)?.values() ?? [])];
}

/** The `messageReactions` `viewer` sees for the message of `link`, or undefined without reactions. */
export function messageReactions(link: MessageLink, viewer: bigint): MessageReactions | undefined {
  const list = reactionsOn(link);
  if (list.length === 0) return undefined;
  const counts = new Map<string, ReactionCount.reactionCount>();
  for (const p of list) {
    p.reactions.forEach((r, i) => {
      const k = reactionKey(r);
      let c = counts.get(k);
      if (!c) counts.set(k, (c = { _: 'reactionCount', reaction: r, count: 0 }));
      c.count++;
      if (p.userId === viewer) c.chosen_order = i;
    });
  }
  const recent: MessagePeerReaction[] = [];
  for (const p of list.slice(-10).reverse()) {
    for (const r of p.reactions) {
      const e: MessagePeerReaction = { _: 'messagePeerReaction', peer_id: { _: 'peerUser', user_id: p.userId }, date: p.date, reaction: r };
      if (p.userId === viewer) e.my = true;
      if (p.big) e.big = true;
      recent.push(e);
    }
  }
  return {
    _: 'messageReactions',
    can_see_list: true,
    results: [...counts.values()].sort((a, b) => b.count - a.count),
    recent_reactions: recent,
  };
}
