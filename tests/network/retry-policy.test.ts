import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RpcError, TimeoutError, TransportError } from '../../ts/errors.js';
import {
  AutoSleep,
  CircuitBreaker,
  CircuitOpenError,
  ExponentialBackoff,
  invokeWithRetry,
  NoRetries,
  type RetryDecision,
} from '../../ts/network/retry-policy.js';

const ctx = (error: unknown, attempt = 1, now = 0) => ({ error, attempt, method: 'x.y', now });
const flood = (s: number) => new RpcError(420, `FLOOD_WAIT_${s}`);
const delay = (d: RetryDecision) => (d.retry ? d.delayMs : -1);

test('AutoSleep: sleeps FLOOD_WAIT_X for X seconds plus jitter up to the threshold', () => {
  const p = new AutoSleep({ maxWaitSeconds: 10, jitter: 0.1, random: () => 0.5 });
  assert.is(delay(p.decide(ctx(flood(3)))), 3150);
  assert.is(delay(p.decide(ctx(new RpcError(420, 'SLOWMODE_WAIT_2')))), 2100);
  assert.is(delay(p.decide(ctx(flood(10)))), 10500);
  assert.equal(p.decide(ctx(flood(11))), { retry: false }, 'over the threshold: to the caller');
  assert.is(delay(new AutoSleep({ random: () => 0 }).decide(ctx(flood(0)))), 50, 'FLOOD_WAIT_0 still waits a little');
});

test('AutoSleep: at most maxSleeps flood waits per call', () => {
  const p = new AutoSleep({ maxSleeps: 2, random: () => 0 });
  assert.ok(p.decide(ctx(flood(1), 2)).retry);
  assert.not.ok(p.decide(ctx(flood(1), 3)).retry);
});

test('AutoSleep: retries a transient error once, never a 400', () => {
  const p = new AutoSleep({ transientDelayMs: 100, jitter: 0 });
  assert.is(delay(p.decide(ctx(new TransportError('reset')))), 100);
  assert.is(delay(p.decide(ctx(new RpcError(500, 'INTERNAL_SERVER_ERROR')))), 100);
  assert.is(delay(p.decide(ctx(new RpcError(-503, 'Timeout')))), 100);
  assert.not.ok(p.decide(ctx(new TransportError('reset'), 2)).retry, 'only once');
  assert.not.ok(p.decide(ctx(new RpcError(400, 'PEER_ID_INVALID'))).retry);
  assert.not.ok(p.decide(ctx(new TimeoutError('t', 5))).retry, 'the caller’s own deadline is not retried');
  assert.not.ok(new AutoSleep({ retryTransient: false }).decide(ctx(new TransportError('x'))).retry);
});

test('NoRetries: gives up on everything', () => {
  const p = new NoRetries();
  for (const e of [flood(1), new TransportError('x'), new RpcError(500, 'X')]) assert.not.ok(p.decide().retry, String(e));
});

test('ExponentialBackoff: base·factor^(n−1), capped, jittered, max attempts', () => {
  const p = new ExponentialBackoff({ baseMs: 100, factor: 2, maxMs: 1000, maxAttempts: 6, jitter: 0 });
  const e = new TransportError('x');
  assert.equal(
    [1, 2, 3, 4, 5].map((n) => delay(p.decide(ctx(e, n)))),
    [100, 200, 400, 800, 1000],
  );
  assert.not.ok(p.decide(ctx(e, 6)).retry);
  const j = new ExponentialBackoff({ baseMs: 100, jitter: 0.5, random: () => 1 });
  assert.is(delay(j.decide(ctx(e, 1))), 50, 'full jitter draws from [(1−j)·d, d]');
  assert.not.ok(p.decide(ctx(new RpcError(400, 'BAD'))).retry);
  assert.is(delay(p.decide(ctx(flood(1), 1))), 1000, 'never earlier than the flood wait');
  assert.not.ok(p.decide(ctx(flood(2), 1)).retry, 'a wait above maxMs goes to the caller');
});

test('CircuitBreaker: opens after N consecutive failures, stays silent for the cooldown, then half-open', () => {
  const cb = new CircuitBreaker({ threshold: 3, cooldownMs: 1000 });
  const e = new TransportError('down');
  for (let i = 0; i < 2; i++) {
    cb.beforeAttempt(0);
    assert.not.ok(cb.decide(ctx(e, 1, 0)).retry);
  }
  assert.is(cb.state(0), 'closed');
  cb.beforeAttempt(0);
  cb.decide(ctx(e, 1, 10));
  assert.is(cb.state(10), 'open');
  assert.throws(
    () => cb.beforeAttempt(500),
    (x: unknown) => x instanceof CircuitOpenError && x.retryInMs === 510,
  );
  assert.is(cb.state(1010), 'half-open');
  cb.beforeAttempt(1010); // the trial
  assert.throws(
    () => cb.beforeAttempt(1011),
    (x: unknown) => x instanceof CircuitOpenError,
    'one trial at a time',
  );
  cb.decide(ctx(e, 1, 1020)); // trial fails: open again
  assert.is(cb.state(1500), 'open');
  cb.beforeAttempt(2020);
  cb.onSuccess(2021); // trial succeeds: closed
  assert.is(cb.state(2021), 'closed');
  cb.beforeAttempt(2022);
});

test('CircuitBreaker: a 400 is the caller’s fault and does not count; success resets the count', () => {
  const cb = new CircuitBreaker({ threshold: 2, cooldownMs: 1000 });
  cb.decide(ctx(new RpcError(400, 'PEER_ID_INVALID')));
  cb.decide(ctx(new RpcError(400, 'PEER_ID_INVALID')));
  assert.is(cb.state(0), 'closed');
  cb.decide(ctx(new TimeoutError('t', 1)));
  cb.onSuccess(0);
  cb.decide(ctx(new TimeoutError('t', 1)));
  assert.is(cb.state(0), 'closed');
});

test('invokeWithRetry: sleeps what the policy says and returns the first success', async () => {
  const sleeps: number[] = [];
  let calls = 0;
  const result = await invokeWithRetry(
    async () => {
      calls++;
      if (calls < 3) throw flood(2);
      return 'ok';
    },
    { policy: new AutoSleep({ jitter: 0 }), method: 'x', sleep: async (ms) => void sleeps.push(ms) },
  );
  assert.is(result, 'ok');
  assert.equal(sleeps, [2000, 2000]);
});

test('invokeWithRetry: rethrows the error when the policy gives up; the breaker refuses before calling', async () => {
  let calls = 0;
  const fail = async () => {
    calls++;
    throw new TransportError('down');
  };
  const cb = new CircuitBreaker({ threshold: 1, cooldownMs: 60_000 });
  const opts = { policy: cb, method: 'x', now: () => 0, sleep: async () => {} };
  try {
    await invokeWithRetry(fail, opts);
    assert.unreachable();
  } catch (e) {
    assert.instance(e, TransportError);
  }
  try {
    await invokeWithRetry(fail, opts);
    assert.unreachable();
  } catch (e) {
    assert.instance(e, CircuitOpenError);
  }
  assert.is(calls, 1);
});

test('invokeWithRetry: an aborted signal stops the wait', async () => {
  const ac = new AbortController();
  const run = invokeWithRetry(
    async () => {
      throw flood(30);
    },
    { policy: new AutoSleep(), method: 'x', signal: ac.signal },
  );
  setTimeout(() => ac.abort(new Error('stop')), 5);
  try {
    await run;
    assert.unreachable();
  } catch (e) {
    assert.is((e as Error).message, 'stop');
  }
});

test.run();
