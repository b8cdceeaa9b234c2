/**
 * Turning answers into `Message` objects: a `messages.Messages` page, the
 * `Updates` a send/forward/edit returns (matched by `random_id` through
 * `updateMessageID`, https://core.telegram.org/constructor/updateMessageID),
 * or the short `updateShortSentMessage`.
 */
import type { InputPeer, Message as TlMessage, messages, Peer, Update, Updates } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { Message } from '../../types/message.js';
import { PeerIndex } from '../../types/peer-index.js';

/** The `Message`s of a history/search/getMessages answer (empty slots skipped). */
export function wrapMessages(client: ClientCore, res: messages.Messages): Message[] {
  if (res._ === 'messages.messagesNotModified') return [];
  const index = new PeerIndex(res.users, res.chats);
  // One pass (a page is up to 100 messages, wrapped for every page of an iteration).
  const out: Message[] = [];
  for (const m of res.messages) if (m._ !== 'messageEmpty') out.push(new Message(client, m, index));
  return out;
}

/** Every update inside `u`, with the peers that came along. */
function unpack(u: Updates): { list: Update[]; index: PeerIndex } {
  if (u._ === 'updates' || u._ === 'updatesCombined') return { list: u.updates, index: new PeerIndex(u.users, u.chats) };
  if (u._ === 'updateShort') return { list: [u.update], index: new PeerIndex() };
  return { list: [], index: new PeerIndex() };
}

/** The new or edited messages in `u`, in order; with `randomIds`, only those the request sent (in the request's order). */
export function messagesFromUpdates(client: ClientCore, u: Updates, randomIds?: readonly bigint[]): Message[] {
  const { list, index } = unpack(u);
  const byId = new Map<number, TlMessage>();
  const order: number[] = [];
  const idOf = new Map<bigint, number>();
  for (const x of list) {
    if (x._ === 'updateMessageID') idOf.set(x.random_id, x.id);
    else if (
      x._ === 'updateNewMessage' ||
      x._ === 'updateNewChannelMessage' ||
      x._ === 'updateEditMessage' ||
      x._ === 'updateEditChannelMessage' ||
      x._ === 'updateNewScheduledMessage'
    ) {
      byId.set(x.message.id, x.message);
      order.push(x.message.id);
    }
  }
  const ids = randomIds ? randomIds.map((r) => idOf.get(r)).filter((x) => x !== undefined) : order;
  const out: Message[] = [];
  for (const id of ids) {
    const m = byId.get(id);
    if (m && m._ !== 'messageEmpty') out.push(new Message(client, m, index));
  }
  return out;
}

/** The TL `Peer` an `InputPeer` names (self → the account's own user). */
export function peerOfInput(p: InputPeer, selfId: bigint): Peer {
  switch (p._) {
    case 'inputPeerUser':
    case 'inputPeerUserFromMessage':
      return { _: 'peerUser', user_id: p.user_id };
    case 'inputPeerChat':
      return { _: 'peerChat', chat_id: p.chat_id };
    case 'inputPeerChannel':
    case 'inputPeerChannelFromMessage':
      return { _: 'peerChannel', channel_id: p.channel_id };
    default:
      return { _: 'peerUser', user_id: selfId };
  }
}

/** A fresh random_id from the client's injected randomness. */
export function randomId(client: ClientCore): bigint {
  const b = client.crypto.randomBytes(8);
  return new DataView(b.buffer, b.byteOffset, 8).getBigInt64(0, true);
}
