/**
 * MTProto's HTTP transport (https://core.telegram.org/mtproto/transports#http),
 * both sides: createHttpSocketFactory (ts/transport/http.ts) against the
 * test server's `POST /api` listener (ts/testing/server/http-listener.ts,
 * `TestServer.start({ http: true })`), on loopback. A TelegramClient runs
 * the key exchange, signs in and makes RPCs over HTTP only; an update from
 * another user reaches it in the answer to a held request (long polling);
 * an unknown auth key is HTTP 404 → transport error -404; the endpoint
 * refuses other paths, methods and oversized bodies. The socket's reframing
 * is checked byte for byte with a stub fetch.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TelegramClient } from '../../ts/client/index.js';
import type { NewMessage } from '../../ts/client/index.js';
import { TransportError } from '../../ts/errors.js';
import { ScriptedWorld, type TestServer } from '../../ts/testing/index.js';
import { createHttpSocketFactory, type FetchLike } from '../../ts/transport/http.js';
import { Transport } from '../../ts/transport/transport.js';
import { clientFor, startServer, within } from '../client/_support.js';

/** An answer shaped like an encrypted packet (24 + 16k bytes), which padded intermediate can strip its padding from. */
const ANSWER = new Uint8Array(40).map((_, i) => 200 - i);

let server: TestServer;
let world: ScriptedWorld;

test.before(async () => {
  server = await startServer({ dcs: [1, 2], http: { maxWaitMs: 10_000 } });
  world = new ScriptedWorld(server.backend);
});
test.after(async () => {
  world.close();
  await server.stop();
});

/** A client that reaches every DC through the HTTP ports only. */
function httpClient(extra: Parameters<typeof clientFor>[1] = {}): Promise<TelegramClient> {
  return clientFor(server, {
    testServer: {
      dcs: server.dcs.map((d) => ({ id: d.id, host: d.host, port: d.httpPort! })),
      rsaPublicKey: server.rsaPublicKey,
    },
    sockets: createHttpSocketFactory(),
    ...extra,
  });
}

test('TestServer.start({ http: true }) gives every DC an HTTP port', () => {
  for (const d of server.dcs) assert.ok(typeof d.httpPort === 'number' && d.httpPort > 0 && d.httpPort !== d.port);
});

test('over HTTP only: key exchange, sign-in, sendMessage and getMessages', async () => {
  const u = world.user({ firstName: 'Hana' });
  const client = await httpClient();
  try {
    await within(client.start({ phone: u.user.phone!, code: server.backend.loginCode(u.user.phone!) }), 15_000, 'login');
    const sent = await within(client.sendMessage('me', 'posted to /api'), 8000, 'send');
    const [back] = await within(client.getMessages('me', [sent.id]), 8000, 'get');
    assert.is(back?.text, 'posted to /api');
    assert.ok(server.authKeyCount(2) >= 1);
  } finally {
    await client.close();
  }
});

test('an update arrives in the answer to a held request (long polling)', async () => {
  const u = world.user({ firstName: 'Ivo' });
  const friend = world.user({ firstName: 'Jun' });
  // Acks go out 20 ms after an answer: that request is held by the server until the update comes.
  const client = await httpClient({ connection: { connectTimeoutMs: 5000, requestTimeoutMs: 5000, session: { ackDelayMs: 20 } } });
  try {
    await within(client.start({ phone: u.user.phone!, code: server.backend.loginCode(u.user.phone!) }), 15_000, 'login');
    const got = new Promise<NewMessage>((resolve) => {
      client.on('newMessage', (m) => {
        if (m.text === 'ping over http') resolve(m);
      });
    });
    await within(client.startUpdates(), 8000, 'startUpdates');
    await within(client.sendMessage('me', 'warm-up'), 8000, 'send');
    await new Promise((r) => setTimeout(r, 200));
    await friend.sendMessage(u.user, 'ping over http');
    const m = await within(got, 8000, 'the update');
    assert.is(m.message.sender?.id, friend.user.id);
  } finally {
    await client.close();
  }
});

test('the endpoint: unknown auth key → 404; other paths 404, GET 405, an oversized body 413, a short one 400', async () => {
  const base = `http://127.0.0.1:${server.dc(2).httpPort}`;
  const unknownKey = new Uint8Array(80).fill(7);
  const r404 = await fetch(`${base}/api`, { method: 'POST', body: unknownKey });
  assert.is(r404.status, 404);
  assert.is((await fetch(`${base}/other`, { method: 'POST', body: unknownKey })).status, 404);
  assert.is((await fetch(`${base}/api`)).status, 405);
  assert.is((await fetch(`${base}/api`, { method: 'POST', body: new Uint8Array(4) })).status, 400);
  const big = await fetch(`${base}/api`, { method: 'POST', body: new Uint8Array(2 * 1024 * 1024) }).catch(() => undefined);
  assert.ok(big === undefined || big.status === 413);
});

test('the socket: frames in, bodies posted as they are; answers back as frames of the same framing; 404 → -404', async () => {
  const posted: Uint8Array[] = [];
  let reply: { status: number; body: Uint8Array } = { status: 200, body: ANSWER };
  const fetch: FetchLike = async (url, init) => {
    assert.is(url, 'http://127.0.0.1:1234/api');
    posted.push(init.body.slice());
    const { status, body } = reply;
    return { status, arrayBuffer: async () => body.slice().buffer };
  };
  for (const codec of ['intermediate', 'abridged', 'padded-intermediate'] as const) {
    posted.length = 0;
    reply = { status: 200, body: ANSWER };
    const t = new Transport({ sockets: createHttpSocketFactory({ fetch }), codec });
    const packets: Uint8Array[] = [];
    const errors: TransportError[] = [];
    t.on('packet', (p) => void packets.push(p));
    t.on('error', (e) => void errors.push(e));
    await t.connect('127.0.0.1', 1234);
    const payload = new Uint8Array(40).map((_, i) => i);
    t.send(payload);
    await within(
      (async () => {
        while (packets.length === 0) await new Promise((r) => setTimeout(r, 1));
      })(),
      2000,
      'answer',
    );
    assert.equal([...posted[0]!], [...payload], codec);
    assert.equal([...packets[0]!], [...ANSWER], codec);
    reply = { status: 404, body: new Uint8Array(0) };
    t.send(payload);
    await within(
      (async () => {
        while (errors.length === 0) await new Promise((r) => setTimeout(r, 1));
      })(),
      2000,
      'error',
    );
    assert.is(errors[0]!.code, -404, codec);
    t.close();
  }
});

test('a failing fetch is a TransportError and closes the socket', async () => {
  const fetch: FetchLike = async () => {
    throw new Error('connection refused');
  };
  const t = new Transport({ sockets: createHttpSocketFactory({ fetch }) });
  const errors: TransportError[] = [];
  let closed = false;
  t.on('error', (e) => void errors.push(e));
  t.on('close', () => void (closed = true));
  await t.connect('127.0.0.1', 1);
  t.send(new Uint8Array(16));
  await within(
    (async () => {
      while (!closed) await new Promise((r) => setTimeout(r, 1));
    })(),
    2000,
    'close',
  );
  assert.ok(errors[0] instanceof TransportError && /connection refused/.test(errors[0].message));
});

test.run();
