/**
 * Forum topics of supergroups (https://core.telegram.org/api/forum): a
 * forum's topics by id, where a topic's id is the id of its
 * `messageActionTopicCreate` service message, and the General topic (id 1)
 * exists from the moment the forum is turned on. The store hangs off the
 * backend through a WeakMap, so it lives and dies with it.
 */
import type { TelegramBackend } from '../backend.js';
import type { ChatRecord } from './chat-store.js';
import type { PeerRef } from './peer-ref.js';

/** The General topic's id (https://core.telegram.org/api/forum#the-general-topic). */
export const GENERAL_TOPIC_ID = 1;

/** The six fallback icon colours a topic may have (https://core.telegram.org/method/channels.createForumTopic). */
export const TOPIC_ICON_COLORS: readonly number[] = [0x6fb9f0, 0xffd67e, 0xcb86db, 0x8eee98, 0xff93b2, 0xfb6f5f];

/** Longest topic title (UTF-8 bytes, https://core.telegram.org/method/channels.createForumTopic). */
export const TOPIC_TITLE_MAX = 128;

/** One topic of a forum. */
export interface TopicRecord {
  /** The topic id: its creation message's id (1 for General). */
  readonly id: number;
  title: string;
  readonly iconColor: number;
  iconEmojiId?: bigint | undefined;
  readonly date: number;
  /** Who created it (the peer it was created as). */
  readonly creator: PeerRef;
  /** The account that created it (`my` for that account). */
  readonly creatorUserId: bigint;
  closed: boolean;
  /** Only General can be hidden. */
  hidden: boolean;
  /** True once deleted (`deleteTopicHistory`): the id then names `forumTopicDeleted`. */
  deleted: boolean;
}

/** The topics of one forum, and which of them are pinned (in pin order). */
export interface ForumRecord {
  readonly topics: Map<number, TopicRecord>;
  /** Ids of pinned topics, first pinned first. */
  readonly pinned: number[];
  /** Per-topic read markers (`messages.readDiscussion`), by `${userId}:${topicId}`. */
  readonly readMax: Map<string, number>;
}

/** Every forum of one backend, by channel id. */
export class ForumStore {
  private readonly forums = new Map<bigint, ForumRecord>();

  /** The forum of `chat`, created (with its General topic) the first time. */
  of(chat: ChatRecord, date: number): ForumRecord {
    let f = this.forums.get(chat.id);
    if (!f) {
      const general: TopicRecord = {
        id: GENERAL_TOPIC_ID,
        title: 'General',
        iconColor: TOPIC_ICON_COLORS[0]!,
        date,
        creator: { kind: 'user', id: chat.creatorId },
        creatorUserId: chat.creatorId,
        closed: false,
        hidden: false,
        deleted: false,
      };
      f = { topics: new Map([[GENERAL_TOPIC_ID, general]]), pinned: [], readMax: new Map() };
      this.forums.set(chat.id, f);
    }
    return f;
  }

  /** The forum of `chat` when it has one (topics survive toggling the flag off and on, as on Telegram). */
  peek(chat: ChatRecord): ForumRecord | undefined {
    return this.forums.get(chat.id);
  }
}

const stores = new WeakMap<TelegramBackend, ForumStore>();

/** The forum store of `backend`. */
export function forumStore(backend: TelegramBackend): ForumStore {
  let s = stores.get(backend);
  if (!s) stores.set(backend, (s = new ForumStore()));
  return s;
}
