/** `Dialog`: one entry of the chat list (https://core.telegram.org/constructor/dialog) with its chat and last message. */
import type { Dialog as TlDialog, InputPeer, Peer } from '../../tl/generated/types.js';
import type { Chat } from './chat.js';
import { markedPeerId } from './marked-id.js';
import type { Message } from './message.js';
import type { User } from './user.js';
import { ArgumentError } from '../../errors.js';

/** A dialog. The TL object is `.raw`. */
export class Dialog {
  constructor(
    readonly raw: TlDialog.dialog,
    /** The user or chat (when the answer carried it). */
    readonly chat: User | Chat | undefined,
    /** The latest message, if any. */
    readonly lastMessage: Message | undefined,
  ) {}

  get peer(): Peer {
    return this.raw.peer;
  }
  /** Bot API-style id of the chat. */
  get id(): bigint {
    return markedPeerId(this.raw.peer);
  }
  get unreadCount(): number {
    return this.raw.unread_count;
  }
  get pinned(): boolean {
    return this.raw.pinned === true;
  }
  get readInboxMaxId(): number {
    return this.raw.read_inbox_max_id;
  }
  get readOutboxMaxId(): number {
    return this.raw.read_outbox_max_id;
  }
  /** Text of the saved draft, if any. */
  get draft(): string | undefined {
    return this.raw.draft?._ === 'draftMessage' ? this.raw.draft.message : undefined;
  }
  /** Title or name of the chat. */
  get title(): string {
    const c = this.chat;
    if (!c) return '';
    return 'title' in c ? c.title : c.displayName;
  }
  get inputPeer(): InputPeer {
    if (!this.chat) throw new ArgumentError('the chat of this dialog is not known');
    return this.chat.inputPeer;
  }
}
