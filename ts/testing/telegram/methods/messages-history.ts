/**
 * Reading messages: `messages.getHistory`, `messages.search` (text and media
 * filters in one chat), `messages.searchGlobal` (every chat the account reads),
 * `messages.getMessages`, `channels.getMessages`
 * (https://core.telegram.org/method/messages.getHistory and the pages of the others).
 */
import type { InputMessage, Message, messages } from '../../../tl/generated/types.js';
import { messageRefs } from '../actions/post.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { Mailbox, StoredMessage } from '../store/mailbox.js';
import type { PeerRef } from '../store/peer-ref.js';
import { type Slice, sliceHistory } from './history-slice.js';
import { checkReadable, resolveChannel, resolvePeer } from './peers.js';
import { messageFilter } from './search-filters.js';

/** Every message of `peer` in `box`, ascending. */
function messagesOf(box: Mailbox, peer: PeerRef): StoredMessage[] {
  const out: StoredMessage[] = [];
  for (const id of box.idsOf(peer)) {
    const m = box.get(id);
    if (m) out.push(m);
  }
  return out;
}

/** Whether a message mentions the caller (the "my mentions" filter). */
function mentionsCaller(call: MethodCall): (m: StoredMessage) => boolean {
  const me = call.self().id;
  return (m) => call.backend.mentions(m, me);
}

/** The `messages.Messages` answer for `list` as the caller sees it. */
export function messagesAnswer(
  call: MethodCall,
  list: (StoredMessage | Message)[],
  slice?: Slice,
  channel?: bigint,
  /** Listed in `users`/`chats` even when the page is empty (the chat a thread or topic belongs to). */
  also?: PeerRef,
): messages.Messages {
  const b = call.backend;
  const me = call.self().id;
  const refs: PeerRef[] = also ? [also] : [];
  const out: Message[] = list.map((m) => {
    if ('box' in m) {
      refs.push(...messageRefs(m));
      return b.tlMessage(m, me);
    }
    return m;
  });
  const { users, chats } = b.peerLists(me, refs);
  const common = { messages: out, topics: [], chats, users };
  if (channel !== undefined) {
    return {
      _: 'messages.channelMessages',
      pts: b.updates.channelLog(channel).pts,
      count: slice?.count ?? out.length,
      ...(slice && { offset_id_offset: slice.offsetIdOffset }),
      ...common,
    };
  }
  if (!slice || slice.complete) return { _: 'messages.messages', ...common };
  return { _: 'messages.messagesSlice', count: slice.count, offset_id_offset: slice.offsetIdOffset, ...common };
}

/** Looks up `InputMessage`s in `box` (ids, or the message another one replies to); missing ones become `messageEmpty`. */
function lookUp(box: Mailbox, ids: InputMessage[]): (StoredMessage | Message)[] {
  return ids.map((input): StoredMessage | Message => {
    let id: number | undefined;
    if (input._ === 'inputMessageID') id = input.id;
    else if (input._ === 'inputMessageReplyTo') {
      const m = box.get(input.id);
      id = m?.replyToId;
    }
    const m = id === undefined ? undefined : box.get(id);
    if (!m) return { _: 'messageEmpty', id: id ?? 0 };
    return m;
  });
}

/** `messages.getHistory`, `messages.search`, `messages.getMessages`, `channels.getMessages`. */
export const messagesHistoryMethods: MethodTable = {
  'messages.getHistory': {
    auth: true,
    run(call, req) {
      const peer = resolvePeer(call, req.peer);
      checkReadable(call, peer);
      const box = call.backend.messages.boxFor(call.self().id, peer);
      const slice = sliceHistory(messagesOf(box, peer), req);
      return messagesAnswer(call, slice.page, slice, peer.kind === 'channel' ? peer.id : undefined);
    },
  },
  'messages.search': {
    auth: true,
    run(call, req) {
      const peer = resolvePeer(call, req.peer);
      checkReadable(call, peer);
      const keep = messageFilter(req.filter, call.self().id, mentionsCaller(call));
      const from = req.from_id ? resolvePeer(call, req.from_id) : undefined;
      const q = req.q.toLowerCase();
      const box = call.backend.messages.boxFor(call.self().id, peer);
      const hits = messagesOf(box, peer).filter(
        (m) =>
          (!m.action || req.filter._ === 'inputMessagesFilterChatPhotos') &&
          keep(m) &&
          m.text.toLowerCase().includes(q) &&
          (from === undefined || (from.kind === 'user' && m.fromId === from.id)) &&
          (req.min_date <= 0 || m.date >= req.min_date) &&
          (req.max_date <= 0 || m.date <= req.max_date),
      );
      const slice = sliceHistory(hits, { ...req, offset_date: 0 });
      return messagesAnswer(call, slice.page, slice, peer.kind === 'channel' ? peer.id : undefined);
    },
  },
  'messages.searchGlobal': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const keep = messageFilter(req.filter, me, mentionsCaller(call));
      const q = req.q.toLowerCase();
      if (q === '' && req.filter._ === 'inputMessagesFilterEmpty') throw badRequest('SEARCH_QUERY_EMPTY');
      if (req.limit < 0 || req.limit > 100) throw badRequest('LIMIT_INVALID');
      // Every chat the account reads (https://core.telegram.org/method/messages.searchGlobal): private chats, groups, channels it is in.
      const hits: StoredMessage[] = [];
      for (const d of b.dialogs.sorted(me)) {
        const peer = d.peer;
        if (peer.kind !== 'user' && !b.chatOf(peer)?.members.has(me)) continue;
        const broadcast = peer.kind === 'channel' && b.chats.channel(peer.id)?.kind === 'broadcast';
        if (req.users_only && peer.kind !== 'user') continue;
        if (req.broadcasts_only && !broadcast) continue;
        if (req.groups_only && (peer.kind === 'user' || broadcast)) continue;
        for (const m of messagesOf(b.messages.boxFor(me, peer), peer)) {
          if (m.action || !keep(m) || !m.text.toLowerCase().includes(q)) continue;
          if ((req.min_date > 0 && m.date < req.min_date) || (req.max_date > 0 && m.date > req.max_date)) continue;
          hits.push(m);
        }
      }
      // Newest first; ties by chat, then id, so (offset_rate, offset_peer, offset_id) names one place in the order.
      const key = (m: StoredMessage) => `${m.peer.kind}${m.peer.id}`;
      hits.sort((x, y) => y.date - x.date || key(x).localeCompare(key(y)) || y.id - x.id);
      let start = 0;
      if (req.offset_rate > 0 || req.offset_id > 0) {
        const peer = req.offset_peer._ === 'inputPeerEmpty' ? undefined : resolvePeer(call, req.offset_peer);
        const at = hits.findIndex(
          (m) => m.date === req.offset_rate && m.id === req.offset_id && (!peer || (m.peer.kind === peer.kind && m.peer.id === peer.id)),
        );
        start = at >= 0 ? at + 1 : hits.findIndex((m) => m.date < req.offset_rate);
        if (start < 0) start = hits.length;
      }
      const page = hits.slice(start, start + (req.limit || 20));
      const more = start + page.length < hits.length;
      const answer = messagesAnswer(call, page);
      if (!more || answer._ !== 'messages.messages') return answer;
      return { ...answer, _: 'messages.messagesSlice', count: hits.length, next_rate: page.at(-1)!.date };
    },
  },
  'messages.getMessages': {
    auth: true,
    run(call, req) {
      return messagesAnswer(call, lookUp(call.backend.messages.account(call.self().id), req.id));
    },
  },
  'channels.getMessages': {
    auth: true,
    run(call, req) {
      const chat = resolveChannel(call, req.channel);
      checkReadable(call, { kind: 'channel', id: chat.id });
      return messagesAnswer(call, lookUp(call.backend.messages.channel(chat.id), req.id), undefined, chat.id);
    },
  },
};
