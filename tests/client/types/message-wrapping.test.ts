/**
 * The wrappers a history page becomes: `wrapMessages` skips empty slots and
 * keeps the order; `Message` keeps its client out of inspect and JSON output;
 * `PeerIndex` wraps a user or chat only when asked, once per id.
 */
import { inspect } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { wrapMessages } from '../../../ts/client/methods/messages/wrap.js';
import { Chat } from '../../../ts/client/types/chat.js';
import { Message, type MessageActions } from '../../../ts/client/types/message.js';
import { PeerIndex } from '../../../ts/client/types/peer-index.js';
import { User } from '../../../ts/client/types/user.js';
import type { ClientCore } from '../../../ts/client/core.js';
import type { Chat as TlChat, Message as TlMessage, User as TlUser } from '../../../ts/tl/generated/types.js';

const user: TlUser.user = { _: 'user', id: 7n, access_hash: 99n, first_name: 'Ann' };
const channel: TlChat.channel = { _: 'channel', id: 5n, access_hash: 11n, title: 'News', photo: { _: 'chatPhotoEmpty' }, date: 0 };
const post = (id: number, text: string): TlMessage.message => ({
  _: 'message',
  id,
  peer_id: { _: 'peerChannel', channel_id: 5n },
  date: 1_700_000_000 + id,
  message: text,
  post: true,
});
const fromUser = (id: number): TlMessage.message => ({ ...post(id, 'hi'), from_id: { _: 'peerUser', user_id: 7n }, post: false });

// A client that fails loudly if a getter calls it (none should).
const client = new Proxy({} as MessageActions, {
  get: (_t, k) => {
    throw new Error(`unexpected client call ${String(k)}`);
  },
});

test('wrapMessages: empty slots skipped, order kept, text and ids from the raw messages', () => {
  const page = wrapMessages(client as unknown as ClientCore, {
    _: 'messages.channelMessages',
    pts: 1,
    count: 3,
    messages: [post(3, 'c'), { _: 'messageEmpty', id: 2 }, post(1, 'a')],
    topics: [],
    chats: [channel],
    users: [user],
  });
  assert.equal(
    page.map((m) => [m.id, m.text]),
    [
      [3, 'c'],
      [1, 'a'],
    ],
  );
  assert.ok(page.every((m) => m instanceof Message));
  assert.is((page[0]!.chat as Chat).title, 'News');
  assert.is(page[0]!.sender, page[0]!.chat, 'a channel post is sent by the channel');
});

test('Message keeps its client out of inspect and JSON output', () => {
  const m = new Message(client, post(1, 'x'), new PeerIndex());
  assert.not.ok(Object.keys(m).includes('client'));
  assert.not.match(inspect(m, { depth: 0 }), /client/);
  const json = JSON.stringify(m, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  assert.not.match(json, /client/);
  assert.is(JSON.parse(json).raw.message, 'x');
});

test('PeerIndex: a peer is wrapped when first asked for, and the same wrapper is handed out again', () => {
  const index = new PeerIndex([user, { _: 'userEmpty', id: 8n }], [channel, { _: 'chatEmpty', id: 9n }]);
  const u = index.user(7n);
  assert.ok(u instanceof User);
  assert.is(u!.firstName, 'Ann');
  assert.is(index.user(7n), u);
  assert.is(index.peer({ _: 'peerUser', user_id: 7n }), u);
  const c = index.chat(5n);
  assert.ok(c instanceof Chat);
  assert.is(index.peer({ _: 'peerChannel', channel_id: 5n }), c);
  assert.is(index.user(8n), undefined, 'userEmpty is not indexed');
  assert.is(index.chat(9n), undefined, 'chatEmpty is not indexed');
  assert.is(index.user(1n), undefined);
  // Messages of one page share the index: one sender object for one user.
  const a = new Message(client, fromUser(1), index);
  const b = new Message(client, fromUser(2), index);
  assert.is(a.sender, b.sender);
  assert.is(a.senderId, 7n);
});

test.run();
