/**
 * Scheduled messages (https://core.telegram.org/api/scheduled-messages):
 * send with `schedule` (sendMessage, sendMedia, sendAlbum, ...), then list,
 * send now or delete them here.
 */
import type { ClientCore } from '../../core.js';
import type { Message } from '../../types/message.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { messagesFromUpdates, wrapMessages } from './wrap.js';

/**
 * The caller's scheduled messages in a chat (latest schedule date first);
 * their `date` is when they will be sent.
 *
 * @example
 * ```ts
 * await client.sendMessage(chat, 'later', { schedule: new Date(Date.now() + 3600_000) });
 * const pending = await getScheduledMessages(client, chat);
 * ```
 */
export async function getScheduledMessages(client: ClientCore, peer: PeerLike): Promise<Message[]> {
  const input = await resolvePeer(client, peer);
  return wrapMessages(client, await client.invoke({ _: 'messages.getScheduledHistory', peer: input, hash: 0n }));
}

/**
 * Sends scheduled messages `ids` now; returns the messages as posted (with their new ids).
 *
 * @example
 * ```ts
 * const [sent] = await sendScheduledNow(client, chat, [pending[0]!.id]);
 * ```
 */
export async function sendScheduledNow(client: ClientCore, peer: PeerLike, ids: number[]): Promise<Message[]> {
  const input = await resolvePeer(client, peer);
  const res = await client.invoke({ _: 'messages.sendScheduledMessages', peer: input, id: ids });
  return messagesFromUpdates(client, res).filter((m) => m.raw._ === 'message' || m.raw._ === 'messageService');
}

/**
 * Deletes scheduled messages `ids` (they will not be sent).
 *
 * @example
 * ```ts
 * await deleteScheduledMessages(client, chat, [pending[0]!.id]);
 * ```
 */
export async function deleteScheduledMessages(client: ClientCore, peer: PeerLike, ids: number[]): Promise<void> {
  const input = await resolvePeer(client, peer);
  await client.invoke({ _: 'messages.deleteScheduledMessages', peer: input, id: ids });
}
