/**
 * `createDefaultSocketFactory` picks the runtime's socket kind: TCP on Node
 * (loaded on demand), WebSocket (the `ws` package) when asked for.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createDefaultSocketFactory } from '../../ts/transport/default-socket.js';
import { createDenoTcpFactory } from '../../ts/platform/deno-tcp.js';
import { throwsTransport } from './_support.js';

test('default sockets: TCP on Node, no obfuscation required', async () => {
  const sockets = await createDefaultSocketFactory();
  assert.is(sockets.requiresObfuscation, false);
});

test('default sockets: prefer websocket gives an obfuscating WebSocket factory on Node too', async () => {
  const sockets = await createDefaultSocketFactory({ prefer: 'websocket', websocket: { secure: false } });
  assert.is(sockets.requiresObfuscation, true);
});

test('Deno TCP: without a Deno namespace the factory says so', () => {
  throwsTransport(() => createDenoTcpFactory(), /Deno\.connect is not available/);
});

test.run();
