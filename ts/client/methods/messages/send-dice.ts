/** `sendDice` (https://core.telegram.org/api/dice): the server rolls the value. */
import type { ClientCore } from '../../core.js';
import type { Message } from '../../types/message.js';
import type { PeerLike } from '../../types/peer-like.js';
import { type SendExtrasParams, sendInputMedia } from './send-input-media.js';

/**
 * Sends an animated dice; the value the server rolled is in
 * `message.raw.media.value` (1–6 for 🎲 🎯 🎳, 1–5 for 🏀 ⚽, 1–64 for 🎰).
 *
 * @example
 * ```ts
 * const m = await sendDice(client, '@friend', '🎲');
 * if (m.raw._ === 'message' && m.raw.media?._ === 'messageMediaDice') console.log(m.raw.media.value);
 * ```
 * @throws RpcError EMOTICON_INVALID for an emoji without dice
 */
export function sendDice(client: ClientCore, peer: PeerLike, emoticon = '🎲', params?: SendExtrasParams): Promise<Message> {
  return sendInputMedia(client, peer, { _: 'inputMediaDice', emoticon }, params);
}
