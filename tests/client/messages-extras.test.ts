/**
 * e2e: message extras against the test server — reactions
 * (updateMessageReactions to the other side, counts, who reacted), polls and
 * quizzes (votes, updateMessagePoll, REVOTE_NOT_ALLOWED), dice rolled by the
 * server, contacts, locations (fixed and live, edited then stopped), albums
 * (one grouped_id), the typing guard, scheduled messages (listed, sent now,
 * deleted, delivered at their time).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TelegramClient } from '../../ts/client/index.js';
import { ScriptedWorld, type TestServer } from '../../ts/testing/index.js';
import { scheduledStore } from '../../ts/testing/telegram/methods/scheduled.js';
import { clientFor, rpcError, startServer, within } from './_support.js';

let server: TestServer;
let alice: TelegramClient;
let bob: TelegramClient;
let bobName: string;
const bobUpdates: { _: string }[] = [];

/** Waits (bounded) until bob got an update matching `pred`. */
async function bobGot(pred: (u: { _: string }) => boolean, what: string): Promise<{ _: string }> {
  const deadline = Date.now() + 5000;
  for (;;) {
    for (const x of bobUpdates) {
      const list = (x as { updates?: { _: string }[]; update?: { _: string } }).updates ?? [(x as { update?: { _: string } }).update ?? x];
      const hit = list.find(pred);
      if (hit) return hit;
    }
    if (Date.now() > deadline) throw new Error(`bob never got ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function png(w: number, h: number): Uint8Array {
  const out = new Uint8Array(24 + 500);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const v = new DataView(out.buffer);
  v.setUint32(16, w);
  v.setUint32(20, h);
  return out;
}

test.before(async () => {
  server = await startServer();
  const world = new ScriptedWorld(server.backend);
  const a = world.user({ firstName: 'Alice', username: 'alice_extras' });
  const b = world.user({ firstName: 'Bob', username: 'bob_extras' });
  bobName = '@bob_extras';
  alice = await clientFor(server);
  bob = await clientFor(server);
  await within(alice.start({ phone: a.user.phone!, code: server.backend.loginCode(a.user.phone!) }), 8000, 'alice login');
  await within(bob.start({ phone: b.user.phone!, code: server.backend.loginCode(b.user.phone!) }), 8000, 'bob login');
  bob.on('update', (u) => void bobUpdates.push(u));
  await bob.getMe(); // a call on bob's connection subscribes it to updates
});
test.after(async () => {
  await alice.close();
  await bob.close();
  await server.stop();
});

test('reactions: set, seen by the other side (updateMessageReactions), counted, listed, removed', async () => {
  const m = await alice.sendMessage(bobName, 'react to me');
  await alice.sendReaction(bobName, m.id, '👍');
  await bobGot((u) => u._ === 'updateMessageReactions', 'updateMessageReactions');
  const map = await alice.getReactions(bobName, [m.id]);
  const r = map.get(m.id)!;
  assert.is(r.results.length, 1);
  assert.is(r.results[0]!.count, 1);
  assert.is(r.results[0]!.chosen_order, 0);
  const users = [];
  for await (const x of alice.iterReactionUsers(bobName, m.id)) users.push(x);
  assert.is(users.length, 1);
  assert.ok(users[0]!.my);
  // The message itself carries the reactions now.
  const [again] = await alice.getMessages(bobName, [m.id]);
  assert.is(again!.raw._ === 'message' && again!.raw.reactions?.results[0]?.count, 1);
  await alice.sendReaction(bobName, m.id, []);
  assert.is((await alice.getReactions(bobName, [m.id])).size, 0);
  assert.is(await rpcError(alice.sendReaction(bobName, m.id, ['👍', '👍'])), 'REACTION_INVALID');
  assert.is(await rpcError(alice.sendReaction(bobName, 99999, '👍')), 'MESSAGE_ID_INVALID');
});

test('polls: vote, results with chosen, updateMessagePoll to the other side, retract; quiz: correct + solution, no revote', async () => {
  const poll = await alice.sendPoll(bobName, { question: 'Lunch?', answers: ['Pizza', 'Sushi', 'Salad'] });
  assert.is(poll.raw._ === 'message' && poll.raw.media?._, 'messageMediaPoll');
  const r = await alice.vote(bobName, poll.id, [1]);
  assert.is(r._ === 'pollResults' && r.total_voters, 1);
  assert.ok(r._ === 'pollResults' && r.results![1]!.chosen);
  await bobGot((u) => u._ === 'updateMessagePoll', 'updateMessagePoll');
  const fromBob = await bob.getPollResults('@alice_extras', poll.id);
  assert.is(fromBob._ === 'pollResults' && fromBob.results![1]!.voters, 1);
  assert.not.ok(fromBob._ === 'pollResults' && fromBob.results![1]!.chosen);
  const retracted = await alice.vote(bobName, poll.id, []);
  assert.is(retracted._ === 'pollResults' && retracted.total_voters, 0);
  assert.is(await rpcError(alice.vote(bobName, poll.id, [0, 1])), 'OPTIONS_TOO_MUCH');
  assert.is(await rpcError(alice.vote(bobName, poll.id, [7])), 'OPTION_INVALID');

  const quiz = await alice.sendPoll(bobName, { question: '2 + 2?', answers: ['3', '4'], correctAnswer: 1, solution: 'basic maths' });
  const before = await bob.getPollResults('@alice_extras', quiz.id);
  assert.not.ok(before._ === 'pollResults' && before.results!.some((x) => x.correct), 'the answer is hidden before voting');
  const after = await bob.vote('@alice_extras', quiz.id, [0]);
  assert.ok(after._ === 'pollResults' && after.results![1]!.correct && after.solution === 'basic maths');
  assert.is(await rpcError(bob.vote('@alice_extras', quiz.id, [1])), 'REVOTE_NOT_ALLOWED');
  assert.is(await rpcError(alice.sendPoll(bobName, { question: 'one?', answers: ['only'] })), 'POLL_ANSWERS_INVALID');
});

test('dice (value rolled by the server), contact (user_id filled), location, live location edited then stopped', async () => {
  for (const [emoji, faces] of [
    ['🎲', 6],
    ['🎰', 64],
  ] as const) {
    const d = await alice.sendDice(bobName, emoji);
    const media = d.raw._ === 'message' ? d.raw.media : undefined;
    assert.is(media?._, 'messageMediaDice');
    const v = media?._ === 'messageMediaDice' ? media.value : 0;
    assert.ok(v >= 1 && v <= faces, `value ${v}`);
  }
  assert.is(await rpcError(alice.sendDice(bobName, '🍕')), 'EMOTICON_INVALID');

  const bobMe = await bob.getMe();
  const c = await alice.sendContact(bobName, { phone: bobMe.phone!, firstName: 'Bob' });
  assert.is(c.raw._ === 'message' && c.raw.media?._ === 'messageMediaContact' && c.raw.media.user_id, bobMe.id);

  const g = await alice.sendLocation(bobName, { latitude: 52.52, longitude: 13.405 });
  assert.is(
    g.raw._ === 'message' && g.raw.media?._ === 'messageMediaGeo' && g.raw.media.geo._ === 'geoPoint' && g.raw.media.geo.lat,
    52.52,
  );
  assert.is(await rpcError(alice.sendLocation(bobName, { latitude: 99, longitude: 0 })), 'GEO_POINT_INVALID');

  const live = await alice.sendLiveLocation(bobName, { latitude: 1, longitude: 2 }, { period: 3600, heading: 10 });
  const moved = await alice.editLiveLocation(bobName, live.id, { latitude: 1.5, longitude: 2.5 }, { heading: 90 });
  const mm = moved.raw._ === 'message' ? moved.raw.media : undefined;
  assert.ok(mm?._ === 'messageMediaGeoLive' && mm.geo._ === 'geoPoint' && mm.geo.lat === 1.5 && mm.heading === 90 && mm.period === 3600);
  await bobGot((u) => u._ === 'updateEditMessage', 'the live location edit');
  await alice.editLiveLocation(bobName, live.id, { latitude: 1.5, longitude: 2.5 }, { stopped: true });
  assert.is(await rpcError(alice.editLiveLocation(bobName, live.id, { latitude: 3, longitude: 3 })), 'MESSAGE_EDIT_TIME_EXPIRED');
  assert.is(await rpcError(alice.sendLiveLocation(bobName, { latitude: 1, longitude: 2 }, { period: 5 })), 'PERIOD_INVALID');
});

test('albums: photos and a document sent as one media group share a grouped_id, in order', async () => {
  const msgs = await within(
    alice.sendAlbum(bobName, [
      { photo: png(10, 10), caption: 'one' },
      { photo: png(20, 20) },
      { document: new Uint8Array(3000), fileName: 'x.bin' },
    ]),
    8000,
    'album',
  );
  assert.is(msgs.length, 3);
  const ids = msgs.map((m) => (m.raw._ === 'message' ? m.raw.grouped_id : undefined));
  assert.ok(ids[0] !== undefined && ids.every((g) => g === ids[0]));
  assert.equal(
    msgs.map((m) => m.text),
    ['one', '', ''],
  );
  assert.ok(msgs[0]!.id < msgs[1]!.id && msgs[1]!.id < msgs[2]!.id);
});

test('withChatAction: typing is re-sent while the task runs and cancelled after; the task result comes back', async () => {
  const seenBefore = bobUpdates.length;
  const result = await alice.withChatAction(bobName, 'typing', () => new Promise<string>((r) => setTimeout(() => r('done'), 260)), {
    repeatMs: 100,
  });
  assert.is(result, 'done');
  await bobGot(
    (u) => u._ === 'updateUserTyping' && (u as unknown as { action: { _: string } }).action._ === 'sendMessageCancelAction',
    'cancel',
  );
  const typing = bobUpdates
    .slice(seenBefore)
    .map((x) => (x as { update?: { _: string; action?: { _: string } } }).update)
    .filter((u) => u?._ === 'updateUserTyping');
  assert.ok(typing.filter((u) => u!.action!._ === 'sendMessageTypingAction').length >= 2, 'repeated while running');
  // A failing task still cancels and rethrows.
  const failed = await alice
    .withChatAction(bobName, 'typing', async () => Promise.reject(new Error('boom')))
    .catch((e: Error) => e.message);
  assert.is(failed, 'boom');
});

test('scheduled messages: stored with their date, listed, sent now, deleted, and delivered at their time by the server clock', async () => {
  const at = Math.floor(Date.now() / 1000) + 3600;
  const s1 = await alice.sendMessage(bobName, 'later 1', { schedule: at });
  const s2 = await alice.sendMessage(bobName, 'later 2', { schedule: at + 60 });
  assert.is(s1.raw.date, at);
  const list = await alice.getScheduledMessages(bobName);
  assert.equal(
    list.map((m) => m.text),
    ['later 2', 'later 1'],
  );
  const [sent] = await alice.sendScheduledNow(bobName, [s1.id]);
  assert.is(sent!.text, 'later 1');
  await bobGot((u) => (u as { message?: string }).message === 'later 1' || u._ === 'updateShortMessage', 'the message sent now');
  await alice.deleteScheduledMessages(bobName, [s2.id]);
  assert.is((await alice.getScheduledMessages(bobName)).length, 0);
  assert.is(await rpcError(alice.sendMessage(bobName, 'past', { schedule: at - 7200 })), 'SCHEDULE_DATE_INVALID');
  // Delivery at its time: schedule 1 s ahead; the server's timer posts it.
  const soon = await alice.sendMessage(bobName, 'on time', { schedule: Math.floor(Date.now() / 1000) + 1 });
  assert.ok(soon.id > 0);
  const deadline = Date.now() + 4000;
  while (scheduledStore(server.backend).list((await alice.getMe()).id, { kind: 'user', id: (await bob.getMe()).id }).length > 0) {
    if (Date.now() > deadline) assert.unreachable('not delivered at its time');
    await new Promise((r) => setTimeout(r, 100));
  }
  const history = [];
  for await (const m of alice.iterHistory(bobName, { limit: 3 })) history.push(m.text);
  assert.ok(history.includes('on time'));
});

test.run();
