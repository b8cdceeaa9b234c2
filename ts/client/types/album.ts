/**
 * An album: messages sent together as one media group (they share
 * `grouped_id`, https://core.telegram.org/api/files#albums-grouped-media)
 * handed out as one update instead of one `NewMessage` each. The updates
 * runner collects them over a short window (`updates.albumWindowMs`, see
 * ts/client/updates/album-collector.ts).
 *
 * It has the message-filter fields of its first message (`chat`, `sender`,
 * `replyToMessage`, `forward`) and the caption (`text`, from whichever part
 * carries one), so `privateChat`, `chatId(...)` and `text` filters work on it.
 */
import type { Message } from './message.js';
import type { NewMessage, UpdateChat } from './updates.js';

/** Messages sharing a `grouped_id`, in id order. */
export class Album {
  readonly kind = 'album' as const;
  constructor(
    /** The parts as `NewMessage` updates, in id order (at least one). */
    readonly parts: readonly NewMessage[],
  ) {}
  /** The media group id. */
  get groupedId(): bigint {
    const m = this.parts[0]!.message.raw;
    return m._ === 'message' ? (m.grouped_id ?? 0n) : 0n;
  }
  /** The messages, in id order. */
  get messages(): Message[] {
    return this.parts.map((p) => p.message);
  }
  /** The first part's message id. */
  get id(): number {
    return this.parts[0]!.id;
  }
  /** The caption (the first non-empty text of a part; '' when none). */
  get text(): string {
    for (const p of this.parts) if (p.text) return p.text;
    return '';
  }
  get chat(): UpdateChat {
    return this.parts[0]!.chat;
  }
  get sender(): NewMessage['sender'] {
    return this.parts[0]!.sender;
  }
  get replyToMessage(): { id: number } | undefined {
    return this.parts[0]!.replyToMessage;
  }
  get forward(): object | undefined {
    return this.parts[0]!.forward;
  }
  /** The first part's media kind. */
  get media(): { type: string } | undefined {
    return this.parts[0]!.media;
  }
  get out(): boolean {
    return this.parts[0]!.out;
  }
  /** Replies to the first message of the album. */
  reply(text: string): Promise<Message> {
    return this.parts[0]!.reply(text);
  }
  /** Sends `text` to the album's chat. */
  answer(text: string): Promise<Message> {
    return this.parts[0]!.answer(text);
  }
}
