/**
 * e2e: TelegramClient's messaging against the test server — Saved Messages,
 * two signed-in users talking, a group and a channel, history iteration
 * over 1 000 messages, dialogs, search, peer resolution, error paths, and
 * contiguous pts in what a client receives (https://core.telegram.org/api/updates).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TelegramClient } from '../../ts/client/index.js';
import { ScriptedWorld, type ScriptedUser, type TestServer } from '../../ts/testing/index.js';
import type { Updates } from '../../ts/tl/generated/types.js';
import { clientFor, rpcError, startServer, within } from './_support.js';

let server: TestServer;
let world: ScriptedWorld;
let alice: TelegramClient;
let bob: TelegramClient;
let aliceUser: ScriptedUser;
let bobUser: ScriptedUser;
const bobUpdates: Updates[] = [];

async function signIn(u: ScriptedUser): Promise<TelegramClient> {
  const c = await clientFor(server);
  await within(c.start({ phone: u.user.phone!, code: server.backend.loginCode(u.user.phone!) }), 8000, 'login');
  return c;
}

/** Resolves when `pred` holds (checked every 10 ms), or fails after `ms`. */
async function until(pred: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  aliceUser = world.user({ firstName: 'Alice', username: 'alice_w' });
  bobUser = world.user({ firstName: 'Bob', username: 'bob_w' });
  alice = await signIn(aliceUser);
  bob = await signIn(bobUser);
  bob.on('update', (u) => bobUpdates.push(u as Updates));
  await bob.invoke({ _: 'updates.getState' }); // subscribes bob's connection to updates
});
test.after(async () => {
  await alice.close();
  await bob.close();
  world.close();
  await server.stop();
});

test('Saved Messages: send, read back, edit, reply, pin, delete', async () => {
  const m = await alice.sendMessage('me', 'note one');
  assert.is(m.text, 'note one');
  assert.ok(m.out);
  assert.ok(m.date instanceof Date);
  const r = await m.reply('a reply');
  assert.is(r.replyToId, m.id);
  const history = [];
  for await (const x of alice.iterHistory('me')) history.push(x.text);
  assert.equal(history.slice(0, 2), ['a reply', 'note one']);
  const edited = await m.edit('note 1');
  assert.is(edited.text, 'note 1');
  assert.ok(edited.editDate);
  assert.is(await rpcError(m.edit('note 1')), 'MESSAGE_NOT_MODIFIED');
  await m.pin();
  const [again] = await alice.getMessages('me', [m.id]);
  assert.ok(again?.pinned);
  await again!.unpin();
  assert.is(await r.delete(), 1);
  const [gone, kept] = await alice.getMessages('me', [r.id, m.id]);
  assert.is(gone, undefined);
  assert.is(kept?.text, 'note 1');
  assert.is(await rpcError(alice.sendMessage('me', '   ')), 'MESSAGE_EMPTY');
});

test('two users: @username send, update pushed to the other, dialogs, read markers, forward, delete for everyone', async () => {
  const sent = await alice.sendMessage('@bob_w', 'hi Bob', { silent: true });
  await until(() => bobUpdates.length > 0);
  const dialogs = [];
  for await (const d of bob.iterDialogs()) dialogs.push(d);
  const withAlice = dialogs.find((d) => d.id === aliceUser.id);
  assert.ok(withAlice, 'bob has a dialog with alice');
  assert.is(withAlice!.unreadCount, 1);
  assert.is(withAlice!.lastMessage?.text, 'hi Bob');
  assert.is(withAlice!.title, 'Alice');
  const incoming = withAlice!.lastMessage!;
  assert.is(incoming.senderId, aliceUser.id);
  assert.not.ok(incoming.out);
  const answer = await incoming.reply('hello Alice');
  assert.is(answer.replyToId, incoming.id);
  await bob.readHistory(aliceUser.id); // by id: alice is in bob's peer cache now
  assert.is(server.backend.dialogs.get(bobUser.id, { kind: 'user', id: aliceUser.id })!.readInboxMaxId >= incoming.id, true);
  const [fwd] = await bob.forwardMessages('me', aliceUser.id, [incoming.id]);
  assert.ok(fwd?.isForward);
  assert.is(fwd!.text, 'hi Bob');
  await alice.deleteMessages('@bob_w', [sent.id], { revoke: true });
  const [deleted] = await bob.getMessages(aliceUser.id, [incoming.id]);
  assert.is(deleted, undefined, 'revoked for bob too');
});

test('pts: the updates bob receives carry contiguous pts', async () => {
  const start = bobUpdates.length;
  const before = server.backend.updates.state(bobUser.id).pts;
  for (let i = 0; i < 5; i++) await aliceUser.sendMessage(bobUser, `burst ${i}`);
  await until(() => bobUpdates.length >= start + 5);
  let pts = before;
  for (const u of bobUpdates.slice(start)) {
    const steps: { pts: number; pts_count: number }[] = [];
    if (u._ === 'updateShortMessage') steps.push(u);
    else if (u._ === 'updates') for (const x of u.updates) if ('pts_count' in x) steps.push(x as { pts: number; pts_count: number });
    for (const s of steps) {
      assert.is(s.pts, pts + s.pts_count, 'pts = previous pts + pts_count');
      pts = s.pts;
    }
  }
  assert.is(pts, server.backend.updates.state(bobUser.id).pts);
  const diff = await bob.invoke({ _: 'updates.getDifference', pts: before, date: 0, qts: 0 });
  assert.is(diff._, 'updates.difference');
  if (diff._ === 'updates.difference') assert.is(diff.new_messages.length, 5);
});

test('history: 1 000 messages iterated newest-first and oldest-first, limits, offsets, search', async () => {
  const carol = world.user({ firstName: 'Carol', username: 'carol_w' });
  for (let i = 1; i <= 1000; i++)
    await carol.invoke({ _: 'messages.sendMessage', peer: carol.inputPeer(aliceUser), message: `msg ${i}`, random_id: BigInt(i) });
  const ids: number[] = [];
  for await (const m of alice.iterHistory('@carol_w')) ids.push(m.id);
  assert.is(ids.length, 1000);
  assert.ok(
    ids.every((id, i) => i === 0 || id < ids[i - 1]!),
    'strictly newest first',
  );
  const oldest: string[] = [];
  for await (const m of alice.iterHistory('@carol_w', { reverse: true, limit: 150, chunkSize: 40 })) oldest.push(m.text);
  assert.is(oldest.length, 150);
  assert.is(oldest[0], 'msg 1');
  assert.is(oldest[149], 'msg 150');
  const mid: string[] = [];
  for await (const m of alice.iterHistory('@carol_w', { offsetId: ids[9]!, limit: 3 })) mid.push(m.text);
  assert.equal(mid, ['msg 990', 'msg 989', 'msg 988']);
  const hits: string[] = [];
  for await (const m of alice.searchMessages('@carol_w', 'msg 99')) hits.push(m.text);
  assert.equal(hits.slice(0, 2), ['msg 999', 'msg 998']);
  assert.is(hits.length, 11, 'msg 99 and msg 990..999');
});

test('groups and channels: create, members talk, join public, admins post, leave; errors', async () => {
  const group = await alice.createGroup('Team', ['@bob_w']);
  assert.is(group.kind, 'group');
  assert.ok(group.markedId < 0n);
  const m = await alice.sendMessage(group, 'standup at 10');
  assert.is(m.chatId, group.markedId);
  const got = await bobUser.waitForMessage({ chat: { kind: 'chat', id: group.id }, text: 'standup at 10', timeoutMs: 3000 });
  assert.ok(got);
  const channel = await alice.createChannel('Alice News');
  assert.is(channel.kind, 'channel');
  const post = await alice.sendMessage(channel, 'first post');
  assert.is(post.id, 2, 'ids per channel: the creation message is 1');
  await aliceUser.invoke({
    _: 'channels.updateUsername',
    channel: aliceUser.inputChannel({ kind: 'channel', id: channel.id }),
    username: 'alice_news',
  });
  const joined = await bob.joinChat('https://t.me/alice_news');
  assert.is(joined.id, channel.id);
  assert.is(await rpcError(bob.sendMessage(joined, 'can I post?')), 'CHAT_ADMIN_REQUIRED');
  assert.is(await rpcError(bob.joinChat('@alice_news')), 'USER_ALREADY_PARTICIPANT');
  const texts: string[] = [];
  for await (const x of bob.iterHistory(joined)) texts.push(x.text);
  assert.equal(texts, ['first post', '']);
  await bob.leaveChat(joined);
  await bob.leaveChat(group);
  assert.is(await rpcError(bob.sendMessage(group, 'still here?')), 'PEER_ID_INVALID');
  const supergroup = await alice.createChannel('Chatty', { supergroup: true });
  assert.is(supergroup.kind, 'supergroup');
});

test('resolvePeer: me, @username, t.me link, phone, marked ids, unknown ids and usernames', async () => {
  assert.equal(await alice.resolvePeer('me'), { _: 'inputPeerSelf' });
  const byName = await alice.resolvePeer('@bob_w');
  assert.is(byName._, 'inputPeerUser');
  assert.equal(await alice.resolvePeer('t.me/bob_w'), byName);
  assert.equal(await alice.resolvePeer(bobUser.id), byName);
  const dave = world.user({ firstName: 'Dave' });
  const byPhone = await alice.resolvePeer(`+${dave.user.phone}`);
  assert.ok(byPhone._ === 'inputPeerUser' && byPhone.user_id === dave.id);
  assert.equal(await alice.resolvePeer(-12345n), { _: 'inputPeerChat', chat_id: 12345n });
  const chan = await alice.createChannel('Marked');
  const p = await alice.resolvePeer(chan.markedId);
  assert.ok(p._ === 'inputPeerChannel' && p.channel_id === chan.id);
  assert.is(await rpcError(alice.resolvePeer('@no_such_user')), 'USERNAME_NOT_OCCUPIED');
  try {
    await alice.resolvePeer(987654321n);
    assert.unreachable();
  } catch (e) {
    assert.match((e as Error).message, /not in the peer cache/);
  }
});

test('drafts: saved on the server and shown in the dialog', async () => {
  await alice.saveDraft('@bob_w', 'half a thought');
  let draft: string | undefined;
  for await (const d of alice.iterDialogs()) if (d.id === bobUser.id) draft = d.draft;
  assert.is(draft, 'half a thought');
});

test.run();
