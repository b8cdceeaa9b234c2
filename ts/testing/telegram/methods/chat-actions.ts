/**
 * `messages.setTyping` (https://core.telegram.org/method/messages.setTyping):
 * the other side of a private chat gets `updateUserTyping`, the other
 * members of a group `updateChatUserTyping`, of a supergroup
 * `updateChannelUserTyping` — as short updates without pts, which Telegram
 * drops after ~6 s unless repeated (https://core.telegram.org/api/typing).
 */
import type { Update, Updates } from '../../../tl/generated/types.js';
import type { MethodTable } from '../method-call.js';
import { checkWritable, resolvePeer } from './peers.js';

/** `messages.setTyping`. */
export const chatActionsMethods: MethodTable = {
  'messages.setTyping': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const peer = resolvePeer(call, req.peer);
      checkWritable(call, peer);
      const send = (to: bigint, update: Update) => {
        const u: Updates = { _: 'updateShort', update, date: call.now };
        b.updates.publish(to, u);
      };
      if (peer.kind === 'user') {
        if (peer.id !== me) send(peer.id, { _: 'updateUserTyping', user_id: me, action: req.action });
      } else {
        const chat = b.chatOf(peer);
        for (const member of chat?.members.keys() ?? []) {
          if (member === me) continue;
          send(
            member,
            peer.kind === 'chat'
              ? { _: 'updateChatUserTyping', chat_id: peer.id, from_id: { _: 'peerUser', user_id: me }, action: req.action }
              : { _: 'updateChannelUserTyping', channel_id: peer.id, from_id: { _: 'peerUser', user_id: me }, action: req.action },
          );
        }
      }
      return true;
    },
  },
};
