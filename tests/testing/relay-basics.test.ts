/**
 * FaultRelay on its own, in front of a TCP echo server: each fault does
 * exactly what it says to the byte stream (so the Connection scenarios in
 * relay.test.ts test the client, not the relay).
 */
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FaultRelay } from '../../ts/testing/index.js';
import { until } from './server-harness.js';
import { ArgumentError } from '../../ts/errors.js';

let echo: Server;
let target: { host: string; port: number };

test.before(async () => {
  echo = createServer((s) => {
    s.on('error', () => {});
    s.pipe(s);
  });
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
  target = { host: '127.0.0.1', port: (echo.address() as AddressInfo).port };
});

test.after(async () => {
  await new Promise<void>((r) => echo.close(() => r()));
});

interface Client {
  sock: Socket;
  got: () => Buffer;
  closed: () => boolean;
}

async function client(relay: FaultRelay): Promise<Client> {
  const sock = connect(relay.port, relay.host);
  const parts: Buffer[] = [];
  let closed = false;
  sock.on('data', (b) => parts.push(b));
  sock.on('error', () => {});
  sock.on('close', () => (closed = true));
  await new Promise<void>((r) => sock.once('connect', r));
  sock.setNoDelay(true);
  return { sock, got: () => Buffer.concat(parts), closed: () => closed };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('relay basics: forwards untouched, counts bytes', async () => {
  const relay = await FaultRelay.start({ target });
  const c = await client(relay);
  c.sock.write('hello');
  await until(() => c.got().toString() === 'hello', 'the echo');
  assert.is(relay.stats.bytesUp, 5);
  assert.is(relay.stats.bytesDown, 5);
  assert.is(relay.connectionCount, 1);
  c.sock.destroy();
  await until(() => relay.connectionCount === 0, 'the pair closed');
  await relay.stop();
});

test('relay basics: stall holds bytes in order and releases them when turned off', async () => {
  const relay = await FaultRelay.start({ target });
  const c = await client(relay);
  relay.set('down', { stall: true });
  for (const part of ['a', 'b', 'c']) {
    c.sock.write(part);
    await sleep(10);
  }
  await sleep(50);
  assert.is(c.got().length, 0);
  relay.set('down', {});
  await until(() => c.got().toString() === 'abc', 'the stalled bytes');
  c.sock.destroy();
  await relay.stop();
});

test('relay basics: cutAfterBytes passes exactly that many bytes, then closes both sides mid-stream', async () => {
  const relay = await FaultRelay.start({ target });
  const c = await client(relay);
  relay.set('up', { cutAfterBytes: 7 });
  c.sock.write('0123456789');
  await until(() => c.closed(), 'the cut');
  assert.is(relay.stats.cuts, 1);
  assert.ok(c.got().length <= 7);
  assert.is(relay.connectionCount, 0);
  await relay.stop();
});

test('relay basics: drop, duplicate and reorder follow the seeded random source', async () => {
  const values = [0.1, 0.9];
  let i = 0;
  const relay = await FaultRelay.start({ target, random: () => values[i++ % 2]! });
  const c = await client(relay);
  relay.set('up', { duplicate: 0.5 }); // draws 0.1 (dup), 0.9 (no dup), ...
  c.sock.write('x');
  await sleep(30);
  c.sock.write('y');
  await until(() => c.got().toString() === 'xxy', 'x twice, y once');
  assert.is(relay.stats.duplicated, 1);
  relay.set('up', { drop: 0.5 }); // 0.1 (drop), 0.9 (keep)
  c.sock.write('p');
  await sleep(30);
  c.sock.write('q');
  await until(() => c.got().toString() === 'xxyq', 'p dropped');
  assert.is(relay.stats.dropped, 1);
  relay.set('up', { reorder: 0.5 }); // 0.1 (hold r), then s: reorder not drawn while one is held
  c.sock.write('r');
  await sleep(20);
  c.sock.write('s');
  await until(() => c.got().toString() === 'xxyqsr', 'r after s');
  assert.is(relay.stats.reordered, 1);
  c.sock.destroy();
  await relay.stop();
});

test('relay basics: half-open discards bytes and keeps the client side open when the far side closes', async () => {
  const relay = await FaultRelay.start({ target });
  const c = await client(relay);
  relay.set('down', { halfOpen: true });
  c.sock.write('lost');
  await sleep(50);
  assert.is(c.got().length, 0);
  assert.ok(relay.stats.dropped >= 1);
  assert.not.ok(c.closed());
  c.sock.destroy();
  await relay.stop();
});

test('relay basics: accept modes close or black-hole new connections; cutAll drops open ones', async () => {
  const relay = await FaultRelay.start({ target });
  const open = await client(relay);
  relay.acceptMode('close');
  const refused = await client(relay);
  await until(() => refused.closed(), 'closed at once');
  relay.acceptMode('blackhole');
  const holed = await client(relay);
  holed.sock.write('anyone?');
  await sleep(50);
  assert.is(holed.got().length, 0);
  assert.not.ok(holed.closed());
  assert.is(relay.cutAll(), 2);
  await until(() => open.closed() && holed.closed(), 'both cut');
  await relay.stop();
  assert.throws(
    () => relay.set('up', { drop: 2 }),
    (e: unknown) => e instanceof ArgumentError,
  );
});

test.run();
