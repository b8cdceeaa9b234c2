import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Pinger } from '../../ts/mtproto/session/pinger.js';

// https://core.telegram.org/mtproto/service_messages#deferred-connection-closure-ping

test('pinger: a ping is due every intervalMs', () => {
  const p = new Pinger({ intervalMs: 1000, timeoutMs: 500 });
  assert.is(p.tick(0).send, undefined);
  assert.is(p.tick(999).send, undefined);
  assert.is(p.tick(1000).send, 75);
});

test('pinger: no pong within timeoutMs of the ping → timed out', () => {
  const p = new Pinger({ intervalMs: 1000, timeoutMs: 500 });
  p.tick(0);
  p.tick(1000);
  p.sent(1000);
  assert.is(p.tick(1499).timedOut, false);
  assert.is(p.tick(1500).timedOut, true);
});

test('pinger: a pong settles the ping', () => {
  const p = new Pinger({ intervalMs: 1000, timeoutMs: 500 });
  p.tick(0);
  p.sent(1000);
  p.settled();
  assert.is(p.tick(1600).timedOut, false);
});

test('pinger: pings more frequent than the timeout still time out (counted from the oldest unanswered ping)', () => {
  const p = new Pinger({ intervalMs: 300, timeoutMs: 1000 });
  p.tick(0);
  let timedOut = false;
  for (let t = 300; t <= 3000 && !timedOut; t += 300) {
    const r = p.tick(t);
    timedOut = r.timedOut;
    if (r.send !== undefined) p.sent(t);
  }
  assert.ok(timedOut, 'a dead link is detected although a new ping went out every 300 ms');
});

test.run();
