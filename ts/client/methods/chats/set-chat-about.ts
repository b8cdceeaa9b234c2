/** `setChatAbout` (https://core.telegram.org/method/messages.editChatAbout). */
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';

/**
 * Sets a group's or channel's description (up to 255 characters; '' removes it).
 *
 * @example
 * ```ts
 * await client.setChatAbout(channel, 'Release notes, one post per version');
 * ```
 * @throws RpcError CHAT_ADMIN_REQUIRED, CHAT_ABOUT_NOT_MODIFIED, CHAT_ABOUT_TOO_LONG
 */
export async function setChatAbout(client: ClientCore, chat: PeerLike, about: string): Promise<void> {
  await client.invoke({ _: 'messages.editChatAbout', peer: await resolvePeer(client, chat), about });
}
