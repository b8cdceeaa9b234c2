/**
 * WebSocket end to end on 127.0.0.1: `Transport` over the WebSocket adapter
 * (the `ws` package on Node) against a loopback `ws` server running
 * wasmgram's server stream — binary messages, subprotocol `binary`, path
 * `/apiws`, and always obfuscated2, as Telegram's web clients connect.
 * https://core.telegram.org/mtproto/transports#websocket
 */
import type { AddressInfo } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import WebSocket, { WebSocketServer } from 'ws';
import { OBFUSCATABLE_CODECS } from '../../ts/transport/codec.js';
import { createWebSocketFactory, type WebSocketConstructor } from '../../ts/transport/websocket.js';
import { createNodeWebSocketFactory } from '../../ts/transport/websocket-node.js';
import { crypto, hex, loadCrypto, mtprotoPacket, Prng, rejectsTransport, throwsTransport } from './_support.js';
import { closedPort, startWebSocketServer, type TestServer } from './_servers.js';
import { record } from './_transport-harness.js';

let server: TestServer;
test.before(async () => {
  await loadCrypto();
  server = await startWebSocketServer({ crypto: crypto() });
});
test.after(async () => {
  await server.close();
});

for (const codec of OBFUSCATABLE_CODECS) {
  test(`WebSocket: ${codec} over obfuscated2 echoes packets and quick ACKs`, async () => {
    const prng = new Prng(codec.length);
    // obfuscated: false is overridden: WebSocket sockets always carry obfuscated2.
    const rec = record({ sockets: createNodeWebSocketFactory({ secure: false }), codec, obfuscated: false, crypto: crypto(), dcId: -3 });
    assert.ok(rec.transport.obfuscated);
    await rec.transport.connect('127.0.0.1', server.port);
    const sent = [40, 41, 24 + 16 * 9000, 57].map((s, i) => mtprotoPacket(prng, s, i % 2 === 1));
    for (const p of sent) rec.transport.send(p, { quickAck: true });
    await rec.until(() => rec.packets.length === sent.length, 'echoed packets');
    assert.equal(rec.packets.map(hex), sent.map(hex));
    if (codec !== 'full') assert.is(rec.acks.length, sent.length);
    assert.equal(server.connections.at(-1), { codec, obfuscated: true, dcId: -3 });
    assert.equal(server.handshakes.at(-1), { path: '/apiws', protocol: 'binary' });
    rec.transport.close();
    await rec.until(() => rec.closes === 1, 'close');
  });
}

test('WebSocket: the generic adapter takes any WHATWG-shaped constructor and a custom URL', async () => {
  const sockets = createWebSocketFactory({
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    url: (host, port) => `ws://${host}:${port}/custom`,
  });
  assert.ok(sockets.requiresObfuscation);
  const rec = record({ sockets, codec: 'padded-intermediate', crypto: crypto() });
  await rec.transport.connect('127.0.0.1', server.port);
  const packet = mtprotoPacket(new Prng(4), 88);
  rec.transport.send(packet);
  await rec.until(() => rec.packets.length === 1, 'echo');
  assert.is(hex(rec.packets[0]!), hex(packet));
  assert.is(server.handshakes.at(-1)!.path, '/custom');
  rec.transport.close();
  await rec.until(() => rec.closes === 1, 'close');
});

test('WebSocket: without a crypto provider the transport refuses to connect (no plaintext over WebSocket)', async () => {
  const rec = record({ sockets: createNodeWebSocketFactory({ secure: false }), codec: 'abridged' });
  await rejectsTransport(rec.transport.connect('127.0.0.1', server.port), /crypto provider/);
});

test('WebSocket: a refused connection rejects with TransportError', async () => {
  const rec = record({ sockets: createNodeWebSocketFactory({ secure: false }), codec: 'abridged', crypto: crypto() });
  await rejectsTransport(rec.transport.connect('127.0.0.1', await closedPort()), /WebSocket connect to ws:\/\/127\.0\.0\.1:\d+\/apiws/);
});

test('WebSocket: a text message is a TransportError', async () => {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', r));
  wss.on('connection', (ws) => ws.send('hello'));
  try {
    const rec = record({ sockets: createNodeWebSocketFactory({ secure: false }), codec: 'abridged', crypto: crypto() });
    await rec.transport.connect('127.0.0.1', (wss.address() as AddressInfo).port);
    await rec.until(() => rec.closes === 1, 'close after the text message');
    assert.match(rec.errors[0]!.message, /non-binary/);
  } finally {
    await new Promise<void>((r) => wss.close(() => r()));
  }
});

test('WebSocket: with no global WebSocket and none given, the factory says so', () => {
  if ((globalThis as { WebSocket?: unknown }).WebSocket !== undefined) return; // Node 22+ has one
  throwsTransport(() => createWebSocketFactory(), /no WebSocket implementation/);
});

test.run();
