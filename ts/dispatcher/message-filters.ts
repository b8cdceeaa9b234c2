/**
 * Filters on messages (against {@link MessageLike}): text, regex, chat kinds,
 * chat and user ids, replies, forwards and media kinds.
 */
import type { Context } from './context.js';
import type { Filter } from './filter.js';
import type { ChatKind, MessageLike } from './message-like.js';

/** Messages with non-empty text (or caption). */
export const text: Filter<MessageLike, { text: string }> = (m: MessageLike) => typeof m.text === 'string' && m.text.length > 0;

/**
 * Messages whose text matches `re`; the handler gets `ctx.match`. A global or
 * sticky regex is reset before each test, so its state does not leak between updates.
 */
export function regex(re: RegExp): Filter<MessageLike, { text: string }, { match: RegExpExecArray }> {
  return (m: MessageLike, ctx: Context<unknown>) => {
    if (!m.text) return false;
    re.lastIndex = 0;
    const match = re.exec(m.text);
    if (!match) return false;
    (ctx as unknown as { match: RegExpExecArray }).match = match;
    return true;
  };
}

/** Messages in chats of these kinds. */
export function chatType<K extends ChatKind>(...kinds: K[]): Filter<MessageLike, { chat: { type: K } }> {
  const set = new Set<string>(kinds);
  return (m: MessageLike) => set.has(m.chat.type);
}

/** Private chats (with a user or a bot). */
export const privateChat: Filter<MessageLike, { chat: { type: 'private' | 'bot' } }> = chatType('private', 'bot');
/** Basic groups and supergroups. */
export const group: Filter<MessageLike, { chat: { type: 'group' | 'supergroup' | 'gigagroup' } }> = chatType(
  'group',
  'supergroup',
  'gigagroup',
);
/** Broadcast channels. */
export const channel: Filter<MessageLike, { chat: { type: 'channel' } }> = chatType('channel');

function idSet(ids: ReadonlyArray<bigint | number>): Set<bigint> {
  return new Set(ids.map((i) => BigInt(i)));
}

/** Messages in one of these chats (marked ids as the client reports them). */
export function chatId(...ids: Array<bigint | number>): Filter<MessageLike> {
  const set = idSet(ids);
  return (m: MessageLike) => set.has(BigInt(m.chat.id));
}

/** Messages sent by one of these users. */
export function userId(...ids: Array<bigint | number>): Filter<MessageLike, { sender: { id: bigint | number } }> {
  const set = idSet(ids);
  return (m: MessageLike) => m.sender != null && set.has(BigInt(m.sender.id));
}

/** Replies to another message. */
export const reply: Filter<MessageLike, { replyToMessage: { id: number } }> = (m: MessageLike) => m.replyToMessage != null;

/** Forwarded messages. */
export const forwarded: Filter<MessageLike, { forward: object }> = (m: MessageLike) => m.forward != null;

/** Messages with media, optionally of these kinds only (`media()`, `media('photo', 'video')`). */
export function media<K extends string = string>(...kinds: K[]): Filter<MessageLike, { media: { type: K } }> {
  if (kinds.length === 0) return (m: MessageLike) => m.media != null;
  const set = new Set<string>(kinds);
  return (m: MessageLike) => m.media != null && set.has(m.media.type);
}

/** Messages from bots. */
export const fromBot: Filter<MessageLike, { sender: { isBot: true } }> = (m: MessageLike) => m.sender?.isBot === true;
