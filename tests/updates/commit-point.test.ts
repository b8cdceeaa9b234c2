import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MessageBox } from '../../ts/updates/index.js';
import { liveBox, T0 } from './_box.js';
import { CHANNEL, ids, newChannelMessage, newMessage, onlyRequest, short, userMessage, difference, state } from './_fixtures.js';

test('commit point: nothing is committed before the handlers acknowledge the batch', () => {
  const box = liveBox();
  box.commitPoint(); // the getState answer
  const out = box.process(short(newMessage(1, 101)), T0);
  assert.ok(out.batch > 0);
  assert.is(box.commitPoint(), undefined);
  assert.is(box.committedState().state!.pts, 100);
  box.acknowledge(out.batch);
  assert.equal(box.commitPoint(), { state: { pts: 101, qts: 10, date: 1000, seq: 5 }, channels: [] });
  assert.is(box.commitPoint(), undefined, 'handed out once');
});

test('commit point: batches acknowledged out of order commit only the finished prefix', () => {
  const box = liveBox();
  box.commitPoint();
  const a = box.process(short(newMessage(1, 101)), T0);
  const b = box.process(short(newChannelMessage(5, 700)), T0);
  const c = box.process(short(newMessage(2, 102)), T0);
  box.acknowledge(c.batch);
  box.acknowledge(b.batch);
  assert.is(box.commitPoint(), undefined, 'batch a still running: b and c wait behind it');
  assert.is(box.pendingBatches, 1);
  box.acknowledge(a.batch);
  assert.equal(box.commitPoint(), { state: { pts: 102, qts: 10, date: 1000, seq: 5 }, channels: [[CHANNEL, 700]] });
  assert.equal(box.committedState().channels, new Map([[CHANNEL, 700]]));
});

test('commit point: a state change without updates (differenceTooLong) waits behind unacknowledged batches', () => {
  const box = liveBox();
  box.commitPoint();
  const a = box.process(short(newMessage(1, 101)), T0);
  const req = onlyRequest(box.process({ _: 'updatesTooLong' }, T0), 'getDifference');
  const reset = box.applyDifference(req, { _: 'updates.differenceTooLong', pts: 9000 }, T0 + 1);
  assert.equal(reset.updates, []);
  assert.is(box.commitPoint(), undefined);
  box.acknowledge(a.batch);
  assert.is(box.commitPoint()!.state!.pts, 9000);
});

test('commit point: a crash before acknowledging replays the unfinished update (at-least-once), not the finished ones', () => {
  const box = liveBox();
  const done = box.process(short(newMessage(1, 101)), T0);
  box.acknowledge(done.batch);
  box.process(short(newMessage(2, 102)), T0); // handler never finished: the process died
  const stored = box.committedState();
  assert.is(stored.state!.pts, 101);
  const restarted = new MessageBox({ stored });
  const req = onlyRequest(restarted.start(T0 + 10), 'getDifference');
  assert.equal(req.request, { _: 'updates.getDifference', pts: 101, date: 1000, qts: 10 });
  const out = restarted.applyDifference(req, difference([userMessage(2)], [], state(102, 10, 1001, 5)), T0 + 11);
  assert.equal(ids(out), [2], 'the unfinished one comes again; message 1 does not');
});

test('commit point: acknowledging unknown or repeated batches is harmless', () => {
  const box = liveBox();
  box.commitPoint();
  const a = box.process(short(newMessage(1, 101)), T0);
  box.acknowledge(a.batch);
  box.acknowledge(a.batch);
  box.acknowledge(123456);
  box.acknowledge(0);
  assert.is(box.commitPoint()!.state!.pts, 101);
});

test.run();
