/**
 * Chat-level updates: membership changes (`updateChatParticipant`,
 * `updateChannelParticipant` — bots get them for chats they administer,
 * https://core.telegram.org/api/bots/updates), reactions on messages
 * (`updateBotMessageReaction`, `updateBotMessageReactions`,
 * `updateMessageReactions`) and chat boosts (`updateBotChatBoost`).
 */
import type {
  Boost,
  ChannelParticipant,
  ChatParticipant,
  ExportedChatInvite,
  Peer,
  Reaction,
  ReactionCount,
  Update,
} from '../../tl/generated/types.js';
import { markedPeerId } from './marked-id.js';
import type { PeerIndex } from './peer-index.js';
import type { User } from './user.js';

/** What happened to a member, read from the old and new participant records. */
export type ParticipantChange = 'joined' | 'left' | 'promoted' | 'demoted' | 'restricted' | 'banned' | 'updated';

type AnyParticipant = ChatParticipant | ChannelParticipant;

function isAdmin(p: AnyParticipant | undefined): boolean {
  return p !== undefined && /Admin$|Creator$/.test(p._);
}

function isBanned(p: AnyParticipant | undefined): boolean {
  return p?._ === 'channelParticipantBanned';
}

function isGone(p: AnyParticipant | undefined): boolean {
  return p === undefined || p._ === 'channelParticipantLeft' || (p._ === 'channelParticipantBanned' && p.left === true);
}

/** A member of a group or channel joined, left, was promoted, restricted or banned: `updateChatParticipant` / `updateChannelParticipant`. */
export class ParticipantUpdate {
  readonly kind = 'participantUpdate' as const;
  constructor(
    readonly raw: Update.updateChatParticipant | Update.updateChannelParticipant,
    private readonly peers: PeerIndex,
  ) {}
  /** Marked id of the chat (`-id` for basic groups, `-100…` for channels). */
  get chatId(): bigint {
    const r = this.raw;
    return markedPeerId(
      r._ === 'updateChatParticipant' ? { _: 'peerChat', chat_id: r.chat_id } : { _: 'peerChannel', channel_id: r.channel_id },
    );
  }
  /** The member whose status changed. */
  get userId(): bigint {
    return this.raw.user_id;
  }
  get user(): User | undefined {
    return this.peers.user(this.raw.user_id);
  }
  /** Who made the change (the member themself for joins and leaves). */
  get actorId(): bigint {
    return this.raw.actor_id;
  }
  get date(): Date {
    return new Date(this.raw.date * 1000);
  }
  get previous(): AnyParticipant | undefined {
    return this.raw.prev_participant;
  }
  get current(): AnyParticipant | undefined {
    return this.raw.new_participant;
  }
  /** The invite link used to join, if any. */
  get invite(): ExportedChatInvite | undefined {
    return this.raw.invite;
  }
  /** The change in one word (compares the old and new records). */
  get change(): ParticipantChange {
    const prev = this.raw.prev_participant;
    const next = this.raw.new_participant;
    if (isGone(prev) && !isGone(next)) return 'joined';
    if (!isGone(prev) && next === undefined) return 'left';
    if (isBanned(next)) return next?._ === 'channelParticipantBanned' && next.left ? 'banned' : 'restricted';
    if (!isGone(prev) && isGone(next)) return 'left';
    if (!isAdmin(prev) && isAdmin(next)) return 'promoted';
    if (isAdmin(prev) && !isAdmin(next)) return 'demoted';
    return 'updated';
  }
}

/**
 * Reactions on a message changed. `updateBotMessageReaction` (one user's
 * reactions: `actorId`, `added`, `removed`), `updateBotMessageReactions`
 * (anonymous counts of a channel post) and `updateMessageReactions` (a user
 * account's view: counts, `recent` reactors) all become this.
 */
export class MessageReaction {
  readonly kind = 'messageReaction' as const;
  constructor(
    readonly raw: Update.updateBotMessageReaction | Update.updateBotMessageReactions | Update.updateMessageReactions,
    private readonly peers: PeerIndex,
  ) {}
  /** Marked id of the chat. */
  get chatId(): bigint {
    return markedPeerId(this.raw.peer);
  }
  get messageId(): number {
    return this.raw.msg_id;
  }
  /** Who reacted (marked id), for `updateBotMessageReaction`; undefined for counts. */
  get actorId(): bigint | undefined {
    return this.raw._ === 'updateBotMessageReaction' ? markedPeerId(this.raw.actor) : undefined;
  }
  /** The reacting user when known. */
  get from(): User | undefined {
    const a = this.raw._ === 'updateBotMessageReaction' ? this.raw.actor : undefined;
    return a?._ === 'peerUser' ? this.peers.user(a.user_id) : undefined;
  }
  /** Same as {@link actorId} (the dispatcher's per-user filters and FSM keys read `userId`). */
  get userId(): bigint | undefined {
    return this.actorId;
  }
  /** Reactions the actor now has on the message (for `updateBotMessageReaction`; else []). */
  get reactions(): readonly Reaction[] {
    return this.raw._ === 'updateBotMessageReaction' ? this.raw.new_reactions : [];
  }
  /** Reactions the actor added. */
  get added(): readonly Reaction[] {
    if (this.raw._ !== 'updateBotMessageReaction') return [];
    const old = new Set(this.raw.old_reactions.map(reactionKey));
    return this.raw.new_reactions.filter((r) => !old.has(reactionKey(r)));
  }
  /** Reactions the actor removed. */
  get removed(): readonly Reaction[] {
    if (this.raw._ !== 'updateBotMessageReaction') return [];
    const now = new Set(this.raw.new_reactions.map(reactionKey));
    return this.raw.old_reactions.filter((r) => !now.has(reactionKey(r)));
  }
  /** The counts per reaction (for `updateBotMessageReactions` / `updateMessageReactions`; else []). */
  get counts(): readonly ReactionCount[] {
    const r = this.raw;
    return r._ === 'updateBotMessageReactions' ? r.reactions : r._ === 'updateMessageReactions' ? r.reactions.results : [];
  }
  /** The emoji of the added reactions (custom emoji and paid reactions left out). */
  get emojis(): string[] {
    return this.added.flatMap((r) => (r._ === 'reactionEmoji' ? [r.emoticon] : []));
  }
}

/** A stable key of a reaction (to compare old and new lists). */
export function reactionKey(r: Reaction): string {
  return r._ === 'reactionEmoji' ? `e:${r.emoticon}` : r._ === 'reactionCustomEmoji' ? `c:${r.document_id}` : r._;
}

/** A chat the bot administers was boosted (or a boost changed): `updateBotChatBoost`. */
export class ChatBoost {
  readonly kind = 'chatBoost' as const;
  constructor(readonly raw: Update.updateBotChatBoost) {}
  /** Marked id of the boosted chat. */
  get chatId(): bigint {
    return markedPeerId(this.raw.peer);
  }
  get peer(): Peer {
    return this.raw.peer;
  }
  get boost(): Boost {
    return this.raw.boost;
  }
  /** The booster (absent for giveaway boosts without a winner yet). */
  get userId(): bigint | undefined {
    return this.raw.boost.user_id;
  }
  /** When the boost expires. */
  get expires(): Date {
    return new Date(this.raw.boost.expires * 1000);
  }
}
