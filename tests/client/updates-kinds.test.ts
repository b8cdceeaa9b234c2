/**
 * The typed updates added for bots and chats (no server): ParticipantUpdate
 * (joined/left/promoted/banned read from the participant records),
 * MessageReaction (added/removed by one user; counts), ShippingQuery and
 * PreCheckoutQuery (their answers as the TL requests the spec names),
 * ChatBoost, BotStopped; RawUpdate's chat id; and the album collector
 * (parts sharing grouped_id → one Album: window, 10-part cap, flush on a
 * later message of the chat, discard).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  Album,
  AlbumCollector,
  type AlbumTimers,
  type ChatBoost,
  type ClientCore,
  type MessageReaction,
  NewMessage,
  type ParticipantUpdate,
  PeerIndex,
  type PreCheckoutQuery,
  type RawUpdate,
  type ShippingQuery,
  toTypedUpdate,
} from '../../ts/client/index.js';
import { Message } from '../../ts/client/types/message.js';
import type { AnyRequest, Update, User } from '../../ts/tl/generated/types.js';

const calls: AnyRequest[] = [];
const client = {
  invoke: async (r: AnyRequest) => {
    calls.push(r);
    return true;
  },
  sendMessage: async () => undefined,
} as unknown as ClientCore;
const bob: User.user = { _: 'user', id: 7n, access_hash: 70n, first_name: 'Bob', bot: false };
const peers = new PeerIndex([bob]);

test('updateChannelParticipant: joined, left, promoted, banned; marked chat id; user from the peers', () => {
  const base = { _: 'updateChannelParticipant' as const, channel_id: 55n, date: 1, actor_id: 7n, user_id: 7n, qts: 3 };
  const joined = toTypedUpdate(
    client,
    { ...base, new_participant: { _: 'channelParticipant', user_id: 7n, date: 1 } },
    peers,
  ) as ParticipantUpdate;
  assert.is(joined.kind, 'participantUpdate');
  assert.is(joined.change, 'joined');
  assert.is(joined.chatId, -1_000_000_000_055n);
  assert.is(joined.user?.firstName, 'Bob');
  const left = toTypedUpdate(
    client,
    { ...base, prev_participant: { _: 'channelParticipant', user_id: 7n, date: 1 } },
    peers,
  ) as ParticipantUpdate;
  assert.is(left.change, 'left');
  const promoted = toTypedUpdate(
    client,
    {
      ...base,
      prev_participant: { _: 'channelParticipant', user_id: 7n, date: 1 },
      new_participant: {
        _: 'channelParticipantAdmin',
        user_id: 7n,
        promoted_by: 1n,
        date: 1,
        admin_rights: { _: 'chatAdminRights' },
      },
    },
    peers,
  ) as ParticipantUpdate;
  assert.is(promoted.change, 'promoted');
  const banned = toTypedUpdate(
    client,
    {
      ...base,
      prev_participant: { _: 'channelParticipant', user_id: 7n, date: 1 },
      new_participant: {
        _: 'channelParticipantBanned',
        left: true,
        peer: { _: 'peerUser', user_id: 7n },
        kicked_by: 1n,
        date: 1,
        banned_rights: { _: 'chatBannedRights', view_messages: true, until_date: 0 },
      },
    },
    peers,
  ) as ParticipantUpdate;
  assert.is(banned.change, 'banned');
  const group = toTypedUpdate(
    client,
    {
      _: 'updateChatParticipant',
      chat_id: 9n,
      date: 1,
      actor_id: 7n,
      user_id: 7n,
      qts: 4,
      new_participant: { _: 'chatParticipant', user_id: 7n, inviter_id: 1n, date: 1 },
    },
    peers,
  ) as ParticipantUpdate;
  assert.is(group.chatId, -9n);
  assert.is(group.change, 'joined');
});

test('updateBotMessageReaction: who reacted, what was added and removed; counts from updateBotMessageReactions', () => {
  const r = toTypedUpdate(
    client,
    {
      _: 'updateBotMessageReaction',
      peer: { _: 'peerChat', chat_id: 9n },
      msg_id: 12,
      date: 1,
      actor: { _: 'peerUser', user_id: 7n },
      old_reactions: [{ _: 'reactionEmoji', emoticon: '👍' }],
      new_reactions: [
        { _: 'reactionEmoji', emoticon: '🔥' },
        { _: 'reactionCustomEmoji', document_id: 5n },
      ],
      qts: 5,
    },
    peers,
  ) as MessageReaction;
  assert.is(r.kind, 'messageReaction');
  assert.is(r.chatId, -9n);
  assert.is(r.messageId, 12);
  assert.is(r.userId, 7n);
  assert.is(r.from?.id, 7n);
  assert.equal(r.emojis, ['🔥']);
  assert.is(r.added.length, 2);
  assert.equal(r.removed, [{ _: 'reactionEmoji', emoticon: '👍' }]);
  const counts = toTypedUpdate(
    client,
    {
      _: 'updateBotMessageReactions',
      peer: { _: 'peerChannel', channel_id: 55n },
      msg_id: 3,
      date: 1,
      reactions: [{ _: 'reactionCount', reaction: { _: 'reactionEmoji', emoticon: '❤' }, count: 4 }],
      qts: 6,
    },
    peers,
  ) as MessageReaction;
  assert.is(counts.userId, undefined);
  assert.is(counts.counts[0]?.count, 4);
  assert.equal(counts.added, []);
});

test('ShippingQuery.answer and PreCheckoutQuery.answer send messages.setBotShippingResults / setBotPrecheckoutResults', async () => {
  calls.length = 0;
  const payload = new TextEncoder().encode('order-1');
  const ship = toTypedUpdate(
    client,
    {
      _: 'updateBotShippingQuery',
      query_id: 11n,
      user_id: 7n,
      payload,
      shipping_address: { _: 'postAddress', street_line1: 'a', street_line2: '', city: 'c', state: '', country_iso2: 'DE', post_code: '1' },
    },
    peers,
  ) as ShippingQuery;
  assert.is(ship.kind, 'shippingQuery');
  assert.is(ship.address.country_iso2, 'DE');
  await ship.answer({ error: 'NO_SHIPPING' });
  await ship.answer({
    options: [{ _: 'shippingOption', id: 'post', title: 'Post', prices: [{ _: 'labeledPrice', label: 'x', amount: 100n }] }],
  });
  const pre = toTypedUpdate(
    client,
    { _: 'updateBotPrecheckoutQuery', query_id: 12n, user_id: 7n, payload, currency: 'XTR', total_amount: 50n },
    peers,
  ) as PreCheckoutQuery;
  assert.is(pre.kind, 'preCheckoutQuery');
  assert.is(pre.totalAmount, 50n);
  await pre.answer({ ok: true });
  await pre.answer({ error: 'SOLD_OUT' });
  assert.equal(calls, [
    { _: 'messages.setBotShippingResults', query_id: 11n, error: 'NO_SHIPPING' },
    {
      _: 'messages.setBotShippingResults',
      query_id: 11n,
      shipping_options: [{ _: 'shippingOption', id: 'post', title: 'Post', prices: [{ _: 'labeledPrice', label: 'x', amount: 100n }] }],
    },
    { _: 'messages.setBotPrecheckoutResults', query_id: 12n, success: true },
    { _: 'messages.setBotPrecheckoutResults', query_id: 12n, error: 'SOLD_OUT' },
  ]);
});

test('updateBotChatBoost → ChatBoost; updateBotStopped → BotStopped; RawUpdate names the chat of a read receipt', () => {
  const boost = toTypedUpdate(
    client,
    {
      _: 'updateBotChatBoost',
      peer: { _: 'peerChannel', channel_id: 55n },
      boost: { _: 'boost', id: 'b1', user_id: 7n, date: 1, expires: 100 },
      qts: 7,
    },
    peers,
  ) as ChatBoost;
  assert.is(boost.kind, 'chatBoost');
  assert.is(boost.chatId, -1_000_000_000_055n);
  assert.is(boost.userId, 7n);
  assert.is(boost.expires.getTime(), 100_000);
  const stopped = toTypedUpdate(client, { _: 'updateBotStopped', user_id: 7n, date: 1, stopped: true, qts: 8 }, peers);
  assert.is(stopped?.kind, 'botStopped');
  const read = toTypedUpdate(
    client,
    { _: 'updateReadHistoryOutbox', peer: { _: 'peerUser', user_id: 7n }, max_id: 5, pts: 3, pts_count: 1 },
    peers,
  ) as RawUpdate;
  assert.is(read.kind, 'raw');
  assert.is(read.chatId, 7n);
  const chan = toTypedUpdate(client, { _: 'updateReadChannelOutbox', channel_id: 55n, max_id: 5 }, peers) as RawUpdate;
  assert.is(chan.chatId, -1_000_000_000_055n);
  const none = toTypedUpdate(client, { _: 'updateConfig' } as Update, peers) as RawUpdate;
  assert.is(none.chatId, undefined);
});

// ---- albums

function part(id: number, grouped: bigint | undefined, chat = 7n, text = ''): NewMessage {
  const raw = {
    _: 'message' as const,
    id,
    peer_id: { _: 'peerUser' as const, user_id: chat },
    date: 1,
    message: text,
    ...(grouped !== undefined && { grouped_id: grouped }),
  };
  const u: Update = { _: 'updateNewMessage', message: raw, pts: id, pts_count: 1 };
  return new NewMessage(client, new Message(client, raw, peers), u);
}

function manualTimers(): AlbumTimers & { fire(): void; armed(): number } {
  const pending = new Map<number, () => void>();
  let n = 0;
  return {
    setTimeout: (fn) => (pending.set(++n, fn), n),
    clearTimeout: (h) => void pending.delete(h as number),
    fire: () => {
      for (const [k, fn] of [...pending]) {
        pending.delete(k);
        fn();
      }
    },
    armed: () => pending.size,
  };
}

test('albums: parts sharing grouped_id become one Album after the window, in id order, caption from any part', async () => {
  const timers = manualTimers();
  const out: Album[] = [];
  const c = new AlbumCollector(250, async (a) => void out.push(a), timers);
  const p2 = c.add(part(21, 5n, 7n, 'caption'));
  const p1 = c.add(part(20, 5n));
  const other = c.add(part(30, 6n, 8n));
  assert.is(c.pending, 2);
  assert.is(out.length, 0, 'waits for the window');
  timers.fire();
  await Promise.all([p1, p2, other]);
  assert.is(out.length, 2);
  const a = out.find((x) => x.groupedId === 5n)!;
  assert.ok(a instanceof Album);
  assert.equal(
    a.messages.map((m) => m.id),
    [20, 21],
  );
  assert.is(a.text, 'caption');
  assert.is(a.chat.id, 7n);
  assert.is(a.id, 20);
  assert.is(c.pending, 0);
});

test('albums: 10 parts go out at once; a later message of the chat flushes its album first; discard drops without emitting', async () => {
  const timers = manualTimers();
  const out: Album[] = [];
  const c = new AlbumCollector(250, async (a) => void out.push(a), timers);
  const all: Promise<void>[] = [];
  for (let i = 0; i < 10; i++) all.push(c.add(part(100 + i, 9n)));
  await Promise.all(all);
  assert.is(out.length, 1);
  assert.is(out[0]!.parts.length, 10);
  assert.is(timers.armed(), 0, 'its timer is cleared');
  void c.add(part(200, 10n, 7n));
  void c.add(part(300, 11n, 8n));
  c.flushChat(7n);
  assert.is(out.length, 2);
  assert.is(out[1]!.groupedId, 10n);
  assert.is(c.pending, 1, 'the other chat still waits');
  c.discard();
  assert.is(c.pending, 0);
  assert.is(timers.armed(), 0);
  assert.is(out.length, 2);
});

test('albums: a part settles only when the album handler settled (the at-least-once commit waits for it)', async () => {
  const timers = manualTimers();
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const c = new AlbumCollector(250, () => gate, timers);
  let settled = false;
  const p = c.add(part(1, 1n)).then(() => (settled = true));
  timers.fire();
  await new Promise((r) => setTimeout(r, 5));
  assert.is(settled, false);
  release();
  await p;
  assert.is(settled, true);
});

test.run();
