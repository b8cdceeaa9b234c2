/**
 * The client against servers that misbehave (issue 10, findings 2 and 3):
 * a server that closes at once, sends garbage, sends a well-formed frame of
 * random bytes, never answers, drips one byte every 20 ms, or answers -404
 * once / every time — each with and without a stored auth key. For each:
 * every `invoke` settles within its deadline with a typed error, the number
 * of reconnects stays bounded, no timer keeps reconnecting after the calls
 * settled, and nothing is left unhandled.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { TimeoutError, TlError, TransportError, WasmgramError } from '../../ts/errors.js';
import { Connection, type ConnectionOptions } from '../../ts/network/index.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';
import { type Behaviour, noUnhandled, startHostileServer } from './_hostile.js';

let crypto: CryptoProvider;

const randomKey = () => ({ key: crypto.randomBytes(256) });

function client(port: number, extra: Partial<ConnectionOptions> = {}): Connection {
  return new Connection({
    crypto,
    sockets: createNodeTcpFactory(),
    dcId: 2,
    host: '127.0.0.1',
    port,
    rsaKeys: [],
    reconnect: { initialMs: 20, maxMs: 400 },
    connectTimeoutMs: 1_000,
    ...extra,
  });
}

/** How long an invoke may take beyond its deadline before the test calls it a hang (scheduling slack on a busy machine). */
const SLACK_MS = 1_500;

const BEHAVIOURS: Behaviour[] = ['close', 'garbage', 'random-frame', 'silent', 'drip', '404-once', '404-always'];
const TIMEOUT_MS = 400;

interface Outcome {
  error: unknown;
  elapsed: number;
  connectionsAtSettle: number;
  connectionsLater: number;
}

/** One scenario: a call with a deadline against `behaviour`, then a pause to see whether anything keeps reconnecting. */
async function scenario(behaviour: Behaviour, stored: boolean): Promise<Outcome> {
  const server = await startHostileServer(behaviour);
  const conn = client(server.port, stored ? { authKey: randomKey() } : {});
  try {
    const started = Date.now();
    const error = await conn.invoke({ _: 'help.getNearestDc' }, { timeoutMs: TIMEOUT_MS }).then(
      () => undefined,
      (e: unknown) => e,
    );
    const elapsed = Date.now() - started;
    const connectionsAtSettle = server.connections;
    await new Promise((r) => setTimeout(r, 600));
    return { error, elapsed, connectionsAtSettle, connectionsLater: server.connections };
  } finally {
    conn.close();
    await server.stop();
  }
}

// The scenarios run side by side (each against its own server) so the suite stays fast;
// each test below checks one of them.
const outcomes = new Map<string, Outcome>();
let unhandledDuringScenarios: unknown[] = [];

test.before(async () => {
  crypto ??= await createCryptoProvider();
  const { unhandled } = await noUnhandled(() =>
    Promise.all(
      BEHAVIOURS.flatMap((behaviour) =>
        [false, true].map(async (stored) => outcomes.set(`${behaviour}/${stored}`, await scenario(behaviour, stored))),
      ),
    ),
  );
  unhandledDuringScenarios = unhandled;
  if (process.env.HOSTILE_DEBUG)
    for (const [k, o] of outcomes)
      console.log(k, (o.error as Error)?.name, o.elapsed, o.connectionsAtSettle, o.connectionsLater, (o.error as Error)?.message);
});

for (const behaviour of BEHAVIOURS) {
  for (const stored of [false, true]) {
    test(`hostile server "${behaviour}" (${stored ? 'stored key' : 'no key'}): invoke settles within its deadline with a typed error, reconnects stay bounded`, () => {
      const outcome = outcomes.get(`${behaviour}/${stored}`)!;
      assert.ok(
        outcome.error instanceof TimeoutError || outcome.error instanceof TransportError,
        `typed error, got ${String(outcome.error)}`,
      );
      assert.ok(outcome.elapsed <= TIMEOUT_MS + SLACK_MS, `settled after ${outcome.elapsed} ms`);
      // Backoff spaces the attempts and a round gives up after maxAttempts (default 8).
      assert.ok(outcome.connectionsAtSettle <= 8, `${outcome.connectionsAtSettle} connections before the call settled`);
      assert.ok(outcome.connectionsLater <= 9, `${outcome.connectionsLater} connections in all`);
    });
  }
}

test('nothing was left unhandled while the hostile scenarios ran', () => {
  assert.equal(unhandledDuringScenarios, []);
});

test('no deadline given: a server that closes at once still rejects the caller (TransportError with the last error) once the attempts are spent', async () => {
  const server = await startHostileServer('close');
  const conn = client(server.port, { reconnect: { initialMs: 10, maxMs: 40, maxAttempts: 3 } });
  const { value: error, unhandled } = await noUnhandled(() =>
    conn.invoke({ _: 'help.getNearestDc' }).then(
      () => undefined,
      (e: unknown) => e,
    ),
  );
  assert.instance(error, TransportError);
  assert.is(server.connections, 3);
  assert.equal(unhandled, []);
  // A later call starts a new round of attempts.
  const again = await conn.invoke({ _: 'help.getNearestDc' }, { timeoutMs: 2_000 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.instance(again, TransportError);
  assert.ok(server.connections > 3);
  conn.close();
  await server.stop();
});

test('connect deadline: callers without a deadline are rejected once reconnect.giveUpAfterMs passes, even with attempts left', async () => {
  const server = await startHostileServer('silent');
  const conn = client(server.port, {
    connectTimeoutMs: 150,
    reconnect: { initialMs: 10, maxMs: 20, maxAttempts: 1000, giveUpAfterMs: 500 },
  });
  const started = Date.now();
  const error = await conn.invoke({ _: 'help.getNearestDc' }).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof TimeoutError || error instanceof TransportError, String(error));
  assert.ok(Date.now() - started < 500 + SLACK_MS);
  conn.close();
  await server.stop();
});

test('finding 3: a server that sends one bad packet per connection (stored key) gets reconnects at a growing interval, not one per backoff step forever', async () => {
  const server = await startHostileServer('random-frame');
  // No give-up, so the only brake is the backoff.
  const conn = client(server.port, {
    authKey: randomKey(),
    reconnect: { initialMs: 20, maxMs: 10_000, maxAttempts: Number.POSITIVE_INFINITY },
  });
  const errors: unknown[] = [];
  const pending = conn.invoke({ _: 'help.getNearestDc' }).catch((e: unknown) => errors.push(e));
  await new Promise((r) => setTimeout(r, 1_500));
  // Delays of at least 10, 20, 40, ... ms (jitter keeps each in [d/2, d]): at most 8 connections fit in 1.5 s.
  assert.ok(server.connections <= 8, `${server.connections} connections in 1.5 s`);
  assert.ok(server.connections >= 3, `${server.connections} connections`);
  conn.close();
  await pending;
  assert.is(errors.length, 1);
  assert.instance(errors[0], WasmgramError);
  await server.stop();
});

test('connect({ timeoutMs }) rejects with TimeoutError at its deadline; connect({ signal }) with the abort reason', async () => {
  const server = await startHostileServer('silent');
  const conn = client(server.port);
  const started = Date.now();
  const timedOut = await conn.connect({ timeoutMs: 100 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.instance(timedOut, TimeoutError);
  assert.ok(Date.now() - started < 100 + SLACK_MS);
  const abort = new AbortController();
  const pending = conn.connect({ signal: abort.signal }).then(
    () => undefined,
    (e: unknown) => e,
  );
  abort.abort(new TransportError('no longer needed'));
  assert.instance(await pending, TransportError);
  conn.close();
  await server.stop();
});

test('a request that cannot be encoded rejects alone with TlError, also when it waited for the connection to open; nothing unhandled', async () => {
  const server = await startHostileServer('silent');
  const conn = client(server.port, { authKey: randomKey() });
  const bad = { _: 'messages.sendMessage' } as unknown as Parameters<Connection['invoke']>[0];
  const { value, unhandled } = await noUnhandled(async () => {
    const first = await conn.invoke(bad, { timeoutMs: 2_000 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    const second = await conn.invoke(bad, { timeoutMs: 2_000 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    return [first, second];
  });
  assert.ok(value.every((e) => e instanceof TlError));
  assert.equal(unhandled, []);
  conn.close();
  await server.stop();
});

test('close() rejects a caller still waiting for the connection to open', async () => {
  const server = await startHostileServer('silent');
  const conn = client(server.port);
  const pending = conn.invoke({ _: 'help.getNearestDc' }).then(
    () => undefined,
    (e: unknown) => e,
  );
  await new Promise((r) => setTimeout(r, 50));
  conn.close();
  const error = await pending;
  assert.instance(error, WasmgramError);
  await server.stop();
});

test('an AbortSignal covers the connect too: aborting while the key exchange hangs rejects at once', async () => {
  const server = await startHostileServer('silent');
  const conn = client(server.port);
  const abort = new AbortController();
  const pending = conn.invoke({ _: 'help.getNearestDc' }, { signal: abort.signal }).then(
    () => undefined,
    (e: unknown) => e,
  );
  await new Promise((r) => setTimeout(r, 50));
  abort.abort(new TimeoutError('gave up', 50));
  const error = await pending;
  assert.instance(error, TimeoutError);
  conn.close();
  await server.stop();
});

test('-404 repeatedly on a stored permanent key: the loss is confirmed on fresh connections, then reported once (auth-key-lost)', async () => {
  const server = await startHostileServer('404-always');
  const stored = randomKey();
  const conn = client(server.port, { authKey: stored, reconnect: { initialMs: 10, maxMs: 40, maxAttempts: 10 } });
  const lost: unknown[] = [];
  conn.on('auth-key-lost', (info) => lost.push(info));
  await conn.invoke({ _: 'help.getNearestDc' }, { timeoutMs: 2_000 }).catch(() => undefined);
  assert.is(lost.length, 1);
  // One -404 raised the suspicion, two more on fresh connections confirmed it.
  assert.ok(server.errorsSent >= 3);
  conn.close();
  await server.stop();
});

test('-404 once on a stored permanent key: the key is kept', async () => {
  const server = await startHostileServer('404-once');
  const stored = randomKey();
  const conn = client(server.port, { authKey: stored });
  const lost: unknown[] = [];
  conn.on('auth-key-lost', (info) => lost.push(info));
  await conn.invoke({ _: 'help.getNearestDc' }, { timeoutMs: 500 }).catch(() => undefined);
  assert.is(server.errorsSent, 1);
  assert.is(lost.length, 0);
  assert.is(conn.authKey?.key, stored.key);
  conn.close();
  await server.stop();
});

test.run();
