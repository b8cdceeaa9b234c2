/**
 * `ForumTopic`: one topic of a forum supergroup with typed getters over the
 * raw `forumTopic` (https://core.telegram.org/constructor/forumTopic,
 * https://core.telegram.org/api/forum).
 */
import type { ForumTopic as TlForumTopic } from '../../tl/generated/types.js';
import type { Chat } from './chat.js';
import type { Message } from './message.js';
import type { PeerIndex } from './peer-index.js';
import type { User } from './user.js';

/** The General topic's id (https://core.telegram.org/api/forum#the-general-topic). */
export const GENERAL_TOPIC_ID = 1;

/** A topic of a forum. The TL object is `.raw`; `topMessage` and `creator` come from the answer it arrived in. */
export class ForumTopic {
  constructor(
    readonly raw: TlForumTopic.forumTopic,
    private readonly peers: PeerIndex,
    /** The topic's latest message, when the answer carried it. */
    readonly topMessage?: Message,
  ) {
    Object.defineProperty(this, 'peers', { enumerable: false });
  }

  /** The topic id: the id of the service message that created it (1 for General). */
  get id(): number {
    return this.raw.id;
  }
  get title(): string {
    return this.raw.title;
  }
  /** The General topic, which every forum has and which cannot be deleted. */
  get isGeneral(): boolean {
    return this.raw.id === GENERAL_TOPIC_ID;
  }
  /** When it was created. */
  get date(): Date {
    return new Date(this.raw.date * 1000);
  }
  /** The fallback icon colour (RGB, one of six). */
  get iconColor(): number {
    return this.raw.icon_color;
  }
  /** The custom emoji shown as the icon, if any. */
  get iconEmojiId(): bigint | undefined {
    return this.raw.icon_emoji_id;
  }
  /** Closed topics take messages only from admins. */
  get closed(): boolean {
    return this.raw.closed === true;
  }
  get pinned(): boolean {
    return this.raw.pinned === true;
  }
  /** Only General can be hidden. */
  get hidden(): boolean {
    return this.raw.hidden === true;
  }
  /** The signed-in account created it. */
  get isMine(): boolean {
    return this.raw.my === true;
  }
  /** Unread messages in it. */
  get unreadCount(): number {
    return this.raw.unread_count;
  }
  /** Id of its latest message. */
  get topMessageId(): number {
    return this.raw.top_message;
  }
  /** Who created it (a user, or the chat/channel it was created as), when the answer carried it. */
  get creator(): User | Chat | undefined {
    return this.peers.peer(this.raw.from_id);
  }
}
