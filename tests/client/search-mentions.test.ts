/**
 * e2e: the "my mentions" and "phone calls" filters of `messages.search`
 * (https://core.telegram.org/type/MessagesFilter, https://core.telegram.org/api/mentions)
 * and the per-viewer `mentioned` flag of `message`, against the test server.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TelegramClient } from '../../ts/client/index.js';
import { type ScriptedUser, ScriptedWorld, type TestServer } from '../../ts/testing/index.js';
import { clientFor, collect, startServer, within } from './_support.js';

let server: TestServer;
let world: ScriptedWorld;
let alice: TelegramClient;
let bob: ScriptedUser;
let carol: ScriptedUser;

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  const a = world.user({ firstName: 'Alice', username: 'alice_mention' });
  bob = world.user({ firstName: 'Bob', username: 'bob_mention' });
  carol = world.user({ firstName: 'Carol', username: 'carol_mention' });
  alice = await clientFor(server);
  await within(alice.start({ phone: a.user.phone!, code: server.backend.loginCode(a.user.phone!) }), 8000, 'login');
});
test.after(async () => {
  world.close();
  await alice.close();
  await server.stop();
});

test('myMentions: @username (plain or entity), a mention-name entity, a reply to my message — not others, not my own', async () => {
  const group = await bob.createGroup('Mentions', [world.find('alice_mention'), carol.user]);
  const me = world.find('alice_mention').id;
  const chat = -Number(group.id); // a Bot API-style id of the basic group
  const mine = await alice.sendMessage(chat, 'hello @bob_mention, from @alice_mention');
  const plain = await bob.sendMessage(group, 'ping @alice_mention please');
  const entity = await bob.sendMessage(group, 'hey @ALICE_MENTION', { entities: [{ _: 'messageEntityMention', offset: 4, length: 14 }] });
  const byName = await carol.sendMessage(group, 'Alice, look', {
    entities: [{ _: 'messageEntityMentionName', offset: 0, length: 5, user_id: me }],
  });
  const reply = await carol.sendMessage(group, 'agreed', { replyTo: bob.history(group).find((m) => m.text === mine.text)!.id });
  await bob.sendMessage(group, 'talking to @carol_mention and @alice_mentionx');
  await carol.sendMessage(group, 'write to x@alice_mention');
  const ids = (await collect(alice.searchMessages(chat, '', { filter: 'myMentions' }))).map((m) => m.text);
  assert.equal(ids, [reply.text, byName.text, entity.text, plain.text], 'newest first; no self-mention, no prefix match');
  const history = await collect(alice.iterHistory(chat));
  const flagged = history.filter((m) => (m.raw as { mentioned?: boolean }).mentioned).map((m) => m.text);
  assert.equal(flagged.sort(), [reply.text, byName.text, entity.text, plain.text].sort(), 'the mentioned flag is per viewer');
});

test('phoneCalls: no calls exist in the emulator, so an empty answer (not FILTER_NOT_SUPPORTED)', async () => {
  await alice.sendMessage('me', 'a note');
  assert.equal(await collect(alice.searchMessages('me', '', { filter: 'phoneCalls' })), []);
  assert.equal(await collect(alice.searchMessages('me', '', { filter: { _: 'inputMessagesFilterPhoneCalls', missed: true } })), []);
});

test('unread mentions: listed until read (readMessageContents for some, readMentions for the rest); media_unread follows', async () => {
  const group = await bob.createGroup('Unread mentions', [world.find('alice_mention')]);
  const chat = -Number(group.id);
  await collect(alice.iterHistory(chat, { limit: 1 })); // the group into Alice's peer cache
  const peer = { _: 'inputPeerChat' as const, chat_id: group.id };
  const sent = [];
  for (const n of [1, 2, 3]) sent.push(await bob.sendMessage(group, `@alice_mention ping ${n}`));
  await bob.sendMessage(group, 'no mention here');
  const unread = async () => {
    const r = await alice.invoke({
      _: 'messages.getUnreadMentions',
      peer,
      offset_id: 0,
      add_offset: 0,
      limit: 10,
      max_id: 0,
      min_id: 0,
    });
    if (r._ === 'messages.messagesNotModified') return [];
    return r.messages.map((m) => (m._ === 'message' ? m.message : m._));
  };
  assert.equal(await unread(), ['@alice_mention ping 3', '@alice_mention ping 2', '@alice_mention ping 1'], 'newest first');
  const [first] = await alice.getMessages(chat, [(await collect(alice.iterHistory(chat, { limit: 4 }))).at(-1)!.id]);
  assert.ok(first?.raw._ === 'message' && first.raw.mentioned && first.raw.media_unread, 'mentioned, unread');
  // Reading one message's contents takes it off the list.
  await alice.invoke({ _: 'messages.readMessageContents', id: [first!.id] });
  assert.equal(await unread(), ['@alice_mention ping 3', '@alice_mention ping 2']);
  const [again] = await alice.getMessages(chat, [first!.id]);
  assert.ok(again?.raw._ === 'message' && again.raw.mentioned && !again.raw.media_unread, 'still a mention, no longer unread');
  const affected = await alice.invoke({ _: 'messages.readMentions', peer });
  assert.is(affected.offset, 0);
  assert.equal(await unread(), []);
  // Read or not, they stay mentions for the search filter.
  assert.is((await collect(alice.searchMessages(chat, 'ping', { filter: 'myMentions' }))).length, 3);
  assert.is(sent.length, 3);
});

test.run();
