import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MessageBox, NO_UPDATES_TIMEOUT_MS, POSSIBLE_GAP_TIMEOUT_MS } from '../../ts/updates/index.js';
import { liveBox, T0 } from './_box.js';
import {
  ALICE,
  botStopped,
  container,
  difference,
  ids,
  newMessage,
  onlyRequest,
  peersKnowing,
  SELF,
  short,
  slice,
  state,
  user,
  userMessage,
} from './_fixtures.js';

test('no stored state: the first request is updates.getState', () => {
  const box = new MessageBox();
  const out = box.start(T0);
  const req = onlyRequest(out, 'getState');
  assert.equal(req.request, { _: 'updates.getState' });
  box.applyState(req, state(100, 10, 1000, 5), T0);
  assert.equal(box.getState().state, { pts: 100, qts: 10, date: 1000, seq: 5 });
});

test('pts: local_pts + pts_count === pts applies the update', () => {
  const box = liveBox();
  assert.equal(ids(box.process(short(newMessage(1, 101)), T0)), [1]);
  assert.equal(ids(box.process(short(newMessage(2, 103, 2)), T0)), [2]);
  assert.is(box.getState().state!.pts, 103);
});

test('pts: duplicate ignored (local_pts + pts_count > pts)', () => {
  const box = liveBox();
  box.process(short(newMessage(1, 101)), T0);
  const again = box.process(short(newMessage(1, 101)), T0 + 1);
  assert.equal(again.updates, []);
  assert.equal(again.requests, []);
  assert.is(box.getState().state!.pts, 101);
});

test('pts gap resolved by late update within 0.5 s', () => {
  const box = liveBox();
  const ahead = box.process(short(newMessage(3, 103)), T0);
  assert.equal(ahead.updates, [], 'update after a hole is held');
  assert.equal(ahead.requests, [], 'no difference yet: only a possible gap');
  assert.is(box.nextDeadline(), T0 + POSSIBLE_GAP_TIMEOUT_MS);
  const fill = box.process(short(newMessage(2, 102)), T0 + 100);
  assert.equal(fill.updates, [], 'still one missing');
  const last = box.process(short(newMessage(1, 101)), T0 + 200);
  assert.equal(ids(last), [1, 2, 3], 'the held updates follow in pts order');
  assert.is(box.getState().state!.pts, 103);
  assert.equal(box.checkDeadlines(T0 + 600).requests, [], 'the gap closed: nothing to fetch');
});

test('pts gap filled by difference', () => {
  const box = liveBox();
  box.process(short(newMessage(3, 103)), T0);
  assert.equal(box.checkDeadlines(T0 + 499).requests, [], 'not before 0.5 s');
  const out = box.checkDeadlines(T0 + POSSIBLE_GAP_TIMEOUT_MS);
  const req = onlyRequest(out, 'getDifference');
  assert.equal(req.request, { _: 'updates.getDifference', pts: 100, date: 1000, qts: 10 });
  const diff = difference([userMessage(1), userMessage(2), userMessage(3)], [], state(103, 10, 1010, 6));
  const filled = box.applyDifference(req, diff, T0 + 700);
  assert.equal(ids(filled), [1, 2, 3]);
  assert.equal(filled.requests, []);
  assert.equal(box.getState().state, { pts: 103, qts: 10, date: 1010, seq: 6 });
  // Live updates continue from the difference's state.
  assert.equal(ids(box.process(short(newMessage(4, 104)), T0 + 800)), [4]);
});

test('seq: container with seq_start === seq + 1 applies, older is ignored', () => {
  const box = liveBox();
  assert.equal(ids(box.process(container([newMessage(1, 101)], 6), T0)), [1]);
  assert.is(box.getState().state!.seq, 6);
  assert.equal(box.process(container([newMessage(1, 101)], 6), T0).updates, [], 'seq 6 again: already applied');
  const combined = box.process(container([newMessage(2, 102), newMessage(3, 103)], 8, { seqStart: 7 }), T0);
  assert.equal(ids(combined), [2, 3]);
  assert.is(box.getState().state!.seq, 8);
});

test('seq gap requests the difference at once', () => {
  const box = liveBox();
  const out = box.process(container([newMessage(2, 102)], 7), T0);
  assert.equal(out.updates, []);
  const req = onlyRequest(out, 'getDifference');
  assert.equal(req.request, { _: 'updates.getDifference', pts: 100, date: 1000, qts: 10 });
  // The container is held, not lost: after the difference it is replayed (and deduplicated by pts).
  const done = box.applyDifference(req, difference([userMessage(1)], [], state(101, 10, 1006, 6)), T0 + 50);
  assert.equal(ids(done), [1, 2]);
  assert.equal(box.getState().state, { pts: 102, qts: 10, date: 1700000007, seq: 7 });
});

test('qts gap: updates with qts follow their own sequence, a hole leads to getDifference', () => {
  const box = liveBox();
  assert.equal(ids(box.process(short(botStopped(11)), T0)), ['updateBotStopped']);
  assert.equal(box.process(short(botStopped(11)), T0).updates, [], 'qts duplicate');
  assert.equal(box.process(short(botStopped(13)), T0).updates, [], 'qts 12 missing');
  const req = onlyRequest(box.checkDeadlines(T0 + POSSIBLE_GAP_TIMEOUT_MS), 'getDifference');
  assert.is(req.request.qts, 11);
  const diff = difference([], [botStopped(12), botStopped(13)], state(100, 13, 1000, 5));
  assert.equal(ids(box.applyDifference(req, diff, T0 + 600)), ['updateBotStopped', 'updateBotStopped']);
  assert.is(box.getState().state!.qts, 13);
});

test('updatesTooLong requests the difference', () => {
  const box = liveBox();
  const req = onlyRequest(box.process({ _: 'updatesTooLong' }, T0), 'getDifference');
  assert.equal(req.request, { _: 'updates.getDifference', pts: 100, date: 1000, qts: 10 });
});

test('difference slices: each slice moves the state and asks for the next, the last one ends', () => {
  const box = liveBox();
  let req = onlyRequest(box.process({ _: 'updatesTooLong' }, T0), 'getDifference');
  const first = box.applyDifference(req, slice([userMessage(1), userMessage(2)], [], state(102, 10, 1001, 5)), T0 + 10);
  assert.equal(ids(first), [1, 2]);
  req = onlyRequest(first, 'getDifference');
  assert.equal(req.request, { _: 'updates.getDifference', pts: 102, date: 1001, qts: 10 });
  const second = box.applyDifference(req, slice([userMessage(3)], [], state(103, 10, 1002, 5)), T0 + 20);
  req = onlyRequest(second, 'getDifference');
  assert.is(req.request.pts, 103);
  const last = box.applyDifference(req, difference([userMessage(4)], [], state(104, 10, 1003, 5)), T0 + 30);
  assert.equal(ids(last), [4]);
  assert.equal(last.requests, []);
  assert.equal(box.getState().state, { pts: 104, qts: 10, date: 1003, seq: 5 });
});

test('differenceTooLong resets state: pts jumps to the given value, one more difference fetches the rest', () => {
  const box = liveBox();
  const req = onlyRequest(box.process({ _: 'updatesTooLong' }, T0), 'getDifference');
  const out = box.applyDifference(req, { _: 'updates.differenceTooLong', pts: 50_000 }, T0 + 10);
  assert.equal(out.updates, []);
  assert.is(box.getState().state!.pts, 50_000);
  const next = onlyRequest(out, 'getDifference');
  assert.equal(next.request, { _: 'updates.getDifference', pts: 50_000, date: 1000, qts: 10 });
  const end = box.applyDifference(next, { _: 'updates.differenceEmpty', date: 2000, seq: 9 }, T0 + 20);
  assert.equal(end.requests, []);
  assert.equal(box.getState().state, { pts: 50_000, qts: 10, date: 2000, seq: 9 });
});

test('deadlines: 15 minutes without updates asks for the difference; each update moves the deadline', () => {
  const box = liveBox();
  assert.is(box.nextDeadline(), T0 + NO_UPDATES_TIMEOUT_MS);
  box.process(short(newMessage(1, 101)), T0 + 60_000);
  assert.equal(box.checkDeadlines(T0 + NO_UPDATES_TIMEOUT_MS).requests, [], 'an update came 1 min in: not yet');
  assert.is(box.nextDeadline(), T0 + 60_000 + NO_UPDATES_TIMEOUT_MS, 'the scan moved the deadline');
  const req = onlyRequest(box.checkDeadlines(T0 + 60_000 + NO_UPDATES_TIMEOUT_MS), 'getDifference');
  assert.is(req.request.pts, 101);
  assert.is(box.nextDeadline() > T0 + 60_000 + NO_UPDATES_TIMEOUT_MS || box.nextDeadline() === Number.POSITIVE_INFINITY, true);
  box.applyDifference(req, { _: 'updates.differenceEmpty', date: 1100, seq: 5 }, T0 + 60_001 + NO_UPDATES_TIMEOUT_MS);
  assert.equal(box.checkDeadlines(T0 + 60_002 + NO_UPDATES_TIMEOUT_MS).requests, [], 'the difference reset the deadline');
});

test('min peers trigger difference: a short message from an unknown user is fetched through getDifference', () => {
  const box = liveBox({ peers: peersKnowing([ALICE]) });
  const stranger = 3003n;
  const known = box.process(
    { _: 'updateShortMessage', id: 1, user_id: ALICE, message: 'hi', pts: 101, pts_count: 1, date: 1700000001 },
    T0,
  );
  assert.equal(ids(known), [1]);
  const msg = known.updates[0] as { message: { peer_id: unknown; from_id: unknown } };
  assert.equal(msg.message.peer_id, { _: 'peerUser', user_id: ALICE });
  assert.equal(msg.message.from_id, { _: 'peerUser', user_id: ALICE });

  const out = box.process(
    { _: 'updateShortMessage', id: 2, user_id: stranger, message: 'hey', pts: 102, pts_count: 1, date: 1700000002 },
    T0,
  );
  assert.equal(out.updates, [], 'not delivered without the user');
  const req = onlyRequest(out, 'getDifference');
  assert.is(req.request.pts, 101);
  const diff = difference([userMessage(2, stranger)], [], state(102, 10, 1002, 5), { users: [user(stranger)] });
  const done = box.applyDifference(req, diff, T0 + 10);
  assert.equal(ids(done), [2], 'delivered once, from the difference (the held short copy is a pts duplicate)');
  assert.equal(
    done.users.map((u) => u.id),
    [stranger],
  );
});

test('short updates: outgoing updateShortMessage is from us; updateShortChatMessage needs user and chat; updateShortSentMessage moves pts', () => {
  const box = liveBox({ peers: peersKnowing([ALICE], [55n]) });
  const out = box.process({ _: 'updateShortMessage', out: true, id: 1, user_id: ALICE, message: 'x', pts: 101, pts_count: 1, date: 1 }, T0);
  assert.equal((out.updates[0] as { message: { from_id: unknown } }).message.from_id, { _: 'peerUser', user_id: SELF });
  const chat = box.process(
    { _: 'updateShortChatMessage', id: 2, from_id: ALICE, chat_id: 55n, message: 'y', pts: 102, pts_count: 1, date: 2 },
    T0,
  );
  assert.equal((chat.updates[0] as { message: { peer_id: unknown } }).message.peer_id, { _: 'peerChat', chat_id: 55n });
  const sent = box.process({ _: 'updateShortSentMessage', out: true, id: 3, pts: 103, pts_count: 1, date: 3 }, T0);
  assert.equal(ids(sent), [3]);
  assert.is(box.getState().state!.pts, 103);
  const unknownChat = box.process(
    { _: 'updateShortChatMessage', id: 4, from_id: ALICE, chat_id: 66n, message: 'z', pts: 104, pts_count: 1, date: 4 },
    T0,
  );
  onlyRequest(unknownChat, 'getDifference');
});

test('affected messages: an RPC result pts moves the sequence without delivering anything', () => {
  const box = liveBox();
  const out = box.processAffected({ pts: 102, pts_count: 2 }, T0);
  assert.equal(out.updates, []);
  assert.is(box.getState().state!.pts, 102);
  assert.equal(box.process(short(newMessage(1, 102)), T0).updates, [], 'covered by the affected range');
});

test('answers to requests the box no longer waits for are ignored', () => {
  const box = liveBox();
  const req = onlyRequest(box.process({ _: 'updatesTooLong' }, T0), 'getDifference');
  box.applyDifference(req, { _: 'updates.differenceEmpty', date: 1001, seq: 5 }, T0 + 1);
  const again = box.applyDifference(req, difference([userMessage(9)], [], state(999, 10, 1001, 5)), T0 + 2);
  assert.equal(again.updates, []);
  assert.is(box.getState().state!.pts, 100);
});

test.run();
