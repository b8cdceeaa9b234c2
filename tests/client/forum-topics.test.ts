/**
 * e2e: forum topics through the client against the test server
 * (https://core.telegram.org/api/forum): toggleForum, createForumTopic (the
 * topic id is its service message's id), sending into a topic
 * (`message.topicId`, `isTopicMessage`), iterHistory per topic, listing and
 * paging topics, edit / close / reopen / pin / delete, General, and the
 * error paths TOPIC_CLOSED, CHAT_ADMIN_REQUIRED, TOPIC_ID_INVALID.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type Chat, ForumTopic, type TelegramClient } from '../../ts/client/index.js';
import { ScriptedWorld, type ScriptedUser, type TestServer } from '../../ts/testing/index.js';
import type { ChatRecord } from '../../ts/testing/telegram/store/chat-store.js';
import { clientFor, collect, rpcError, startServer, within } from './_support.js';

let server: TestServer;
let world: ScriptedWorld;
let alice: TelegramClient;
let bob: ScriptedUser;
let forum: Chat;
let rec: ChatRecord;

/** A 1×1 PNG. */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) =>
  c.charCodeAt(0),
);

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  const a = world.user({ firstName: 'Alice', username: 'alice_forum' });
  bob = world.user({ firstName: 'Bob', username: 'bob_forum' });
  alice = await clientFor(server);
  await within(alice.start({ phone: a.user.phone!, code: server.backend.loginCode(a.user.phone!) }), 8000, 'login');
  forum = await alice.createChannel('Forum', { supergroup: true });
  rec = server.backend.chats.channel(forum.id)!;
  await world.as(a.user).addToChat(rec, [bob]);
});
test.after(async () => {
  world.close();
  await alice.close();
  await server.stop();
});

test('toggleForum turns topics on (General appears) and refuses a no-op with CHAT_NOT_MODIFIED', async () => {
  assert.is(await rpcError(alice.getForumTopics(forum)), 'CHANNEL_FORUM_MISSING');
  await alice.toggleForum(forum);
  assert.is(rec.forum, true);
  const topics = await alice.getForumTopics(forum);
  assert.equal(
    topics.map((t) => [t.id, t.title, t.isGeneral]),
    [[1, 'General', true]],
  );
  assert.is(await rpcError(alice.toggleForum(forum, true)), 'CHAT_NOT_MODIFIED');
});

test('createForumTopic returns a ForumTopic whose id is its service message; messages sent with { topic } belong to it', async () => {
  const topic = await alice.createForumTopic(forum, 'Releases', { iconColor: 0x8eee98 });
  assert.instance(topic, ForumTopic);
  assert.is(topic.title, 'Releases');
  assert.is(topic.iconColor, 0x8eee98);
  assert.is(topic.isMine, true);
  assert.is(topic.closed, false);
  assert.is(topic.topMessage?.action?._, 'messageActionTopicCreate');
  assert.is(topic.topMessage?.topicId, topic.id);
  assert.is(topic.creator?.id, (await alice.getMe()).id);
  const m = await alice.sendMessage(forum, 'v2.0 is out', { topic });
  assert.is(m.topicId, topic.id);
  assert.is(m.isTopicMessage, true);
  assert.is(m.replyToId, topic.id);
  const reply = await m.reply('congrats'); // a reply stays in the replied message's topic
  assert.is(reply.topicId, topic.id);
  assert.is(reply.replyToId, m.id);
  const general = await alice.sendMessage(forum, 'hello everyone');
  assert.is(general.topicId, undefined);
  assert.is(general.isTopicMessage, false);
  const inTopic = await collect(alice.iterHistory(forum, { topic }));
  assert.equal(
    inTopic.map((x) => x.id),
    [reply.id, m.id, topic.id],
  );
  const inGeneral = await collect(alice.iterHistory(forum, { topic: 1 }));
  assert.ok(inGeneral.some((x) => x.id === general.id));
  assert.not.ok(inGeneral.some((x) => x.id === m.id));
  // Paging inside a topic.
  assert.equal(
    (await collect(alice.iterHistory(forum, { topic, chunkSize: 1 }))).map((x) => x.id),
    inTopic.map((x) => x.id),
  );
  // Other send methods take { topic } too.
  const dice = await alice.sendDice(forum, '🎯', { topic });
  assert.is(dice.topicId, topic.id);
  const note = await alice.sendMessage('me', 'forward me');
  const [fwd] = await alice.forwardMessages(forum, 'me', [note.id], { topic });
  assert.is(fwd!.topicId, topic.id);
  const album = await alice.sendAlbum(forum, [{ photo: PNG }, { photo: PNG }], { topic });
  assert.equal(
    album.map((x) => x.topicId),
    [topic.id, topic.id],
  );
  const photo = await alice.sendMedia(forum, { photo: PNG, topic, replyTo: m.id });
  assert.is(photo.topicId, topic.id);
  assert.is(photo.replyToId, m.id);
  await alice.deleteMessages(forum, [dice.id, fwd!.id, photo.id, ...album.map((x) => x.id)]);
  assert.is(await rpcError(alice.sendMessage(forum, 'nowhere', { topic: 4242 })), 'TOPIC_ID_INVALID');
  assert.is(await rpcError(collect(alice.iterHistory(forum, { topic: 4242 }))), 'TOPIC_ID_INVALID');
});

test('closeForumTopic: members get TOPIC_CLOSED, admins may still post; reopenForumTopic; editForumTopic renames', async () => {
  const topic = await alice.createForumTopic(forum, 'Rules');
  await alice.closeForumTopic(forum, topic);
  const [closed] = await alice.getForumTopicsById(forum, [topic]);
  assert.is(closed?.closed, true);
  assert.is(await rpcError(bob.sendMessage(rec, 'can I?', { topic: topic.id })), 'TOPIC_CLOSED');
  await alice.sendMessage(forum, 'admins can', { topic });
  assert.is(await rpcError(alice.closeForumTopic(forum, topic)), 'TOPIC_NOT_MODIFIED');
  await alice.reopenForumTopic(forum, topic);
  await bob.sendMessage(rec, 'now I can', { topic: topic.id });
  await alice.editForumTopic(forum, topic, { title: 'House rules' });
  const [renamed] = await alice.getForumTopicsById(forum, [topic.id]);
  assert.is(renamed?.title, 'House rules');
  assert.is(renamed?.unreadCount, 1, 'Bob’s message is unread for Alice');
  assert.is(renamed?.topMessage?.action?._, 'messageActionTopicEdit');
  // Reading the topic clears its count and leaves other topics alone.
  await bob.sendMessage(rec, 'in General');
  await alice.readForumTopic(forum, topic);
  const [read] = await alice.getForumTopicsById(forum, [topic]);
  assert.is(read?.unreadCount, 0);
  const [general] = await alice.getForumTopicsById(forum, [1]);
  assert.ok((general?.unreadCount ?? 0) >= 1, 'General still has Bob’s message');
});

test('members may not create topics once manage_topics is banned (CHAT_ADMIN_REQUIRED); nor edit topics of others', async () => {
  const r = await bob.invoke({
    _: 'channels.createForumTopic',
    channel: bob.inputChannel(rec),
    title: 'Bob asks',
    random_id: 77n,
  });
  assert.is(r._, 'updates');
  await alice.setDefaultPermissions(forum, ['manage_topics']);
  const denied = await rpcError(
    bob.invoke({ _: 'channels.createForumTopic', channel: bob.inputChannel(rec), title: 'Again', random_id: 78n }),
  );
  assert.is(denied, 'CHAT_ADMIN_REQUIRED');
  const aliceTopic = (await alice.getForumTopics(forum, { query: 'House' }))[0]!;
  const editDenied = await rpcError(
    bob.invoke({ _: 'channels.editForumTopic', channel: bob.inputChannel(rec), topic_id: aliceTopic.id, title: 'mine now' }),
  );
  assert.is(editDenied, 'CHAT_ADMIN_REQUIRED');
  await alice.setDefaultPermissions(forum, []);
});

test('iterForumTopics: pinned first, then by latest message; query; small pages yield every topic once; limit', async () => {
  const all = await alice.getForumTopics(forum);
  const releases = all.find((t) => t.title === 'Releases')!;
  await alice.pinForumTopic(forum, releases);
  const after = await alice.getForumTopics(forum);
  assert.is(after[0]!.id, releases.id);
  assert.is(after[0]!.pinned, true);
  const paged = await collect(alice.iterForumTopics(forum, { chunkSize: 2 }));
  assert.equal(
    paged.map((t) => t.id),
    after.map((t) => t.id),
  );
  assert.is((await collect(alice.iterForumTopics(forum, { limit: 2, chunkSize: 1 }))).length, 2);
  assert.equal(
    (await alice.getForumTopics(forum, { query: 'releas' })).map((t) => t.title),
    ['Releases'],
  );
  await alice.unpinForumTopic(forum, releases);
  assert.not.ok((await alice.getForumTopicsById(forum, [releases]))[0]?.pinned);
});

test('the General topic: hidden (and closed) with setGeneralTopicHidden; cannot be deleted', async () => {
  await alice.setGeneralTopicHidden(forum, true);
  const [general] = await alice.getForumTopicsById(forum, [1]);
  assert.is(general?.hidden, true);
  assert.is(general?.closed, true);
  assert.is(await rpcError(bob.sendMessage(rec, 'general?')), 'TOPIC_CLOSED');
  await alice.setGeneralTopicHidden(forum, false);
  const [shown] = await alice.getForumTopicsById(forum, [1]);
  assert.is(shown?.hidden, false);
  assert.is(shown?.closed, false, 'showing General opens it again');
  await bob.sendMessage(rec, 'general again');
  assert.is(await rpcError(alice.deleteForumTopic(forum, 1)), 'TOPIC_ID_INVALID');
});

test('deleteForumTopic removes the topic and its messages; afterwards it reads as undefined and takes no messages', async () => {
  const topic = await alice.createForumTopic(forum, 'Temporary');
  const m = await alice.sendMessage(forum, 'short-lived', { topic });
  await alice.deleteForumTopic(forum, topic);
  assert.equal(await alice.getForumTopicsById(forum, [topic]), [undefined]);
  assert.equal(await alice.getMessages(forum, [m.id]), [undefined]);
  assert.is(await rpcError(alice.sendMessage(forum, 'still there?', { topic })), 'TOPIC_DELETED');
  assert.is(await rpcError(alice.deleteForumTopic(forum, topic)), 'TOPIC_DELETED');
});

test('README: the forum and send-as snippet runs as shown; chat.isForum', async () => {
  const group = await alice.createChannel('Readme forum', { supergroup: true });
  assert.is(group.isForum, false);
  await alice.toggleForum(group);
  const topic = await alice.createForumTopic(group, 'Releases');
  const m = await alice.sendMessage(group, 'v2.0 is out', { topic });
  assert.ok(m.topicId === topic.id && m.isTopicMessage);
  assert.is((m.chat as Chat).isForum, true);
  assert.equal((await collect(alice.iterForumTopics(group))).map((t) => t.title).sort(), ['General', 'Releases']);
  assert.equal(
    (await collect(alice.iterHistory(group, { topic }))).map((x) => x.text),
    ['v2.0 is out', ''],
  );
  await alice.closeForumTopic(group, topic);
  const options = await alice.getSendAs(group);
  const posted = await alice.sendMessage(group, 'posted as my channel', { sendAs: options.at(-1)!.peer });
  assert.equal(posted.raw.from_id?._, 'peerChannel');
});

test.run();
