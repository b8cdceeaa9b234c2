import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { backoffDelay } from '../../ts/network/backoff.js';

test('backoff: delays grow by the factor from the initial delay and stop at the cap (no jitter)', () => {
  const o = { initialMs: 100, maxMs: 1000, factor: 2, jitter: 0 };
  assert.equal(
    [0, 1, 2, 3, 4, 5, 10].map((a) => backoffDelay(a, o)),
    [100, 200, 400, 800, 1000, 1000, 1000],
  );
});

test('backoff: full jitter keeps the delay in [d·(1−jitter), d]', () => {
  const o = { initialMs: 1000, maxMs: 60_000, factor: 2, jitter: 0.5 };
  assert.is(
    backoffDelay(2, o, () => 0),
    4000,
  );
  assert.is(
    backoffDelay(2, o, () => 0.999999),
    2000,
  );
  assert.is(
    backoffDelay(2, o, () => 0.5),
    3000,
  );
});

test('backoff: defaults are 250 ms doubling to 30 s, jitter 0.5, and bad inputs are clamped', () => {
  assert.is(
    backoffDelay(0, {}, () => 0),
    250,
  );
  assert.is(
    backoffDelay(20, {}, () => 0),
    30_000,
  );
  assert.is(backoffDelay(-3, { jitter: 0 }), 250);
  assert.is(
    backoffDelay(1, { jitter: 7 }, () => 0.5),
    250,
  );
});

test.run();
