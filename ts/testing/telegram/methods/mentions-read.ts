/**
 * Unread mentions (https://core.telegram.org/api/mentions): a message that
 * mentions an account (methods/mentions.ts) stays an unread mention for it —
 * `media_unread` on the message, listed by `messages.getUnreadMentions` —
 * until the account reads its contents (`messages.readMessageContents`,
 * `channels.readMessageContents`) or all of a chat's at once
 * (`messages.readMentions`). Only the read ones are remembered, per account
 * and message box, so the state grows with what was read, never with input.
 */
import type { TelegramBackend } from '../backend.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import type { Mailbox, MessageBoxRef, StoredMessage } from '../store/mailbox.js';
import type { PeerRef } from '../store/peer-ref.js';
import { sliceHistory } from './history-slice.js';
import { messagesAnswer } from './messages-history.js';
import { checkReadable, resolveChannel, resolvePeer } from './peers.js';

const stores = new WeakMap<TelegramBackend, Map<string, Set<number>>>();

/** The ids of mentions `viewer` has read in `box`. */
function readIds(b: TelegramBackend, viewer: bigint, box: MessageBoxRef): Set<number> {
  let all = stores.get(b);
  if (!all) stores.set(b, (all = new Map()));
  const key = `${viewer}|${box.kind}${box.id}`;
  let set = all.get(key);
  if (!set) all.set(key, (set = new Set()));
  return set;
}

/** Whether `m` is a mention of `viewer` that `viewer` has not read yet. */
export function isUnreadMention(b: TelegramBackend, m: StoredMessage, viewer: bigint): boolean {
  return b.mentions(m, viewer) && !stores.get(b)?.get(`${viewer}|${m.box.kind}${m.box.id}`)?.has(m.id);
}

/** The unread mentions of `viewer` in chat `peer` of `box`, ascending. */
function unreadIn(b: TelegramBackend, box: Mailbox, peer: PeerRef, viewer: bigint): StoredMessage[] {
  const out: StoredMessage[] = [];
  for (const id of box.idsOf(peer)) {
    const m = box.get(id);
    if (m && isUnreadMention(b, m, viewer)) out.push(m);
  }
  return out;
}

/** Marks `ids` of `box` read for `viewer` (ids that are no mention of it are ignored). */
function markRead(b: TelegramBackend, box: Mailbox, viewer: bigint, ids: Iterable<number>): void {
  const set = readIds(b, viewer, box.ref);
  for (const id of ids) {
    const m = box.get(id);
    if (m && b.mentions(m, viewer)) set.add(id);
  }
}

/** `messages.getUnreadMentions`, `messages.readMentions`, `messages.readMessageContents`, `channels.readMessageContents`. */
export const mentionsReadMethods: MethodTable = {
  'messages.getUnreadMentions': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const peer = resolvePeer(call, req.peer);
      checkReadable(call, peer);
      const box = b.messages.boxFor(me, peer);
      const slice = sliceHistory(unreadIn(b, box, peer, me), { ...req, offset_date: 0 });
      return messagesAnswer(call, slice.page, slice, peer.kind === 'channel' ? peer.id : undefined);
    },
  },
  'messages.readMentions': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const peer = resolvePeer(call, req.peer);
      checkReadable(call, peer);
      const box = b.messages.boxFor(me, peer);
      markRead(
        b,
        box,
        me,
        unreadIn(b, box, peer, me).map((m) => m.id),
      );
      const pts = peer.kind === 'channel' ? b.updates.channelLog(peer.id).pts : b.updates.state(me).pts;
      return { _: 'messages.affectedHistory', pts, pts_count: 0, offset: 0 };
    },
  },
  'messages.readMessageContents': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      markRead(call.backend, call.backend.messages.account(me), me, req.id);
      return { _: 'messages.affectedMessages', pts: call.backend.updates.state(me).pts, pts_count: 0 };
    },
  },
  'channels.readMessageContents': {
    auth: true,
    run(call: MethodCall, req) {
      const chat = resolveChannel(call, req.channel);
      checkReadable(call, { kind: 'channel', id: chat.id });
      markRead(call.backend, call.backend.messages.channel(chat.id), call.self().id, req.id);
      return true;
    },
  },
};
