/**
 * ReconnectPolicy on a fake clock: backoff grows across connections that
 * open and fail at once, resets only after a healthy connection, and rounds
 * give up after maxAttempts or giveUpAfterMs (issue 10, finding 3).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ReconnectPolicy } from '../../ts/network/reconnect-policy.js';

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const noJitter = { initialMs: 100, maxMs: 10_000, factor: 2, jitter: 0 };

test('connections that open and fail at once keep growing the delay (the finding: it reset on every open)', () => {
  const c = clock();
  const p = new ReconnectPolicy({ ...noJitter, maxAttempts: Number.POSITIVE_INFINITY }, c.now);
  const delays: number[] = [];
  for (let i = 0; i < 8; i++) {
    p.attemptStarting();
    p.opened();
    c.advance(5);
    const v = p.failed();
    delays.push(v.delayMs);
    c.advance(v.delayMs);
  }
  assert.equal(delays, [100, 200, 400, 800, 1600, 3200, 6400, 10_000]);
});

test('an answer alone does not reset the backoff; answered and up for healthyAfterMs does', () => {
  const c = clock();
  const p = new ReconnectPolicy({ ...noJitter, maxAttempts: Number.POSITIVE_INFINITY, healthyAfterMs: 30_000 }, c.now);
  for (let i = 0; i < 3; i++) p.failed();
  p.attemptStarting();
  p.opened();
  p.answered();
  c.advance(29_999);
  assert.is(p.failed().delayMs, 800, 'up 29.999 s: not healthy yet');
  p.attemptStarting();
  p.opened();
  c.advance(30_000);
  assert.is(p.failed().delayMs, 1600, 'up 30 s but never answered: not healthy');
  p.attemptStarting();
  p.opened();
  p.answered();
  c.advance(30_000);
  assert.is(p.failed().delayMs, 100, 'answered and up 30 s: back to the first step');
});

test('a server that fails every connection at once gets a bounded number of reconnects per minute', () => {
  const c = clock();
  const p = new ReconnectPolicy({ maxAttempts: Number.POSITIVE_INFINITY, giveUpAfterMs: Number.POSITIVE_INFINITY }, c.now, () => 0.999);
  let connections = 0;
  const end = c.now() + 10 * 60_000;
  while (c.now() < end) {
    connections++;
    p.attemptStarting();
    p.opened();
    c.advance(p.failed().delayMs);
  }
  // Defaults: 250 ms doubling to 30 s, jitter 0.5 (worst case: half of each delay) → after the ramp, 4 per minute.
  assert.ok(connections <= 50, `${connections} connections in 10 minutes`);
});

test('give-up: maxAttempts failures in a row end the round; the backoff is kept for the next round', () => {
  const c = clock();
  const p = new ReconnectPolicy({ ...noJitter, maxAttempts: 3 }, c.now);
  assert.is(p.failed().giveUp, false);
  assert.is(p.failed().giveUp, false);
  const third = p.failed();
  assert.is(third.giveUp, true);
  assert.is(third.delayMs, 400);
  assert.is(p.delayBeforeAttempt(), 400);
  assert.equal(p.failed(), { giveUp: false, delayMs: 800 });
});

test("give-up: a round also ends when the next attempt would start after giveUpAfterMs (measured from the first failed attempt's start)", () => {
  const c = clock();
  const p = new ReconnectPolicy({ ...noJitter, maxAttempts: 100, giveUpAfterMs: 1_000 }, c.now);
  p.attemptStarting(); // t = 0
  c.advance(500); // the attempt hangs 500 ms, then fails
  assert.equal(p.failed(), { giveUp: false, delayMs: 100 }); // next at 600
  c.advance(100);
  p.attemptStarting();
  c.advance(200);
  assert.equal(p.failed(), { giveUp: false, delayMs: 200 }); // next at 1 000: still inside
  c.advance(200);
  p.attemptStarting();
  assert.equal(p.failed(), { giveUp: true, delayMs: 400 }); // next would be at 1 400
});

test('an answer ends the round: failures after it start counting again', () => {
  const c = clock();
  const p = new ReconnectPolicy({ ...noJitter, maxAttempts: 2, healthyAfterMs: 1_000_000 }, c.now);
  assert.is(p.failed().giveUp, false);
  p.attemptStarting();
  p.opened();
  p.answered();
  assert.is(p.failed().giveUp, false);
  assert.is(p.failed().giveUp, true);
});

test.run();
