/** Plain TL objects for message box tests (fixed vectors: every pts, qts and seq is written out in the test). */
import type { Chat, Message, Update, Updates, User, updates } from '../../ts/tl/generated/types.js';
import type { BoxOutput, BoxRequest } from '../../ts/updates/index.js';

export const SELF = 1000n;
export const ALICE = 2001n;
export const CHANNEL = 7001n;
export const CHANNEL_HASH = 0x5eedn;

export function userMessage(id: number, from = ALICE, text = `m${id}`): Message.message {
  return {
    _: 'message',
    id,
    from_id: { _: 'peerUser', user_id: from },
    peer_id: { _: 'peerUser', user_id: from },
    date: 1700000000 + id,
    message: text,
  };
}

export function channelMessage(id: number, channel = CHANNEL): Message.message {
  return { _: 'message', id, peer_id: { _: 'peerChannel', channel_id: channel }, date: 1700000000 + id, message: `c${id}` };
}

/** `updateNewMessage` with account pts. */
export function newMessage(id: number, pts: number, ptsCount = 1): Update.updateNewMessage {
  return { _: 'updateNewMessage', message: userMessage(id), pts, pts_count: ptsCount };
}

/** `updateNewChannelMessage` with channel pts. */
export function newChannelMessage(id: number, pts: number, channel = CHANNEL, ptsCount = 1): Update.updateNewChannelMessage {
  return { _: 'updateNewChannelMessage', message: channelMessage(id, channel), pts, pts_count: ptsCount };
}

/** `updateBotStopped` carries qts. */
export function botStopped(qts: number, user = ALICE): Update.updateBotStopped {
  return { _: 'updateBotStopped', user_id: user, date: 1700000000, stopped: true, qts };
}

export function short(update: Update, date = 1700000000): Updates.updateShort {
  return { _: 'updateShort', update, date };
}

export function container(
  list: Update[],
  seq: number,
  extra: { users?: User[]; chats?: Chat[]; seqStart?: number; date?: number } = {},
): Updates {
  const date = extra.date ?? 1700000000 + seq;
  if (extra.seqStart !== undefined) {
    return {
      _: 'updatesCombined',
      updates: list,
      users: extra.users ?? [],
      chats: extra.chats ?? [],
      date,
      seq_start: extra.seqStart,
      seq,
    };
  }
  return { _: 'updates', updates: list, users: extra.users ?? [], chats: extra.chats ?? [], date, seq };
}

export function user(id: bigint): User.user {
  return { _: 'user', id, access_hash: id * 3n, first_name: `u${id}` } as User.user;
}

export function channelChat(id = CHANNEL, accessHash = CHANNEL_HASH): Chat.channel {
  return { _: 'channel', id, access_hash: accessHash, title: 'chan', photo: { _: 'chatPhotoEmpty' }, date: 1 } as Chat.channel;
}

export function state(pts: number, qts: number, date: number, seq: number): updates.State.state {
  return { _: 'updates.state', pts, qts, date, seq, unread_count: 0 };
}

export function difference(
  newMessages: Message[],
  other: Update[],
  s: updates.State.state,
  extra: { users?: User[]; chats?: Chat[] } = {},
): updates.Difference.difference {
  return {
    _: 'updates.difference',
    new_messages: newMessages,
    new_encrypted_messages: [],
    other_updates: other,
    chats: extra.chats ?? [],
    users: extra.users ?? [],
    state: s,
  };
}

export function slice(newMessages: Message[], other: Update[], s: updates.State.state): updates.Difference.differenceSlice {
  return {
    _: 'updates.differenceSlice',
    new_messages: newMessages,
    new_encrypted_messages: [],
    other_updates: other,
    chats: [],
    users: [],
    intermediate_state: s,
  };
}

export function channelDifference(
  pts: number,
  newMessages: Message[],
  opts: { final?: boolean; timeout?: number; other?: Update[] } = {},
): updates.ChannelDifference.channelDifference {
  return {
    _: 'updates.channelDifference',
    final: opts.final ?? true,
    pts,
    timeout: opts.timeout,
    new_messages: newMessages,
    other_updates: opts.other ?? [],
    chats: [],
    users: [],
  };
}

/** Ids of the messages in delivered updates (`messageEmpty` included), or the update names for others. */
export function ids(out: BoxOutput): Array<number | string> {
  return out.updates.map((u) => {
    const m = (u as { message?: { id?: number } }).message;
    return typeof m === 'object' && m && typeof m.id === 'number' ? m.id : u._;
  });
}

/** The only request of an output, asserting there is exactly one of `kind`. */
export function onlyRequest<K extends BoxRequest['kind']>(out: BoxOutput, kind: K): Extract<BoxRequest, { kind: K }> {
  if (out.requests.length !== 1 || out.requests[0]!.kind !== kind) {
    throw new Error(`expected one ${kind} request, got ${JSON.stringify(out.requests.map((r) => r.kind))}`);
  }
  return out.requests[0] as Extract<BoxRequest, { kind: K }>;
}

/** Peer cache stand-in: knows exactly the listed ids. */
export function peersKnowing(users: bigint[], chats: bigint[] = [], channels: Array<[bigint, bigint]> = [[CHANNEL, CHANNEL_HASH]]) {
  const u = new Set(users);
  const c = new Set(chats);
  const h = new Map(channels);
  return {
    hasPeer: (kind: 'user' | 'chat', id: bigint) => (kind === 'user' ? u.has(id) : c.has(id)),
    channelAccessHash: (id: bigint) => h.get(id),
  };
}

/** `updateBotCallbackQuery`: no pts, never part of a difference. */
export function callbackQuery(queryId: bigint): Update.updateBotCallbackQuery {
  return {
    _: 'updateBotCallbackQuery',
    query_id: queryId,
    user_id: ALICE,
    peer: { _: 'peerUser', user_id: ALICE },
    msg_id: 1,
    chat_instance: 1n,
  };
}
