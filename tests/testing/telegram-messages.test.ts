/**
 * The in-memory Telegram's messages (https://core.telegram.org/api/updates):
 * ids per account box / per channel, pts per account and per channel,
 * the updates each session gets, history paging, getDifference slices,
 * edits, deletes, pins, read markers, groups, channels and their errors.
 * Driven through scripted users (real method implementations, no sockets).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ScriptedWorld } from '../../ts/testing/scripted/index.js';
import { IMPLEMENTED_METHODS, manualClock, seededRandom, TelegramBackend } from '../../ts/testing/telegram/index.js';
import { isTlFunction } from '../../ts/tl/codec/index.js';
import type { messages, Updates } from '../../ts/tl/generated/types.js';

type Msgs = Exclude<messages.Messages, messages.messagesNotModified>;
import { rejects } from './_rpc.js';

const T0 = 1_700_000_000;

function setup(options: ConstructorParameters<typeof TelegramBackend>[0] = {}) {
  const clock = manualClock(T0);
  const backend = new TelegramBackend({ now: clock, random: seededRandom(7), ...options });
  const world = new ScriptedWorld(backend);
  return { clock, backend, world };
}

/** Collects what the update hub pushes to a second session of `userId`. */
function listen(backend: TelegramBackend, userId: bigint): Updates[] {
  const got: Updates[] = [];
  const ctx = backend.connect(2, { authKeyId: 0x51dn + userId, onUpdates: (u) => got.push(u) });
  backend.authorize(2, ctx.authKeyId, userId);
  (ctx as unknown as { subscribed: boolean }).subscribed = true;
  return got;
}

test('method table: every implemented method is a function of the schema', () => {
  for (const m of IMPLEMENTED_METHODS) assert.ok(isTlFunction(m), `${m} is a function of the schema`);
  for (const m of ['messages.sendMessage', 'messages.getHistory', 'updates.getChannelDifference', 'contacts.resolveUsername']) {
    assert.ok(IMPLEMENTED_METHODS.includes(m), m);
  }
});

test('private chat: each account has its own ids and pts; sender gets updateShortSentMessage, receiver the message', async () => {
  const { backend, world } = setup();
  const alice = world.user({ firstName: 'Alice' });
  const bob = world.user({ firstName: 'Bob' });
  await alice.sendMessage(alice, 'note to self'); // alice box id 1
  const bobSessions = listen(backend, bob.id);
  const aliceOther = listen(backend, alice.id);
  const pts0 = backend.updates.state(bob.id).pts;
  const r = await alice.invoke({ _: 'messages.sendMessage', peer: alice.inputPeer(bob), message: 'hi Bob', random_id: 1n });
  assert.is(r._, 'updateShortSentMessage');
  if (r._ !== 'updateShortSentMessage') return;
  assert.is(r.id, 2, 'alice box: second message');
  assert.is(r.pts_count, 1);
  // Bob: first message from Alice, no dialog yet: a full `updates` with the user.
  assert.is(bobSessions.length, 1);
  const u = bobSessions[0]!;
  assert.is(u._, 'updates');
  if (u._ !== 'updates') return;
  const nm = u.updates[0]!;
  assert.is(nm._, 'updateNewMessage');
  if (nm._ !== 'updateNewMessage' || nm.message._ !== 'message') return;
  assert.is(nm.message.id, 1, 'bob box: first message');
  assert.is(nm.message.out, undefined);
  assert.is(nm.pts, pts0 + 1);
  assert.equal(
    u.users.map((x) => x.id),
    [alice.id],
  );
  // Alice's other session gets it too (out), as updates (first message in that dialog).
  assert.is(aliceOther.length, 1);
  // Second message: Bob has the dialog now, so the short form.
  await alice.sendMessage(bob, 'again');
  const short = bobSessions[1]!;
  assert.is(short._, 'updateShortMessage');
  if (short._ === 'updateShortMessage') {
    assert.is(short.user_id, alice.id);
    assert.is(short.id, 2);
    assert.is(short.pts, pts0 + 2);
    assert.is(short.message, 'again');
  }
  assert.is((await bob.waitForMessage({ from: alice, timeoutMs: 100 })).text, 'hi Bob');
});

test('getHistory: offset_id, add_offset, limit, max_id/min_id, messagesSlice count', async () => {
  const { world } = setup();
  const alice = world.user();
  for (let i = 1; i <= 30; i++) await alice.sendMessage(alice, `m${i}`);
  const page = await alice.invoke({
    _: 'messages.getHistory',
    peer: { _: 'inputPeerSelf' },
    offset_id: 0,
    offset_date: 0,
    add_offset: 0,
    limit: 10,
    max_id: 0,
    min_id: 0,
    hash: 0n,
  });
  assert.is(page._, 'messages.messagesSlice');
  if (page._ !== 'messages.messagesSlice') return;
  assert.is(page.count, 30);
  assert.equal(
    page.messages.map((m) => m.id),
    [30, 29, 28, 27, 26, 25, 24, 23, 22, 21],
  );
  const next = (await alice.invoke({
    _: 'messages.getHistory',
    peer: { _: 'inputPeerSelf' },
    offset_id: 21,
    offset_date: 0,
    add_offset: 0,
    limit: 5,
    max_id: 0,
    min_id: 0,
    hash: 0n,
  })) as Msgs;
  assert.equal(
    next.messages.map((m) => m.id),
    [20, 19, 18, 17, 16],
  );
  const newer = (await alice.invoke({
    _: 'messages.getHistory',
    peer: { _: 'inputPeerSelf' },
    offset_id: 5,
    offset_date: 0,
    add_offset: -3,
    limit: 3,
    max_id: 0,
    min_id: 0,
    hash: 0n,
  })) as Msgs;
  assert.equal(
    newer.messages.map((m) => m.id),
    [7, 6, 5],
  );
  const bounded = (await alice.invoke({
    _: 'messages.getHistory',
    peer: { _: 'inputPeerSelf' },
    offset_id: 0,
    offset_date: 0,
    add_offset: 0,
    limit: 100,
    max_id: 10,
    min_id: 6,
    hash: 0n,
  })) as Msgs;
  assert.equal(
    bounded.messages.map((m) => m.id),
    [9, 8, 7],
  );
  await rejects(
    alice.invoke({
      _: 'messages.getHistory',
      peer: { _: 'inputPeerSelf' },
      offset_id: 0,
      offset_date: 0,
      add_offset: 0,
      limit: -1,
      max_id: 0,
      min_id: 0,
      hash: 0n,
    }),
    400,
    'LIMIT_INVALID',
  );
});

test('getDifference: replays missed messages, in slices past the limit, then empty', async () => {
  const { backend, world } = setup({ differenceLimit: 10 });
  const alice = world.user();
  const bob = world.user();
  const state = await bob.invoke({ _: 'updates.getState' });
  for (let i = 0; i < 25; i++) await alice.sendMessage(bob, `n${i}`);
  const seen: string[] = [];
  let pts = state.pts;
  for (let round = 0; round < 5; round++) {
    const d = await bob.invoke({ _: 'updates.getDifference', pts, date: state.date, qts: 0 });
    if (d._ === 'updates.differenceEmpty') break;
    assert.ok(d._ === 'updates.differenceSlice' || d._ === 'updates.difference', d._);
    if (d._ !== 'updates.differenceSlice' && d._ !== 'updates.difference') return;
    for (const m of d.new_messages) if (m._ === 'message') seen.push(m.message);
    assert.ok(
      d.users.some((u) => u.id === alice.id),
      'the author comes with the messages',
    );
    pts = d._ === 'updates.difference' ? d.state.pts : d.intermediate_state.pts;
  }
  assert.is(seen.length, 25);
  assert.is(seen[24], 'n24');
  assert.is(pts, backend.updates.state(bob.id).pts);
  await rejects(bob.invoke({ _: 'updates.getDifference', pts: pts + 5, date: T0, qts: 0 }), 400, 'PERSISTENT_TIMESTAMP_INVALID');
});

test('edit: author only, MESSAGE_NOT_MODIFIED, MESSAGE_EMPTY; every copy changes with updateEditMessage', async () => {
  const { backend, world } = setup();
  const alice = world.user();
  const bob = world.user();
  const sent = await alice.sendMessage(bob, 'typo');
  const bobSeen = listen(backend, bob.id);
  await rejects(
    alice.invoke({ _: 'messages.editMessage', peer: alice.inputPeer(bob), id: sent.id, message: 'typo' }),
    400,
    'MESSAGE_NOT_MODIFIED',
  );
  await rejects(alice.invoke({ _: 'messages.editMessage', peer: alice.inputPeer(bob), id: sent.id, message: '  ' }), 400, 'MESSAGE_EMPTY');
  await rejects(alice.invoke({ _: 'messages.editMessage', peer: alice.inputPeer(bob), id: 99, message: 'x' }), 400, 'MESSAGE_ID_INVALID');
  const bobCopy = bob.history(alice)[0]!;
  await rejects(
    bob.invoke({ _: 'messages.editMessage', peer: bob.inputPeer(alice), id: bobCopy.id, message: 'x' }),
    400,
    'MESSAGE_AUTHOR_REQUIRED',
  );
  await alice.invoke({ _: 'messages.editMessage', peer: alice.inputPeer(bob), id: sent.id, message: 'fixed' });
  assert.is(bob.history(alice)[0]!.text, 'fixed');
  const u = bobSeen[0]!;
  assert.ok(u._ === 'updates' && u.updates[0]!._ === 'updateEditMessage');
});

test('delete: for me keeps the other copy, revoke removes both; pts_count counts ids', async () => {
  const { world } = setup();
  const alice = world.user();
  const bob = world.user();
  const a = await alice.sendMessage(bob, 'one');
  const b2 = await alice.sendMessage(bob, 'two');
  const r1 = await alice.invoke({ _: 'messages.deleteMessages', id: [a.id] });
  assert.is(r1.pts_count, 1);
  assert.is(bob.history(alice).length, 2, 'bob still has both');
  await alice.invoke({ _: 'messages.deleteMessages', revoke: true, id: [b2.id, 12345] });
  assert.equal(
    bob.history(alice).map((m) => m.text),
    ['one'],
  );
});

test('read history: inbox for the reader, outbox for the author; dialogs show unread counts', async () => {
  const { backend, world } = setup();
  const alice = world.user();
  const bob = world.user();
  await alice.sendMessage(bob, '1');
  await alice.sendMessage(bob, '2');
  const aliceSeen = listen(backend, alice.id);
  const dialogs = (await bob.invoke({
    _: 'messages.getDialogs',
    offset_date: 0,
    offset_id: 0,
    offset_peer: { _: 'inputPeerEmpty' },
    limit: 10,
    hash: 0n,
  })) as messages.dialogs;
  const d = dialogs.dialogs[0]!;
  assert.ok(d._ === 'dialog' && d.unread_count === 2 && d.top_message === 2);
  const r = await bob.invoke({ _: 'messages.readHistory', peer: bob.inputPeer(alice), max_id: 0 });
  assert.is(r.pts_count, 1);
  const out = aliceSeen[0]!;
  assert.ok(out._ === 'updates' && out.updates[0]!._ === 'updateReadHistoryOutbox');
  const again = await bob.invoke({ _: 'messages.readHistory', peer: bob.inputPeer(alice), max_id: 0 });
  assert.is(again.pts_count, 0, 'nothing new to read');
});

test('basic group: every member gets its own copy; non-members get PEER_ID_INVALID', async () => {
  const { world } = setup();
  const alice = world.user();
  const bob = world.user();
  const carol = world.user();
  const group = await alice.createGroup('Friends', [bob]);
  await alice.sendMessage(group, 'welcome');
  const got = await bob.waitForMessage({ chat: group, text: 'welcome', timeoutMs: 100 });
  assert.is(got.peer.kind, 'chat');
  assert.is(bob.history(group).length, 2, 'service message + text');
  await rejects(carol.sendMessage(group, 'hi'), 400, 'PEER_ID_INVALID');
  await alice.addToChat(group, [carol]);
  await carol.sendMessage(group, 'hi all');
  assert.is((await alice.waitForMessage({ from: carol, timeoutMs: 100 })).text, 'hi all');
});

test('channel: ids and pts per channel, admins post, private → CHANNEL_PRIVATE, public → join, getChannelDifference', async () => {
  const { backend, world } = setup();
  const alice = world.user();
  const bob = world.user();
  const news = await alice.createChannel('News', { broadcast: true, username: 'news_channel' });
  const m = await alice.sendMessage(news, 'first post');
  assert.is(m.id, 2, 'the creation message is id 1');
  const secret = await alice.createChannel('Secret');
  await rejects(bob.invoke({ _: 'channels.joinChannel', channel: bob.inputChannel(secret) }), 400, 'CHANNEL_PRIVATE');
  await rejects(bob.sendMessage(secret, 'x'), 400, 'CHANNEL_PRIVATE');
  const resolved = await bob.invoke({ _: 'contacts.resolveUsername', username: 'news_channel' });
  assert.is(resolved.peer._, 'peerChannel');
  await bob.join(news);
  await rejects(bob.sendMessage(news, 'me too'), 400, 'CHAT_ADMIN_REQUIRED');
  const pts = backend.updates.channelLog(news.id).pts;
  await alice.sendMessage(news, 'second');
  await alice.sendMessage(news, 'third');
  assert.is((await bob.waitForMessage({ chat: news, text: 'second', timeoutMs: 100 })).id, 3);
  const diff = await bob.invoke({
    _: 'updates.getChannelDifference',
    channel: bob.inputChannel(news),
    filter: { _: 'channelMessagesFilterEmpty' },
    pts,
    limit: 1,
  });
  assert.is(diff._, 'updates.channelDifference');
  if (diff._ === 'updates.channelDifference') {
    assert.is(diff.final, undefined, 'one of two: not final');
    assert.is(diff.pts, pts + 1);
    assert.is(diff.new_messages.length, 1);
  }
  await rejects(bob.invoke({ _: 'contacts.resolveUsername', username: 'nobody_here' }), 400, 'USERNAME_NOT_OCCUPIED');
  await bob.leave(news);
  await rejects(bob.invoke({ _: 'channels.leaveChannel', channel: bob.inputChannel(news) }), 400, 'USER_NOT_PARTICIPANT');
});

test('per-account access hashes: a hash seen by one account is refused from another', async () => {
  const { backend, world } = setup({ accessHashes: 'per-account' });
  const alice = world.user();
  const bob = world.user();
  const carol = world.user();
  const aliceHash = backend.accessHash(alice.id, { kind: 'user', id: carol.id });
  const bobHash = backend.accessHash(bob.id, { kind: 'user', id: carol.id });
  assert.not.equal(aliceHash, bobHash);
  await rejects(
    bob.invoke({
      _: 'messages.sendMessage',
      peer: { _: 'inputPeerUser', user_id: carol.id, access_hash: aliceHash },
      message: 'x',
      random_id: 1n,
    }),
    400,
    'PEER_ID_INVALID',
  );
  await bob.sendMessage(carol, 'with my own hash');
});

test('pin and drafts: updatePinnedMessages on both sides, draft in the dialog', async () => {
  const { world } = setup();
  const alice = world.user();
  const bob = world.user();
  const m = await alice.sendMessage(bob, 'pin me');
  await alice.invoke({ _: 'messages.updatePinnedMessage', peer: alice.inputPeer(bob), id: m.id });
  assert.ok(bob.history(alice)[0]!.pinned);
  await alice.invoke({ _: 'messages.saveDraft', peer: alice.inputPeer(bob), message: 'half-written' });
  const dialogs = (await alice.invoke({
    _: 'messages.getDialogs',
    offset_date: 0,
    offset_id: 0,
    offset_peer: { _: 'inputPeerEmpty' },
    limit: 10,
    hash: 0n,
  })) as messages.dialogs;
  const d = dialogs.dialogs[0]!;
  assert.ok(d._ === 'dialog' && d.draft?._ === 'draftMessage' && d.draft.message === 'half-written');
});

test('waitForMessage times out with TimeoutError', async () => {
  const { world } = setup();
  const alice = world.user();
  try {
    await alice.waitForMessage({ timeoutMs: 20 });
    assert.unreachable();
  } catch (e) {
    assert.is((e as Error).name, 'TimeoutError');
  }
});

test.run();
