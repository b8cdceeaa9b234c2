/**
 * Typed updates from raw TL updates (no server): which class each update
 * becomes and what it exposes; the `client.updates()` queue (order,
 * backpressure, done-when-next, break); the runner's peer cache (a `min`
 * user never replaces a full one).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type ClientCore, type NewMessage, PeerIndex, toTypedUpdate, UpdateQueue } from '../../ts/client/index.js';
import { PeerCache } from '../../ts/client/updates/peer-cache.js';
import type { AnyRequest, Update, User } from '../../ts/tl/generated/types.js';
import { ArgumentError } from '../../ts/errors.js';

const calls: AnyRequest[] = [];
const client = {
  invoke: async (r: AnyRequest) => {
    calls.push(r);
    return true;
  },
  sendMessage: async () => undefined,
} as unknown as ClientCore;

const bob: User.user = { _: 'user', id: 7n, access_hash: 70n, first_name: 'Bob', username: 'bob', bot: false };
const peers = new PeerIndex(
  [bob],
  [{ _: 'channel', id: 55n, access_hash: 5n, title: 'News', megagroup: true, date: 0, photo: { _: 'chatPhotoEmpty' } }],
);

test('updateNewMessage → NewMessage with the MessageLike fields the filters read', () => {
  const u: Update = {
    _: 'updateNewMessage',
    pts: 2,
    pts_count: 1,
    message: {
      _: 'message',
      id: 10,
      peer_id: { _: 'peerUser', user_id: 7n },
      date: 1,
      message: '/start x',
      reply_to: { _: 'messageReplyHeader', reply_to_msg_id: 9 },
    },
  };
  const t = toTypedUpdate(client, u, peers) as NewMessage;
  assert.is(t.kind, 'newMessage');
  assert.is(t.text, '/start x');
  assert.is(t.id, 10);
  assert.equal({ id: t.chat.id, type: t.chat.type }, { id: 7n, type: 'private' });
  assert.equal({ id: t.sender?.id, username: t.sender?.username, isBot: t.sender?.isBot }, { id: 7n, username: 'bob', isBot: false });
  assert.equal(t.replyToMessage, { id: 9 });
  assert.is(t.media, undefined);
  assert.is(t.message.sender?.id, 7n);
});

test('supergroup message: marked chat id, type supergroup; edit → MessageEdited', () => {
  const m = {
    _: 'message' as const,
    id: 3,
    peer_id: { _: 'peerChannel' as const, channel_id: 55n },
    from_id: { _: 'peerUser' as const, user_id: 7n },
    date: 1,
    message: 'hi',
    media: { _: 'messageMediaGeo' as const, geo: { _: 'geoPointEmpty' as const } },
  };
  const t = toTypedUpdate(client, { _: 'updateEditChannelMessage', message: m, pts: 5, pts_count: 1 }, peers) as NewMessage;
  assert.is(t.kind, 'messageEdited');
  assert.is(t.chat.id, -1000000000055n);
  assert.is(t.chat.type, 'supergroup');
  assert.equal(t.media, { type: 'geo' });
});

test('other kinds: deleted, callback query (answer), typing, status, raw; nothing for updateMessageID / messageEmpty', async () => {
  const del = toTypedUpdate(client, { _: 'updateDeleteChannelMessages', channel_id: 55n, messages: [1, 2], pts: 3, pts_count: 2 }, peers);
  assert.equal(del?.kind === 'messageDeleted' && [del.ids, del.channelId], [[1, 2], 55n]);
  const cb = toTypedUpdate(
    client,
    {
      _: 'updateBotCallbackQuery',
      query_id: 99n,
      user_id: 7n,
      peer: { _: 'peerUser', user_id: 7n },
      msg_id: 4,
      chat_instance: 1n,
      data: new TextEncoder().encode('buy:1'),
    },
    peers,
  );
  assert.ok(cb?.kind === 'callbackQuery');
  if (cb?.kind !== 'callbackQuery') return;
  assert.is(cb.dataText, 'buy:1');
  assert.is(cb.from?.firstName, 'Bob');
  assert.is(cb.messageId, 4);
  await cb.answer({ text: 'ok' });
  assert.equal(calls.pop(), { _: 'messages.setBotCallbackAnswer', query_id: 99n, cache_time: 0, message: 'ok' });
  const typing = toTypedUpdate(
    client,
    { _: 'updateChatUserTyping', chat_id: 12n, from_id: { _: 'peerUser', user_id: 7n }, action: { _: 'sendMessageTypingAction' } },
    peers,
  );
  assert.equal(typing?.kind === 'userTyping' && [typing.userId, typing.chatId], [7n, -12n]);
  const status = toTypedUpdate(client, { _: 'updateUserStatus', user_id: 7n, status: { _: 'userStatusOnline', expires: 5 } }, peers);
  assert.equal(status?.kind === 'userStatus' && status.online, true);
  const raw = toTypedUpdate(
    client,
    { _: 'updateReadHistoryInbox', peer: { _: 'peerUser', user_id: 7n }, max_id: 3, still_unread_count: 0, pts: 9, pts_count: 1 },
    peers,
  );
  assert.equal(raw?.kind === 'raw' && raw.type, 'updateReadHistoryInbox');
  assert.is(toTypedUpdate(client, { _: 'updateMessageID', id: 1, random_id: 2n }, peers), undefined);
  assert.is(
    toTypedUpdate(client, { _: 'updateNewMessage', message: { _: 'messageEmpty', id: 1 }, pts: 1, pts_count: 1 }, peers),
    undefined,
  );
});

test('UpdateQueue: order, room() while full, an update is done when the loop asks for the next, break ends', async () => {
  const q = new UpdateQueue(2);
  const mk = (i: number) => toTypedUpdate(client, { _: 'updateUserStatus', user_id: BigInt(i), status: { _: 'userStatusEmpty' } }, peers)!;
  const done: number[] = [];
  for (let i = 1; i <= 3; i++) void q.push(mk(i)).then(() => done.push(i));
  assert.ok(q.room() instanceof Promise, 'full: room() waits');
  const first = await q.next();
  assert.is(first.value?.kind === 'userStatus' && first.value.userId, 1n);
  await Promise.resolve();
  assert.equal(done, [], 'not done while the loop body runs');
  await q.next();
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(done, [1]);
  assert.is(q.room(), undefined, 'room again');
  await q.return();
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(done.sort(), [1, 2, 3], 'ending settles the rest');
  assert.equal(await q.next(), { value: undefined, done: true });
  assert.throws(
    () => new UpdateQueue(0),
    (e: unknown) => e instanceof ArgumentError,
  );
});

test('PeerCache: min users do not replace full ones; hasPeer needs a full user; bounded', () => {
  const c = new PeerCache(2);
  c.add([bob], []);
  c.add([{ ...bob, min: true, access_hash: 1n }], []);
  assert.ok(c.hasPeer('user', 7n));
  assert.is(c.index().user(7n)?.raw.access_hash, 70n);
  c.add([{ _: 'user', id: 8n, min: true }], []);
  assert.not.ok(c.hasPeer('user', 8n));
  c.addStoredChannel(55n, 5n);
  assert.is(c.channelAccessHash(55n), 5n);
  c.add([{ _: 'user', id: 9n }], []);
  assert.not.ok(c.hasPeer('user', 7n), 'oldest dropped past the limit');
});

test.run();
