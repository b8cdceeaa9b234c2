/** `pinMessage` / `unpinMessage` (https://core.telegram.org/method/messages.updatePinnedMessage). */
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';

/** Options of {@link pinMessage}. */
export interface PinMessageParams {
  /** No notification. */
  silent?: boolean;
  /** In private chats: pin only for yourself. */
  onlyForMe?: boolean;
}

/**
 * Pins message `id` in `peer`.
 *
 * @example
 * ```ts
 * await pinMessage(client, 'me', 12, { silent: true });
 * ```
 * @throws RpcError CHAT_ADMIN_REQUIRED, MESSAGE_ID_INVALID
 */
export async function pinMessage(client: ClientCore, peer: PeerLike, id: number, params: PinMessageParams = {}): Promise<void> {
  await client.invoke({
    _: 'messages.updatePinnedMessage',
    peer: await resolvePeer(client, peer),
    id,
    ...(params.silent && { silent: true }),
    ...(params.onlyForMe && { pm_oneside: true }),
  });
}

/**
 * Unpins message `id` in `peer`.
 *
 * @example
 * ```ts
 * await unpinMessage(client, 'me', 12);
 * ```
 */
export async function unpinMessage(client: ClientCore, peer: PeerLike, id: number): Promise<void> {
  await client.invoke({ _: 'messages.updatePinnedMessage', peer: await resolvePeer(client, peer), id, unpin: true });
}
