/**
 * TCP end to end on 127.0.0.1: `Transport` over the node:net adapter, and
 * over the Deno adapter (driven by a Deno-shaped shim on node:net, as Deno
 * is not installed here), against a loopback echo server running
 * wasmgram's server stream. Every codec, plain and obfuscated.
 */
import { connect as netConnect } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CODEC_KINDS, OBFUSCATABLE_CODECS } from '../../ts/transport/codec.js';
import type { CodecKind } from '../../ts/transport/frame.js';
import type { SocketFactory } from '../../ts/transport/socket.js';
import { createDenoTcpFactory, type DenoConnLike, type DenoLike } from '../../ts/platform/deno-tcp.js';
import { createNodeTcpFactory } from '../../ts/platform/node/tcp.js';
import { crypto, hex, loadCrypto, mtprotoPacket, Prng, rejectsTransport, unhex } from './_support.js';
import { closedPort, startTcpServer, type TestServer } from './_servers.js';
import { record } from './_transport-harness.js';

/** `Deno.connect` emulated on node:net: read() resolves with queued bytes, null at EOF. */
const denoShim: DenoLike = {
  connect: ({ hostname, port }) =>
    new Promise((resolve, reject) => {
      const sock = netConnect({ host: hostname, port });
      const queue: Uint8Array[] = [];
      let ended = false;
      let waiting: (() => void) | undefined;
      const wake = () => {
        waiting?.();
        waiting = undefined;
      };
      sock.on('data', (b) => (queue.push(new Uint8Array(b)), wake()));
      sock.on('end', () => ((ended = true), wake()));
      sock.on('close', () => ((ended = true), wake()));
      sock.once('error', reject);
      sock.once('connect', () => {
        const conn: DenoConnLike = {
          async read(buffer) {
            while (queue.length === 0 && !ended) await new Promise<void>((r) => (waiting = r));
            const next = queue.shift();
            if (!next) return null;
            const n = Math.min(buffer.length, next.length);
            buffer.set(next.subarray(0, n));
            if (n < next.length) queue.unshift(next.subarray(n));
            return n;
          },
          write: (data) =>
            new Promise((r) => {
              // Report partial writes, as Deno may, to exercise the write loop.
              const n = Math.max(1, Math.ceil(data.length / 2));
              sock.write(data.subarray(0, n), () => r(n));
            }),
          close: () => sock.destroy(),
        };
        resolve(conn);
      });
    }),
};

const ADAPTERS: Record<string, () => SocketFactory> = {
  'node:net': () => createNodeTcpFactory(),
  'Deno.connect': () => createDenoTcpFactory({ deno: denoShim, readBufferSize: 100 }),
};

let server: TestServer;
test.before(async () => {
  await loadCrypto();
  server = await startTcpServer({ crypto: crypto() });
});
test.after(async () => {
  await server.close();
});

async function roundTrip(sockets: SocketFactory, codec: CodecKind, obfuscated: boolean) {
  const prng = new Prng(codec.length + (obfuscated ? 100 : 0));
  const rec = record({ sockets, codec, obfuscated, crypto: crypto(), dcId: 2 });
  await rec.transport.connect('127.0.0.1', server.port);
  assert.is(rec.transport.state, 'open');
  const sent = [40, 41, 24 + 16 * 5000, 57].map((s, i) => mtprotoPacket(prng, s, i % 2 === 1));
  for (const p of sent) rec.transport.send(p, { quickAck: true });
  await rec.until(() => rec.packets.length === sent.length, 'echoed packets');
  assert.equal(rec.packets.map(hex), sent.map(hex));
  if (codec !== 'full')
    assert.equal(
      rec.acks,
      sent.map((p) => (0x80000000 | p.length) >>> 0),
    );
  assert.equal(rec.errors, []);
  const info = server.connections.at(-1);
  assert.equal(info, { codec, obfuscated, dcId: obfuscated ? 2 : undefined });
  rec.transport.close();
  await rec.until(() => rec.closes === 1, 'close');
  assert.is(rec.transport.state, 'closed');
}

for (const [adapter, make] of Object.entries(ADAPTERS)) {
  for (const codec of CODEC_KINDS) {
    for (const obfuscated of OBFUSCATABLE_CODECS.includes(codec) ? [false, true] : [false]) {
      test(`TCP (${adapter}): ${codec}${obfuscated ? ' + obfuscated2' : ''} echoes packets and quick ACKs`, async () => {
        await roundTrip(make(), codec, obfuscated);
      });
    }
  }

  test(`TCP (${adapter}): a refused connection rejects with TransportError`, async () => {
    const rec = record({ sockets: make(), codec: 'abridged' });
    await rejectsTransport(rec.transport.connect('127.0.0.1', await closedPort()), /failed/);
    assert.is(rec.transport.state, 'closed');
  });
}

test('TCP (node:net): the server dropping the connection emits close; connect again starts a fresh stream', async () => {
  // Full framing: after a reconnect the seqnos must start from 0 again, or the server would refuse the frame.
  const rec = record({ sockets: createNodeTcpFactory(), codec: 'full' });
  const prng = new Prng(8);
  await rec.transport.connect('127.0.0.1', server.port);
  rec.transport.send(mtprotoPacket(prng, 40));
  await rec.until(() => rec.packets.length === 1, 'first echo');
  // A frame with a bad CRC makes the server drop the connection.
  const before = server.errors.length;
  (rec.transport as unknown as { socket: { write(b: Uint8Array): void } }).socket.write(unhex('10000000 01000000 00000000 00000000'));
  await rec.until(() => rec.closes === 1, 'server-side close');
  assert.match(server.errors[before]!.message, /CRC32/);
  assert.is(rec.transport.state, 'closed');
  await rejectsTransport(
    Promise.resolve().then(() => rec.transport.send(mtprotoPacket(prng, 40))),
    /not open/,
  );
  await rec.transport.connect('127.0.0.1', server.port);
  rec.transport.send(mtprotoPacket(prng, 40));
  await rec.until(() => rec.packets.length === 2, 'echo after reconnect');
  rec.transport.close();
  await rec.until(() => rec.closes === 2, 'close');
});

test('TCP (node:net): an aborted connect rejects with TransportError', async () => {
  const rec = record({ sockets: createNodeTcpFactory(), codec: 'abridged' });
  const controller = new AbortController();
  controller.abort();
  await rejectsTransport(rec.transport.connect('127.0.0.1', server.port, controller.signal), /aborted/);
});

test.run();
