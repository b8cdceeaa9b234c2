/**
 * Where messages live, with Telegram's id rules
 * (https://core.telegram.org/api/updates#message-related-event-sequences):
 * each account has one message box for its private chats and basic groups,
 * ids 1, 2, 3, ... across all of them; each channel has its own box with its
 * own ids. A message between two accounts is therefore stored twice (one
 * copy per box, each with that box's id); copies of one message share a
 * `MessageLink` so an edit, a pin or a revoke reaches every copy.
 */
import type { MessageAction, MessageEntity, MessageMedia, ReplyMarkup } from '../../../tl/generated/types.js';
import { type PeerRef, peerKey } from './peer-ref.js';

/** The copies of one message (one per box it was delivered to). */
export interface MessageLink {
  readonly copies: StoredMessage[];
}

/** Where a forwarded message came from (`messageFwdHeader`). */
export interface ForwardInfo {
  /** The original author (a user, or the channel for channel posts). */
  readonly from: PeerRef;
  /** Date of the original message. */
  readonly date: number;
  /** The original post id, when it came from a broadcast channel. */
  readonly channelPost?: number;
  /** Where this copy was saved from (a discussion group's automatic forward names the channel post). */
  readonly savedFrom?: { readonly peer: PeerRef; readonly msgId: number } | undefined;
}

/** One copy of a message in one box. */
export interface StoredMessage {
  /** Id inside its box. */
  readonly id: number;
  /** The box: an account id (private chats and basic groups) or a channel id. */
  readonly box: MessageBoxRef;
  /** The chat as the box's owner sees it: for a private chat, the other user (or the owner for Saved Messages). */
  readonly peer: PeerRef;
  /** The author (undefined for broadcast channel posts). */
  readonly fromId: bigint | undefined;
  readonly date: number;
  text: string;
  entities: MessageEntity[] | undefined;
  /** Id (in this box) of the message this one replies to. */
  readonly replyToId: number | undefined;
  readonly fwd: ForwardInfo | undefined;
  /** A service message (chat created, user added, ...). */
  readonly action: MessageAction | undefined;
  /** The media (rendered on each read for `viewer`: the file's current reference, a poll's results as the viewer sees them). */
  readonly media?: { toMessageMedia(viewer?: bigint): MessageMedia } | undefined;
  /** The album (media group) this message belongs to (https://core.telegram.org/api/files#albums-grouped-media). */
  readonly groupedId?: bigint | undefined;
  editDate: number | undefined;
  pinned: boolean;
  readonly silent: boolean;
  readonly noWebpage: boolean;
  /** Broadcast channel post. */
  readonly post: boolean;
  /** Buttons under the message, as stored (methods/bots-markup.ts; https://core.telegram.org/api/bots/buttons). */
  replyMarkup?: ReplyMarkup | undefined;
  /** The inline bot the message was sent through (`via @bot`, https://core.telegram.org/api/bots/inline). */
  readonly viaBotId?: bigint | undefined;
  /** The peer it was sent as, when not the author (`send_as`, https://core.telegram.org/api/send-as). */
  readonly sendAs?: PeerRef | undefined;
  /** The forum topic it belongs to (the topic's id; undefined = General or no forum, https://core.telegram.org/api/forum). */
  readonly topicId?: number | undefined;
  readonly link: MessageLink;
}

/** Which box: an account's or a channel's. */
export interface MessageBoxRef {
  readonly kind: 'account' | 'channel';
  readonly id: bigint;
}

/** A message before it gets an id. */
export type NewMessage = Omit<StoredMessage, 'id' | 'box' | 'link'>;

/** Binary search: index of the first element of ascending `ids` that is >= `id`. */
export function lowerBound(ids: readonly number[], id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One message box: messages by id, and the ids of each chat in ascending order. */
export class Mailbox {
  private readonly messages = new Map<number, StoredMessage>();
  private readonly byPeer = new Map<string, number[]>();
  private nextId = 1;

  constructor(readonly ref: MessageBoxRef) {}

  /** The id the next message will get. */
  get peekNextId(): number {
    return this.nextId;
  }

  /** Stores `m` under the next id, as a copy of `link`. */
  add(m: NewMessage, link: MessageLink): StoredMessage {
    const stored: StoredMessage = { ...m, id: this.nextId++, box: this.ref, link };
    this.messages.set(stored.id, stored);
    const key = peerKey(m.peer);
    let ids = this.byPeer.get(key);
    if (!ids) this.byPeer.set(key, (ids = []));
    ids.push(stored.id); // ids only grow, so the list stays sorted
    link.copies.push(stored);
    return stored;
  }

  /** The message `id`, if it exists (not deleted). */
  get(id: number): StoredMessage | undefined {
    return this.messages.get(id);
  }

  /** Deletes `id` from this box (its other copies stay); returns it, or undefined when absent. */
  delete(id: number): StoredMessage | undefined {
    const m = this.messages.get(id);
    if (!m) return undefined;
    this.messages.delete(id);
    const ids = this.byPeer.get(peerKey(m.peer));
    if (ids) {
      const i = lowerBound(ids, id);
      if (ids[i] === id) ids.splice(i, 1);
    }
    const copies = m.link.copies;
    const j = copies.indexOf(m);
    if (j >= 0) copies.splice(j, 1);
    return m;
  }

  /** Ids of the chat `peer` in this box, ascending (a live view: do not modify). */
  idsOf(peer: PeerRef): readonly number[] {
    return this.byPeer.get(peerKey(peer)) ?? [];
  }

  /** The latest message of chat `peer`, if any. */
  top(peer: PeerRef): StoredMessage | undefined {
    const ids = this.idsOf(peer);
    return ids.length === 0 ? undefined : this.messages.get(ids[ids.length - 1]!);
  }

  /** Chats that have at least one message in this box. */
  peers(): PeerRef[] {
    const out: PeerRef[] = [];
    for (const ids of this.byPeer.values()) {
      const m = ids.length > 0 ? this.messages.get(ids[0]!) : undefined;
      if (m) out.push(m.peer);
    }
    return out;
  }
}

/** Every box: one per account, one per channel. */
export class MessageStore {
  private readonly accounts = new Map<bigint, Mailbox>();
  private readonly channels = new Map<bigint, Mailbox>();

  /** The box of account `userId` (private chats and basic groups). */
  account(userId: bigint): Mailbox {
    let b = this.accounts.get(userId);
    if (!b) this.accounts.set(userId, (b = new Mailbox({ kind: 'account', id: userId })));
    return b;
  }

  /** The box of channel `channelId`. */
  channel(channelId: bigint): Mailbox {
    let b = this.channels.get(channelId);
    if (!b) this.channels.set(channelId, (b = new Mailbox({ kind: 'channel', id: channelId })));
    return b;
  }

  /** The box a chat's messages live in, for account `viewer`. */
  boxFor(viewer: bigint, peer: PeerRef): Mailbox {
    return peer.kind === 'channel' ? this.channel(peer.id) : this.account(viewer);
  }
}
