/** `createChannel` (https://core.telegram.org/method/channels.createChannel). */
import { WasmgramError } from '../../../errors.js';
import type { ClientCore } from '../../core.js';
import { Chat } from '../../types/chat.js';

/** Options of {@link createChannel}. */
export interface CreateChannelParams {
  /** Description. */
  about?: string;
  /** A supergroup (members talk) instead of a broadcast channel (admins post). */
  supergroup?: boolean;
}

/**
 * Creates a broadcast channel (or a supergroup) and returns it.
 *
 * @example
 * ```ts
 * const news = await createChannel(client, 'Release notes', { about: 'what shipped' });
 * await client.sendMessage(news, 'v1.0 is out');
 * ```
 * @throws RpcError CHAT_TITLE_EMPTY
 */
export async function createChannel(client: ClientCore, title: string, params: CreateChannelParams = {}): Promise<Chat> {
  const u = await client.invoke({
    _: 'channels.createChannel',
    title,
    about: params.about ?? '',
    ...(params.supergroup ? { megagroup: true } : { broadcast: true }),
  });
  const c = u._ === 'updates' || u._ === 'updatesCombined' ? u.chats.find((x) => x._ === 'channel') : undefined;
  if (!c) throw new WasmgramError('channels.createChannel: the answer has no channel');
  return new Chat(c);
}
