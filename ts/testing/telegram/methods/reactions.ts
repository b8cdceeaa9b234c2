/**
 * `messages.sendReaction`, `messages.getMessagesReactions`,
 * `messages.getMessageReactionsList` (https://core.telegram.org/api/reactions):
 * a reaction changes the shared record (reactions-store.ts) and every member
 * of the chat gets `updateMessageReactions` for their copy of the message.
 */
import type { Reaction, Update } from '../../../tl/generated/types.js';
import type { TelegramBackend } from '../backend.js';
import { container, push } from '../actions/deliver.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { StoredMessage } from '../store/mailbox.js';
import { type PeerRef, tlPeer } from '../store/peer-ref.js';
import type { UpdateSubscriber } from '../update-hub.js';
import { caller, findMessage } from './messages-send.js';
import { checkReadable, resolvePeer } from './peers.js';
import { messageReactions, reactionKey, reactionsOn, setReactions } from './reactions-store.js';

/** Most different reactions one user may put on a message (Telegram's non-premium limit is 1; premium 3). */
const MAX_REACTIONS_PER_USER = 3;

/** Each member who sees `m` with their copy of it (one copy per account box; a channel's one copy for every member). */
export function messageAudience(b: TelegramBackend, m: StoredMessage): { viewer: bigint; copy: StoredMessage }[] {
  if (m.box.kind === 'channel') {
    const chat = b.chats.channel(m.box.id);
    return chat ? [...chat.members.keys()].map((viewer) => ({ viewer, copy: m })) : [];
  }
  return m.link.copies.filter((c) => c.box.kind === 'account').map((copy) => ({ viewer: copy.box.id, copy }));
}

/** Sends `make(viewer, copy)` to every member's sessions (the caller's own session excepted); returns the actor's update. */
export function pushToAudience(
  b: TelegramBackend,
  actor: bigint,
  m: StoredMessage,
  make: (viewer: bigint, copy: StoredMessage) => Update,
  except: UpdateSubscriber | undefined,
): Update | undefined {
  let own: Update | undefined;
  for (const { viewer, copy } of messageAudience(b, m)) {
    const u = make(viewer, copy);
    if (viewer === actor) own = u;
    push(b, viewer, container(b, viewer, [u], [copy.peer]), viewer === actor ? except : undefined);
  }
  return own;
}

function reactionsUpdate(viewer: bigint, copy: StoredMessage): Update {
  return {
    _: 'updateMessageReactions',
    peer: tlPeer(copy.peer),
    msg_id: copy.id,
    reactions: messageReactions(copy.link, viewer) ?? { _: 'messageReactions', results: [] },
  };
}

function checkReactions(list: readonly Reaction[]): Reaction[] {
  const out = list.filter((r) => r._ !== 'reactionEmpty');
  if (out.length > MAX_REACTIONS_PER_USER) throw badRequest('REACTIONS_TOO_MANY');
  for (const r of out) {
    if (r._ === 'reactionEmoji' && (r.emoticon.length === 0 || r.emoticon.length > 16)) throw badRequest('REACTION_INVALID');
    if (r._ === 'reactionPaid') throw badRequest('REACTION_INVALID');
  }
  if (new Set(out.map(reactionKey)).size !== out.length) throw badRequest('REACTION_INVALID');
  return out;
}

function messageOf(call: MethodCall, peer: PeerRef, id: number): StoredMessage {
  const m = findMessage(call, peer, id);
  if (m.action) throw badRequest('MESSAGE_ID_INVALID');
  return m;
}

/** `messages.sendReaction`, `messages.getMessagesReactions`, `messages.getMessageReactionsList`. */
export const reactionsMethods: MethodTable = {
  'messages.sendReaction': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const peer = resolvePeer(call, req.peer);
      checkReadable(call, peer);
      const m = messageOf(call, peer, req.msg_id);
      const reactions = checkReactions(req.reaction ?? []);
      setReactions(m.link, { userId: me, reactions, date: call.now, big: req.big === true });
      const own = pushToAudience(b, me, m, (viewer, copy) => reactionsUpdate(viewer, copy), caller(call));
      return container(b, me, own ? [own] : [], [peer]);
    },
  },
  'messages.getMessagesReactions': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const peer = resolvePeer(call, req.peer);
      checkReadable(call, peer);
      const list: Update[] = [];
      for (const id of req.id) {
        const m = b.messages.boxFor(me, peer).get(id);
        if (m && m.peer.kind === peer.kind && m.peer.id === peer.id) list.push(reactionsUpdate(me, m));
      }
      return container(b, me, list, [peer]);
    },
  },
  'messages.getMessageReactionsList': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const peer = resolvePeer(call, req.peer);
      checkReadable(call, peer);
      const m = messageOf(call, peer, req.id);
      if (!Number.isInteger(req.limit) || req.limit <= 0 || req.limit > 100) throw badRequest('LIMIT_INVALID');
      const wanted = req.reaction ? reactionKey(req.reaction) : undefined;
      // Newest first, one entry per (user, reaction); the offset is the index of the next entry.
      const all = reactionsOn(m.link)
        .slice()
        .reverse()
        .flatMap((p) => p.reactions.filter((r) => wanted === undefined || reactionKey(r) === wanted).map((r) => ({ p, r })));
      const from = req.offset ? Number.parseInt(req.offset, 10) : 0;
      if (!Number.isInteger(from) || from < 0) throw badRequest('OFFSET_INVALID');
      const page = all.slice(from, from + req.limit);
      const refs: PeerRef[] = page.map(({ p }) => ({ kind: 'user', id: p.userId }));
      const { users, chats } = b.peerLists(me, refs);
      return {
        _: 'messages.messageReactionsList',
        count: all.length,
        reactions: page.map(({ p, r }) => ({
          _: 'messagePeerReaction',
          peer_id: { _: 'peerUser', user_id: p.userId },
          date: p.date,
          reaction: r,
          ...(p.userId === me && { my: true }),
          ...(p.big && { big: true }),
        })),
        users,
        chats,
        ...(from + req.limit < all.length && { next_offset: String(from + req.limit) }),
      };
    },
  },
};
