/**
 * Forum topics and send-as in the in-memory Telegram
 * (https://core.telegram.org/api/forum, https://core.telegram.org/api/send-as),
 * driven through scripted accounts: the forum flag, topic creation as a
 * `messageActionTopicCreate` message whose id is the topic id, the reply
 * header of topic messages, closing, hiding General, pinning, listing with
 * offsets, getReplies per topic, deleting a topic, and `send_as` checks.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ScriptedWorld } from '../../../ts/testing/scripted/index.js';
import { forumStore, manualClock, seededRandom, TelegramBackend } from '../../../ts/testing/telegram/index.js';
import type { Message, messages, Update, Updates } from '../../../ts/tl/generated/types.js';
import { rejects } from '../_rpc.js';

async function setup() {
  const backend = new TelegramBackend({ now: manualClock(1_700_000_000), random: seededRandom(7) });
  const world = new ScriptedWorld(backend);
  const alice = world.user({ firstName: 'Alice' });
  const bob = world.user({ firstName: 'Bob' });
  const forum = await alice.createForum('Support');
  await alice.addToChat(forum, [bob]);
  return { backend, world, alice, bob, forum };
}

/** The messages of an answer that has them. */
function msgs(r: messages.Messages): Message.message[] {
  return r._ === 'messages.messagesNotModified' ? [] : r.messages.filter((m): m is Message.message => m._ === 'message');
}

/** The new channel messages of an `Updates`. */
function newMessages(u: Updates): Message[] {
  if (u._ !== 'updates') return [];
  return u.updates.flatMap((x: Update) => (x._ === 'updateNewChannelMessage' ? [x.message] : []));
}

test('toggleForum sets channel.forum, needs change_info (CHAT_ADMIN_REQUIRED), refuses a no-op (CHAT_NOT_MODIFIED) and broadcasts (CHANNEL_INVALID)', async () => {
  const { alice, bob, forum } = await setup();
  const seen = await bob.invoke({ _: 'channels.getChannels', id: [bob.inputChannel(forum)] });
  const ch = seen.chats[0]!;
  assert.is(ch._ === 'channel' && ch.forum, true);
  await rejects(
    bob.invoke({ _: 'channels.toggleForum', channel: bob.inputChannel(forum), enabled: false, tabs: false }),
    400,
    'CHAT_ADMIN_REQUIRED',
  );
  await rejects(
    alice.invoke({ _: 'channels.toggleForum', channel: alice.inputChannel(forum), enabled: true, tabs: false }),
    400,
    'CHAT_NOT_MODIFIED',
  );
  const news = await alice.createChannel('News', { broadcast: true });
  await rejects(
    alice.invoke({ _: 'channels.toggleForum', channel: alice.inputChannel(news), enabled: true, tabs: false }),
    400,
    'CHANNEL_INVALID',
  );
  const plain = await alice.createChannel('Plain');
  await rejects(
    alice.invoke({
      _: 'channels.getForumTopics',
      channel: alice.inputChannel(plain),
      offset_date: 0,
      offset_id: 0,
      offset_topic: 0,
      limit: 10,
    }),
    400,
    'CHANNEL_FORUM_MISSING',
  );
});

test('createForumTopic posts messageActionTopicCreate; the topic id is its message id; topic messages carry reply_to.forum_topic', async () => {
  const { alice, bob, forum } = await setup();
  const r = await alice.invoke({
    _: 'channels.createForumTopic',
    channel: alice.inputChannel(forum),
    title: 'Billing',
    icon_color: 0xffd67e,
    random_id: 5n,
  });
  const [service] = newMessages(r);
  assert.is(service?._, 'messageService');
  const topicId = service!.id;
  assert.equal((service as Message.messageService).action, { _: 'messageActionTopicCreate', title: 'Billing', icon_color: 0xffd67e });
  const inTopic = await bob.sendMessage(forum, 'How do refunds work?', { topic: topicId });
  assert.is(inTopic.topicId, topicId);
  const reply = await alice.sendMessage(forum, 'Like this', { replyTo: inTopic.id });
  assert.is(reply.topicId, topicId, 'a reply lands in the replied message’s topic');
  const general = await bob.sendMessage(forum, 'Hi all');
  assert.is(general.topicId, undefined);
  const hist = msgs(
    await bob.invoke({
      _: 'messages.getHistory',
      peer: bob.inputPeer(forum),
      offset_id: 0,
      offset_date: 0,
      add_offset: 0,
      limit: 10,
      max_id: 0,
      min_id: 0,
      hash: 0n,
    }),
  );
  const byId = new Map(hist.map((m) => [m.id, m]));
  assert.equal(byId.get(inTopic.id)!.reply_to, { _: 'messageReplyHeader', forum_topic: true, reply_to_msg_id: topicId });
  assert.equal(byId.get(reply.id)!.reply_to, {
    _: 'messageReplyHeader',
    forum_topic: true,
    reply_to_msg_id: inTopic.id,
    reply_to_top_id: topicId,
  });
  assert.is(byId.get(general.id)!.reply_to, undefined);
  // getReplies with msg_id = the topic: the topic's messages (creation message included), newest first.
  const topicMsgs = await bob.invoke({
    _: 'messages.getReplies',
    peer: bob.inputPeer(forum),
    msg_id: topicId,
    offset_id: 0,
    offset_date: 0,
    add_offset: 0,
    limit: 10,
    max_id: 0,
    min_id: 0,
    hash: 0n,
  });
  assert.equal(topicMsgs._ === 'messages.messagesNotModified' ? [] : topicMsgs.messages.map((m) => m.id), [reply.id, inTopic.id, topicId]);
  const generalMsgs = await bob.invoke({
    _: 'messages.getReplies',
    peer: bob.inputPeer(forum),
    msg_id: 1,
    offset_id: 0,
    offset_date: 0,
    add_offset: 0,
    limit: 10,
    max_id: 0,
    min_id: 0,
    hash: 0n,
  });
  const generalIds = generalMsgs._ === 'messages.messagesNotModified' ? [] : generalMsgs.messages.map((m) => m.id);
  assert.ok(generalIds.includes(general.id) && !generalIds.includes(inTopic.id) && !generalIds.includes(topicId));
  await rejects(bob.sendMessage(forum, 'nowhere', { topic: 999 }), 400, 'TOPIC_ID_INVALID');
  await rejects(
    bob.invoke({
      _: 'messages.getReplies',
      peer: bob.inputPeer(forum),
      msg_id: 999,
      offset_id: 0,
      offset_date: 0,
      add_offset: 0,
      limit: 10,
      max_id: 0,
      min_id: 0,
      hash: 0n,
    }),
    400,
    'TOPIC_ID_INVALID',
  );
});

test('creating topics: members may unless the default rights ban manage_topics (CHAT_ADMIN_REQUIRED); empty titles, bad colours refused', async () => {
  const { alice, bob, forum } = await setup();
  const create = (who: typeof bob, title: string, extra: { icon_color?: number } = {}) =>
    who.invoke({ _: 'channels.createForumTopic', channel: who.inputChannel(forum), title, random_id: 9n, ...extra });
  await create(bob, 'Bob’s topic');
  await alice.invoke({
    _: 'messages.editChatDefaultBannedRights',
    peer: alice.inputPeer(forum),
    banned_rights: { _: 'chatBannedRights', manage_topics: true, until_date: 0 },
  });
  await rejects(create(bob, 'Another'), 403, 'CHAT_ADMIN_REQUIRED');
  await create(alice, 'Admins still can');
  await rejects(create(alice, '   '), 400, 'TOPIC_TITLE_EMPTY');
  await rejects(create(alice, 'x'.repeat(129)), 400, 'TITLE_INVALID');
  await rejects(create(alice, 'Pink', { icon_color: 0x123456 }), 400, 'COLOR_INVALID');
});

test('closed topics take messages only from admins (TOPIC_CLOSED); editForumTopic rules and its service message', async () => {
  const { alice, bob, forum } = await setup();
  const topic = await alice.createForumTopic(forum, 'Announcements');
  const edit = (who: typeof bob, fields: Record<string, unknown>) =>
    who.invoke({ _: 'channels.editForumTopic', channel: who.inputChannel(forum), topic_id: topic, ...fields });
  await rejects(edit(bob, { closed: true }), 403, 'CHAT_ADMIN_REQUIRED');
  await edit(alice, { closed: true });
  await rejects(bob.sendMessage(forum, 'let me in', { topic }), 406, 'TOPIC_CLOSED');
  await alice.sendMessage(forum, 'admins may', { topic });
  await rejects(edit(alice, { closed: true }), 400, 'TOPIC_NOT_MODIFIED');
  await rejects(edit(alice, { closed: false, title: 'x' }), 400, 'TOPIC_CLOSE_SEPARATELY');
  await rejects(edit(alice, { hidden: true }), 400, 'NOGENERAL_HIDE_FORBIDDEN');
  const renamed = await edit(alice, { title: 'News' });
  const svc = newMessages(renamed)[0] as Message.messageService;
  assert.equal(svc.action, { _: 'messageActionTopicEdit', title: 'News' });
  assert.equal(svc.reply_to, { _: 'messageReplyHeader', forum_topic: true, reply_to_msg_id: topic });
  await edit(alice, { closed: false });
  await bob.sendMessage(forum, 'open again', { topic });
  // General: no custom icon, can be hidden (which closes it).
  const generalEdit = (fields: Record<string, unknown>) =>
    alice.invoke({ _: 'channels.editForumTopic', channel: alice.inputChannel(forum), topic_id: 1, ...fields });
  await rejects(generalEdit({ icon_emoji_id: 5n }), 400, 'GENERAL_MODIFY_ICON_FORBIDDEN');
  await generalEdit({ hidden: true });
  const byId = await bob.invoke({ _: 'channels.getForumTopicsByID', channel: bob.inputChannel(forum), topics: [1, topic, 777] });
  const [general, t, missing] = byId.topics;
  assert.is(general?._ === 'forumTopic' && general.hidden && general.closed, true);
  assert.is(t?._ === 'forumTopic' && t.title === 'News' && !t.closed, true);
  assert.equal(missing, { _: 'forumTopicDeleted', id: 777 });
  await rejects(bob.sendMessage(forum, 'general is closed'), 406, 'TOPIC_CLOSED');
  await rejects(bob.invoke({ _: 'channels.getForumTopicsByID', channel: bob.inputChannel(forum), topics: [] }), 400, 'TOPICS_EMPTY');
});

test('getForumTopics: pinned first, then by latest message; query; offsets page through without repeats; top messages and unread counts', async () => {
  const { alice, bob, forum } = await setup();
  const ids: number[] = [];
  for (const title of ['alpha', 'beta', 'gamma', 'delta']) ids.push(await alice.createForumTopic(forum, title));
  const [a, b, c] = ids as [number, number, number, number];
  await alice.sendMessage(forum, 'bump beta', { topic: b });
  await alice.invoke({ _: 'channels.updatePinnedForumTopic', channel: alice.inputChannel(forum), topic_id: c, pinned: true });
  await rejects(
    bob.invoke({ _: 'channels.updatePinnedForumTopic', channel: bob.inputChannel(forum), topic_id: a, pinned: true }),
    403,
    'CHAT_ADMIN_REQUIRED',
  );
  const list = (extra: Partial<{ q: string; offset_date: number; offset_id: number; offset_topic: number; limit: number }> = {}) =>
    bob.invoke({
      _: 'channels.getForumTopics',
      channel: bob.inputChannel(forum),
      offset_date: 0,
      offset_id: 0,
      offset_topic: 0,
      limit: 10,
      ...extra,
    });
  const all = await list();
  const titles = all.topics.map((t) => (t._ === 'forumTopic' ? t.title : '?'));
  assert.equal(titles, ['gamma', 'beta', 'delta', 'alpha', 'General']);
  assert.is(all.count, 5);
  const beta = all.topics[1]!;
  assert.is(beta._ === 'forumTopic' && beta.unread_count, 1, 'Bob has not read “bump beta”');
  assert.ok(all.messages.some((m) => m.id === (beta as { top_message: number }).top_message));
  assert.is(all.topics[0]!._ === 'forumTopic' && all.topics[0]!.pinned, true);
  assert.equal(
    (await list({ q: 'ET' })).topics.map((t) => t.id),
    [b],
  );
  // Two per page, chained by the last topic.
  const seen: number[] = [];
  let offset = { offset_date: 0, offset_id: 0, offset_topic: 0 };
  for (let i = 0; i < 5; i++) {
    const page = await list({ ...offset, limit: 2 });
    if (page.topics.length === 0) break;
    seen.push(...page.topics.map((t) => t.id));
    const last = page.topics.at(-1) as { id: number; top_message: number };
    offset = { offset_date: 0, offset_id: last.top_message, offset_topic: last.id };
  }
  assert.equal(
    seen,
    all.topics.map((t) => t.id),
  );
});

test('deleteTopicHistory removes the topic and its messages (creator or admin); General cannot be deleted', async () => {
  const { alice, bob, forum, backend } = await setup();
  const mine = await bob.createForumTopic(forum, 'Bob’s');
  const m = await bob.sendMessage(forum, 'soon gone', { topic: mine });
  const other = await alice.createForumTopic(forum, 'Alice’s');
  await rejects(
    bob.invoke({ _: 'channels.deleteTopicHistory', channel: bob.inputChannel(forum), top_msg_id: other }),
    403,
    'CHAT_ADMIN_REQUIRED',
  );
  await rejects(
    alice.invoke({ _: 'channels.deleteTopicHistory', channel: alice.inputChannel(forum), top_msg_id: 1 }),
    400,
    'TOPIC_ID_INVALID',
  );
  const r = await bob.invoke({ _: 'channels.deleteTopicHistory', channel: bob.inputChannel(forum), top_msg_id: mine });
  assert.is(r.pts_count, 2);
  assert.is(backend.messages.channel(forum.id).get(m.id), undefined);
  assert.is(backend.messages.channel(forum.id).get(mine), undefined);
  await rejects(bob.sendMessage(forum, 'into the void', { topic: mine }), 406, 'TOPIC_DELETED');
  assert.is(forumStore(backend).peek(forum)?.topics.get(mine)?.deleted, true);
  assert.is(forumStore(backend).peek(forum)?.topics.get(other)?.deleted, false);
  const byId = await bob.invoke({ _: 'channels.getForumTopicsByID', channel: bob.inputChannel(forum), topics: [mine] });
  assert.equal(byId.topics, [{ _: 'forumTopicDeleted', id: mine }]);
});

test('the messages.* forms (InputPeer) serve the same forum', async () => {
  const { alice, forum } = await setup();
  const r = await alice.invoke({ _: 'messages.createForumTopic', peer: alice.inputPeer(forum), title: 'Via peer', random_id: 3n });
  const id = newMessages(r)[0]!.id;
  await alice.invoke({ _: 'messages.editForumTopic', peer: alice.inputPeer(forum), topic_id: id, closed: true });
  await alice.invoke({ _: 'messages.updatePinnedForumTopic', peer: alice.inputPeer(forum), topic_id: id, pinned: true });
  const list = await alice.invoke({
    _: 'messages.getForumTopics',
    peer: alice.inputPeer(forum),
    offset_date: 0,
    offset_id: 0,
    offset_topic: 0,
    limit: 5,
  });
  const t = list.topics[0]!;
  assert.is(t._ === 'forumTopic' && t.id === id && t.closed && t.pinned && t.my, true);
  const d = await alice.invoke({ _: 'messages.deleteTopicHistory', peer: alice.inputPeer(forum), top_msg_id: id });
  assert.is(d.offset, 0);
  await rejects(alice.invoke({ _: 'messages.getForumTopicsByID', peer: alice.inputPeer(alice), topics: [1] }), 400, 'PEER_ID_INVALID');
});

test('send-as: getSendAs lists self, the group (admins) and owned channels; from_id is that peer; others get SEND_AS_PEER_INVALID', async () => {
  const { alice, bob, forum } = await setup();
  const news = await alice.createChannel('Alice News', { broadcast: true });
  const peers = await alice.invoke({ _: 'channels.getSendAs', peer: alice.inputPeer(forum) });
  assert.equal(
    peers.peers.map((p) => p.peer),
    [
      { _: 'peerUser', user_id: alice.id },
      { _: 'peerChannel', channel_id: forum.id },
      { _: 'peerChannel', channel_id: news.id },
    ],
  );
  assert.is(peers.chats.length, 2);
  const bobs = await bob.invoke({ _: 'channels.getSendAs', peer: bob.inputPeer(forum) });
  assert.equal(
    bobs.peers.map((p) => p.peer),
    [{ _: 'peerUser', user_id: bob.id }],
  );
  const asNews = await alice.sendMessage(forum, 'from the channel', { sendAs: news });
  const seen = msgs(
    await bob.invoke({ _: 'channels.getMessages', channel: bob.inputChannel(forum), id: [{ _: 'inputMessageID', id: asNews.id }] }),
  );
  assert.equal(seen[0]!.from_id, { _: 'peerChannel', channel_id: news.id });
  const anon = await alice.sendMessage(forum, 'anonymous admin', { sendAs: forum });
  assert.equal(alice.history(forum).find((m) => m.id === anon.id)?.sendAs, { kind: 'channel', id: forum.id });
  await rejects(bob.sendMessage(forum, 'pretending', { sendAs: news }), 400, 'SEND_AS_PEER_INVALID');
  await rejects(bob.sendMessage(forum, 'as Alice', { sendAs: alice }), 400, 'SEND_AS_PEER_INVALID');
  await bob.sendMessage(forum, 'as myself', { sendAs: bob });
  await rejects(bob.invoke({ _: 'channels.getSendAs', peer: bob.inputPeer(alice) }), 400, 'PEER_ID_INVALID');
  // The default is kept per account and shown in channelFull.default_send_as.
  await alice.invoke({ _: 'messages.saveDefaultSendAs', peer: alice.inputPeer(forum), send_as: alice.inputPeer(news) });
  const full = await alice.invoke({ _: 'channels.getFullChannel', channel: alice.inputChannel(forum) });
  assert.equal(full.full_chat._ === 'channelFull' && full.full_chat.default_send_as, { _: 'peerChannel', channel_id: news.id });
  const bobFull = await bob.invoke({ _: 'channels.getFullChannel', channel: bob.inputChannel(forum) });
  assert.is(bobFull.full_chat._ === 'channelFull' && bobFull.full_chat.default_send_as, undefined);
  await rejects(
    bob.invoke({ _: 'messages.saveDefaultSendAs', peer: bob.inputPeer(forum), send_as: bob.inputPeer(news) }),
    400,
    'SEND_AS_PEER_INVALID',
  );
});

test('scheduled messages keep their topic and send-as peer until they are posted', async () => {
  const { alice, bob, forum, backend } = await setup();
  const news = await alice.createChannel('Alice News', { broadcast: true });
  const topic = await alice.createForumTopic(forum, 'Later');
  const r = await alice.invoke({
    _: 'messages.sendMessage',
    peer: alice.inputPeer(forum),
    message: 'see you tomorrow',
    random_id: 11n,
    schedule_date: 1_700_086_400,
    reply_to: { _: 'inputReplyToMessage', reply_to_msg_id: topic, top_msg_id: topic },
    send_as: alice.inputPeer(news),
  });
  const sched = r._ === 'updates' ? r.updates.find((u) => u._ === 'updateNewScheduledMessage') : undefined;
  assert.ok(sched?._ === 'updateNewScheduledMessage');
  const draft = sched.message as Message.message;
  assert.equal(draft.from_id, { _: 'peerChannel', channel_id: news.id });
  assert.equal(draft.reply_to, { _: 'messageReplyHeader', forum_topic: true, reply_to_msg_id: topic });
  await alice.invoke({ _: 'messages.sendScheduledMessages', peer: alice.inputPeer(forum), id: [draft.id] });
  const posted = alice.history(forum).at(-1)!;
  assert.is(posted.text, 'see you tomorrow');
  assert.is(posted.topicId, topic);
  assert.equal(posted.sendAs, { kind: 'channel', id: news.id });
  await rejects(
    bob.invoke({
      _: 'messages.sendMessage',
      peer: bob.inputPeer(forum),
      message: 'x',
      random_id: 12n,
      schedule_date: 1_700_086_400,
      send_as: bob.inputPeer(news),
    }),
    400,
    'SEND_AS_PEER_INVALID',
  );
  assert.ok(backend.messages.channel(forum.id).get(posted.id));
});

test('discussion groups: setDiscussionGroup links a channel and a supergroup; the channel’s posting admins may send as it there', async () => {
  const { world, alice, bob } = await setup();
  const carol = world.user({ firstName: 'Carol' });
  const blog = await alice.createChannel('Blog', { broadcast: true });
  const talk = await alice.createChannel('Blog talk');
  await alice.addToChat(blog, [carol]);
  await alice.addToChat(talk, [bob, carol]);
  const link = (who: typeof alice, group: typeof talk | undefined) =>
    who.invoke({
      _: 'channels.setDiscussionGroup',
      broadcast: who.inputChannel(blog),
      group: group ? who.inputChannel(group) : { _: 'inputChannelEmpty' },
    });
  await rejects(link(alice, undefined), 400, 'LINK_NOT_MODIFIED');
  await rejects(
    alice.invoke({ _: 'channels.setDiscussionGroup', broadcast: alice.inputChannel(talk), group: alice.inputChannel(talk) }),
    400,
    'BROADCAST_ID_INVALID',
  );
  await rejects(
    alice.invoke({ _: 'channels.setDiscussionGroup', broadcast: alice.inputChannel(blog), group: alice.inputChannel(blog) }),
    400,
    'MEGAGROUP_ID_INVALID',
  );
  await rejects(link(carol, talk), 400, 'CHAT_ADMIN_REQUIRED');
  const candidates = await alice.invoke({ _: 'channels.getGroupsForDiscussion' });
  assert.ok(candidates.chats.some((c) => c.id === talk.id));
  assert.is(await link(alice, talk), true);
  await rejects(link(alice, talk), 400, 'LINK_NOT_MODIFIED');
  const full = await bob.invoke({ _: 'channels.getFullChannel', channel: bob.inputChannel(talk) });
  assert.is(full.full_chat._ === 'channelFull' && full.full_chat.linked_chat_id, blog.id);
  const seen = full.chats.find((c) => c.id === talk.id);
  assert.is(seen?._ === 'channel' && seen.has_link, true);
  // Carol becomes a posting admin of the channel: in the group she may send as it; Bob may not.
  await alice.invoke({
    _: 'channels.editAdmin',
    channel: alice.inputChannel(blog),
    user_id: alice.inputUser(carol),
    admin_rights: { _: 'chatAdminRights', post_messages: true },
    rank: '',
  });
  const carols = await carol.invoke({ _: 'channels.getSendAs', peer: carol.inputPeer(talk) });
  assert.equal(
    carols.peers.map((p) => p.peer),
    [
      { _: 'peerUser', user_id: carol.id },
      { _: 'peerChannel', channel_id: blog.id },
    ],
  );
  const asBlog = await carol.sendMessage(talk, 'the channel answers', { sendAs: blog });
  assert.equal(asBlog.sendAs, { kind: 'channel', id: blog.id });
  await rejects(bob.sendMessage(talk, 'me too', { sendAs: blog }), 400, 'SEND_AS_PEER_INVALID');
  // Unlinked: the channel is no longer a choice for Carol.
  assert.is(await link(alice, undefined), true);
  const after = await carol.invoke({ _: 'channels.getSendAs', peer: carol.inputPeer(talk) });
  assert.equal(after.peers.length, 1);
  await rejects(carol.sendMessage(talk, 'again', { sendAs: blog }), 400, 'SEND_AS_PEER_INVALID');
});

test('outside forums getReplies reads a reply thread (replies of replies included, not the root); readDiscussion needs a forum', async () => {
  const { alice, bob } = await setup();
  const group = await alice.createChannel('Plain group');
  await alice.addToChat(group, [bob]);
  const root = await alice.sendMessage(group, 'question');
  const r1 = await bob.sendMessage(group, 'answer', { replyTo: root.id });
  await alice.sendMessage(group, 'unrelated');
  const r2 = await alice.sendMessage(group, 'follow-up', { replyTo: r1.id });
  const page = { offset_id: 0, offset_date: 0, add_offset: 0, limit: 10, max_id: 0, min_id: 0, hash: 0n };
  const thread = await bob.invoke({ _: 'messages.getReplies', peer: bob.inputPeer(group), msg_id: root.id, ...page });
  assert.equal(thread._ === 'messages.messagesNotModified' ? [] : thread.messages.map((m) => m.id), [r2.id, r1.id]);
  await rejects(bob.invoke({ _: 'messages.getReplies', peer: bob.inputPeer(group), msg_id: 999, ...page }), 400, 'MSG_ID_INVALID');
  await rejects(
    bob.invoke({ _: 'messages.readDiscussion', peer: bob.inputPeer(group), msg_id: root.id, read_max_id: r2.id }),
    400,
    'MSG_ID_INVALID',
  );
});

test.run();
