/**
 * e2e: comments on channel posts through the client against the test server
 * (https://core.telegram.org/api/discussion): a post of a channel with a
 * discussion group has comments (`hasComments`, `replies`), its copy in the
 * group is the thread's root (`getDiscussionMessage`, `isAutomaticForward`),
 * `sendComment` / `iterComments` / `readComments`, the post's new `replies`
 * reaching a reader as `messageEdited`, and MSG_ID_INVALID for a post
 * without comments.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Chat, MessageEdited, TelegramClient } from '../../ts/client/index.js';
import { ScriptedWorld, type ScriptedUser, type TestServer } from '../../ts/testing/index.js';
import type { ChatRecord } from '../../ts/testing/telegram/store/chat-store.js';
import type { InputChannel } from '../../ts/tl/generated/types.js';
import { clientFor, collect, rpcError, startServer, within } from './_support.js';

let server: TestServer;
let world: ScriptedWorld;
let alice: TelegramClient;
let bob: TelegramClient;
let carol: ScriptedUser;
let blog: Chat;
let talk: Chat;
let blogRec: ChatRecord;
const bobEdits: MessageEdited[] = [];

/** Resolves when `pred` holds (checked every 10 ms), or fails after `ms`. */
async function until(pred: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

function inputChannel(c: Chat): InputChannel {
  const p = c.inputPeer;
  if (p._ !== 'inputPeerChannel') throw new Error('not a channel');
  return { _: 'inputChannel', channel_id: p.channel_id, access_hash: p.access_hash };
}

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  const a = world.user({ firstName: 'Alice', username: 'alice_comments' });
  const b = world.user({ firstName: 'Bob', username: 'bob_comments' });
  carol = world.user({ firstName: 'Carol', username: 'carol_comments' });
  alice = await clientFor(server);
  await within(alice.start({ phone: a.user.phone!, code: server.backend.loginCode(a.user.phone!) }), 8000, 'alice login');
  bob = await clientFor(server);
  await within(bob.start({ phone: b.user.phone!, code: server.backend.loginCode(b.user.phone!) }), 8000, 'bob login');
  bob.on('messageEdited', (u) => void bobEdits.push(u));
  await bob.invoke({ _: 'updates.getState' });
  blog = await alice.createChannel('Alice Blog');
  talk = await alice.createChannel('Alice Blog talk', { supergroup: true });
  blogRec = server.backend.chats.channel(blog.id)!;
  const talkRec = server.backend.chats.channel(talk.id)!;
  const scriptedAlice = world.as(a.user);
  await scriptedAlice.addToChat(blogRec, [b.user, carol]);
  await scriptedAlice.addToChat(talkRec, [b.user, carol]);
  await alice.invoke({ _: 'channels.setDiscussionGroup', broadcast: inputChannel(blog), group: inputChannel(talk) });
});
test.after(async () => {
  world.close();
  await alice.close();
  await bob.close();
  await server.stop();
});

test('a post of a channel with a discussion group has comments; its root in the group is an automatic forward (getDiscussionMessage)', async () => {
  const post = await within(alice.sendMessage(blog, 'Release notes'), 5000, 'post');
  const [seen] = await within(bob.getMessages(blog, [post.id]), 5000, 'getMessages');
  assert.ok(seen);
  assert.is(seen.hasComments, true);
  assert.is(seen.replies, 0);
  assert.is(seen.isAutomaticForward, false);
  const thread = await within(bob.getDiscussionMessage(blog, post.id), 5000, 'getDiscussionMessage');
  assert.equal(thread.root.peer, { _: 'peerChannel', channel_id: talk.id });
  assert.is(thread.root.text, 'Release notes');
  assert.is(thread.root.isAutomaticForward, true);
  assert.is(thread.root.forwardFrom?.id, blog.id);
  assert.is(thread.root.hasComments, false, 'the root counts replies, it is no channel post');
  assert.is(thread.unreadCount, 0);
  assert.is(thread.maxId, undefined);
});

test('sendComment replies to the root; iterComments lists the comments; the post counts them and a reader gets messageEdited with the new replies', async () => {
  const post = await alice.sendMessage(blog, 'Thoughts?');
  const thread = await bob.getDiscussionMessage(blog, post.id);
  const mine = await within(bob.sendComment(blog, post.id, 'First!'), 5000, 'sendComment');
  assert.is(mine.replyToId, thread.root.id);
  assert.is(mine.chatId, thread.root.chatId);
  await carol.comment(blogRec, post.id, 'Second', { replyTo: mine.id });
  const answer = await bob.sendComment(blog, post.id, 'Third, to Carol', { replyTo: mine.id + 1 });
  assert.is(answer.replyToId, mine.id + 1);
  const comments = await within(collect(bob.iterComments(blog, post.id)), 5000, 'iterComments');
  assert.equal(
    comments.map((c) => c.text),
    ['Third, to Carol', 'Second', 'First!'],
  );
  const oldestFirst = await collect(bob.iterComments(blog, post.id, { reverse: true, limit: 2 }));
  assert.equal(
    oldestFirst.map((c) => c.text),
    ['First!', 'Second'],
  );
  const [counted] = await bob.getMessages(blog, [post.id]);
  assert.is(counted?.replies, 3);
  assert.is(counted?.lastReplyId, answer.id);
  await within(
    until(() => bobEdits.some((e) => e.message.id === post.id && e.message.replies === 3)),
    5000,
    'messageEdited with replies 3',
  );
});

test('readComments moves the thread marker: unreadCount drops to 0', async () => {
  const post = await alice.sendMessage(blog, 'Read me');
  await carol.comment(blogRec, post.id, 'one');
  await carol.comment(blogRec, post.id, 'two');
  const before = await bob.getDiscussionMessage(blog, post.id);
  assert.is(before.unreadCount, 2);
  await within(bob.readComments(blog, post.id), 5000, 'readComments');
  const after = await bob.getDiscussionMessage(blog, post.id);
  assert.is(after.unreadCount, 0);
  assert.is(after.readMaxId, before.maxId);
});

test('errors: MSG_ID_INVALID for a post without comments and for a missing post', async () => {
  const lonely = await alice.createChannel('No comments');
  const post = await alice.sendMessage(lonely, 'quiet');
  assert.is(await rpcError(alice.getDiscussionMessage(lonely, post.id)), 'MSG_ID_INVALID');
  assert.is(await rpcError(alice.sendComment(lonely, post.id, 'hello?')), 'MSG_ID_INVALID');
  assert.is(await rpcError(alice.getDiscussionMessage(blog, 9999)), 'MSG_ID_INVALID');
  const [seen] = await alice.getMessages(lonely, [post.id]);
  assert.is(seen?.hasComments, false);
  assert.is(seen?.replies, undefined);
});

test.run();
