/**
 * `messages.getDialogs` (https://core.telegram.org/method/messages.getDialogs,
 * paging as in https://core.telegram.org/api/offsets): pinned dialogs
 * first, then by latest activity; the next page starts after
 * `offset_peer` (or below `offset_date` / `offset_id`).
 */
import type { Dialog, Message } from '../../../tl/generated/types.js';
import { toTlDraft, unreadCount } from '../actions/change.js';
import { messageRefs } from '../actions/post.js';
import type { MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import { type PeerRef, samePeer, tlPeer } from '../store/peer-ref.js';
import { PAGE_MAX } from './history-slice.js';
import { resolvePeer } from './peers.js';

/** `messages.getDialogs`. */
export const dialogsMethods: MethodTable = {
  'messages.getDialogs': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      if (req.limit < 0) throw badRequest('LIMIT_INVALID');
      const limit = req.limit === 0 ? 20 : Math.min(req.limit, PAGE_MAX);
      if (req.folder_id !== undefined && req.folder_id !== 0)
        return { _: 'messages.dialogs', dialogs: [], messages: [], chats: [], users: [] };
      let all = b.dialogs.sorted(me).filter((d) => d.peer.kind === 'user' || b.chatOf(d.peer)?.members.has(me));
      if (req.exclude_pinned) all = all.filter((d) => !d.pinned);
      let start = 0;
      const offsetPeer = req.offset_peer._ === 'inputPeerEmpty' ? undefined : resolvePeer(call, req.offset_peer);
      if (offsetPeer) {
        const i = all.findIndex((d) => samePeer(d.peer, offsetPeer));
        start = i < 0 ? all.length : i + 1;
      } else if (req.offset_date > 0) {
        const i = all.findIndex((d) => !d.pinned && d.activity < req.offset_date);
        start = i < 0 ? all.length : i;
      }
      const page = all.slice(start, start + limit);
      const dialogs: Dialog[] = [];
      const messages: Message[] = [];
      const refs: PeerRef[] = [];
      for (const d of page) {
        const top = b.messages.boxFor(me, d.peer).top(d.peer);
        const dialog: Dialog.dialog = {
          _: 'dialog',
          peer: tlPeer(d.peer),
          top_message: top?.id ?? 0,
          read_inbox_max_id: d.readInboxMaxId,
          read_outbox_max_id: d.peer.kind === 'channel' ? (b.chats.channel(d.peer.id)?.readMaxId ?? 0) : d.readOutboxMaxId,
          unread_count: unreadCount(b, me, d.peer, d.readInboxMaxId),
          unread_mentions_count: 0,
          unread_reactions_count: 0,
          unread_poll_votes_count: 0,
          notify_settings: { _: 'peerNotifySettings' },
        };
        if (d.pinned) dialog.pinned = true;
        if (d.unreadMark) dialog.unread_mark = true;
        if (d.draft) dialog.draft = toTlDraft(d.draft, call.now);
        if (d.peer.kind === 'channel') dialog.pts = b.updates.channelLog(d.peer.id).pts;
        dialogs.push(dialog);
        refs.push(d.peer);
        if (top) {
          messages.push(b.tlMessage(top, me));
          refs.push(...messageRefs(top));
        }
      }
      const { users, chats } = b.peerLists(me, refs);
      if (start === 0 && page.length === all.length) return { _: 'messages.dialogs', dialogs, messages, chats, users };
      return { _: 'messages.dialogsSlice', count: all.length, dialogs, messages, chats, users };
    },
  },
};
