/**
 * `Transport` on an in-memory socket (no network): what reaches the socket,
 * how frames become events, transport error codes versus framing errors,
 * and the connection state rules.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createServerStream } from '../../ts/transport/server-stream.js';
import type { Socket, SocketFactory, SocketHandlers } from '../../ts/transport/socket.js';
import { counting, crypto, hex, loadCrypto, mtprotoPacket, Prng, rejectsTransport, throwsTransport, unhex } from './_support.js';
import { record } from './_transport-harness.js';

test.before(async () => {
  await loadCrypto();
});

/** A socket factory whose sockets record writes and let the test play the server. */
function memorySockets(requiresObfuscation = false) {
  const state = {
    writes: [] as Uint8Array[],
    handlers: undefined as SocketHandlers | undefined,
    closed: 0,
    /** Resolves the pending connect (when `manual`). */
    open: undefined as (() => void) | undefined,
    manual: false,
    fail: undefined as unknown,
  };
  const factory: SocketFactory = {
    requiresObfuscation,
    connect(_host, _port, handlers) {
      if (state.fail !== undefined) return Promise.reject(state.fail);
      state.handlers = handlers;
      const socket: Socket = {
        write: (data) => state.writes.push(data.slice()),
        close: () => {
          state.closed++;
          handlers.onClose();
        },
      };
      if (!state.manual) return Promise.resolve(socket);
      return new Promise((resolve) => (state.open = () => resolve(socket)));
    },
  };
  return { factory, state };
}

test('transport: the default codec is intermediate, its prefix sent with the first packet', async () => {
  const { factory, state } = memorySockets();
  const rec = record({ sockets: factory });
  await rec.transport.connect('h', 1);
  rec.transport.send(unhex('0102030405060708'));
  rec.transport.send(unhex('0102030405060708'), { quickAck: true });
  assert.equal(state.writes.map(hex), ['eeeeeeee080000000102030405060708', '080000800102030405060708']);
});

test('transport: packets, quick ACKs and error codes from the socket become events', async () => {
  const { factory, state } = memorySockets();
  const rec = record({ sockets: factory, codec: 'abridged' });
  await rec.transport.connect('h', 1);
  state.handlers!.onData(unhex('02 01020304'));
  state.handlers!.onData(unhex('05060708 80000010 01 6cfe'));
  state.handlers!.onData(unhex('ffff'));
  assert.equal(rec.packets.map(hex), ['0102030405060708']);
  assert.equal(rec.acks, [0x80000010]);
  assert.is(rec.errors[0]!.code, -404);
  // A transport error code leaves the closing to the server.
  assert.is(rec.transport.state, 'open');
  assert.is(state.closed, 0);
});

test('transport: a framing error is emitted and closes the connection', async () => {
  const { factory, state } = memorySockets();
  const rec = record({ sockets: factory, codec: 'full' });
  await rec.transport.connect('h', 1);
  state.handlers!.onData(unhex('14000000 00000000 0102030405060708 00000000'));
  assert.match(rec.errors[0]!.message, /CRC32/);
  assert.is(rec.errors[0]!.code, undefined);
  assert.is(state.closed, 1);
  assert.is(rec.closes, 1);
  assert.is(rec.transport.state, 'closed');
});

test('transport: a socket error is emitted as is', async () => {
  const { factory, state } = memorySockets();
  const rec = record({ sockets: factory });
  await rec.transport.connect('h', 1);
  state.handlers!.onError(new (await import('../../ts/errors.js')).TransportError('ECONNRESET'));
  assert.is(rec.errors[0]!.message, 'ECONNRESET');
});

test('transport: an MTProxy secret implies obfuscation; a server with the secret reads the stream', async () => {
  const { factory, state } = memorySockets();
  const secret = counting(16, 7);
  const rec = record({ sockets: factory, codec: 'padded-intermediate', crypto: crypto(), secret, dcId: 4 });
  assert.ok(rec.transport.obfuscated);
  await rec.transport.connect('h', 1);
  const packet = mtprotoPacket(new Prng(1), 56);
  rec.transport.send(packet);
  const server = createServerStream({ crypto: crypto(), secret });
  const [frame] = server.feed(state.writes[0]!);
  assert.ok(frame!.type === 'packet' && hex(frame!.payload) === hex(packet));
  assert.equal(server.info, { codec: 'padded-intermediate', obfuscated: true, dcId: 4 });
  state.handlers!.onData(server.encode(packet));
  assert.equal(rec.packets.map(hex), [hex(packet)]);
});

test('transport: a socket kind that requires obfuscation gets it', async () => {
  const { factory, state } = memorySockets(true);
  const rec = record({ sockets: factory, codec: 'abridged', crypto: crypto() });
  await rec.transport.connect('h', 1);
  rec.transport.send(counting(8));
  assert.is(state.writes[0]!.length, 64 + 9);
  assert.is.not(state.writes[0]![0], 0xef);
});

test('transport: send needs an open connection; connect refuses while connecting or open', async () => {
  const { factory, state } = memorySockets();
  const rec = record({ sockets: factory });
  throwsTransport(() => rec.transport.send(counting(8)), /not open/);
  state.manual = true;
  const pending = rec.transport.connect('h', 1);
  assert.is(rec.transport.state, 'connecting');
  await rejectsTransport(rec.transport.connect('h', 1), /already connecting/);
  state.open!();
  await pending;
  await rejectsTransport(rec.transport.connect('h', 1), /already open/);
});

test('transport: close() while connecting makes connect reject and closes the late socket', async () => {
  const { factory, state } = memorySockets();
  state.manual = true;
  const rec = record({ sockets: factory });
  const pending = rec.transport.connect('h', 1);
  rec.transport.close();
  assert.is(rec.transport.state, 'closed');
  state.open!();
  await rejectsTransport(pending, /closed while connecting/);
  assert.is(state.closed, 1);
});

test('transport: a socket factory failure becomes a TransportError', async () => {
  const { factory, state } = memorySockets();
  state.fail = new Error('boom');
  const rec = record({ sockets: factory });
  await rejectsTransport(rec.transport.connect('h', 1), /connect failed: Error: boom/);
  assert.is(rec.transport.state, 'closed');
});

test('transport: a packet that cannot be framed is refused at send', async () => {
  const { factory } = memorySockets();
  const rec = record({ sockets: factory, codec: 'abridged' });
  await rec.transport.connect('h', 1);
  throwsTransport(() => rec.transport.send(counting(6)), /multiple of 4/);
});

test('transport: listeners can be removed', async () => {
  const { factory, state } = memorySockets();
  const rec = record({ sockets: factory, codec: 'abridged' });
  let seen = 0;
  const off = rec.transport.on('packet', () => seen++);
  await rec.transport.connect('h', 1);
  state.handlers!.onData(unhex('01 01020304'));
  off();
  state.handlers!.onData(unhex('01 01020304'));
  assert.is(seen, 1);
  assert.is(rec.packets.length, 2);
});

test.run();
