/** `iterDialogs`: the chat list as an async iterator (https://core.telegram.org/method/messages.getDialogs). */
import type { InputPeer, Message as TlMessage } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { Dialog } from '../../types/dialog.js';
import { markedPeerId } from '../../types/marked-id.js';
import { Message } from '../../types/message.js';
import { PeerIndex } from '../../types/peer-index.js';

/** Options of {@link iterDialogs}. */
export interface IterDialogsParams {
  /** Stop after this many (default: all). */
  limit?: number;
  /** Leave pinned dialogs out. */
  excludePinned?: boolean;
  /** Dialogs per request (1..100, default 100). */
  chunkSize?: number;
}

/**
 * Yields the account's dialogs, pinned first, then by latest message.
 *
 * @example
 * ```ts
 * for await (const d of iterDialogs(client)) console.log(d.title, d.unreadCount, d.lastMessage?.text);
 * ```
 */
export async function* iterDialogs(client: ClientCore, params: IterDialogsParams = {}): AsyncGenerator<Dialog> {
  const chunk = Math.max(1, Math.min(100, params.chunkSize ?? 100));
  let remaining = params.limit ?? Number.POSITIVE_INFINITY;
  let offsetDate = 0;
  let offsetId = 0;
  let offsetPeer: InputPeer = { _: 'inputPeerEmpty' };
  const seen = new Set<bigint>();
  while (remaining > 0) {
    const limit = Math.min(chunk, remaining);
    const res = await client.invoke({
      _: 'messages.getDialogs',
      offset_date: offsetDate,
      offset_id: offsetId,
      offset_peer: offsetPeer,
      limit,
      hash: 0n,
      ...(params.excludePinned && { exclude_pinned: true }),
    });
    if (res._ === 'messages.dialogsNotModified') return;
    const index = new PeerIndex(res.users, res.chats);
    const tops = new Map<string, TlMessage>();
    for (const m of res.messages) if (m._ !== 'messageEmpty' && m.peer_id) tops.set(`${markedPeerId(m.peer_id)}:${m.id}`, m);
    let last: Dialog | undefined;
    let fresh = 0;
    for (const d of res.dialogs) {
      if (d._ !== 'dialog') continue;
      const id = markedPeerId(d.peer);
      const top = tops.get(`${id}:${d.top_message}`);
      const dialog = new Dialog(d, index.peer(d.peer), top && top._ !== 'messageEmpty' ? new Message(client, top, index) : undefined);
      last = dialog;
      if (seen.has(id)) continue;
      seen.add(id);
      fresh++;
      if (remaining-- <= 0) return;
      yield dialog;
    }
    if (res._ === 'messages.dialogs' || res.dialogs.length < limit || fresh === 0 || !last?.chat) return;
    offsetPeer = last.chat.inputPeer;
    offsetId = last.raw.top_message;
    offsetDate = last.lastMessage ? Math.floor(last.lastMessage.date.getTime() / 1000) : 0;
  }
}
