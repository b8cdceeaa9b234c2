/**
 * `updates.getState`, `updates.getDifference` and
 * `updates.getChannelDifference` (https://core.telegram.org/api/updates):
 * what a client missed, replayed from the pts logs (and, for
 * `getDifference`, the account's qts log: bot updates such as
 * `updateChannelParticipant`). A difference carries
 * at most `BackendOptions.differenceLimit` events; past that it is a
 * `differenceSlice` and the client asks again from its intermediate state.
 * A client behind what the log keeps gets `...TooLong`.
 */
import type { Message, Peer, Update } from '../../../tl/generated/types.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { PtsEntry } from '../store/update-log.js';
import { type PeerRef, refOf } from '../store/peer-ref.js';
import { unreadCount } from '../actions/change.js';
import { resolveChannel } from './peers.js';

/** Peers a TL message or update mentions (chat, author, forward source, service-action users). */
function refsOf(x: Message | Update, into: PeerRef[]): void {
  const o = x as {
    peer_id?: Peer;
    peer?: Peer;
    from_id?: Peer;
    fwd_from?: { from_id?: Peer };
    action?: { users?: bigint[]; user_id?: bigint };
    message?: unknown;
    channel_id?: bigint;
  };
  if (o.peer_id) into.push(refOf(o.peer_id));
  if (o.peer && typeof o.peer === 'object' && '_' in o.peer && o.peer._.startsWith('peer')) into.push(refOf(o.peer));
  if (o.from_id) into.push(refOf(o.from_id));
  if (o.fwd_from?.from_id) into.push(refOf(o.fwd_from.from_id));
  for (const id of o.action?.users ?? []) into.push({ kind: 'user', id });
  if (o.action?.user_id !== undefined) into.push({ kind: 'user', id: o.action.user_id });
  if (typeof o.channel_id === 'bigint') into.push({ kind: 'channel', id: o.channel_id });
  // Bot updates (qts) name their users directly.
  const u = x as { user_id?: unknown; actor_id?: unknown };
  if (typeof u.user_id === 'bigint') into.push({ kind: 'user', id: u.user_id });
  if (typeof u.actor_id === 'bigint') into.push({ kind: 'user', id: u.actor_id });
  if (o.message && typeof o.message === 'object') refsOf(o.message as Message, into);
}

/** Splits logged events into new messages and other updates; `render` re-renders a message for the viewer. */
function split(entries: PtsEntry[], render: (m: Message) => Message | undefined) {
  const newMessages: Message[] = [];
  const other: Update[] = [];
  const refs: PeerRef[] = [];
  for (const e of entries) {
    const u = e.update;
    if (u._ === 'updateNewMessage' || u._ === 'updateNewChannelMessage') {
      const m = render(u.message);
      if (m) {
        newMessages.push(m);
        refsOf(m, refs);
      }
    } else {
      const r = 'message' in u && u._ === 'updateEditChannelMessage' ? { ...u, message: render(u.message) ?? u.message } : u;
      other.push(r);
      refsOf(r, refs);
    }
  }
  return { newMessages, other, refs };
}

function state(call: MethodCall) {
  const s = call.backend.updates.state(call.self().id);
  return { _: 'updates.state' as const, pts: s.pts, qts: s.qts, date: call.now, seq: s.seq, unread_count: 0 };
}

/** `updates.getState`, `updates.getDifference`, `updates.getChannelDifference`. */
export const updatesMethods: MethodTable = {
  'updates.getState': {
    auth: true,
    run: (call) => state(call),
  },
  'updates.getDifference': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const s = b.updates.state(me);
      if (req.pts > s.pts) throw badRequest('PERSISTENT_TIMESTAMP_INVALID');
      // The qts sequence (bot updates) is replayed beside pts: what came after the client's qts, as far as the log reaches.
      const qtsLog = b.updates.qtsLog(me);
      const qtsEntries = req.qts >= s.qts ? [] : (qtsLog.since(Math.max(0, req.qts)) ?? qtsLog.kept());
      if (req.pts === s.pts && qtsEntries.length === 0) return { _: 'updates.differenceEmpty', date: call.now, seq: s.seq };
      const entries = req.pts === s.pts ? [] : b.updates.accountLog(me).since(req.pts);
      if (!entries) return { _: 'updates.differenceTooLong', pts: s.pts };
      const cap = Math.max(1, Math.min(b.differenceLimit, req.pts_total_limit ?? Number.POSITIVE_INFINITY));
      const taken = entries.slice(0, cap);
      const qtsCap = Math.max(1, Math.min(b.differenceLimit, req.qts_limit ?? Number.POSITIVE_INFINITY));
      const qtsTaken = qtsEntries.slice(0, qtsCap);
      const { newMessages, other, refs } = split([...taken, ...qtsTaken], (m) => m);
      const lists = b.peerLists(me, refs);
      const common = { new_messages: newMessages, new_encrypted_messages: [], other_updates: other, ...lists };
      if (taken.length < entries.length || qtsTaken.length < qtsEntries.length) {
        const pts = taken.length > 0 ? taken[taken.length - 1]! : undefined;
        const qts = qtsTaken.length > 0 ? qtsTaken[qtsTaken.length - 1]!.pts : req.qts;
        return {
          _: 'updates.differenceSlice',
          ...common,
          intermediate_state: {
            _: 'updates.state',
            pts: pts?.pts ?? req.pts,
            qts,
            date: pts?.date ?? call.now,
            seq: s.seq,
            unread_count: 0,
          },
        };
      }
      return { _: 'updates.difference', ...common, state: state(call) };
    },
  },
  'updates.getChannelDifference': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const chat = resolveChannel(call, req.channel);
      if (!chat.members.has(me) && chat.username === undefined) throw badRequest('CHANNEL_PRIVATE');
      const log = b.updates.channelLog(chat.id);
      if (req.pts <= 0) throw badRequest('PERSISTENT_TIMESTAMP_EMPTY');
      if (req.pts > log.pts) throw badRequest('PERSISTENT_TIMESTAMP_INVALID');
      const timeout = 30;
      const entries = log.since(req.pts);
      const box = b.messages.channel(chat.id);
      const ref: PeerRef = { kind: 'channel', id: chat.id };
      if (!entries) {
        const top = box.top(ref);
        const readInbox = b.dialogs.get(me, ref)?.readInboxMaxId ?? 0;
        return {
          _: 'updates.channelDifferenceTooLong',
          final: true,
          timeout,
          dialog: {
            _: 'dialog',
            peer: { _: 'peerChannel', channel_id: chat.id },
            top_message: top?.id ?? 0,
            read_inbox_max_id: readInbox,
            read_outbox_max_id: chat.readMaxId,
            unread_count: unreadCount(b, me, ref, readInbox),
            unread_mentions_count: 0,
            unread_reactions_count: 0,
            unread_poll_votes_count: 0,
            notify_settings: { _: 'peerNotifySettings' },
            pts: log.pts,
          },
          messages: top ? [b.tlMessage(top, me)] : [],
          ...b.peerLists(me, [ref, ...(top?.fromId !== undefined ? [{ kind: 'user' as const, id: top.fromId }] : [])]),
        };
      }
      if (entries.length === 0) return { _: 'updates.channelDifferenceEmpty', final: true, pts: log.pts, timeout };
      const limit = req.limit <= 0 ? 100 : Math.min(req.limit, 100_000);
      const taken = entries.slice(0, limit);
      // Messages as the viewer sees them now (`out` depends on who asks); deleted ones are left out.
      const render = (m: Message) => {
        const stored = box.get(m.id);
        return stored ? b.tlMessage(stored, me) : undefined;
      };
      const { newMessages, other, refs } = split(taken, render);
      return {
        _: 'updates.channelDifference',
        ...(taken.length === entries.length && { final: true }),
        pts: taken[taken.length - 1]!.pts,
        timeout,
        new_messages: newMessages,
        other_updates: other,
        ...b.peerLists(me, [ref, ...refs]),
      };
    },
  },
};
