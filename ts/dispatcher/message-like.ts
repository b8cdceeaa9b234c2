/**
 * The structural message type the message filters read. The client's
 * high-level `Message` (ts/client/types, issue 12) is being written; these
 * fields are the subset the filters need, named as that type names them, so
 * it satisfies this interface and plain objects do in tests.
 */

/** Kinds of chat (Telegram's peer kinds, with `bot` for a private chat with a bot). */
export type ChatKind = 'private' | 'bot' | 'group' | 'supergroup' | 'channel' | 'gigagroup';

/** What the message filters read from a message. */
export interface MessageLike {
  /** Text, or the caption of a media message ('' when none). */
  text: string;
  chat: { id: bigint | number; type: ChatKind | (string & {}) };
  /** Who sent it (absent for anonymous channel posts). */
  sender?: { id: bigint | number; isBot?: boolean; username?: string } | null;
  /** The message this one replies to (at least its id), when it is a reply. */
  replyToMessage?: { id: number } | null;
  /** Forward header, when the message was forwarded. */
  forward?: object | null;
  /** Attached media with its kind (`photo`, `video`, `document`, `sticker`, `voice`, `audio`, `poll`, `location`, ...). */
  media?: { type: string } | null;
}
