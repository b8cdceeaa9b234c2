/** `createGroup` (https://core.telegram.org/method/messages.createChat). */
import { WasmgramError } from '../../../errors.js';
import type { ClientCore } from '../../core.js';
import { Chat } from '../../types/chat.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolveUser } from '../peers/resolve-peer.js';

/**
 * Creates a basic group with `users` and returns it.
 *
 * @example
 * ```ts
 * const group = await createGroup(client, 'Weekend plans', ['@bob', '@carol']);
 * await client.sendMessage(group, 'hi all');
 * ```
 * @throws RpcError CHAT_TITLE_EMPTY, USER_ID_INVALID
 */
export async function createGroup(client: ClientCore, title: string, users: PeerLike[]): Promise<Chat> {
  const inputs = await Promise.all(users.map((u) => resolveUser(client, u)));
  const r = await client.invoke({ _: 'messages.createChat', title, users: inputs });
  const u = r.updates;
  const c = u._ === 'updates' || u._ === 'updatesCombined' ? u.chats.find((x) => x._ === 'chat') : undefined;
  if (!c) throw new WasmgramError('messages.createChat: the answer has no chat');
  return new Chat(c);
}
