/**
 * The short `Updates` constructors, expanded to the `Update`s they stand for:
 * "`updateShortMessage`, `updateShortSentMessage` and `updateShortChatMessage`
 * [...] should be transformed to `updateShort` upon receiving"
 * (https://core.telegram.org/api/updates#updates-sequence).
 */
import type { Message, Update, Updates } from '../tl/generated/types.js';

/**
 * `updateShortMessage` → `updateNewMessage` with a full `message`: the peer is
 * the other user; the sender is that user, or us (`selfId`) when `out` is set.
 */
export function expandShortMessage(short: Updates.updateShortMessage, selfId: bigint | undefined): Update.updateNewMessage {
  const sender = short.out ? selfId : short.user_id;
  const message: Message.message = {
    _: 'message',
    out: short.out,
    mentioned: short.mentioned,
    media_unread: short.media_unread,
    silent: short.silent,
    id: short.id,
    from_id: sender === undefined ? undefined : { _: 'peerUser', user_id: sender },
    peer_id: { _: 'peerUser', user_id: short.user_id },
    fwd_from: short.fwd_from,
    via_bot_id: short.via_bot_id,
    reply_to: short.reply_to,
    date: short.date,
    message: short.message,
    entities: short.entities,
    ttl_period: short.ttl_period,
  };
  return { _: 'updateNewMessage', message, pts: short.pts, pts_count: short.pts_count };
}

/** `updateShortChatMessage` → `updateNewMessage` in the basic group `chat_id`, sent by `from_id`. */
export function expandShortChatMessage(short: Updates.updateShortChatMessage): Update.updateNewMessage {
  const message: Message.message = {
    _: 'message',
    out: short.out,
    mentioned: short.mentioned,
    media_unread: short.media_unread,
    silent: short.silent,
    id: short.id,
    from_id: { _: 'peerUser', user_id: short.from_id },
    peer_id: { _: 'peerChat', chat_id: short.chat_id },
    fwd_from: short.fwd_from,
    via_bot_id: short.via_bot_id,
    reply_to: short.reply_to,
    date: short.date,
    message: short.message,
    entities: short.entities,
    ttl_period: short.ttl_period,
  };
  return { _: 'updateNewMessage', message, pts: short.pts, pts_count: short.pts_count };
}

/**
 * `updateShortSentMessage` (the answer to our own `messages.sendMessage`) →
 * `updateNewMessage` with a `messageEmpty` of the new id: it carries no peer
 * or text (the request that produced it has them), but its pts must still be
 * applied so the account sequence stays whole.
 */
export function expandShortSentMessage(short: Updates.updateShortSentMessage): Update.updateNewMessage {
  return { _: 'updateNewMessage', message: { _: 'messageEmpty', id: short.id }, pts: short.pts, pts_count: short.pts_count };
}
