/**
 * Deleting, pinning and reading: `messages.deleteMessages`,
 * `channels.deleteMessages`, `messages.updatePinnedMessage`,
 * `messages.readHistory`, `channels.readHistory`
 * (https://core.telegram.org/method/messages.deleteMessages and the pages of the others).
 */
import { deleteAccountMessages, deleteChannelMessages, pinMessage, readHistory } from '../actions/change.js';
import { container } from '../actions/deliver.js';
import type { MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { StoredMessage } from '../store/mailbox.js';
import { caller, findMessage } from './messages-send.js';
import { checkReadable, isAdmin, resolveChannel, resolvePeer } from './peers.js';

/** `messages.deleteMessages`, `channels.deleteMessages`, `messages.updatePinnedMessage`, `messages.readHistory`, `channels.readHistory`. */
export const messagesModifyMethods: MethodTable = {
  'messages.deleteMessages': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const box = b.messages.account(me);
      const found: StoredMessage[] = [];
      for (const id of new Set(req.id)) {
        const m = box.get(id);
        if (!m) continue; // Telegram skips ids that are not there
        if (req.revoke && m.peer.kind === 'chat' && m.fromId !== me && !isAdmin(b.chats.group(m.peer.id)!, me)) {
          throw badRequest('MESSAGE_DELETE_FORBIDDEN');
        }
        found.push(m);
      }
      const r = deleteAccountMessages(b, me, found, req.revoke === true, caller(call));
      return { _: 'messages.affectedMessages', pts: r.pts, pts_count: r.pts_count };
    },
  },
  'channels.deleteMessages': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const chat = resolveChannel(call, req.channel);
      if (!chat.members.has(me)) throw badRequest(chat.username === undefined ? 'CHANNEL_PRIVATE' : 'MESSAGE_DELETE_FORBIDDEN');
      const box = b.messages.channel(chat.id);
      const found: StoredMessage[] = [];
      for (const id of new Set(req.id)) {
        const m = box.get(id);
        if (!m) continue;
        if (m.fromId !== me && !isAdmin(chat, me)) throw badRequest('MESSAGE_DELETE_FORBIDDEN');
        found.push(m);
      }
      const r = deleteChannelMessages(b, me, chat.id, found, caller(call));
      return { _: 'messages.affectedMessages', pts: r.pts, pts_count: r.pts_count };
    },
  },
  'messages.updatePinnedMessage': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const peer = resolvePeer(call, req.peer);
      checkReadable(call, peer);
      const chat = b.chatOf(peer);
      if (chat && !chat.members.has(me)) throw badRequest('CHAT_WRITE_FORBIDDEN');
      if (chat && chat.kind !== 'group' && !isAdmin(chat, me)) throw badRequest('CHAT_ADMIN_REQUIRED');
      const m = findMessage(call, peer, req.id);
      const u = pinMessage(b, me, m, req.unpin !== true, req.pm_oneside === true && peer.kind === 'user', caller(call));
      return container(b, me, [u], [peer, { kind: 'user', id: me }]);
    },
  },
  'messages.readHistory': {
    auth: true,
    run(call, req) {
      const peer = resolvePeer(call, req.peer);
      if (peer.kind === 'channel') throw badRequest('PEER_ID_INVALID'); // channels.readHistory is the channel method
      checkReadable(call, peer);
      const r = readHistory(call.backend, call.self().id, peer, req.max_id, caller(call));
      return { _: 'messages.affectedMessages', pts: r.pts, pts_count: r.pts_count };
    },
  },
  'channels.readHistory': {
    auth: true,
    run(call, req) {
      const chat = resolveChannel(call, req.channel);
      const me = call.self().id;
      if (!chat.members.has(me)) throw badRequest(chat.username === undefined ? 'CHANNEL_PRIVATE' : 'USER_NOT_PARTICIPANT');
      readHistory(call.backend, me, { kind: 'channel', id: chat.id }, req.max_id, caller(call));
      return true;
    },
  },
};
