/**
 * e2e: sending as another peer through the client against the test server
 * (https://core.telegram.org/api/send-as): getSendAs, the `sendAs` option of
 * sendMessage / sendDice / sendMedia / sendAlbum / forwardMessages, the
 * message's sender and what other members receive, setDefaultSendAs /
 * getDefaultSendAs, and SEND_AS_PEER_INVALID for peers one may not use.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type Chat, type NewMessage, type TelegramClient, User } from '../../ts/client/index.js';
import { ScriptedWorld, type ScriptedUser, type TestServer } from '../../ts/testing/index.js';
import type { ChatRecord } from '../../ts/testing/telegram/store/chat-store.js';
import { clientFor, rpcError, startServer, within } from './_support.js';

let server: TestServer;
let world: ScriptedWorld;
let alice: TelegramClient;
let bobClient: TelegramClient;
let carol: ScriptedUser;
let group: Chat;
let news: Chat;
let rec: ChatRecord;
const bobSaw: NewMessage[] = [];

/** Resolves when `pred` holds (checked every 10 ms), or fails after `ms`. */
async function until(pred: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A 1×1 PNG. */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) =>
  c.charCodeAt(0),
);

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  const a = world.user({ firstName: 'Alice', username: 'alice_sendas' });
  const b = world.user({ firstName: 'Bob', username: 'bob_sendas' });
  carol = world.user({ firstName: 'Carol', username: 'carol_sendas' });
  alice = await clientFor(server);
  await within(alice.start({ phone: a.user.phone!, code: server.backend.loginCode(a.user.phone!) }), 8000, 'alice login');
  bobClient = await clientFor(server);
  await within(bobClient.start({ phone: b.user.phone!, code: server.backend.loginCode(b.user.phone!) }), 8000, 'bob login');
  bobClient.on('newMessage', (m) => void bobSaw.push(m));
  await bobClient.invoke({ _: 'updates.getState' });
  group = await alice.createChannel('Town square', { supergroup: true });
  news = await alice.createChannel('Alice Daily');
  rec = server.backend.chats.channel(group.id)!;
  await world.as(a.user).addToChat(rec, [b.user, carol]);
});
test.after(async () => {
  world.close();
  await alice.close();
  await bobClient.close();
  await server.stop();
});

test('getSendAs lists yourself first, then the group (you are its admin) and the channel you own; a member gets only themself', async () => {
  const options = await alice.getSendAs(group);
  assert.equal(
    options.map((o) => o.peer.id),
    [(await alice.getMe()).id, group.id, news.id],
  );
  assert.instance(options[0]!.peer, User);
  assert.ok(options.every((o) => !o.premiumRequired));
  const carols = await carol.invoke({ _: 'channels.getSendAs', peer: carol.inputPeer(rec) });
  assert.equal(
    carols.peers.map((p) => p.peer),
    [{ _: 'peerUser', user_id: carol.id }],
  );
  assert.is(await rpcError(alice.getSendAs('@bob_sendas')), 'PEER_ID_INVALID');
});

test('sendMessage({ sendAs }) posts as the channel: the sender is the channel for the author and for other members', async () => {
  const m = await alice.sendMessage(group, 'news flash', { sendAs: news });
  assert.equal(m.raw.from_id, { _: 'peerChannel', channel_id: news.id });
  assert.is(m.sender?.id, news.id);
  assert.is(m.out, true);
  await until(() => bobSaw.some((x) => x.message.id === m.id));
  const seen = bobSaw.find((x) => x.message.id === m.id)!.message;
  assert.equal(seen.raw.from_id, { _: 'peerChannel', channel_id: news.id });
  assert.is(seen.sender?.id, news.id);
  assert.is(seen.senderId, undefined, 'no user sent it, as far as members can tell');
  const anon = await alice.sendMessage(group, 'the group speaks', { sendAs: group });
  assert.equal(anon.raw.from_id, { _: 'peerChannel', channel_id: group.id });
  const plain = await alice.sendMessage(group, 'just me', { sendAs: 'me' });
  assert.equal(plain.raw.from_id?._, 'peerUser');
});

test('every send method takes sendAs: dice, media, album, forward', async () => {
  const fromNews = { _: 'peerChannel', channel_id: news.id };
  const dice = await alice.sendDice(group, '🎲', { sendAs: news });
  assert.equal(dice.raw.from_id, fromNews);
  const photo = await alice.sendMedia(group, { photo: PNG, caption: 'pic', sendAs: news });
  assert.equal(photo.raw.from_id, fromNews);
  const album = await alice.sendAlbum(group, [{ photo: PNG }, { photo: PNG }], { sendAs: news });
  assert.equal(
    album.map((m) => m.raw.from_id),
    [fromNews, fromNews],
  );
  const note = await alice.sendMessage('me', 'to forward');
  const [fwd] = await alice.forwardMessages(group, 'me', [note.id], { sendAs: news });
  assert.equal(fwd!.raw.from_id, fromNews);
});

test('SEND_AS_PEER_INVALID: a member posing as someone else’s channel, as another user, or send-as in a private chat', async () => {
  await bobClient.resolvePeer('@alice_sendas');
  const fromBob = await rpcError(
    bobClient.invoke({
      _: 'messages.sendMessage',
      peer: await bobClient.resolvePeer(group.markedId),
      message: 'I am the news',
      random_id: 1n,
      send_as: {
        _: 'inputPeerChannel',
        channel_id: news.id,
        access_hash: server.backend.accessHash((await bobClient.getMe()).id, { kind: 'channel', id: news.id }),
      },
    }),
  );
  assert.is(fromBob, 'SEND_AS_PEER_INVALID');
  assert.is(await rpcError(bobClient.sendMessage(group.markedId, 'I am Alice', { sendAs: '@alice_sendas' })), 'SEND_AS_PEER_INVALID');
  assert.is(await rpcError(alice.sendMessage('@bob_sendas', 'hi', { sendAs: news })), 'SEND_AS_PEER_INVALID');
  assert.is(await rpcError(alice.setDefaultSendAs(group, '@bob_sendas')), 'SEND_AS_PEER_INVALID');
});

test('setDefaultSendAs / getDefaultSendAs: kept per account and chat, back to yourself with "me"', async () => {
  assert.is(await alice.getDefaultSendAs(group), undefined);
  await alice.setDefaultSendAs(group, news);
  const def = await alice.getDefaultSendAs(group);
  assert.is(def?.id, news.id);
  assert.is(await bobClient.getDefaultSendAs(group.markedId), undefined);
  const m = await alice.sendMessage(group, 'with the default', { sendAs: def! });
  assert.equal(m.raw.from_id, { _: 'peerChannel', channel_id: news.id });
  await alice.setDefaultSendAs(group, 'me');
  assert.is((await alice.getDefaultSendAs(group))?.id, (await alice.getMe()).id);
});

test.run();
