import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MessageBox } from '../../ts/updates/index.js';
import { T0 } from './_box.js';
import {
  ALICE,
  CHANNEL,
  callbackQuery,
  channelDifference,
  channelMessage,
  container,
  difference,
  ids,
  newChannelMessage,
  newMessage,
  onlyRequest,
  peersKnowing,
  short,
  slice,
  state,
  userMessage,
} from './_fixtures.js';

const stored = () => ({ state: { pts: 100, qts: 10, date: 1000, seq: 5 }, channels: new Map([[CHANNEL, 500]]) });

test('catch-up: with a stored state the first requests are the account and channel differences', () => {
  const box = new MessageBox({ stored: stored(), peers: peersKnowing([ALICE]) });
  const out = box.start(T0);
  assert.equal(
    out.requests.map((r) => r.request),
    [
      { _: 'updates.getDifference', pts: 100, date: 1000, qts: 10 },
      {
        _: 'updates.getChannelDifference',
        channel: { _: 'inputChannel', channel_id: CHANNEL, access_hash: 0x5eedn },
        filter: { _: 'channelMessagesFilterEmpty' },
        pts: 500,
        limit: 100,
      },
    ],
  );
});

test('catch-up holds live updates until the difference is done, then delivers them after it, without duplicates', () => {
  const box = new MessageBox({ stored: stored(), peers: peersKnowing([ALICE]) });
  const start = box.start(T0);
  const req = start.requests.find((r) => r.kind === 'getDifference')!;
  // Live updates arrive while the difference is out: one the difference also has, one newer, one without pts.
  assert.equal(box.process(short(newMessage(2, 102)), T0 + 1).updates, []);
  assert.equal(box.process(short(newMessage(3, 103)), T0 + 2).updates, []);
  assert.equal(box.process(short(callbackQuery(77n)), T0 + 3).updates, []);
  assert.equal(box.process(container([newMessage(4, 104)], 7), T0 + 4).updates, []);
  const first = box.applyDifference(req, slice([userMessage(1)], [], state(101, 10, 1001, 5)), T0 + 5);
  assert.equal(ids(first), [1], 'a slice: still holding');
  const next = onlyRequest(first, 'getDifference');
  const done = box.applyDifference(next, difference([userMessage(2)], [], state(102, 10, 1002, 6)), T0 + 6);
  assert.equal(ids(done), [2, 3, 'updateBotCallbackQuery', 4], 'offline messages first, then the held live ones in arrival order');
  assert.equal(box.getState().state, { pts: 104, qts: 10, date: 1700000007, seq: 7 });
});

test('catch-up: channel updates arriving during the channel difference are held and deduplicated', () => {
  const box = new MessageBox({ stored: stored(), peers: peersKnowing([ALICE]) });
  const start = box.start(T0);
  const acc = start.requests.find((r) => r.kind === 'getDifference')!;
  const chReq = start.requests.find((r) => r.kind === 'getChannelDifference')!;
  box.applyDifference(acc, { _: 'updates.differenceEmpty', date: 1000, seq: 5 }, T0 + 1);
  assert.equal(box.process(short(newChannelMessage(2, 502)), T0 + 2).updates, []);
  const out = box.applyChannelDifference(chReq, channelDifference(502, [channelMessage(1), channelMessage(2)]), T0 + 3);
  assert.equal(ids(out), [1, 2]);
  assert.is(box.getState().channels.get(CHANNEL), 502);
});

test('catch-up off: start from now with updates.getState; stored channels are forgotten', () => {
  const box = new MessageBox({ stored: stored(), catchUp: false });
  const out = box.start(T0);
  const req = onlyRequest(out, 'getState');
  box.applyState(req, state(900, 20, 5000, 40), T0 + 1);
  assert.equal(box.getState(), { state: { pts: 900, qts: 20, date: 5000, seq: 40 }, channels: new Map() });
  const commit = box.commitPoint();
  assert.equal(commit, { state: { pts: 900, qts: 20, date: 5000, seq: 40 }, channels: [[CHANNEL, undefined]] });
});

test('held live updates are bounded: past the limit they are dropped and one more difference fetches them', () => {
  const box = new MessageBox({ stored: { state: { pts: 100, qts: 10, date: 1000, seq: 5 }, channels: new Map() }, maxHeldUpdates: 3 });
  const req = onlyRequest(box.start(T0), 'getDifference');
  let overflow = 0;
  for (let i = 1; i <= 10; i++)
    overflow += box.process(short(newMessage(i, 100 + i)), T0).events.filter((e) => e.type === 'heldOverflow').length;
  assert.is(overflow, 1, 'reported once');
  const out = box.applyDifference(req, { _: 'updates.differenceEmpty', date: 1000, seq: 5 }, T0 + 1);
  assert.equal(ids(out), [1, 2, 3]);
  assert.equal(onlyRequest(out, 'getDifference').request.pts, 103);
});

test.run();
