/**
 * raceFirst / raceSockets (the primitive behind `transport: 'auto'`): the
 * first candidate to complete wins, the others are aborted or closed, a
 * failure starts staggered candidates at once, every failure → RaceError,
 * the deadline → TimeoutError, and only the winner's socket events reach
 * the caller.
 */
import { createServer, type Server, type Socket as NetSocket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TimeoutError, TransportError } from '../../ts/errors.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';
import { RaceError, raceFirst, raceSockets } from '../../ts/transport/proxy/index.js';
import { freePort } from './_proxies.js';

const later = <T>(ms: number, value: T, signal: AbortSignal, log?: string[]) =>
  new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => resolve(value), ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      log?.push(`aborted ${String(value)}`);
      reject(new TransportError('aborted'));
    });
  });

test('the first to complete wins; the rest are aborted', async () => {
  const log: string[] = [];
  const won = await raceFirst([
    { label: 'slow', open: (s) => later(200, 'slow', s, log) },
    { label: 'fast', open: (s) => later(5, 'fast', s, log) },
  ]);
  assert.equal({ label: won.label, index: won.index, value: won.value }, { label: 'fast', index: 1, value: 'fast' });
  assert.equal(log, ['aborted slow']);
});

test('a candidate that completes after the winner is disposed', async () => {
  const disposed: string[] = [];
  const won = await raceFirst([
    { label: 'a', open: async () => 'a' },
    { label: 'b', open: () => new Promise<string>((r) => setTimeout(() => r('b'), 10)), dispose: (v) => disposed.push(v) },
  ]);
  assert.is(won.value, 'a');
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(disposed, ['b']);
});

test('a failure starts staggered candidates at once (not after their delay)', async () => {
  const t0 = Date.now();
  const won = await raceFirst(
    [
      { label: 'broken', open: async () => Promise.reject(new TransportError('refused')) },
      { label: 'backup', delayMs: 60_000, open: async () => 'ok' },
    ],
    { timeoutMs: 5000 },
  );
  assert.is(won.label, 'backup');
  assert.ok(Date.now() - t0 < 5000);
});

test('all fail → RaceError listing each failure; deadline → TimeoutError; abort → TransportError', async () => {
  const e = await raceFirst([
    { label: 'x', open: async () => Promise.reject(new TransportError('no x')) },
    { label: 'y', open: () => Promise.reject(new TransportError('no y')) },
  ]).catch((err: unknown) => err);
  assert.instance(e, RaceError);
  assert.instance(e, TransportError);
  assert.equal(
    (e as RaceError).failures.map((f) => f.label),
    ['x', 'y'],
  );
  const log: string[] = [];
  const t = await raceFirst([{ label: 'hang', open: (s) => later(60_000, 'hang', s, log) }], { timeoutMs: 30 }).catch(
    (err: unknown) => err,
  );
  assert.instance(t, TimeoutError);
  assert.equal(log, ['aborted hang']);
  const controller = new AbortController();
  const p = raceFirst([{ label: 'hang', open: (s) => later(60_000, 'x', s) }], { signal: controller.signal });
  controller.abort();
  assert.instance(await p.catch((err: unknown) => err), TransportError);
});

test('raceSockets: a closed port loses to a listening one; only the winner reaches the handlers', async () => {
  const accepted: NetSocket[] = [];
  const server: Server = createServer((s) => {
    accepted.push(s);
    s.write('hello');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const got: string[] = [];
  try {
    const won = await raceSockets(
      [
        { label: 'dead', sockets: createNodeTcpFactory(), host: '127.0.0.1', port: await freePort() },
        { label: 'alive', sockets: createNodeTcpFactory(), host: '127.0.0.1', port, delayMs: 20 },
      ],
      { onData: (b) => got.push(new TextDecoder().decode(b)), onError: () => {}, onClose: () => got.push('close') },
      { timeoutMs: 5000 },
    );
    assert.is(won.label, 'alive');
    const end = Date.now() + 5000;
    while (got.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
    assert.equal(got, ['hello']);
    won.socket.close();
  } finally {
    for (const s of accepted) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  }
});

test.run();
