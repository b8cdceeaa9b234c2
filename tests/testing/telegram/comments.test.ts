/**
 * Comments on channel posts in the in-memory Telegram
 * (https://core.telegram.org/api/discussion, https://core.telegram.org/api/threads),
 * driven through scripted accounts: a post of a channel with a discussion
 * group is copied into the group (the thread's root), comments are counted
 * on the post and reach its readers, `messages.getDiscussionMessage`,
 * `messages.getReplies` and `messages.readDiscussion` read the thread.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { wrapWithInitConnection } from '../../../ts/mtproto/session/init-connection.js';
import { ScriptedWorld } from '../../../ts/testing/scripted/index.js';
import { manualClock, seededRandom, TelegramBackend, threadOf } from '../../../ts/testing/telegram/index.js';
import type { Message, messages, Update, Updates } from '../../../ts/tl/generated/types.js';

/** The first page of a thread (messages.getReplies' paging fields). */
const FIRST_PAGE = { offset_id: 0, offset_date: 0, add_offset: 0, limit: 10, max_id: 0, min_id: 0, hash: 0n } as const;
import { rejects } from '../_rpc.js';

/** Alice owns channel Blog, linked to supergroup Talk; Bob is in both, Carol only reads Blog. */
async function setup() {
  const clock = manualClock(1_700_000_000);
  const backend = new TelegramBackend({ now: clock, random: seededRandom(11) });
  const world = new ScriptedWorld(backend);
  const alice = world.user({ firstName: 'Alice' });
  const bob = world.user({ firstName: 'Bob' });
  const carol = world.user({ firstName: 'Carol' });
  const blog = await alice.createChannel('Blog', { broadcast: true });
  const talk = await alice.createChannel('Blog talk');
  await alice.addToChat(blog, [bob, carol]);
  await alice.addToChat(talk, [bob]);
  await alice.invoke({ _: 'channels.setDiscussionGroup', broadcast: alice.inputChannel(blog), group: alice.inputChannel(talk) });
  return { clock, backend, world, alice, bob, carol, blog, talk };
}

/** Every update pushed to a second session of `userId` (a reader's other device). */
async function listen(backend: TelegramBackend, dcId: number, userId: bigint, authKeyId: bigint): Promise<Update[]> {
  const seen: Update[] = [];
  const ctx = backend.connect(dcId, {
    authKeyId,
    onUpdates: (u: Updates) => {
      if (u._ === 'updates') seen.push(...u.updates);
    },
  });
  backend.authorize(dcId, authKeyId, userId);
  await backend.handle(
    ctx,
    wrapWithInitConnection(
      { _: 'updates.getState' },
      {
        api_id: 1,
        device_model: 'test',
        system_version: 'test',
        app_version: '1',
        system_lang_code: 'en',
        lang_pack: '',
        lang_code: 'en',
      },
    ),
  );
  return seen;
}

function msgs(r: messages.Messages): Message.message[] {
  return r._ === 'messages.messagesNotModified' ? [] : r.messages.filter((m): m is Message.message => m._ === 'message');
}

test('a post of a channel with a discussion group is copied into the group: fwd_from names the post (saved_from_peer, saved_from_msg_id), from_id is the channel', async () => {
  const { backend, alice, bob, blog, talk } = await setup();
  const post = await alice.sendMessage(blog, 'Release 1.0');
  const root = await bob.waitForMessage({ chat: talk, text: 'Release 1.0', timeoutMs: 2000 });
  assert.is(root.text, 'Release 1.0');
  const tl = backend.tlMessage(root, bob.id);
  assert.is(tl._, 'message');
  const m = tl as Message.message;
  assert.equal(m.peer_id, { _: 'peerChannel', channel_id: talk.id });
  assert.equal(m.from_id, { _: 'peerChannel', channel_id: blog.id });
  assert.is(m.out, undefined);
  assert.equal(m.fwd_from, {
    _: 'messageFwdHeader',
    from_id: { _: 'peerChannel', channel_id: blog.id },
    date: post.date,
    channel_post: post.id,
    saved_from_peer: { _: 'peerChannel', channel_id: blog.id },
    saved_from_msg_id: post.id,
  });
  // The post carries an empty comment thread pointing at the group.
  const seenPost = backend.tlMessage(post, bob.id) as Message.message;
  assert.equal(seenPost.replies, {
    _: 'messageReplies',
    comments: true,
    channel_id: talk.id,
    replies: 0,
    replies_pts: seenPost.replies!.replies_pts,
  });
  assert.is(threadOf(post.link)?.rootId, root.id);
});

test('every send path of the channel opens a thread: forwards, scheduled posts when they fire; service messages do not', async () => {
  const { clock, backend, alice, bob, blog, talk } = await setup();
  const talkRef = { kind: 'channel' as const, id: talk.id };
  const count = () => backend.messages.channel(talk.id).idsOf(talkRef).length;
  const before = count();
  await alice.invoke({ _: 'channels.editTitle', channel: alice.inputChannel(blog), title: 'Blog 2' }); // a service message: no copy
  assert.is(count(), before);
  const mine = await alice.sendMessage(alice, 'draft');
  await alice.invoke({
    _: 'messages.forwardMessages',
    from_peer: { _: 'inputPeerSelf' },
    to_peer: alice.inputPeer(blog),
    id: [mine.id],
    random_id: [2n],
  });
  const forwarded = await bob.waitForMessage({ chat: talk, text: 'draft', timeoutMs: 2000 });
  assert.is(threadOf(forwarded.link)?.rootId, forwarded.id);
  await alice.invoke({
    _: 'messages.sendMessage',
    peer: alice.inputPeer(blog),
    message: 'later',
    random_id: 3n,
    schedule_date: 1_700_003_600,
  });
  assert.is(count(), before + 1, 'not before it fires');
  clock.advance(3600);
  await alice.invoke({ _: 'messages.getScheduledHistory', peer: alice.inputPeer(blog), hash: 0n }); // delivers what is due
  const fired = await bob.waitForMessage({ chat: talk, text: 'later', timeoutMs: 2000 });
  assert.is(threadOf(fired.link)?.postId, alice.history(blog).at(-1)!.id);
  assert.is(count(), before + 2);
});

test('comments are counted on the post (replies, max_id, recent_repliers), replies to comments carry reply_to_top_id, and the channel’s readers get updateEditChannelMessage', async () => {
  const { backend, world, alice, bob, carol, blog, talk } = await setup();
  const readers = await listen(backend, carol.user.dcId, carol.id, 777n);
  const post = await alice.sendMessage(blog, 'What do you think?');
  const first = await bob.comment(blog, post.id, 'Great');
  const root = threadOf(post.link)!.rootId;
  assert.is(first.replyToId, root);
  const dave = world.user({ firstName: 'Dave' });
  await alice.addToChat(blog, [dave]);
  await alice.addToChat(talk, [dave]);
  const second = await dave.comment(blog, post.id, 'Agreed', { replyTo: first.id });
  const tl = backend.tlMessage(second, dave.id) as Message.message;
  assert.equal(tl.reply_to, { _: 'messageReplyHeader', reply_to_msg_id: first.id, reply_to_top_id: root });
  const seen = backend.tlMessage(post, carol.id) as Message.message;
  assert.is(seen.replies?.replies, 2);
  assert.is(seen.replies?.max_id, second.id);
  assert.equal(seen.replies?.recent_repliers, [
    { _: 'peerUser', user_id: dave.id },
    { _: 'peerUser', user_id: bob.id },
  ]);
  assert.is(seen.replies?.replies_pts, backend.updates.channelLog(talk.id).pts);
  const edits = readers.filter((u): u is Update.updateEditChannelMessage => u._ === 'updateEditChannelMessage');
  assert.is(edits.length, 2);
  const last = edits.at(-1)!.message as Message.message;
  assert.is(last.id, post.id);
  assert.is(last.replies?.replies, 2);
  assert.is(last.edit_date, undefined, 'a new comment is no edit of the text');
});

test('an edit of the post reaches its root in the group (updateEditChannelMessage to the group’s members)', async () => {
  const { backend, alice, bob, blog, talk } = await setup();
  const post = await alice.sendMessage(blog, 'typo');
  const group = await listen(backend, bob.user.dcId, bob.id, 999n);
  await alice.invoke({ _: 'messages.editMessage', peer: alice.inputPeer(blog), id: post.id, message: 'fixed' });
  const root = backend.messages.channel(talk.id).get(threadOf(post.link)!.rootId)!;
  assert.is(root.text, 'fixed');
  assert.ok(root.editDate !== undefined);
  const edits = group.filter((u): u is Update.updateEditChannelMessage => u._ === 'updateEditChannelMessage' && u.message.id === root.id);
  assert.is(edits.length, 1);
  assert.is((edits[0]!.message as Message.message).message, 'fixed');
});

test('getDiscussionMessage returns the root with max_id, read_inbox_max_id and unread_count; getReplies lists the comments; readDiscussion moves the marker', async () => {
  const { backend, alice, bob, blog, talk } = await setup();
  const post = await alice.sendMessage(blog, 'Thread');
  const c1 = await bob.comment(blog, post.id, 'one');
  const c2 = await bob.comment(blog, post.id, 'two');
  const d = await alice.invoke({ _: 'messages.getDiscussionMessage', peer: alice.inputPeer(blog), msg_id: post.id });
  const root = d.messages[0] as Message.message;
  assert.is(root.peer_id._ === 'peerChannel' && root.peer_id.channel_id, talk.id);
  assert.is(root.replies?.replies, 2);
  assert.is(d.max_id, c2.id);
  assert.is(d.unread_count, 2);
  assert.is(d.read_inbox_max_id, undefined);
  assert.ok(d.chats.some((c) => c.id === talk.id) && d.chats.some((c) => c.id === blog.id));
  const replies = await alice.invoke({
    _: 'messages.getReplies',
    peer: alice.inputPeer(blog),
    msg_id: post.id,
    ...FIRST_PAGE,
  });
  assert.equal(
    msgs(replies).map((m) => m.message),
    ['two', 'one'],
  );
  assert.is(replies._ === 'messages.channelMessages' && replies.count, 2);
  // The same thread named by the group and its root.
  const viaGroup = await alice.invoke({
    _: 'messages.getReplies',
    peer: alice.inputPeer(talk),
    msg_id: root.id,
    ...FIRST_PAGE,
  });
  assert.is(msgs(viaGroup).length, 2);
  const other = await listen(backend, alice.user.dcId, alice.id, 888n);
  assert.is(await alice.invoke({ _: 'messages.readDiscussion', peer: alice.inputPeer(talk), msg_id: root.id, read_max_id: c1.id }), true);
  const after = await alice.invoke({ _: 'messages.getDiscussionMessage', peer: alice.inputPeer(blog), msg_id: post.id });
  assert.is(after.read_inbox_max_id, c1.id);
  assert.is(after.unread_count, 1);
  assert.is((backend.tlMessage(backend.messages.channel(blog.id).get(post.id)!, alice.id) as Message.message).replies?.read_max_id, c1.id);
  assert.equal(
    other.filter((u) => u._ === 'updateReadChannelDiscussionInbox'),
    [
      {
        _: 'updateReadChannelDiscussionInbox',
        channel_id: talk.id,
        top_msg_id: root.id,
        read_max_id: c1.id,
        broadcast_id: blog.id,
        broadcast_post: post.id,
      },
    ],
  );
});

test('errors: MSG_ID_INVALID for a post without comments or a missing post, CHANNEL_PRIVATE for a non-reader; a reader comments without joining the group but may not write there otherwise; bans hold; CHAT_ADMIN_REQUIRED', async () => {
  const { backend, world, alice, bob, carol, blog, talk } = await setup();
  const lonely = await alice.createChannel('Lonely', { broadcast: true });
  const quiet = await alice.sendMessage(lonely, 'no comments here');
  await rejects(
    alice.invoke({ _: 'messages.getDiscussionMessage', peer: alice.inputPeer(lonely), msg_id: quiet.id }),
    400,
    'MSG_ID_INVALID',
  );
  await rejects(alice.invoke({ _: 'messages.getDiscussionMessage', peer: alice.inputPeer(blog), msg_id: 999 }), 400, 'MSG_ID_INVALID');
  await rejects(
    alice.invoke({ _: 'messages.readDiscussion', peer: alice.inputPeer(lonely), msg_id: quiet.id, read_max_id: 1 }),
    400,
    'MSG_ID_INVALID',
  );
  const post = await alice.sendMessage(blog, 'members only');
  const eve = world.user({ firstName: 'Eve' });
  await rejects(eve.invoke({ _: 'messages.getDiscussionMessage', peer: eve.inputPeer(blog), msg_id: post.id }), 400, 'CHANNEL_PRIVATE');
  // Carol reads Blog but is not in its private discussion group: she may comment, not write there otherwise.
  await rejects(carol.sendMessage(talk, 'hi all'), 400, 'CHANNEL_PRIVATE');
  await rejects(
    eve.invoke({
      _: 'messages.sendMessage',
      peer: { _: 'inputPeerChannel', channel_id: talk.id, access_hash: backend.accessHash(eve.id, { kind: 'channel', id: talk.id }) },
      message: 'x',
      random_id: 9n,
      reply_to: { _: 'inputReplyToMessage', reply_to_msg_id: threadOf(post.link)!.rootId },
    }),
    400,
    'CHANNEL_PRIVATE',
  );
  const c = await carol.comment(blog, post.id, 'hi');
  assert.is(c.replyToId, threadOf(post.link)!.rootId);
  assert.is(threadOf(post.link)!.comments.length, 1);
  // A ban in the group still holds.
  await alice.invoke({
    _: 'channels.editBanned',
    channel: alice.inputChannel(talk),
    participant: alice.inputPeer(carol),
    banned_rights: { _: 'chatBannedRights', view_messages: true, until_date: 0 },
  });
  await rejects(carol.comment(blog, post.id, 'again'), 400, 'USER_BANNED_IN_CHANNEL');
  // Posting in the channel itself needs admin rights.
  await rejects(bob.sendMessage(blog, 'not an admin'), 400, 'CHAT_ADMIN_REQUIRED');
});

test.run();
