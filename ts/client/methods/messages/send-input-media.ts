/** The common path of the media senders (polls, dice, contacts, locations): `messages.sendMedia` with any `InputMedia` (https://core.telegram.org/method/messages.sendMedia). */
import { WasmgramError } from '../../../errors.js';
import type { InputMedia } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { Message } from '../../types/message.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { replyToField } from '../forums/topic-reply.js';
import { type SendPlaceParams, sendAsField } from './send-as.js';
import { messagesFromUpdates, randomId } from './wrap.js';

/** Options every media sender takes. */
export interface SendExtrasParams extends SendPlaceParams {
  /** Id of the message to reply to. */
  replyTo?: number;
  /** Deliver without a notification. */
  silent?: boolean;
  /** Schedule for later (a Date or Unix seconds); the result is then the scheduled message. */
  schedule?: Date | number;
  /** Caption (not for dice and polls on Telegram's clients, but the API takes it). */
  caption?: string;
}

/** Unix seconds of a schedule option. */
export function scheduleSeconds(s: Date | number | undefined): number | undefined {
  return s instanceof Date ? Math.floor(s.getTime() / 1000) : s;
}

/**
 * Sends `media` to `peer` and returns the sent (or scheduled) message.
 *
 * @example
 * ```ts
 * const m = await sendInputMedia(client, 'me', { _: 'inputMediaDice', emoticon: '🎯' });
 * ```
 */
export async function sendInputMedia(
  client: ClientCore,
  peer: PeerLike,
  media: InputMedia,
  params: SendExtrasParams = {},
): Promise<Message> {
  const input = await resolvePeer(client, peer);
  const rid = randomId(client);
  const schedule = scheduleSeconds(params.schedule);
  const res = await client.invoke({
    _: 'messages.sendMedia',
    peer: input,
    media,
    message: params.caption ?? '',
    random_id: rid,
    ...replyToField(params.replyTo, params.topic),
    ...(await sendAsField(client, params.sendAs)),
    ...(params.silent && { silent: true }),
    ...(schedule !== undefined && { schedule_date: schedule }),
  });
  const [m] = messagesFromUpdates(client, res, [rid]);
  if (!m) throw new WasmgramError('messages.sendMedia: the answer does not contain the sent message');
  return m;
}
