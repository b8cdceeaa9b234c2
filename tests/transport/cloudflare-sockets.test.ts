/**
 * createCloudflareTcpFactory (ts/platform/cloudflare-sockets.ts) with a
 * stand-in for `connect()` of `cloudflare:sockets` built on node:net and
 * web streams (`Duplex.toWeb`), the shape Workers give: a TelegramClient
 * runs the key exchange, signs in and sends a message over it to the test
 * server; a refused port is a TransportError; close() ends the socket.
 */
import { connect as netConnect } from 'node:net';
import { Duplex } from 'node:stream';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TransportError } from '../../ts/errors.js';
import type { TestServer } from '../../ts/testing/index.js';
import { ScriptedWorld } from '../../ts/testing/index.js';
import { type CloudflareConnect, createCloudflareTcpFactory } from '../../ts/platform/cloudflare-sockets.js';
import { clientFor, startServer, within } from '../client/_support.js';

/** Resolves with what `p` rejected with (fails when it resolves). */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

/** `connect()` as Workers have it, over node:net; records what it was asked. */
const calls: { hostname: string; port: number; secureTransport: string | undefined }[] = [];
const fakeConnect: CloudflareConnect = (address, options) => {
  calls.push({ ...address, secureTransport: options?.secureTransport });
  const sock = netConnect(address.port, address.hostname);
  const opened = new Promise<unknown>((resolve, reject) => {
    sock.once('connect', () => resolve({}));
    sock.once('error', reject);
  });
  opened.catch(() => {});
  const web = Duplex.toWeb(sock) as unknown as { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> };
  return {
    readable: web.readable,
    writable: web.writable,
    opened,
    close: async () => void sock.destroy(),
  };
};

let server: TestServer;
test.before(async () => {
  server = await startServer();
});
test.after(async () => {
  await server.stop();
});

test('a client over the Workers socket shape: key exchange, sign-in, a message round trip', async () => {
  const u = new ScriptedWorld(server.backend).user({ firstName: 'Cleo' });
  const client = await clientFor(server, { sockets: createCloudflareTcpFactory({ connect: fakeConnect }) });
  try {
    await within(client.start({ phone: u.user.phone!, code: server.backend.loginCode(u.user.phone!) }), 10_000, 'login');
    const sent = await within(client.sendMessage('me', 'over cloudflare:sockets'), 8000, 'send');
    const [back] = await within(client.getMessages('me', [sent.id]), 8000, 'get');
    assert.is(back?.text, 'over cloudflare:sockets');
  } finally {
    await client.close();
  }
  assert.ok(calls.length > 0);
  assert.ok(calls.every((c) => c.hostname === '127.0.0.1' && c.secureTransport === 'off'));
});

test('a refused connection rejects with TransportError; an aborted one too', async () => {
  const factory = createCloudflareTcpFactory({ connect: fakeConnect });
  const handlers = { onData() {}, onError() {}, onClose() {} };
  // A port from the server, closed again: nothing listens there.
  const probe = await startServer({ dcs: [1] });
  const port = probe.dc(1).port;
  await probe.stop();
  const refused = await rejection(factory.connect('127.0.0.1', port, handlers));
  assert.ok(refused instanceof TransportError && /failed/.test(refused.message), String(refused));
  const abort = new AbortController();
  abort.abort();
  assert.ok((await rejection(factory.connect('127.0.0.1', server.dc(2).port, handlers, abort.signal))) instanceof TransportError);
});

test('bytes both ways and close(): onClose once', async () => {
  const factory = createCloudflareTcpFactory({ connect: fakeConnect });
  let closes = 0;
  const got: Uint8Array[] = [];
  const socket = await within(
    factory.connect('127.0.0.1', server.dc(2).port, { onData: (c) => void got.push(c), onError() {}, onClose: () => void closes++ }),
    5000,
    'connect',
  );
  socket.close();
  socket.close();
  const deadline = Date.now() + 3000;
  while (closes === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  assert.is(closes, 1);
  socket.write(new Uint8Array(4)); // ignored after close
});

test.run();
